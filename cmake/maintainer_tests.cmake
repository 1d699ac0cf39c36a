# Tests of what data repositories adopt ccnt with (docs/ci.md): the version from the release
# tag, the GitHub Action's scripts and files, and the pre-commit hooks with the real pre-commit.
# Each is registered whatever the machine has; one that needs a program the machine lacks runs
# through tests/require.sh and is reported skipped (exit 77), naming it.

add_test(NAME version.from_tag
         COMMAND sh ${CCNT_REQUIRE} git --
                 bash ${PROJECT_SOURCE_DIR}/tests/release/version_test.sh $<TARGET_FILE:ccnt>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/src/generated/version.txt)

# The action's scripts with the runner's files, on the pull request with 18 problems; its
# installer on a release in a file:// directory.
add_test(NAME ci.action
         COMMAND sh ${CCNT_REQUIRE} curl --
                 bash ${PROJECT_SOURCE_DIR}/tests/ci/action_test.sh $<TARGET_FILE:ccnt>
                 ${PROJECT_SOURCE_DIR})

# action.yml, the workflows, the example workflow and .pre-commit-hooks.yaml parse and hold
# what GitHub and pre-commit need (python3-yaml; the script says when it is missing).
add_test(NAME ci.files
         COMMAND sh ${CCNT_REQUIRE} python3 --
                 python3 ${PROJECT_SOURCE_DIR}/tests/ci/check_ci_files.py ${PROJECT_SOURCE_DIR})

# The hooks run by pre-commit from a scratch data repository.
add_test(NAME ci.pre_commit
         COMMAND sh ${CCNT_REQUIRE} pre-commit git --
                 bash ${PROJECT_SOURCE_DIR}/tests/ci/pre_commit_test.sh $<TARGET_FILE:ccnt>
                 ${PROJECT_SOURCE_DIR})

# The scripts of the action, the release and these tests pass shellcheck.
add_test(NAME ci.shellcheck
         COMMAND sh ${CCNT_REQUIRE} shellcheck --
                 shellcheck -x ${PROJECT_SOURCE_DIR}/tools/action/install.sh
                 ${PROJECT_SOURCE_DIR}/tools/action/validate.sh
                 ${PROJECT_SOURCE_DIR}/tools/release.sh ${PROJECT_SOURCE_DIR}/tools/bootstrap.sh
                 ${PROJECT_SOURCE_DIR}/tests/ci/action_test.sh
                 ${PROJECT_SOURCE_DIR}/tests/ci/pre_commit_test.sh
                 ${PROJECT_SOURCE_DIR}/tests/release/version_test.sh
                 ${PROJECT_SOURCE_DIR}/tests/package/test_deb.sh)

set_tests_properties(version.from_tag ci.action ci.files ci.pre_commit ci.shellcheck
                     PROPERTIES SKIP_RETURN_CODE 77 ENVIRONMENT "${CCNT_TEST_ENVIRONMENT}")
