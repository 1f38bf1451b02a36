# Helpers shared by every layer's CMakeLists.

# Warnings for our own code (not for third-party headers, which come in as SYSTEM).
function(logonet_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()

# LibTorch translation units are slow to compile: every torch target shares one precompiled
# <torch/torch.h>. QT_NO_KEYWORDS would not help here (LibTorch has a member named slots()),
# so LibTorch targets never include Qt headers; tests use Q_SLOTS.
function(logonet_use_torch target)
  cmake_parse_arguments(U "PIC" "" "" ${ARGN})
  target_link_libraries(${target} PUBLIC ${TORCH_LIBRARIES})
  target_include_directories(${target} SYSTEM PUBLIC ${TORCH_INCLUDE_DIRS})
  # No library or engine target sets POSITION_INDEPENDENT_CODE: they compile with the compiler's
  # default (-fPIE on Debian) and share one PCH; programs that link Qt (-fPIC) pass PIC and share
  # its position-independent twin.
  set(pch logonet_torch_pch)
  if(U_PIC)
    set(pch logonet_torch_pch_pic)
  endif()
  if(TARGET ${pch} AND NOT "${target}" MATCHES "^logonet_torch_pch")
    target_precompile_headers(${target} REUSE_FROM ${pch})
  endif()
endfunction()

# One test program per class or concept, Qt Test style where Qt is available.
# logonet_add_test(NAME SOURCES a.cpp b.cpp LIBS x y [TORCH] [QT] [GUI] [TIMEOUT s] [LABELS l])
function(logonet_add_test name)
  cmake_parse_arguments(T "TORCH;QT;GUI" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS})
  # Fixtures shared across the layers' test folders (tests/common).
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
  target_compile_definitions(${name} PRIVATE
    LOGONET_SOURCE_DIR="${PROJECT_SOURCE_DIR}" LOGONET_BINARY_DIR="${PROJECT_BINARY_DIR}")
  if(T_QT OR T_GUI)
    set_target_properties(${name} PROPERTIES AUTOMOC ON)
    target_link_libraries(${name} PRIVATE Qt6::Test)
  endif()
  if(T_TORCH)
    # LibTorch has a member named slots(): Qt's keywords must stay off in these programs.
    target_compile_definitions(${name} PRIVATE QT_NO_KEYWORDS)
    if(T_QT OR T_GUI)
      logonet_use_torch(${name} PIC)
    else()
      logonet_use_torch(${name})
    endif()
  endif()
  logonet_set_warnings(${name})
  add_test(NAME ${name} COMMAND ${name})
  set(env "OMP_NUM_THREADS=2;QT_QPA_PLATFORM=offscreen")
  if(T_GUI)
    # GUI tests run under the Xvfb display that tests/run-all.sh starts.
    set(env "OMP_NUM_THREADS=2")
  endif()
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}")
  set(timeout 300)
  if(T_TIMEOUT)
    set(timeout ${T_TIMEOUT})
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${timeout})
  # Qt Test aborts a test function after 5 minutes whatever CTest allows: give it the same limit.
  math(EXPR function_timeout_ms "${timeout} * 1000")
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT "QTEST_FUNCTION_TIMEOUT=${function_timeout_ms}")
  if(T_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
  endif()
endfunction()
