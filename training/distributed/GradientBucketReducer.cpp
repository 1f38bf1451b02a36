#include "distributed/GradientBucketReducer.h"

#include <torch/csrc/distributed/c10d/reducer.hpp>

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "distributed/CollectiveFailure.h"

namespace logonet::training {

namespace {

// DistributedDataParallel's own all-reduce (divide by the world size, then sum), with one
// addition: a failed exchange becomes a CollectiveFailure, which the caller of backward() can
// tell apart from an error of the computation.
class AveragingHook final : public c10d::CommHookInterface {
  public:
    explicit AveragingHook(c10::intrusive_ptr<c10d::ProcessGroup> group)
        : group_(std::move(group)) {}

    c10::intrusive_ptr<c10::ivalue::Future> runHook(c10d::GradBucket& bucket) override {
        std::vector<at::Tensor> tensors{bucket.getBufferRef()};
        // Before the sum, so that float16 gradients cannot overflow in it.
        tensors[0].div_(group_->getSize());
        const c10::intrusive_ptr<c10::ivalue::Future> sum = group_->allreduce(tensors)->getFuture();
        return sum->then(
            [](c10::ivalue::Future& done) -> c10::IValue {
                if (done.hasError()) {
                    throw CollectiveFailure(done.tryRetrieveErrorMessage());
                }
                return done.value();
            },
            sum->elementType());
    }

    at::Tensor parseHookResult(const c10::IValue& result) override {
        return c10d::detail::parseCppCommHookResult(result);
    }

  private:
    c10::intrusive_ptr<c10d::ProcessGroup> group_;
};

}  // namespace

GradientBucketReducer::GradientBucketReducer(model::NetworkImpl& network,
                                             const c10::intrusive_ptr<c10d::ProcessGroup>& group,
                                             GradientBucketOptions options) {
    // A module shared by two parents lists its parameters twice; the reducer wants each once.
    std::vector<at::Tensor> parameters;
    std::unordered_map<size_t, std::string> names;
    std::unordered_set<const void*> seen;
    for (const auto& item : network.named_parameters()) {
        const torch::Tensor& p = item.value();
        if (p.requires_grad() && seen.insert(p.unsafeGetTensorImpl()).second) {
            names[parameters.size()] = item.key();
            parameters.push_back(p);
        }
    }
    if (parameters.empty()) {
        throw std::invalid_argument("data-parallel training: the network has nothing to train");
    }
    const std::vector<bool> dense(parameters.size(), false);
    auto buckets = std::get<0>(c10d::compute_bucket_assignment_by_size(
        parameters, {options.firstBucketBytes, options.bucketBytes}, dense));
    std::reverse(buckets.begin(), buckets.end());
    reducer_ = std::make_unique<c10d::Reducer>(
        parameters, std::move(buckets), group, dense, static_cast<int64_t>(options.bucketBytes),
        /*find_unused_parameters=*/false, /*gradient_as_bucket_view=*/false, std::move(names),
        static_cast<int64_t>(options.firstBucketBytes), /*skip_all_reduce_unused_params=*/false,
        /*use_python_reducer=*/false, /*bucket_bytes_cap_list=*/std::vector<int64_t>{});
    reducer_->register_comm_hook(std::make_unique<AveragingHook>(group));
}

GradientBucketReducer::~GradientBucketReducer() = default;

void GradientBucketReducer::beginForward(bool reduce) {
    reduce_ = reduce;
    if (reduce) {
        reducer_->prepare_for_forward();
    }
    // A collective once, after the first reducing step (rank 0's bucket order for all); a no-op
    // otherwise. Called before the forward pass, as DDP does, so that the old and new buckets
    // are not both held at the peak of memory use.
    reducer_->rebuild_buckets();
}

void GradientBucketReducer::beginBackward() {
    if (reduce_) {
        // Every parameter gets a gradient in every step, so no search for unused ones.
        reducer_->prepare_for_backward({});
    }
}

size_t GradientBucketReducer::bucketCount() const {
    return reducer_->get_grad_buckets(/*return_zero_tensors=*/true).size();
}

}  // namespace logonet::training
