# The annotation tool panel and controller driven with real mouse and key events.
logonet_add_test(test_annotation SOURCES test_annotation.cpp LIBS logonet_views GUI TIMEOUT 120)
