#pragma once

#include <torch/torch.h>

#include <vector>

#include "inference/SlidingWindowInference.h"
#include "network/Network.h"
#include "volume/Volume.h"

namespace logonet::training {

// Segments preprocessed volumes with a network: sliding-window softmax probabilities, argmax,
// and class indices turned back into label values. Runs in eval mode without gradients.
class CasePredictor {
  public:
    // classValues[c] is the label value of class c (classValues[0] = 0, background).
    // `amp`: windows predicted under autocast (bfloat16 on the CPU, float16 on CUDA).
    CasePredictor(model::Network network, std::vector<LabelValue> classValues,
                  SlidingWindowOptions options, torch::Device device = torch::kCPU,
                  bool amp = false);

    // Class probabilities (K, D, H, W) on the CPU for a volume on the preprocessed grid.
    torch::Tensor probabilities(const ImageVolume& image) const;
    // Label values on the volume's own grid (the preprocessed one).
    LabelVolume segment(const ImageVolume& image) const;
    // Label values from probabilities (K, D, H, W) placed on `geometry`.
    LabelVolume labelsFrom(const torch::Tensor& probabilities, const ImageGeometry& geometry) const;

  private:
    model::Network network_;
    std::vector<LabelValue> classValues_;
    SlidingWindowOptions options_;
    torch::Device device_;
    bool amp_;
};

// A volume (x fastest) as a (1, 1, Z, Y, X) float tensor sharing no memory with it.
torch::Tensor volumeToTensor(const ImageVolume& image);

}  // namespace logonet::training
