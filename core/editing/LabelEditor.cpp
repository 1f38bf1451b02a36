#include "editing/LabelEditor.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace logonet {

LabelEditor::LabelEditor(LabelVolume& labels) : labels_(labels) {}

LabelEditor::LabelEditor(LabelVolume& labels, const ImageVolume& image)
    : labels_(labels), image_(&image) {
    if (!labels.geometry().sameGrid(image.geometry())) {
        throw std::invalid_argument("the label map (" + labels.geometry().describe() +
                                    ") does not lie on the image's grid (" +
                                    image.geometry().describe() + ")");
    }
}

void LabelEditor::checkRule(const DrawOverRule& rule) const {
    if (!rule.limitIntensity) {
        return;
    }
    if (image_ == nullptr) {
        throw std::invalid_argument("intensity limits need an image, and none is loaded");
    }
    if (rule.intensityLow > rule.intensityHigh) {
        throw std::invalid_argument("the intensity range's lower end lies above its upper end");
    }
}

void LabelEditor::setRule(const DrawOverRule& rule) {
    checkRule(rule);
    rule_ = rule;
}

void LabelEditor::beginStroke() {
    if (inStroke_) {
        throw std::logic_error("a label stroke is already open");
    }
    if (recorded_.size() != labels_.voxelCount()) {
        recorded_.resize(labels_.voxelCount());
    }
    inStroke_ = true;
    strokeVoxels_ = 0;
    oldRuns_.clear();
}

void LabelEditor::record(int64_t offset, LabelValue before) {
    recorded_.set(offset);
    if (!oldRuns_.empty()) {
        OldRun& last = oldRuns_.back();
        if (last.offset + last.length == offset && last.before == before &&
            last.length < std::numeric_limits<uint32_t>::max()) {
            ++last.length;
            return;
        }
    }
    oldRuns_.push_back({offset, 1, before});
}

int64_t LabelEditor::writeRow(int64_t i0, int64_t i1, int64_t j, int64_t k, LabelValue value) {
    return writeRow(i0, i1, j, k, value, rule_);
}

int64_t LabelEditor::writeRow(int64_t i0, int64_t i1, int64_t j, int64_t k, LabelValue value,
                              const DrawOverRule& rule) {
    if (!inStroke_) {
        throw std::logic_error("label writes need an open stroke");
    }
    const Size3& size = labels_.size();
    if (j < 0 || k < 0 || j >= size[1] || k >= size[2]) {
        return 0;
    }
    i0 = std::max<int64_t>(i0, 0);
    i1 = std::min<int64_t>(i1, size[0] - 1);
    if (i0 > i1) {
        return 0;
    }
    if (&rule != &rule_) {
        checkRule(rule);
    }
    const int64_t rowStart = static_cast<int64_t>(labels_.offset(0, j, k));
    LabelValue* row = labels_.data() + rowStart;
    const float* intensities =
        rule.limitIntensity ? image_->data() + rowStart : static_cast<const float*>(nullptr);
    int64_t changed = 0;
    int64_t firstChanged = -1, lastChanged = -1;
    for (int64_t i = i0; i <= i1; ++i) {
        const LabelValue current = row[i];
        if (current == value || !rule.allowsLabel(current)) {
            continue;
        }
        if (intensities != nullptr && !rule.allowsIntensity(intensities[i])) {
            continue;
        }
        const int64_t offset = rowStart + i;
        if (!recorded_.test(offset)) {
            record(offset, current);
        }
        row[i] = value;
        ++changed;
        if (firstChanged < 0) {
            firstChanged = i;
        }
        lastChanged = i;
    }
    if (changed > 0) {
        dirty_.include(firstChanged, j, k);
        dirty_.include(lastChanged, j, k);
        strokeVoxels_ += changed;
    }
    return changed;
}

LabelDelta LabelEditor::endStroke() {
    if (!inStroke_) {
        throw std::logic_error("no label stroke is open");
    }
    inStroke_ = false;
    std::sort(oldRuns_.begin(), oldRuns_.end(),
              [](const OldRun& a, const OldRun& b) { return a.offset < b.offset; });
    // The new values are what the labels hold now; a voxel painted and then restored within the
    // stroke has before == after and is left out.
    const LabelValue* data = labels_.data();
    std::vector<LabelRun> runs;
    runs.reserve(oldRuns_.size());
    for (const OldRun& old : oldRuns_) {
        recorded_.resetRange(old.offset, old.length);
        for (int64_t offset = old.offset; offset < old.offset + old.length; ++offset) {
            const LabelValue after = data[offset];
            if (after == old.before) {
                continue;
            }
            if (!runs.empty()) {
                LabelRun& last = runs.back();
                if (last.offset + last.length == offset && last.before == old.before &&
                    last.after == after) {
                    ++last.length;
                    continue;
                }
            }
            runs.push_back({offset, 1, old.before, after});
        }
    }
    oldRuns_.clear();
    oldRuns_.shrink_to_fit();
    return LabelDelta::encode(runs, labels_.size());
}

void LabelEditor::cancelStroke() {
    if (!inStroke_) {
        return;
    }
    LabelValue* data = labels_.data();
    for (const OldRun& old : oldRuns_) {
        std::fill_n(data + old.offset, old.length, old.before);
        recorded_.resetRange(old.offset, old.length);
    }
    oldRuns_.clear();
    inStroke_ = false;
    strokeVoxels_ = 0;
}

VoxelBox LabelEditor::takeDirtyRegion() {
    VoxelBox box = dirty_;
    dirty_ = VoxelBox{};
    return box;
}

}  // namespace logonet
