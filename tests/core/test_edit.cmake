# Tests of the label editing engine (core/editing), one program per tool family.
foreach(edit_test test_edit_brush test_edit_rules test_edit_fill test_edit_polygon
        test_edit_interpolation test_edit_components test_edit_history test_label_statistics)
  logonet_add_test(${edit_test} SOURCES ${edit_test}.cpp LIBS logonet_core QT TIMEOUT 60)
endforeach()
target_link_libraries(test_edit_polygon PRIVATE Qt6::Gui)
