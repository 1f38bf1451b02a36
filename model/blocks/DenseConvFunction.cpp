#include "blocks/DenseConvFunction.h"

#include <ATen/Context.h>

namespace logonet::model {
namespace {

const std::vector<int64_t> kOnes = {1, 1, 1};
const std::vector<int64_t> kZeros = {0, 0, 0};

torch::Tensor convolveForward(const torch::Tensor& input, const torch::Tensor& weight,
                              const torch::Tensor& bias, const std::vector<int64_t>& padding) {
    if (input.device().is_cpu() && input.scalar_type() == torch::kFloat && at::hasMKLDNN() &&
        at::globalContext().userEnabledMkldnn()) {
        return at::mkldnn_convolution(input.contiguous(), weight.contiguous(), bias, padding, kOnes,
                                      kOnes, 1);
    }
    return at::convolution(input, weight, bias, kOnes, padding, kOnes, false, kZeros, 1);
}

torch::Tensor inputGradient(const torch::Tensor& gradOutput, const torch::Tensor& weight,
                            const std::vector<int64_t>& padding) {
    const torch::Tensor flipped = weight.transpose(0, 1).flip({2, 3, 4}).contiguous();
    std::vector<int64_t> fullPadding(3);
    for (int axis = 0; axis < 3; ++axis) {
        fullPadding[axis] = weight.size(2 + axis) - 1 - padding[axis];
    }
    return convolveForward(gradOutput, flipped, torch::Tensor(), fullPadding);
}

// dW[o][i][a][b][c] = sum over output voxels v of dY[o][v] * Xpadded[i][v + (a, b, c)]. With both
// laid out on the padded grid (dY zero outside the output box), a kernel offset is a constant
// shift of the flattened index, so each offset is a product with rows of Xpadded read in place.
// The width offsets are stacked into a copy with kw shifted rows per channel, which makes one
// product per (a, b) with kw times more rows (fewer, larger products run faster in MKL).
torch::Tensor weightGradientByShiftedProducts(const torch::Tensor& gradOutput,
                                              const torch::Tensor& input,
                                              const torch::Tensor& weight,
                                              const std::vector<int64_t>& padding) {
    const int64_t outChannels = weight.size(0);
    const int64_t inChannels = weight.size(1);
    const int64_t kd = weight.size(2);
    const int64_t kh = weight.size(3);
    const int64_t kw = weight.size(4);
    const int64_t od = gradOutput.size(2);
    const int64_t oh = gradOutput.size(3);
    const int64_t ow = gradOutput.size(4);
    torch::Tensor products = torch::empty({kd, kh, outChannels, inChannels * kw}, input.options());
    for (int64_t sample = 0; sample < input.size(0); ++sample) {
        const torch::Tensor padded = at::constant_pad_nd(
            input[sample],
            {padding[2], padding[2], padding[1], padding[1], padding[0], padding[0]});
        const int64_t pd = padded.size(1);
        const int64_t ph = padded.size(2);
        const int64_t pw = padded.size(3);
        const int64_t plane = ph * pw;
        const int64_t volume = pd * plane;
        const int64_t span = (od - 1) * plane + (oh - 1) * pw + ow;
        torch::Tensor gradOnGrid;
        if (od == pd && oh == ph && ow == pw) {
            gradOnGrid = gradOutput[sample].reshape({outChannels, volume});
        } else {
            gradOnGrid = torch::zeros({outChannels, pd, ph, pw}, gradOutput.options());
            gradOnGrid.narrow(1, 0, od).narrow(2, 0, oh).narrow(3, 0, ow).copy_(gradOutput[sample]);
            gradOnGrid = gradOnGrid.view({outChannels, volume});
        }
        const torch::Tensor gradRows = gradOnGrid.narrow(1, 0, span);
        const torch::Tensor flat = padded.reshape({inChannels, volume});
        torch::Tensor widthShifted;
        if (kw == 1) {
            widthShifted = flat;
        } else {
            // Zero tails: they meet only grid positions outside the output box, where dY is 0.
            widthShifted = torch::zeros({inChannels, kw, volume}, input.options());
            for (int64_t c = 0; c < kw; ++c) {
                widthShifted.select(1, c)
                    .narrow(1, 0, volume - c)
                    .copy_(flat.narrow(1, c, volume - c));
            }
            widthShifted = widthShifted.view({inChannels * kw, volume});
        }
        for (int64_t a = 0; a < kd; ++a) {
            for (int64_t b = 0; b < kh; ++b) {
                const torch::Tensor rows = widthShifted.narrow(1, a * plane + b * pw, span).t();
                torch::Tensor target = products[a][b];
                if (sample == 0) {
                    at::mm_out(target, gradRows, rows);
                } else {
                    target.addmm_(gradRows, rows);
                }
            }
        }
    }
    return products.view({kd, kh, outChannels, inChannels, kw})
        .permute({2, 3, 0, 1, 4})
        .contiguous();
}

class DenseConv3dFunction : public torch::autograd::Function<DenseConv3dFunction> {
  public:
    static torch::Tensor forward(torch::autograd::AutogradContext* context,
                                 const torch::Tensor& input, const torch::Tensor& weight,
                                 const torch::Tensor& bias, std::vector<int64_t> padding,
                                 int64_t weightGradient) {
        context->save_for_backward({input, weight});
        context->saved_data["padding"] = padding;
        context->saved_data["weightGradient"] = weightGradient;
        context->saved_data["hasBias"] = bias.numel() > 0;
        return convolveForward(input, weight, bias.numel() > 0 ? bias : torch::Tensor(), padding);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* context,
                                                   torch::autograd::variable_list gradients) {
        const auto saved = context->get_saved_variables();
        const torch::Tensor& input = saved[0];
        const torch::Tensor& weight = saved[1];
        const std::vector<int64_t> padding = context->saved_data["padding"].toIntVector();
        const auto method =
            static_cast<DenseWeightGradient>(context->saved_data["weightGradient"].toInt());
        const bool needBias =
            context->saved_data["hasBias"].toBool() && context->needs_input_grad(2);
        const torch::Tensor gradOutput = gradients[0].contiguous();
        torch::Tensor gradInput;
        torch::Tensor gradWeight;
        torch::Tensor gradBias;
        if (context->needs_input_grad(0)) {
            gradInput = inputGradient(gradOutput, weight, padding);
        }
        if (method == DenseWeightGradient::ShiftedProducts) {
            if (context->needs_input_grad(1)) {
                gradWeight = weightGradientByShiftedProducts(gradOutput, input, weight, padding);
            }
            if (needBias) {
                gradBias = gradOutput.sum({0, 2, 3, 4});
            }
        } else if (context->needs_input_grad(1) || needBias) {
            auto grads = at::convolution_backward(
                gradOutput, input.contiguous(), weight,
                needBias ? c10::OptionalIntArrayRef(weight.sizes().slice(0, 1)) : c10::nullopt,
                kOnes, padding, kOnes, false, kZeros, 1,
                {false, context->needs_input_grad(1), needBias});
            gradWeight = std::get<1>(grads);
            gradBias = std::get<2>(grads);
        }
        return {gradInput, gradWeight, gradBias, torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

torch::Tensor denseConv3dForwardBackward(const torch::Tensor& input, const torch::Tensor& weight,
                                         const torch::Tensor& bias,
                                         const std::vector<int64_t>& padding,
                                         DenseWeightGradient weightGradient) {
    // LibTorch 2.15's Function::apply rejects an undefined tensor argument; no bias travels as
    // an empty one.
    const torch::Tensor biasArgument = bias.defined() ? bias : torch::empty({0}, weight.options());
    return DenseConv3dFunction::apply(input, weight, biasArgument, padding,
                                      static_cast<int64_t>(weightGradient));
}

}  // namespace logonet::model
