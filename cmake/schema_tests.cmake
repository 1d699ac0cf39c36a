# Tests of the published JSON Schemas (docs/editors.md): the committed editor schema is what
# `ccnt schema --editor` makes of schemas/ now; an independent validator (python3-jsonschema)
# accepts the bundled files and judges variations as ccnt does; a real language server
# (yaml-language-server, as VS Code's YAML extension runs it) completes and flags names. Each is
# registered whatever the machine has; a missing program makes it skipped (exit 77), by name.

# Fails with the command that regenerates the file when schemas/ changed without it.
add_test(NAME schema.editor-in-sync
         COMMAND $<TARGET_FILE:ccnt> schema --editor --check
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

add_test(NAME schema.jsonschema
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/require.sh python3 --
                 python3 ${PROJECT_SOURCE_DIR}/tests/schema/schema_test.py
                 $<TARGET_FILE:ccnt> ${PROJECT_SOURCE_DIR})

add_test(NAME editor.language-server
         COMMAND sh ${PROJECT_SOURCE_DIR}/tests/require.sh python3 node --
                 python3 ${PROJECT_SOURCE_DIR}/tests/editor/lsp_test.py ${PROJECT_SOURCE_DIR})

set_tests_properties(schema.editor-in-sync schema.jsonschema editor.language-server
                     PROPERTIES SKIP_RETURN_CODE 77 ENVIRONMENT "${CCNT_TEST_ENVIRONMENT}")
