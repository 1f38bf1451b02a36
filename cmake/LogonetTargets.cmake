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
