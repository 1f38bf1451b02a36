#include "editing/LabelEditHistory.h"

namespace logonet {

size_t LabelEditHistory::stepBytes(const LabelEditStep& step) {
    return sizeof(LabelEditStep) + step.name.capacity() + step.delta.memoryBytes() -
           sizeof(LabelDelta);
}

bool LabelEditHistory::push(std::string name, LabelDelta delta) {
    if (delta.empty()) {
        return false;
    }
    while (steps_.size() > applied_) {
        memoryBytes_ -= stepBytes(steps_.back());
        steps_.pop_back();
    }
    steps_.push_back({std::move(name), std::move(delta)});
    memoryBytes_ += stepBytes(steps_.back());
    applied_ = steps_.size();
    enforceCap();
    return true;
}

void LabelEditHistory::enforceCap() {
    while (memoryBytes_ > options_.memoryCapBytes && steps_.size() > options_.minimumSteps) {
        if (applied_ > 0) {
            memoryBytes_ -= stepBytes(steps_.front());
            steps_.pop_front();
            --applied_;
        } else {
            // Every step is undone: an oldest step that is gone could not be redone before the
            // later ones, so the redo end goes first.
            memoryBytes_ -= stepBytes(steps_.back());
            steps_.pop_back();
        }
        ++dropped_;
    }
}

void LabelEditHistory::setMemoryCap(size_t bytes) {
    options_.memoryCapBytes = bytes;
    enforceCap();
}

const LabelEditStep* LabelEditHistory::nextUndo() const {
    return canUndo() ? &steps_[applied_ - 1] : nullptr;
}

const LabelEditStep* LabelEditHistory::nextRedo() const {
    return canRedo() ? &steps_[applied_] : nullptr;
}

const LabelEditStep* LabelEditHistory::undo(LabelVolume& labels) {
    if (!canUndo()) {
        return nullptr;
    }
    const LabelEditStep& step = steps_[applied_ - 1];
    step.delta.revert(labels);
    --applied_;
    return &step;
}

const LabelEditStep* LabelEditHistory::redo(LabelVolume& labels) {
    if (!canRedo()) {
        return nullptr;
    }
    const LabelEditStep& step = steps_[applied_];
    step.delta.apply(labels);
    ++applied_;
    return &step;
}

std::vector<std::string> LabelEditHistory::names() const {
    std::vector<std::string> result;
    result.reserve(steps_.size());
    for (const LabelEditStep& step : steps_) {
        result.push_back(step.name);
    }
    return result;
}

void LabelEditHistory::clear() {
    steps_.clear();
    applied_ = 0;
    memoryBytes_ = 0;
}

}  // namespace logonet
