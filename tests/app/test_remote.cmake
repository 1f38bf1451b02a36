# Remote runs over ssh (app/engine/remote): quoting and arguments without a host, then a real
# OpenSSH server on 127.0.0.1 with a tiny training through it.
logonet_add_test(test_remote_arguments SOURCES test_remote_arguments.cpp LIBS logonet_remote QT
                 TIMEOUT 60)
if(LOGONET_WITH_STORAGE)
  logonet_add_test(test_remote_run SOURCES test_remote_run.cpp LIBS logonet_training QT TORCH
                   TIMEOUT 480)
  # What a hostile host or run folder cannot do, through the same kind of server.
  logonet_add_test(test_remote_host SOURCES test_remote_host.cpp QT TIMEOUT 240)
  foreach(remote_test test_remote_run test_remote_host)
    add_dependencies(${remote_test} logonet)
    target_compile_definitions(${remote_test} PRIVATE LOGONET_EXECUTABLE="$<TARGET_FILE:logonet>")
  endforeach()
  # Remote prediction (issue 14) through the same kind of server; 77 (skip) without sshd.
  logonet_add_test(test_remote_infer SOURCES test_remote_infer.cpp LIBS logonet_storage QT)
  add_dependencies(test_remote_infer logonet)
  target_compile_definitions(test_remote_infer PRIVATE LOGONET_EXECUTABLE="$<TARGET_FILE:logonet>")
  set_tests_properties(test_remote_infer PROPERTIES SKIP_RETURN_CODE 77)
endif()
