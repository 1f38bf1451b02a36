#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "data/CropSampler.h"

namespace logonet::training {

// Prepares batches first, first + stride, ... (below last) of a sampler on a background thread,
// at most `capacity` ahead, so that the model does not wait for cropping and augmentation.
// A stride above 1 gives one rank of a data-parallel job its share and no one else's.
class BatchLoader {
  public:
    BatchLoader(const CropSampler& sampler, int64_t first, int64_t last, int64_t stride = 1,
                size_t capacity = 3);
    ~BatchLoader();
    BatchLoader(const BatchLoader&) = delete;
    BatchLoader& operator=(const BatchLoader&) = delete;

    // The next batch in order; rethrows what the background thread threw.
    TrainingBatch next();

  private:
    void produce();

    const CropSampler& sampler_;
    int64_t next_;
    int64_t last_;
    int64_t stride_;
    size_t capacity_;
    std::deque<TrainingBatch> ready_;
    std::exception_ptr failure_;
    bool stopping_ = false;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::thread worker_;
};

}  // namespace logonet::training
