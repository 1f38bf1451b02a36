# Durability (issue 15): fsync'd writes, the integrity check, and a helper program that the kill
# test starts and SIGKILLs at random points.
logonet_add_test(test_durable_file SOURCES test_durable_file.cpp LIBS logonet_storage QT
                 TIMEOUT 60)
add_dependencies(test_durable_file test_durability_helper)
target_compile_definitions(test_durable_file PRIVATE
                           DURABILITY_HELPER="${CMAKE_CURRENT_BINARY_DIR}/test_durability_helper")
if(TARGET logonet_project_commands)
  # `logonet check` itself, when this build has the engine's project commands.
  add_dependencies(test_durable_file logonet)
  target_compile_definitions(test_durable_file PRIVATE
                             LOGONET_ENGINE="${PROJECT_BINARY_DIR}/app/logonet")
endif()

add_executable(test_durability_helper test_durability_helper.cpp)
target_link_libraries(test_durability_helper PRIVATE logonet_storage)
logonet_set_warnings(test_durability_helper)

logonet_add_test(test_durability_kill SOURCES test_durability_kill.cpp LIBS logonet_storage QT
                 TIMEOUT 240)
add_dependencies(test_durability_kill test_durability_helper)
target_compile_definitions(test_durability_kill PRIVATE
                           DURABILITY_HELPER="${CMAKE_CURRENT_BINARY_DIR}/test_durability_helper")

# The fsync/rename/commit order of each save, read from an strace of the helper.
add_executable(test_save_order test_save_order.cpp)
target_link_libraries(test_save_order PRIVATE logonet_storage)
logonet_set_warnings(test_save_order)
add_dependencies(test_save_order test_durability_helper)
target_compile_definitions(test_save_order PRIVATE
                           DURABILITY_HELPER="${CMAKE_CURRENT_BINARY_DIR}/test_durability_helper")
add_test(NAME test_save_order COMMAND test_save_order)
set_tests_properties(test_save_order PROPERTIES TIMEOUT 60 SKIP_RETURN_CODE 77)
