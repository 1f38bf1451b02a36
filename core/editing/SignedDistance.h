#pragma once

#include <cstdint>
#include <vector>

namespace logonet {

// Exact Euclidean distance maps of 2D masks (row-major, width x height) on pixels of size
// spacingU x spacingV millimetres, by the separable lower-envelope method of Felzenszwalb and
// Huttenlocher: linear in the pixel count.
class SignedDistance {
  public:
    // Squared distance from every pixel to the nearest pixel where `mask` is set; infinity when
    // none is set.
    static std::vector<double> squaredToMask(const std::vector<uint8_t>& mask, int64_t width,
                                             int64_t height, double spacingU, double spacingV);
    // Distance to the mask outside it minus distance to the outside within it: negative inside,
    // positive outside, and its zero level lies midway between the boundary pixels.
    static std::vector<float> compute(const std::vector<uint8_t>& mask, int64_t width,
                                      int64_t height, double spacingU, double spacingV);
};

}  // namespace logonet
