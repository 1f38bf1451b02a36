#pragma once

#include <string>

#include "finetune/FineTuneConfig.h"
#include "inference/CasePredictor.h"
#include "network/Network.h"

namespace logonet::training {

struct RunInferenceOptions {
    double overlap = 0.5;
    BlendMode blend = BlendMode::Gaussian;
    bool mirror = false;     // flip test-time augmentation
    std::string checkpoint;  // default: checkpoints/best.pt, else last.pt
    std::string device = "cpu";
    int64_t windowBatch = 2;
    bool amp = false;  // bfloat16 autocast on the CPU, float16 on CUDA
};

// A trained run applied to scans as they were imported: preprocess exactly as the run's cache
// was (reorient, resample, normalise, crop), sliding-window prediction, argmax, and the labels
// mapped back onto the scan's own grid and geometry.
class RunInference {
  public:
    // Throws std::runtime_error naming the run folder or checkpoint when either is unusable.
    RunInference(const std::string& runDirectory, RunInferenceOptions options);

    // Labels on `image`'s grid. With `foreground`, also the probability of "not background"
    // on the same grid.
    LabelVolume predict(const ImageVolume& image, ImageVolume* foreground = nullptr) const;
    // The same for a project scan of known modality ("CT", "MR"), which a run prepared with
    // modality "auto" normalises by; "" leaves it to the image's intensities.
    LabelVolume predict(const ImageVolume& image, const std::string& scanModality,
                        ImageVolume* foreground = nullptr) const;

    const FineTuneConfig& config() const { return config_; }
    const std::string& checkpointPath() const { return checkpoint_; }
    std::string runName() const;

  private:
    std::string runDirectory_;
    FineTuneConfig config_;
    std::string checkpoint_;
    model::Network network_;
    std::unique_ptr<CasePredictor> predictor_;
};

}  // namespace logonet::training
