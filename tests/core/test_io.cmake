# Image I/O (ITK) and phantoms: only where ITK was found.
logonet_add_test(test_phantom SOURCES test_phantom.cpp LIBS logonet_core QT)
if(TARGET logonet_core_io)
  logonet_add_test(test_io SOURCES test_io.cpp LIBS logonet_core_io QT)
  logonet_add_test(test_io_dicom SOURCES test_io_dicom.cpp LIBS logonet_core_io QT)
  # Hostile headers and truncated files (issue 15).
  logonet_add_test(test_io_hostile SOURCES test_io_hostile.cpp LIBS logonet_core_io QT TIMEOUT 60)
endif()
