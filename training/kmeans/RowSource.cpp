#include "kmeans/RowSource.h"

#include <stdexcept>

namespace logonet::training {

TensorRowSource::TensorRowSource(torch::Tensor matrix) {
    if (matrix.dim() != 2) {
        throw std::invalid_argument("rows to cluster must form a matrix, got " +
                                    std::to_string(matrix.dim()) + " dimensions");
    }
    matrix_ = matrix.to(torch::kCPU, torch::kFloat32).contiguous();
}

torch::Tensor TensorRowSource::range(int64_t begin, int64_t end) const {
    return matrix_.slice(0, begin, end);
}

torch::Tensor TensorRowSource::select(const std::vector<int64_t>& indices) const {
    const auto index = torch::from_blob(const_cast<int64_t*>(indices.data()),
                                        {static_cast<int64_t>(indices.size())}, torch::kInt64);
    return matrix_.index_select(0, index);
}

}  // namespace logonet::training
