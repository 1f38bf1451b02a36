# The daily loop in the window with the real engine: train from Start on a fresh project,
# predict, correct, save, export (read back with nibabel), Cancel, a refused run.
logonet_add_test(test_predict_loop SOURCES test_predict_loop.cpp LIBS logonet_views GUI
                 TIMEOUT 400)
target_compile_definitions(test_predict_loop PRIVATE
                           LOGONET_ENGINE_FOR_TESTS="$<TARGET_FILE:logonet>"
                           LOGONET_PYTHON_FOR_TESTS="${LOGONET_PYTHON}"
                           LOGONET_WORKSTATION="$<TARGET_FILE:logonet-workstation>")
add_dependencies(test_predict_loop logonet-workstation)
set_tests_properties(test_predict_loop PROPERTIES SKIP_RETURN_CODE 77)
# ITK-SNAP/Slicer conventions in the main window: window-wide keys, the shortcuts page, numeric
# window/level, an empty review verdict and Next case.
logonet_add_test(test_workstation_conventions SOURCES test_workstation_conventions.cpp
                 LIBS logonet_views GUI TIMEOUT 120)
