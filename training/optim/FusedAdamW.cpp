#include "optim/FusedAdamW.h"

#include <ATen/ops/_fused_adamw.h>

#include <map>

namespace logonet::training {
namespace {

using torch::optim::AdamWOptions;
using torch::optim::AdamWParamState;

bool fusable(const torch::Tensor& parameter) {
    const torch::Tensor& grad = parameter.grad();
    return parameter.device().is_cpu() && parameter.scalar_type() == torch::kFloat &&
           parameter.is_contiguous() && !grad.is_sparse() && grad.device().is_cpu() &&
           grad.scalar_type() == torch::kFloat && grad.is_contiguous();
}

}  // namespace

torch::Tensor FusedAdamW::step(LossClosure closure) {
    for (const auto& group : param_groups()) {
        const auto& options = static_cast<const AdamWOptions&>(group.options());
        if (options.amsgrad()) {
            return torch::optim::AdamW::step(std::move(closure));
        }
        for (const torch::Tensor& parameter : group.params()) {
            if (parameter.grad().defined() && !fusable(parameter)) {
                return torch::optim::AdamW::step(std::move(closure));
            }
        }
    }
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure != nullptr) {
        at::AutoGradMode enableGrad(true);
        loss = closure();
    }
    for (auto& group : param_groups()) {
        const auto& options = static_cast<const AdamWOptions&>(group.options());
        // The kernel takes one step count per tensor; parameters that missed steps (no gradient
        // then) have their own count, so each count is one call.
        struct Lists {
            std::vector<torch::Tensor> parameters, grads, averages, squares;
        };
        std::map<int64_t, Lists> byStep;
        for (auto& parameter : group.params()) {
            if (!parameter.grad().defined()) {
                continue;
            }
            auto found = state_.find(parameter.unsafeGetTensorImpl());
            if (found == state_.end()) {
                auto fresh = std::make_unique<AdamWParamState>();
                fresh->exp_avg(torch::zeros_like(parameter, torch::MemoryFormat::Preserve));
                fresh->exp_avg_sq(torch::zeros_like(parameter, torch::MemoryFormat::Preserve));
                found = state_.emplace(parameter.unsafeGetTensorImpl(), std::move(fresh)).first;
            }
            auto& state = static_cast<AdamWParamState&>(*found->second);
            state.step(state.step() + 1);
            Lists& lists = byStep[state.step()];
            lists.parameters.push_back(parameter);
            lists.grads.push_back(parameter.grad());
            lists.averages.push_back(state.exp_avg());
            lists.squares.push_back(state.exp_avg_sq());
        }
        for (auto& [count, lists] : byStep) {
            const torch::Tensor stepCount =
                torch::full({}, static_cast<double>(count), torch::kFloat);
            const std::vector<torch::Tensor> steps(lists.parameters.size(), stepCount);
            at::_fused_adamw_(lists.parameters, lists.grads, lists.averages, lists.squares, {},
                              steps, options.lr(), std::get<0>(options.betas()),
                              std::get<1>(options.betas()), options.weight_decay(), options.eps(),
                              false, false);
        }
    }
    return loss;
}

}  // namespace logonet::training
