# Predict on a remote host (issue 14): the dialog's "Where" with a stand-in engine, then with the
# real engine through an OpenSSH server on 127.0.0.1 (77, a skip, without sshd).
logonet_add_test(test_predict_remote SOURCES test_predict_remote.cpp LIBS logonet_views GUI
                 TIMEOUT 60)
logonet_add_test(test_predict_remote_host SOURCES test_predict_remote_host.cpp LIBS logonet_views
                 GUI TIMEOUT 300)
target_compile_definitions(test_predict_remote_host PRIVATE
                           LOGONET_ENGINE_FOR_TESTS="$<TARGET_FILE:logonet>")
add_dependencies(test_predict_remote_host logonet)
set_tests_properties(test_predict_remote_host PROPERTIES SKIP_RETURN_CODE 77)
