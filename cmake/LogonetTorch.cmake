# Finds PyTorch's LibTorch 2.x in the project's Python environment (.venv, made by
# scripts/install-deps.sh), so that no README command needs a flag. A Torch_DIR or
# CMAKE_PREFIX_PATH given by the user still wins.

set(LOGONET_PYTHON "${PROJECT_SOURCE_DIR}/.venv/bin/python" CACHE FILEPATH
    "Python of the project's environment: LibTorch comes from its torch wheel, tests use its readers")
set(logonet_torch_hint "run scripts/install-deps.sh (it makes .venv with PyTorch from requirements.txt)")

if(NOT Torch_DIR AND EXISTS "${LOGONET_PYTHON}")
  execute_process(
    COMMAND "${LOGONET_PYTHON}" -c "import torch.utils; print(torch.utils.cmake_prefix_path)"
    OUTPUT_VARIABLE logonet_torch_prefix OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE logonet_torch_probe ERROR_QUIET)
  if(logonet_torch_probe EQUAL 0 AND logonet_torch_prefix)
    list(APPEND CMAKE_PREFIX_PATH "${logonet_torch_prefix}")
  endif()
endif()

# LibTorch's config looks for CUDA itself when the wheel has it: the toolkit's nvcc must be found.
if(NOT CMAKE_CUDA_COMPILER AND NOT DEFINED ENV{CUDACXX})
  find_program(logonet_nvcc nvcc HINTS /usr/local/cuda/bin ENV CUDA_HOME PATH_SUFFIXES bin)
  if(logonet_nvcc)
    set(CMAKE_CUDA_COMPILER "${logonet_nvcc}" CACHE FILEPATH "CUDA compiler")
  endif()
endif()

# The GPUs a lab has, Turing (7.5) through Blackwell (12.0). LibTorch's config reads this list
# (it would otherwise probe for a GPU); the project's kernels use LOGONET_CUDA_ARCHITECTURES.
if(NOT DEFINED ENV{TORCH_CUDA_ARCH_LIST} AND NOT TORCH_CUDA_ARCH_LIST)
  set(TORCH_CUDA_ARCH_LIST "7.5;8.0;8.6;8.9;9.0;10.0;12.0")
endif()
set(LOGONET_CUDA_ARCHITECTURES "75-real;80-real;86-real;89-real;90-real;100-real;120"
    CACHE STRING "GPU architectures of the project's CUDA kernels (SASS, plus PTX of the last)")

find_package(Torch CONFIG QUIET)
if(NOT Torch_FOUND)
  message(FATAL_ERROR "LibTorch 2.x not found (looked in ${LOGONET_PYTHON}'s torch): "
                      "${logonet_torch_hint}")
endif()
if(Torch_VERSION VERSION_LESS 2.0)
  message(FATAL_ERROR "LibTorch ${Torch_VERSION} at ${Torch_DIR} is older than 2.0: "
                      "${logonet_torch_hint}")
endif()

set(LOGONET_TORCH_CUDA OFF)
if(CAFFE2_USE_CUDA OR TORCH_CUDA_LIBRARIES)
  set(LOGONET_TORCH_CUDA ON)
endif()

# The wheel brings its own CUDA libraries (nvidia/*/lib beside torch/), newer than or equal to
# the toolkit's, and libtorch_cuda finds them through its RPATH. The toolkit is only for nvcc and
# headers: the programs must load the wheel's libraries too, or a process would mix the toolkit's
# older cudart or NCCL with what LibTorch was built against (the link then fails on NCCL symbols
# that the toolkit's NCCL lacks).
get_filename_component(logonet_wheel_nvidia "${TORCH_INSTALL_PREFIX}/../nvidia" ABSOLUTE)
if(LOGONET_TORCH_CUDA AND IS_DIRECTORY "${logonet_wheel_nvidia}")
  file(GLOB logonet_wheel_cuda_dirs LIST_DIRECTORIES true "${logonet_wheel_nvidia}/*/lib")
  foreach(dir IN LISTS logonet_wheel_cuda_dirs)
    add_link_options("LINKER:-rpath-link,${dir}")
  endforeach()
  foreach(lib IN ITEMS cudart nvrtc cublas cublasLt cufft cusparse cusolver cupti nvJitLink)
    file(GLOB logonet_wheel_lib "${logonet_wheel_nvidia}/*/lib/lib${lib}.so.[0-9]*")
    if(TARGET CUDA::${lib} AND logonet_wheel_lib)
      list(GET logonet_wheel_lib 0 logonet_wheel_lib)
      set_target_properties(CUDA::${lib} PROPERTIES IMPORTED_LOCATION "${logonet_wheel_lib}")
    endif()
  endforeach()
endif()
message(STATUS "LoGoNet: LibTorch ${Torch_VERSION} from ${Torch_DIR} (CUDA: ${LOGONET_TORCH_CUDA})")
