#pragma once

#include <random>
#include <string>

#include "editing/BrushTool.h"
#include "editing/LabelEditHistory.h"
#include "editing/LabelEditor.h"
#include "journal/EditJournal.h"

// The editing session both the crash helper and the journal tests run: step n is a brush stroke
// of a few dabs, except that every seventh step undoes the step before it. Each step becomes one
// journal record when `journal` is given.
inline logonet::ImageGeometry journalTestGeometry() {
    logonet::ImageGeometry geometry;
    geometry.size = {32, 28, 20};
    geometry.spacing = {0.8, 0.8, 2.0};
    return geometry;
}

inline void journalTestStep(logonet::LabelEditor& editor, logonet::LabelEditHistory& history, int n,
                            logonet::EditJournal* journal) {
    using namespace logonet;
    if (n % 7 == 6 && history.canUndo()) {
        const LabelEditStep* step = history.undo(editor.labels());
        if (journal != nullptr) {
            journal->recordReverted(step->name, step->delta);
        }
        return;
    }
    std::mt19937 random(static_cast<unsigned>(1000 + n));
    std::uniform_int_distribution<int64_t> i(0, 31), j(0, 27), k(0, 19);
    BrushOptions options;
    options.radius = 1.5 + static_cast<double>(n % 3);
    options.unit = BrushOptions::Unit::Millimetres;
    const LabelValue value = static_cast<LabelValue>(1 + n % 5);
    BrushTool brush(editor, options, value);
    editor.beginStroke();
    Size3 at{i(random), j(random), k(random)};
    brush.dab(at);
    for (int d = 0; d < 3; ++d) {
        const Size3 next{i(random), j(random), k(random)};
        brush.drag(at, next);
        at = next;
    }
    const std::string name =
        "Brush stroke " + std::to_string(n) + " (label " + std::to_string(value) + ")";
    LabelDelta delta = editor.endStroke();
    if (journal != nullptr) {
        journal->recordApplied(name, delta);
    }
    history.push(name, std::move(delta));
}
