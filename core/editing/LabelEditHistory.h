#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "editing/LabelDelta.h"

namespace logonet {

struct LabelEditStep {
    std::string name;  // "Brush stroke (liver)", shown in the history list
    LabelDelta delta;
};

// Undo and redo of label edits. Memory is bounded by a cap: when pushing a step takes the
// history past it, the oldest steps are dropped, but never the newest `minimumSteps`.
class LabelEditHistory {
  public:
    struct Options {
        size_t memoryCapBytes = size_t{256} << 20;
        size_t minimumSteps = 5;
    };

    LabelEditHistory() : LabelEditHistory(Options{}) {}
    explicit LabelEditHistory(Options options) : options_(options) {}

    // Records an edit that is already applied to the labels; drops the steps that could have been
    // redone. An empty delta records nothing (returns false).
    bool push(std::string name, LabelDelta delta);

    bool canUndo() const { return applied_ > 0; }
    bool canRedo() const { return applied_ < steps_.size(); }
    // Reverts (undo) or re-applies (redo) one step on `labels` and returns it, so that views can
    // redraw its region and the journal can record it; nullptr when there is nothing to do.
    const LabelEditStep* undo(LabelVolume& labels);
    const LabelEditStep* redo(LabelVolume& labels);
    // The step undo() / redo() would take, or nullptr.
    const LabelEditStep* nextUndo() const;
    const LabelEditStep* nextRedo() const;

    // Every step's name, oldest first; the first `appliedCount()` of them are in effect.
    std::vector<std::string> names() const;
    size_t size() const { return steps_.size(); }
    size_t appliedCount() const { return applied_; }
    size_t droppedCount() const { return dropped_; }
    void clear();

    size_t memoryBytes() const { return memoryBytes_; }
    size_t memoryCap() const { return options_.memoryCapBytes; }
    void setMemoryCap(size_t bytes);

  private:
    static size_t stepBytes(const LabelEditStep& step);
    void enforceCap();

    Options options_;
    std::deque<LabelEditStep> steps_;
    size_t applied_ = 0;
    size_t dropped_ = 0;
    size_t memoryBytes_ = 0;
};

}  // namespace logonet
