# Helpers shared by every layer's CMakeLists.

# Warnings for our own code (not for third-party headers, which come in as SYSTEM).
function(logonet_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()

# LibTorch translation units are slow to compile: every torch target shares one precompiled
# <torch/torch.h>. QT_NO_KEYWORDS would not help here (LibTorch has a member named slots()),
# so LibTorch targets never include Qt headers; tests use Q_SLOTS.
function(logonet_use_torch target)
  target_link_libraries(${target} PUBLIC ${TORCH_LIBRARIES})
  target_include_directories(${target} SYSTEM PUBLIC ${TORCH_INCLUDE_DIRS})
  # No target sets POSITION_INDEPENDENT_CODE: libraries and executables then compile with the
  # compiler's default (-fPIE on Debian) and can all share one PCH.
  if(TARGET logonet_torch_pch AND NOT "${target}" STREQUAL "logonet_torch_pch")
    target_precompile_headers(${target} REUSE_FROM logonet_torch_pch)
  endif()
endfunction()
