#include "data/BatchLoader.h"

#include <stdexcept>

namespace logonet::training {

BatchLoader::BatchLoader(const CropSampler& sampler, int64_t first, int64_t last, int64_t stride,
                         size_t capacity)
    : sampler_(sampler),
      next_(first),
      last_(last),
      stride_(std::max<int64_t>(1, stride)),
      capacity_(std::max<size_t>(1, capacity)) {
    worker_ = std::thread([this] { produce(); });
}

BatchLoader::~BatchLoader() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void BatchLoader::produce() {
    for (int64_t index = next_; index < last_; index += stride_) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] { return stopping_ || ready_.size() < capacity_; });
            if (stopping_) {
                return;
            }
        }
        try {
            TrainingBatch batch = sampler_.batch(index);
            std::lock_guard<std::mutex> lock(mutex_);
            ready_.push_back(std::move(batch));
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            failure_ = std::current_exception();
            changed_.notify_all();
            return;
        }
        changed_.notify_all();
    }
}

TrainingBatch BatchLoader::next() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.empty() || failure_; });
    if (ready_.empty()) {
        std::rethrow_exception(failure_);
    }
    TrainingBatch batch = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return batch;
}

}  // namespace logonet::training
