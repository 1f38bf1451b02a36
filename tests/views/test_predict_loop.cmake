# The daily loop in the window with the real engine: train from Start on a fresh project,
# predict, correct, save, export (read back with nibabel), Cancel, a refused run.
logonet_add_test(test_predict_loop SOURCES test_predict_loop.cpp LIBS logonet_views GUI
                 TIMEOUT 400)
target_compile_definitions(test_predict_loop PRIVATE
                           LOGONET_ENGINE_FOR_TESTS="$<TARGET_FILE:logonet>"
                           LOGONET_PYTHON_FOR_TESTS="${LOGONET_PYTHON}")
