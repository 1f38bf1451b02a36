#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace logonet::model {

struct PretrainHeadOptions {
    int64_t inChannels = 16;                // the network's `out` channels
    int64_t clusterers = 10;                // N
    int64_t clusters = 500;                 // K = the largest K among the clusterers
    std::vector<int64_t> crop{96, 96, 96};  // (X, Y, Z), slicing axis last
};

// "cu_k(a->b)": Conv3d(a, b, k, padding k/2) + BatchNorm3d(b) + GELU.
class ConvUnitImpl : public torch::nn::Module {
  public:
    ConvUnitImpl(int64_t in, int64_t out, int64_t kernel);
    torch::Tensor forward(const torch::Tensor& x);

  private:
    torch::nn::Conv3d conv_{nullptr};
    torch::nn::BatchNorm3d norm_{nullptr};
};
TORCH_MODULE(ConvUnit);

// The pre-training head of spec section 6 (paper Algorithm 1): turns the network's
// (B, out, X, Y, Z) map into per-slice cluster logits (B, Z, N, K) by moving each spatial axis
// in turn into the channel position. Built for one crop size, because X and Y become channels.
class PretrainHeadImpl : public torch::nn::Module {
  public:
    explicit PretrainHeadImpl(PretrainHeadOptions options);
    torch::Tensor forward(const torch::Tensor& features);
    const PretrainHeadOptions& options() const { return options_; }

  private:
    PretrainHeadOptions options_;
    ConvUnit clusterersIn_{nullptr}, clusterersOut_{nullptr};  // step 1: out -> N -> N
    ConvUnit rowsIn_{nullptr}, rowsOut_{nullptr};              // step 2: Y -> K -> K
    ConvUnit columnsIn_{nullptr}, columnsOut_{nullptr};        // step 3: X -> X/16 -> 1
    ConvUnit slicesMix_{nullptr};                              // step 4: Z -> Z (3x3x3)
    torch::nn::Conv3d slicesOut_{nullptr};                     // step 4: Z -> Z (1x1x1)
};
TORCH_MODULE(PretrainHead);

}  // namespace logonet::model
