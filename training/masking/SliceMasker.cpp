#include "masking/SliceMasker.h"

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

// The keep-mask of one masked slice: (rows, columns), 1 keeps a voxel, 0 zeroes it.
torch::Tensor keepOfSlice(const MaskedSlice& slice, int64_t rows, int64_t columns) {
    auto keep = torch::ones({rows, columns}, torch::kFloat32);
    float* k = keep.data_ptr<float>();
    for (int64_t r = 0; r < rows; ++r) {
        for (int64_t c = 0; c < columns; ++c) {
            if (!slice.keeps(r, c)) {
                k[r * columns + c] = 0.0f;
            }
        }
    }
    return keep;
}

}  // namespace

SliceMasker::SliceMasker(SliceMaskingOptions options, uint64_t seed)
    : planner_(std::move(options), seed) {}

MaskedCrops SliceMasker::mask(const torch::Tensor& crops) {
    checkCrops(crops);
    const SliceAxis axis = planner_.options().axis;
    const int64_t dim = tensorDim(axis);
    const int64_t batch = crops.size(0);
    const auto plane = slicePlaneAxes(axis);
    const int64_t slices = crops.size(dim);
    const int64_t rows = crops.size(2 + plane[0]);
    const int64_t columns = crops.size(2 + plane[1]);

    MaskedCrops result;
    result.masked = torch::zeros({batch, slices}, torch::kBool);
    result.slices.resize(static_cast<size_t>(batch));
    // Keep-mask (1 keeps, 0 zeroes) per crop and slice, broadcast over channels.
    auto keep = torch::ones({batch, slices, rows, columns}, torch::kFloat32);
    for (int64_t b = 0; b < batch; ++b) {
        CropMaskingPlan plan = planner_.draw(slices, rows, columns);
        for (const MaskedSlice& slice : plan.masked) {
            keep[b][slice.index].copy_(keepOfSlice(slice, rows, columns));
            result.masked[b][slice.index] = true;
        }
        result.slices[static_cast<size_t>(b)] = std::move(plan.masked);
    }
    // keep dims (B, S, r, c) with a channel of 1 -> the crop's (B, 1, X, Y, Z): the slice
    // dimension goes back to its place, rows and columns keep their order.
    std::vector<int64_t> order(5);
    order[0] = 0;
    order[1] = 1;
    int64_t next = 3;
    for (int64_t d = 2; d < 5; ++d) {
        order[static_cast<size_t>(d)] = d == dim ? 2 : next++;
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
