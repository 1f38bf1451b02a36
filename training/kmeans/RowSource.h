#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace logonet::training {

// Samples to cluster, one row each (a flattened slice). Clustering reads rows only through this
// interface, a chunk or a random selection at a time, so the distance work never needs the whole
// matrix on the compute device.
class RowSource {
  public:
    virtual ~RowSource() = default;
    virtual int64_t rows() const = 0;
    virtual int64_t columns() const = 0;
    // Rows [begin, end) as a (end - begin, columns) float32 CPU tensor.
    virtual torch::Tensor range(int64_t begin, int64_t end) const = 0;
    // The given rows, in the given order, as a float32 CPU tensor.
    virtual torch::Tensor select(const std::vector<int64_t>& indices) const = 0;
    // select() into `out`, reusing its memory when it already has the right shape: a mini-batch
    // of 1024 slices is 38 MB, and a fresh allocation that large costs as much in page faults as
    // the copy itself.
    virtual void selectInto(const std::vector<int64_t>& indices, torch::Tensor& out) const {
        out = select(indices);
    }
};

// Rows held in one (rows, columns) float32 CPU tensor.
class TensorRowSource : public RowSource {
  public:
    explicit TensorRowSource(torch::Tensor matrix);

    int64_t rows() const override { return matrix_.size(0); }
    int64_t columns() const override { return matrix_.size(1); }
    torch::Tensor range(int64_t begin, int64_t end) const override;
    torch::Tensor select(const std::vector<int64_t>& indices) const override;
    void selectInto(const std::vector<int64_t>& indices, torch::Tensor& out) const override;

    const torch::Tensor& matrix() const { return matrix_; }

  private:
    torch::Tensor matrix_;
};

}  // namespace logonet::training
