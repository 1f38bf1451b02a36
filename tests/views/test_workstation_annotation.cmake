# The annotation tools mounted in the real main window: edit mode, undo/redo, label versions.
logonet_add_test(test_workstation_annotation SOURCES test_workstation_annotation.cpp
                 LIBS logonet_views GUI TIMEOUT 180)
# The real main window SIGKILLed in the middle of painting; every finished stroke comes back.
logonet_add_test(test_workstation_kill SOURCES test_workstation_kill.cpp LIBS logonet_views GUI
                 TIMEOUT 180)
