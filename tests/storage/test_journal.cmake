# Tests of the autosave journal (storage/journal), with a helper program that the crash test
# starts and kills.
logonet_add_test(test_journal SOURCES test_journal.cpp LIBS logonet_storage QT TIMEOUT 60)

add_executable(test_journal_helper test_journal_helper.cpp)
target_link_libraries(test_journal_helper PRIVATE logonet_storage)
logonet_set_warnings(test_journal_helper)

logonet_add_test(test_journal_crash SOURCES test_journal_crash.cpp LIBS logonet_storage QT
                 TIMEOUT 60)
add_dependencies(test_journal_crash test_journal_helper)
# The helper sits next to the test (generator expressions here would confuse AUTOMOC).
target_compile_definitions(test_journal_crash PRIVATE
                           JOURNAL_HELPER="${CMAKE_CURRENT_BINARY_DIR}/test_journal_helper")
