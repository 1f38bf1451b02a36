# The pre-training panels (Cluster Browser, Masked Sequences) against the real engine: it is not
# a build dependency, so that the GUI builds alone; the tests say when it is missing.
logonet_add_test(test_cluster_browser SOURCES test_cluster_browser.cpp LIBS logonet_views GUI
                 TIMEOUT 240)
target_compile_definitions(test_cluster_browser PRIVATE
                           LOGONET_ENGINE_FOR_TESTS="$<TARGET_FILE:logonet>")
logonet_add_test(test_masked_sequences SOURCES test_masked_sequences.cpp LIBS logonet_views GUI
                 TIMEOUT 240)
target_compile_definitions(test_masked_sequences PRIVATE
                           LOGONET_ENGINE_FOR_TESTS="$<TARGET_FILE:logonet>")
