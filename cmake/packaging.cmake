# Packaging: `cpack -G DEB` in the build directory makes a Debian package of
# what `cmake --install` installs. See docs/install.md.
#
# ccnt looks for its schemas in ${CMAKE_INSTALL_FULL_DATADIR}/ccnt, fixed at build
# time, so the package installs under the same prefix the build was configured
# with: configure with -DCMAKE_INSTALL_PREFIX=/usr for a package that follows
# Debian policy (the default, /usr/local, is for `cmake --install`).

set(CCNT_PACKAGE_MAINTAINER "CCNT contributors" CACHE STRING
    "Maintainer field of the Debian package: Name <email>")

set(CPACK_PACKAGE_NAME ccnt)
# The version: as configured, then, when cpack runs, the one the last build put in the binary
# (src/CMakeLists.txt writes generated/version.txt), so that the two never differ.
set(CPACK_PACKAGE_VERSION ${CCNT_CONFIGURED_VERSION})
set(CCNT_BUILT_VERSION_FILE ${PROJECT_BINARY_DIR}/src/generated/version.txt)
configure_file(${CMAKE_CURRENT_LIST_DIR}/cpack_version.cmake.in
               ${PROJECT_BINARY_DIR}/cpack_version.cmake @ONLY)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_BINARY_DIR}/cpack_version.cmake)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "China Carbon Neutrality Tracker (零碳录): policy database tool")
set(CPACK_PACKAGE_DESCRIPTION
    "ccnt loads, validates, filters and prints a flat-file database of Chinese\n"
    "climate-policy documents (one YAML file per policy), compares their\n"
    "quantitative targets and renders the monthly bulletin (月报). The package\n"
    "holds the ccnt program, the policy schema and registries, the bulletin\n"
    "template, shell completion for bash, zsh and fish, and the manual page.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CCNT_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Dependencies (libyaml-cpp0.7, libfmt9, libutf8proc2, libxlsxwriter4, libc6, libstdc++6) from
# dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")

if(CMAKE_INSTALL_PREFIX STREQUAL "/usr/local")
  message(STATUS "ccnt: packages install under /usr/local; configure with "
                 "-DCMAKE_INSTALL_PREFIX=/usr for a Debian package")
endif()

include(CPack)
