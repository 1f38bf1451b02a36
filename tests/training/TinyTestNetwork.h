#pragma once

#include <torch/torch.h>

#include <string>

#include "network/Network.h"

// A two-layer convolutional network for fast engine tests: no batch norm, any input size.
class TinyTestNetworkImpl : public logonet::model::NetworkImpl {
  public:
    TinyTestNetworkImpl(int64_t classes, std::string architecture = "tiny-test", int64_t width = 8)
        : classes_(classes), architecture_(std::move(architecture)) {
        first_ = register_module(
            "first", torch::nn::Conv3d(torch::nn::Conv3dOptions(1, width, 3).padding(1)));
        second_ = register_module("second",
                                  torch::nn::Conv3d(torch::nn::Conv3dOptions(width, classes, 1)));
    }
    torch::Tensor forward(const torch::Tensor& input) override {
        return second_(torch::relu(first_(input)));
    }
    std::string architecture() const override { return architecture_; }
    logonet::model::NetworkOptions options() const override {
        logonet::model::NetworkOptions options;
        options.inChannels = 1;
        options.outChannels = classes_;
        options.roi = {16, 16, 16};
        return options;
    }
    int64_t sizeDivisor() const override { return 1; }

  private:
    int64_t classes_;
    std::string architecture_;
    torch::nn::Conv3d first_{nullptr};
    torch::nn::Conv3d second_{nullptr};
};
