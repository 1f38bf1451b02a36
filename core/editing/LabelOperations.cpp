#include "editing/LabelOperations.h"

#include <stdexcept>

namespace logonet {

int64_t LabelOperations::merge(LabelEditor& editor, LabelValue from, LabelValue into) {
    if (from == 0) {
        throw std::invalid_argument("background cannot be merged into a label");
    }
    if (from == into) {
        return 0;
    }
    const Size3& size = editor.labels().size();
    const DrawOverRule onlyFrom = DrawOverRule::onlyLabel(from);
    int64_t changed = 0;
    for (int64_t k = 0; k < size[2]; ++k) {
        for (int64_t j = 0; j < size[1]; ++j) {
            changed += editor.writeRow(0, size[0] - 1, j, k, into, onlyFrom);
        }
    }
    return changed;
}

int64_t LabelOperations::erase(LabelEditor& editor, LabelValue label) {
    return merge(editor, label, 0);
}

}  // namespace logonet
