# Tests of the contributor tooling that are neither unit tests nor e2e cases:
# `ccnt new` driven through a pseudo-terminal, the completion scripts and the
# manual page.

find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME interactive.new
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/interactive/new_pty.py
                   $<TARGET_FILE:ccnt> ${PROJECT_SOURCE_DIR})
endif()
add_test(NAME completion.shells
         COMMAND bash ${PROJECT_SOURCE_DIR}/tests/completion/completion_test.sh
                 $<TARGET_FILE:ccnt> ${PROJECT_SOURCE_DIR})

# The generated manual page renders without a warning from groff.
find_program(CCNT_GROFF groff)
find_program(CCNT_PRECONV preconv)
if(CCNT_GROFF AND CCNT_PRECONV)
  add_test(NAME man.renders
           COMMAND sh -c "\"$1\" __man | \"$2\" | \"$3\" -man -Tutf8 -ww -z 2>&1 | \
                          { ! grep . ; }" sh $<TARGET_FILE:ccnt> ${CCNT_PRECONV} ${CCNT_GROFF})
endif()
