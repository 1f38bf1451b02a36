#include "masking/SliceMasker.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

namespace logonet::training {

namespace {

int64_t tensorDim(SliceAxis axis) {
    return 2 + static_cast<int64_t>(axis);
}

void checkCrops(const torch::Tensor& crops) {
    if (crops.dim() != 5) {
        throw std::invalid_argument("masking needs crops shaped (B, C, X, Y, Z), got " +
                                    std::to_string(crops.dim()) + " dimensions");
    }
}

}  // namespace

SliceMasker::SliceMasker(SliceMaskingOptions options, uint64_t seed)
    : options_(std::move(options)), random_(seed) {
    if (options_.phi1 < 0.0 || options_.phi1 > 1.0 || options_.phi2 < 0.0 || options_.phi2 > 1.0) {
        throw std::invalid_argument("masking ratios phi1 and phi2 must lie in [0, 1]");
    }
    if (options_.length < 1) {
        throw std::invalid_argument("masked runs need a length of at least one slice");
    }
    if (options_.patchSizes.empty() ||
        *std::min_element(options_.patchSizes.begin(), options_.patchSizes.end()) < 1) {
        throw std::invalid_argument("patch sizes must be positive");
    }
}

std::vector<int64_t> SliceMasker::drawMaskedIndices(int64_t slices) {
    const int64_t runs = static_cast<int64_t>(std::floor(options_.phi1 * slices));
    const int64_t length = std::min(options_.length, slices);
    std::set<int64_t> masked;
    // Run ends are drawn where a whole run of `length` fits, so every run has its full length.
    std::uniform_int_distribution<int64_t> end(length - 1, slices - 1);
    for (int64_t run = 0; run < runs; ++run) {
        const int64_t last = end(random_);
        for (int64_t i = last - length + 1; i <= last; ++i) {
            masked.insert(i);
        }
    }
    return {masked.begin(), masked.end()};
}

MaskedCrops SliceMasker::mask(const torch::Tensor& crops) {
    checkCrops(crops);
    const int64_t dim = tensorDim(options_.axis);
    const int64_t batch = crops.size(0);
    const int64_t slices = crops.size(dim);
    // Slice planes in (rows, columns) order of the two remaining spatial dimensions.
    std::vector<int64_t> plane;
    for (int64_t d = 2; d < 5; ++d) {
        if (d != dim) {
            plane.push_back(crops.size(d));
        }
    }
    const int64_t rows = plane[0];
    const int64_t columns = plane[1];

    MaskedCrops result;
    result.masked = torch::zeros({batch, slices}, torch::kBool);
    result.slices.resize(static_cast<size_t>(batch));
    // Keep-mask (1 keeps, 0 zeroes) per crop and slice, broadcast over channels.
    auto keep = torch::ones({batch, slices, rows, columns}, torch::kFloat32);
    std::uniform_int_distribution<size_t> pickSize(0, options_.patchSizes.size() - 1);
    std::bernoulli_distribution zero(options_.phi2);
    for (int64_t b = 0; b < batch; ++b) {
        for (const int64_t index : drawMaskedIndices(slices)) {
            MaskedSlice slice;
            slice.index = index;
            slice.patchSize = options_.patchSizes[pickSize(random_)];
            const int64_t size = std::min(slice.patchSize, std::max(rows, columns));
            const int64_t gridRows = (rows + size - 1) / size;
            const int64_t gridColumns = (columns + size - 1) / size;
            auto grid = torch::ones({gridRows, gridColumns}, torch::kFloat32);
            float* g = grid.data_ptr<float>();
            for (int64_t p = 0; p < gridRows * gridColumns; ++p) {
                if (zero(random_)) {
                    g[p] = 0.0f;
                    ++slice.zeroed;
                }
            }
            slice.patches = gridRows * gridColumns;
            keep[b][index].copy_(grid.repeat_interleave(size, 0)
                                     .repeat_interleave(size, 1)
                                     .slice(0, 0, rows)
                                     .slice(1, 0, columns));
            result.masked[b][index] = true;
            result.slices[static_cast<size_t>(b)].push_back(slice);
        }
    }
    // (B, S, r, c) -> (B, 1, X, Y, Z) with the slice dimension back in its place.
    std::vector<int64_t> order(5);
    {
        // keep5 dims: 0 B, 1 (channel, size 1), 2 S, 3 r, 4 c; map to crop dims.
        int64_t next = 3;
        order[0] = 0;
        order[1] = 1;
        for (int64_t d = 2; d < 5; ++d) {
            order[static_cast<size_t>(d)] = d == dim ? 2 : next++;
        }
    }
    const auto keep5 = keep.unsqueeze(1).permute(order).to(crops.device(), crops.scalar_type());
    result.input = crops * keep5;
    result.masked = result.masked.to(crops.device());
    return result;
}

MaskedCrops SliceMasker::unmasked(const torch::Tensor& crops, SliceAxis axis) {
    checkCrops(crops);
    MaskedCrops result;
    result.input = crops;
    result.masked = torch::ones({crops.size(0), crops.size(tensorDim(axis))},
                                torch::TensorOptions().dtype(torch::kBool).device(crops.device()));
    result.slices.resize(static_cast<size_t>(crops.size(0)));
    return result;
}

}  // namespace logonet::training
