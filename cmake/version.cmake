# ccnt's version has one source: the release tag, vMAJOR.MINOR.PATCH (docs/install.md#versions).
# In order:
#   1. -DCCNT_VERSION=X.Y.Z when given (a leading v is dropped): a packager's override;
#   2. `git describe` of the source directory when it is a git work tree of its own:
#      on the tag v0.2.0 → 0.2.0; three commits later → 0.2.0+3.g1a2b3c4;
#      no tag reachable → 0.0.0+g1a2b3c4;
#   3. cmake/version_archive.txt, which `git archive` fills in (export-subst in .gitattributes),
#      so that a release's source tarball, which has no .git, knows its version too;
#   4. otherwise 0.0.0+unknown, with a warning saying how to set it.
#
# Included by CMakeLists.txt (defines ccnt_compute_version), and run as a script:
#   cmake -DSOURCE_DIR=DIR [-DCCNT_VERSION=X.Y.Z] -P cmake/version.cmake
#       prints the version on standard output (tests, tools/release.sh, tests/package/test_deb.sh);
#   cmake -DSOURCE_DIR=DIR [-DCCNT_VERSION=...] -DOUTPUT_DIR=DIR -P cmake/version.cmake
#       writes version.cpp (ccnt::version()) and version.txt there, each only when it changed,
#       so that a build after a new commit relinks with the new version and compiles one file.

# "v0.2.0-3-g1a2b3c4" (git describe) → "0.2.0+3.g1a2b3c4"; "v0.2.0" → "0.2.0".
function(ccnt_version_from_describe describe out)
  if(describe MATCHES "^v?([0-9][^ ]*)-([0-9]+)-g([0-9a-f]+)$")
    set(${out} "${CMAKE_MATCH_1}+${CMAKE_MATCH_2}.g${CMAKE_MATCH_3}" PARENT_SCOPE)
  elseif(describe MATCHES "^v?([0-9][^ ]*)$")
    set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

# Sets `out` to the version of the source tree at `source_dir` (see above).
function(ccnt_compute_version source_dir out)
  if(NOT "${CCNT_VERSION}" STREQUAL "")
    if(NOT CCNT_VERSION MATCHES "^v?[0-9][0-9A-Za-z.+~]*$")
      message(FATAL_ERROR "ccnt: -DCCNT_VERSION=${CCNT_VERSION} is not a version such as 0.2.0 "
                          "(digits first, then letters, digits and . + ~)")
    endif()
    string(REGEX REPLACE "^v" "" version "${CCNT_VERSION}")
    set(${out} "${version}" PARENT_SCOPE)
    return()
  endif()
  get_filename_component(source_dir "${source_dir}" REALPATH)
  find_program(CCNT_GIT_PROGRAM git)
  if(CCNT_GIT_PROGRAM)
    # Only a work tree whose top is the source directory: a tarball unpacked inside another
    # repository must not take that repository's tags.
    execute_process(COMMAND "${CCNT_GIT_PROGRAM}" -C "${source_dir}" rev-parse --show-toplevel
                    OUTPUT_VARIABLE top OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE failed ERROR_QUIET)
    if(NOT failed)
      get_filename_component(top "${top}" REALPATH)
    endif()
    if(NOT failed AND top STREQUAL source_dir)
      execute_process(COMMAND "${CCNT_GIT_PROGRAM}" -C "${source_dir}" describe --tags
                              --match "v[0-9]*" --abbrev=7
                      OUTPUT_VARIABLE describe OUTPUT_STRIP_TRAILING_WHITESPACE
                      RESULT_VARIABLE no_tag ERROR_QUIET)
      if(NOT no_tag)
        ccnt_version_from_describe("${describe}" version)
        if(version)
          set(${out} "${version}" PARENT_SCOPE)
          return()
        endif()
      endif()
      execute_process(COMMAND "${CCNT_GIT_PROGRAM}" -C "${source_dir}" rev-parse --short=7 HEAD
                      OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE
                      RESULT_VARIABLE no_commit ERROR_QUIET)
      if(NOT no_commit)
        set(${out} "0.0.0+g${commit}" PARENT_SCOPE)
        return()
      endif()
    endif()
  endif()
  set(archive "${source_dir}/cmake/version_archive.txt")
  if(EXISTS "${archive}")
    file(STRINGS "${archive}" lines)
    set(describe "")
    set(commit "")
    foreach(line IN LISTS lines)
      if(line MATCHES "^describe: (.*)$")
        set(describe "${CMAKE_MATCH_1}")
      elseif(line MATCHES "^commit: ([0-9a-f]+)$")
        set(commit "${CMAKE_MATCH_1}")
      endif()
    endforeach()
    if(NOT describe MATCHES "Format:")  # filled in by git archive
      ccnt_version_from_describe("${describe}" version)
      if(version)
        set(${out} "${version}" PARENT_SCOPE)
        return()
      endif()
      if(commit)
        set(${out} "0.0.0+g${commit}" PARENT_SCOPE)
        return()
      endif()
    endif()
  endif()
  message(WARNING "ccnt: cannot tell the version (no git work tree, no tag, not a git archive); "
                  "using 0.0.0+unknown: configure with -DCCNT_VERSION=X.Y.Z")
  set(${out} "0.0.0+unknown" PARENT_SCOPE)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  if(NOT SOURCE_DIR)
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=DIR [-DOUTPUT_DIR=DIR] -P version.cmake")
  endif()
  ccnt_compute_version("${SOURCE_DIR}" version)
  if(OUTPUT_DIR)
    file(MAKE_DIRECTORY "${OUTPUT_DIR}")
    # file(CONFIGURE) writes only when the content changes (@ONLY: nothing in it is substituted).
    file(CONFIGURE OUTPUT "${OUTPUT_DIR}/version.cpp" @ONLY CONTENT
      "// Generated by cmake/version.cmake at build time; do not edit.\n#include \"core/util/version.hpp\"\n\nnamespace ccnt {\n\nstd::string_view version() {\n  return \"${version}\";\n}\n\n}  // namespace ccnt\n")
    file(CONFIGURE OUTPUT "${OUTPUT_DIR}/version.txt" @ONLY CONTENT "${version}\n")
  else()
    execute_process(COMMAND "${CMAKE_COMMAND}" -E echo "${version}")
  endif()
endif()
