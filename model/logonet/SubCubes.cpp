#include "logonet/SubCubes.h"

#include <stdexcept>

namespace logonet::model {

std::vector<torch::Tensor> splitIntoSubCubes(const torch::Tensor& volume) {
    if (volume.dim() != 5 || volume.size(2) % 2 || volume.size(3) % 2 || volume.size(4) % 2) {
        throw std::invalid_argument("sub-cube split needs a 5D tensor with even spatial sizes");
    }
    const int64_t d = volume.size(2) / 2;
    const int64_t h = volume.size(3) / 2;
    const int64_t w = volume.size(4) / 2;
    std::vector<torch::Tensor> cubes;
    for (int64_t i = 0; i < 2; ++i) {
        for (int64_t j = 0; j < 2; ++j) {
            for (int64_t k = 0; k < 2; ++k) {
                cubes.push_back(volume.narrow(2, i * d, d)
                                    .narrow(3, j * h, h)
                                    .narrow(4, k * w, w)
                                    .contiguous());
            }
        }
    }
    return cubes;
}

torch::Tensor mergeSubCubes(const std::vector<torch::Tensor>& cubes) {
    if (cubes.size() != 8) {
        throw std::invalid_argument("sub-cube merge needs 8 cubes");
    }
    const torch::Tensor& first = cubes[0];
    const int64_t d = first.size(2);
    const int64_t h = first.size(3);
    const int64_t w = first.size(4);
    // One copy per cube into the full map (cat along three axes would copy three times).
    torch::Tensor merged =
        torch::empty({first.size(0), first.size(1), 2 * d, 2 * h, 2 * w}, first.options());
    size_t index = 0;
    for (int64_t i = 0; i < 2; ++i) {
        for (int64_t j = 0; j < 2; ++j) {
            for (int64_t k = 0; k < 2; ++k) {
                merged.narrow(2, i * d, d)
                    .narrow(3, j * h, h)
                    .narrow(4, k * w, w)
                    .copy_(cubes[index++]);
            }
        }
    }
    return merged;
}

}  // namespace logonet::model
