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

namespace {

torch::Tensor indexTensor(const std::vector<int64_t>& indices) {
    return torch::from_blob(const_cast<int64_t*>(indices.data()),
                            {static_cast<int64_t>(indices.size())}, torch::kInt64);
}

}  // namespace

torch::Tensor TensorRowSource::select(const std::vector<int64_t>& indices) const {
    return matrix_.index_select(0, indexTensor(indices));
}

void TensorRowSource::selectInto(const std::vector<int64_t>& indices, torch::Tensor& out) const {
    const int64_t count = static_cast<int64_t>(indices.size());
    if (!out.defined() || out.dim() != 2 || out.size(0) != count ||
        out.size(1) != matrix_.size(1) || !out.is_contiguous() || !out.device().is_cpu() ||
        out.scalar_type() != torch::kFloat32) {
        out = torch::empty({count, matrix_.size(1)}, matrix_.options());
    }
    torch::index_select_out(out, matrix_, 0, indexTensor(indices));
}

}  // namespace logonet::training
