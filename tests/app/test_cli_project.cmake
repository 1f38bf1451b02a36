# The project commands of the `logonet` binary, run as a user would run them: project create,
# import, list, export (test_cli_project); per-scan edits after import and k-fold splits
# (test_cli_scans).
if(LOGONET_WITH_STORAGE)
  foreach(cli_test test_cli_project test_cli_scans)
    logonet_add_test(${cli_test} SOURCES ${cli_test}.cpp QT TIMEOUT 120)
    add_dependencies(${cli_test} logonet)
    target_compile_definitions(${cli_test} PRIVATE
      LOGONET_EXECUTABLE="$<TARGET_FILE:logonet>" LOGONET_PYTHON_EXECUTABLE="${LOGONET_PYTHON}")
  endforeach()
endif()
