#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>

#include "commands/TrainingCommandSet.h"

namespace logonet::cli {

namespace {

// A signal handler can only reach static storage; this flag is the one place it writes.
std::atomic<bool> stopFlag{false};

extern "C" void onStopSignal(int) {
    stopFlag.store(true);
}

}  // namespace

std::atomic<bool>& stopRequested() {
    return stopFlag;
}

void catchStopSignals() {
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
}

int64_t stopAtStepOf(const CommandLine& line) {
    const int64_t step = line.integer("stop-at-step", 0);
    if (step < 0) {
        throw UsageError("--stop-at-step must be a step number (0: none)");
    }
    return step;
}

TrainingProgress::TrainingProgress(bool json)
    : json_(json), terminal_(isatty(fileno(stderr)) == 1) {}

void TrainingProgress::operator()(const Json& event) {
    if (json_) {
        std::cout << event.dump() << std::endl;
        return;
    }
    const std::string kind = event.value("event", std::string());
    if (kind == "step") {
        const int64_t step = event.value("step", int64_t{0});
        const int64_t total = std::max<int64_t>(1, event.value("total", int64_t{1}));
        // A pre-training step has one loss (the clusterers' cross-entropy), no Dice/CE parts.
        char parts[64] = "";
        if (event.contains("dice_loss")) {
            std::snprintf(parts, sizeof parts, " (dice %.4f ce %.4f)",
                          event.value("dice_loss", 0.0), event.value("ce_loss", 0.0));
        }
        if (!terminal_) {
            const int64_t every = std::max<int64_t>(1, total / 20);
            if (step == 1 || step == total || step % every == 0) {
                std::fprintf(stderr, "step %lld/%lld loss %.4f%s lr %.2e %.2f it/s\n",
                             static_cast<long long>(step), static_cast<long long>(total),
                             event.value("loss", 0.0), parts, event.value("lr", 0.0),
                             event.value("it_per_s", 0.0));
            }
            return;
        }
        const int width = 30;
        const int filled = static_cast<int>(width * step / total);
        std::fprintf(stderr, "\r[%s%s] %lld/%lld loss %.4f%s lr %.2e %.2f it/s",
                     std::string(static_cast<size_t>(filled), '#').c_str(),
                     std::string(static_cast<size_t>(width - filled), '.').c_str(),
                     static_cast<long long>(step), static_cast<long long>(total),
                     event.value("loss", 0.0), parts, event.value("lr", 0.0),
                     event.value("it_per_s", 0.0));
        std::fflush(stderr);
        barOpen_ = true;
        return;
    }
    finish();
    if (kind == "validation") {
        std::fprintf(stderr, "validation at step %lld: mean Dice %.4f\n",
                     static_cast<long long>(event.value("step", int64_t{0})),
                     event.value("mean_dice", 0.0));
    } else if (kind == "init") {
        std::fprintf(stderr, "initialised from %s: %s\n", event.value("from", "").c_str(),
                     event.value("summary", "").c_str());
    } else if (kind == "note") {
        std::fprintf(stderr, "note: %s\n", event.value("message", "").c_str());
    } else if (kind == "resumed") {
        std::fprintf(stderr, "resumed at step %lld\n",
                     static_cast<long long>(event.value("step", int64_t{0})));
    } else if (kind == "stopped") {
        std::fprintf(stderr,
                     "stopped at step %lld after writing a checkpoint (continue with "
                     "--resume)\n",
                     static_cast<long long>(event.value("step", int64_t{0})));
    } else {
        std::fprintf(stderr, "%s\n", event.dump().c_str());
    }
}

void TrainingProgress::finish() {
    if (barOpen_) {
        std::fprintf(stderr, "\n");
        barOpen_ = false;
    }
}

}  // namespace logonet::cli
