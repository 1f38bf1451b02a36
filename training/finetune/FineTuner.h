#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include "finetune/FineTuneConfig.h"
#include "finetune/ParallelContext.h"
#include "json/Json.h"
#include "network/Network.h"
#include "run/RunFolder.h"

namespace logonet::training {

struct FineTuneResult {
    bool stopped = false;  // interrupted by the stop flag (a checkpoint was written first)
    int64_t steps = 0;
    double finalLoss = 0.0;
    double bestDice = -1.0;  // -1 without validation
    int64_t bestStep = -1;
    double seconds = 0.0;
};

// The fine-tuning loop of spec section 7: balanced random crops from a background loader,
// DiceCE, AdamW with linear warm-up and cosine decay, gradient accumulation, periodic validation
// (sliding window, per-class Dice), last/best checkpoints. Every step's data is a function of
// (seed, step), and a checkpoint holds weights, optimiser state and step, so a resumed CPU run
// ends with exactly the weights of an uninterrupted one.
class FineTuner {
  public:
    using EventSink = std::function<void(const Json&)>;
    using NetworkFactory = std::function<model::Network(const FineTuneConfig&)>;

    FineTuner(FineTuneConfig config, std::string runDirectory);

    // Replaces the registry (tests use tiny networks).
    void setNetworkFactory(NetworkFactory factory) { factory_ = std::move(factory); }
    // Makes this process one rank of a data-parallel job; without, it trains alone.
    void setParallelContext(std::shared_ptr<ParallelContext> context) {
        parallel_ = std::move(context);
    }
    // Every rank (not only rank 0) saves its final weights here: lets tests compare ranks.
    void setFinalWeightsPath(std::string path) { finalWeightsPath_ = std::move(path); }
    // Ends the run after step `step` as a stop request would (checkpoint, result.stopped), with
    // the schedule of config.iterations: a testing aid, so that a test can stop a long run at a
    // known step whatever the machine's speed. 0: no such stop.
    void setStopAtStep(int64_t step) { stopAtStep_ = step; }
    // Most bytes of prepared training cases held in memory at once (0: a quarter of the
    // machine's memory); the others are read from the case cache when a crop needs them.
    void setCaseMemory(int64_t bytes) { caseMemoryBytes_ = bytes; }

    // Trains to config.iterations. With `resume`, continues from checkpoints/last.pt when there
    // is one. Events go to the run's events.jsonl and to `sink`. Returns early (after writing a
    // checkpoint) when `stop` becomes true. Throws std::runtime_error / std::invalid_argument with
    // a message for the user (no cases, bad labels, cache mismatch, foreign checkpoint, ...).
    FineTuneResult run(bool resume, const EventSink& sink, const std::atomic<bool>* stop);

    // The network the config describes, built by the factory (default: the model registry).
    model::Network buildNetwork() const;

  private:
    FineTuneResult runLoop(bool resume, const EventSink& sink, const std::atomic<bool>* stop);

    FineTuneConfig config_;
    std::string runDirectory_;
    NetworkFactory factory_;
    std::shared_ptr<ParallelContext> parallel_;
    std::string finalWeightsPath_;
    int64_t stopAtStep_ = 0;
    int64_t caseMemoryBytes_ = 0;
};

// Resolves the config's cache folder against the run folder.
std::string resolveCacheDirectory(const FineTuneConfig& config, const std::string& runDirectory);

// Peak resident memory of this process in MiB (VmHWM), 0 where unknown.
double peakResidentMemoryMiB();

}  // namespace logonet::training
