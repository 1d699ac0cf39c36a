# Shell completion: the scripts in completions/ are installed where bash, zsh
# and fish look for them, and embedded in ccnt for `ccnt completion SHELL`.

set(CCNT_COMPLETION_DIR ${PROJECT_SOURCE_DIR}/completions)
foreach(shell_and_file IN ITEMS "BASH;ccnt.bash" "ZSH;_ccnt" "FISH;ccnt.fish")
  list(GET shell_and_file 0 shell)
  list(GET shell_and_file 1 file)
  file(READ ${CCNT_COMPLETION_DIR}/${file} CCNT_${shell}_COMPLETION)
  if(CCNT_${shell}_COMPLETION MATCHES "\\)ccnt_script\"")
    message(FATAL_ERROR "completions/${file} must not contain )ccnt_script\"")
  endif()
  # Re-run the configuration when a script changes, so that the binary embeds the new one.
  set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
               ${CCNT_COMPLETION_DIR}/${file})
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/cmake/completion_scripts.hpp.in
               ${PROJECT_BINARY_DIR}/generated/cli/completion_scripts.hpp @ONLY)
target_include_directories(ccnt_cli PRIVATE ${PROJECT_BINARY_DIR}/generated)

install(FILES ${CCNT_COMPLETION_DIR}/ccnt.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME ccnt)
install(FILES ${CCNT_COMPLETION_DIR}/_ccnt DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${CCNT_COMPLETION_DIR}/ccnt.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
