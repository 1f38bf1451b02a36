#include "blocks/ActivationCheckpoint.h"

#include "network/Autocast.h"

namespace logonet::model {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// What the backward pass needs to run the module again. It travels in the autograd context as a
// capsule, so it lives exactly as long as the graph node that needs it.
struct Recomputation : torch::CustomClassHolder {
    std::shared_ptr<torch::nn::Module> module;
    std::function<torch::Tensor(const torch::Tensor&)> body;
    AutocastState autocast;
};

class CheckpointFunction : public torch::autograd::Function<CheckpointFunction> {
  public:
    // Runs without autograd (Function::apply turns it off): nothing inside is recorded.
    static torch::Tensor forward(AutogradContext* context, const torch::Tensor& input,
                                 torch::TensorList parameters,
                                 c10::intrusive_ptr<Recomputation> recomputation) {
        context->save_for_backward({input});
        context->saved_data["parameters"] = static_cast<int64_t>(parameters.size());
        const torch::Tensor output = recomputation->body(input);
        context->saved_data["recomputation"] = c10::IValue::make_capsule(std::move(recomputation));
        return output;
    }

    static variable_list backward(AutogradContext* context, variable_list gradients) {
        const torch::Tensor input = context->get_saved_variables()[0];
        const auto recomputation = c10::static_intrusive_pointer_cast<Recomputation>(
            context->saved_data["recomputation"].toCapsule());
        const auto count = static_cast<size_t>(context->saved_data["parameters"].toInt());
        const bool inputNeedsGrad = context->needs_input_grad(0);

        // Running statistics are restored afterwards: the forward already updated them once.
        std::vector<torch::Tensor> buffers;
        std::vector<torch::Tensor> snapshot;
        for (const auto& buffer : recomputation->module->buffers()) {
            buffers.push_back(buffer);
            snapshot.push_back(buffer.detach().clone());
        }
        std::vector<torch::Tensor> parameters;
        for (const auto& p : recomputation->module->parameters()) {
            if (p.requires_grad()) {
                parameters.push_back(p);
            }
        }
        TORCH_CHECK(parameters.size() == count,
                    "activation checkpointing: the module's trainable parameters changed between "
                    "forward and backward");

        torch::Tensor output;
        const torch::Tensor x = input.detach().requires_grad_(inputNeedsGrad);
        {
            const AutocastState outer = AutocastState::current();
            recomputation->autocast.apply();
            torch::AutoGradMode enableGrad(true);
            try {
                output = recomputation->body(x);
            } catch (...) {
                outer.apply();
                throw;
            }
            outer.apply();
        }
        variable_list targets;
        if (inputNeedsGrad) {
            targets.push_back(x);
        }
        targets.insert(targets.end(), parameters.begin(), parameters.end());
        const variable_list grads =
            torch::autograd::grad({output}, targets, {gradients[0]}, /*retain_graph=*/false,
                                  /*create_graph=*/false, /*allow_unused=*/true);
        // Only now: BatchNorm's backward checks that the statistics it saved are unchanged.
        {
            torch::NoGradGuard noGrad;
            for (size_t n = 0; n < buffers.size(); ++n) {
                buffers[n].copy_(snapshot[n]);
            }
        }

        // One gradient per forward input: the input, each parameter, then the capsule's none.
        variable_list result;
        result.push_back(inputNeedsGrad ? grads[0] : torch::Tensor());
        const size_t first = inputNeedsGrad ? 1 : 0;
        result.insert(result.end(), grads.begin() + static_cast<std::ptrdiff_t>(first),
                      grads.end());
        result.emplace_back();
        return result;
    }
};

}  // namespace

torch::Tensor checkpointedForward(std::shared_ptr<torch::nn::Module> module,
                                  std::function<torch::Tensor(const torch::Tensor&)> body,
                                  const torch::Tensor& input) {
    std::vector<torch::Tensor> parameters;
    for (const auto& p : module->parameters()) {
        if (p.requires_grad()) {
            parameters.push_back(p);
        }
    }
    auto recomputation = c10::make_intrusive<Recomputation>();
    recomputation->module = std::move(module);
    recomputation->body = std::move(body);
    recomputation->autocast = AutocastState::current();
    return CheckpointFunction::apply(input, torch::TensorList(parameters),
                                     std::move(recomputation));
}

}  // namespace logonet::model
