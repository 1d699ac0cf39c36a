# Tests of the contributor tooling that are neither unit tests nor e2e cases:
# `ccnt new` driven through a pseudo-terminal, the completion scripts and the
# manual page. Each is registered whatever the machine has: one that needs a
# program the machine lacks (python3, groff, zsh, ...) runs through
# tests/require.sh, which reports it skipped (exit 77) and names the program.

set(CCNT_REQUIRE ${PROJECT_SOURCE_DIR}/tests/require.sh)

add_test(NAME interactive.new
         COMMAND sh ${CCNT_REQUIRE} python3 --
                 python3 ${PROJECT_SOURCE_DIR}/tests/interactive/new_pty.py
                 $<TARGET_FILE:ccnt> ${PROJECT_SOURCE_DIR})

add_test(NAME completion.bash
         COMMAND bash ${PROJECT_SOURCE_DIR}/tests/completion/completion_test.sh
                 $<TARGET_FILE:ccnt> ${PROJECT_SOURCE_DIR} bash)
foreach(shell IN ITEMS shellcheck zsh fish)
  add_test(NAME completion.${shell}
           COMMAND sh ${CCNT_REQUIRE} ${shell} --
                   bash ${PROJECT_SOURCE_DIR}/tests/completion/completion_test.sh
                   $<TARGET_FILE:ccnt> ${PROJECT_SOURCE_DIR} ${shell})
endforeach()

# The generated manual page renders without a warning from groff.
add_test(NAME man.renders
         COMMAND sh ${CCNT_REQUIRE} groff preconv --
                 sh -c "\"$1\" __man | preconv | groff -man -Tutf8 -ww -z 2>&1 | { ! grep . ; }"
                 sh $<TARGET_FILE:ccnt>)

set_tests_properties(interactive.new completion.bash completion.shellcheck completion.zsh
                     completion.fish man.renders
                     PROPERTIES SKIP_RETURN_CODE 77 ENVIRONMENT "${CCNT_TEST_ENVIRONMENT}")
