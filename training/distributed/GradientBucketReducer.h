#pragma once

#include <torch/torch.h>
#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>

#include <cstddef>
#include <memory>

#include "network/Network.h"

namespace c10d {
class Reducer;
}

namespace logonet::training {

struct GradientBucketOptions {
    // DistributedDataParallel's defaults: a small first bucket, so that communication starts soon
    // after the backward pass does, then 25 MiB buckets.
    size_t firstBucketBytes = size_t{1} << 20;
    size_t bucketBytes = size_t{25} << 20;
};

// Averages a network's gradients over a process group as PyTorch's DistributedDataParallel does,
// with its c10d::Reducer: the gradients are packed into buckets, and a bucket's all-reduce starts
// (asynchronously) as soon as the backward pass has produced all of its gradients, so
// communication overlaps the rest of the backward pass; the backward pass returns with the
// averaged gradients in place. The buckets first follow the reverse parameter order (about the
// order in which backward produces gradients) and are rebuilt once, after the first step, in the
// order observed. A failed all-reduce surfaces from backward() as a CollectiveFailure.
class GradientBucketReducer {
  public:
    GradientBucketReducer(model::NetworkImpl& network,
                          const c10::intrusive_ptr<c10d::ProcessGroup>& group,
                          GradientBucketOptions options = {});
    ~GradientBucketReducer();
    GradientBucketReducer(const GradientBucketReducer&) = delete;
    GradientBucketReducer& operator=(const GradientBucketReducer&) = delete;

    // Before every forward pass. `reduce`: the backward pass after it averages the gradients (a
    // step's last micro-batch); otherwise that backward pass only accumulates them locally, as
    // DistributedDataParallel's no_sync() does. All ranks must call this in the same sequence.
    void beginForward(bool reduce);
    // Between that forward pass and its backward pass.
    void beginBackward();

    size_t bucketCount() const;

  private:
    std::unique_ptr<c10d::Reducer> reducer_;
    bool reduce_ = false;
};

}  // namespace logonet::training
