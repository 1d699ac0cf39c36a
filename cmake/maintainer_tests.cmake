# Tests of what data repositories adopt ccnt with (docs/ci.md): the version from the release
# tag, the release script, the GitHub Action's scripts and files, and the pre-commit hooks with
# the real pre-commit. Each is registered whatever the machine has; one that needs a program
# the machine lacks runs through tests/require.sh and is reported skipped (exit 77), naming it.

add_test(NAME version.from_tag
         COMMAND sh ${CCNT_REQUIRE} git --
                 bash ${PROJECT_SOURCE_DIR}/tests/release/version_test.sh $<TARGET_FILE:ccnt>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/src/generated/version.txt)

set_tests_properties(version.from_tag
                     PROPERTIES SKIP_RETURN_CODE 77 ENVIRONMENT "${CCNT_TEST_ENVIRONMENT}")
