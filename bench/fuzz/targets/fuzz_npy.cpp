// .npy files for the k-means reader (training/kmeans/NpyMatrix): any bytes either throw
// std::runtime_error naming the file or give a float32 matrix of the header's shape.
#include <cstdint>
#include <cstdlib>
#include <stdexcept>

#include "FuzzFile.h"
#include "kmeans/NpyMatrix.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzzFile(data, size, ".npy");
    try {
        const torch::Tensor matrix = logonet::training::readNpyMatrix(path);
        if (matrix.dim() != 2 || matrix.scalar_type() != torch::kFloat32) {
            std::abort();
        }
    } catch (const std::runtime_error&) {
    } catch (const c10::Error&) {
        std::abort();  // LibTorch refused what the header check let through
    }
    return 0;
}
