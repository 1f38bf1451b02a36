# The project commands of the `logonet` binary, run as a user would run them.
if(LOGONET_WITH_STORAGE)
  logonet_add_test(test_cli_project SOURCES test_cli_project.cpp QT TIMEOUT 120)
  add_dependencies(test_cli_project logonet)
  target_compile_definitions(test_cli_project PRIVATE
    LOGONET_EXECUTABLE="$<TARGET_FILE:logonet>" LOGONET_PYTHON_EXECUTABLE="${LOGONET_PYTHON}")
endif()
