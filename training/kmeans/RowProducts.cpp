#include "kmeans/RowProducts.h"

#include <vector>

namespace logonet::training {

namespace {

// LibTorch gives a 1x1 convolution to oneDNN only for a batch of at least 16 images (or with more
// than one thread): the rows go in as 16 images of rows/16 pixels whose channels are the values.
constexpr int64_t kImages = 16;
// oneDNN's fast kernels work on blocks of 8 output channels; with, say, 6 (k-means++ trials) it
// falls back to a slower one, so few weights are padded with zero rows. From 64 on, the padding
// gains nothing measurable and would copy the weights every call.
constexpr int64_t kChannelBlock = 8;
constexpr int64_t kPadBelow = 64;

bool convolutionPathAvailable(const torch::Tensor& rows) {
    return rows.device().is_cpu() && rows.scalar_type() == torch::kFloat32 && at::hasMKLDNN() &&
           at::globalContext().userEnabledMkldnn();
}

// `block` holds kImages * h contiguous rows: as (kImages, d, h, 1) it is a channels-last batch
// without a copy, and so is the output, which is therefore (kImages * h, channels) row-major.
torch::Tensor convolve(const torch::Tensor& block, const torch::Tensor& filter,
                       const torch::Tensor& bias) {
    const int64_t columns = block.size(1);
    const int64_t pixels = block.size(0) / kImages;
    const auto images = block.view({kImages, pixels, 1, columns}).permute({0, 3, 1, 2});
    return torch::conv2d(images, filter, bias)
        .permute({0, 2, 3, 1})
        .reshape({kImages * pixels, filter.size(0)});
}

}  // namespace

torch::Tensor rowProducts(const torch::Tensor& rows, const torch::Tensor& weights,
                          const torch::Tensor& bias) {
    if (!convolutionPathAvailable(rows)) {
        return torch::addmm(bias.unsqueeze(0), rows, weights.t());
    }
    const int64_t count = rows.size(0);
    const int64_t columns = rows.size(1);
    const int64_t outputs = weights.size(0);
    if (count == 0) {
        return torch::empty({0, outputs}, rows.options());
    }
    const int64_t padded = outputs < kPadBelow
                               ? (outputs + kChannelBlock - 1) / kChannelBlock * kChannelBlock
                               : outputs;
    auto filter = weights.contiguous();
    auto shift = bias.contiguous();
    if (padded != outputs) {
        filter = torch::cat({filter, torch::zeros({padded - outputs, columns}, filter.options())});
        shift = torch::cat({shift, torch::zeros({padded - outputs}, shift.options())});
    }
    filter = filter.view({padded, columns, 1, 1});
    const auto input = rows.contiguous();
    const int64_t whole = count / kImages * kImages;
    std::vector<torch::Tensor> parts;
    if (whole > 0) {
        parts.push_back(convolve(input.slice(0, 0, whole), filter, shift));
    }
    if (whole < count) {
        // The last rows, zero-padded to one row per image.
        auto tail = torch::zeros({kImages, columns}, input.options());
        tail.slice(0, 0, count - whole).copy_(input.slice(0, whole, count));
        parts.push_back(convolve(tail, filter, shift).slice(0, 0, count - whole));
    }
    const auto products = parts.size() == 1 ? parts.front() : torch::cat(parts);
    return padded == outputs ? products : products.slice(1, 0, outputs);
}

}  // namespace logonet::training
