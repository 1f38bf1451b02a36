#include "editing/ShapeInterpolation.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "editing/SignedDistance.h"
#include "editing/SlicePlane.h"

namespace logonet {

namespace {

struct SliceBox {
    int64_t u0 = 0, u1 = -1, v0 = 0, v1 = -1;
    bool empty() const { return u1 < u0; }
    void include(int64_t u, int64_t v) {
        if (empty()) {
            u0 = u1 = u;
            v0 = v1 = v;
            return;
        }
        u0 = std::min(u0, u);
        u1 = std::max(u1, u);
        v0 = std::min(v0, v);
        v1 = std::max(v1, v);
    }
};

void checkArguments(LabelValue label, int axis) {
    if (axis < 0 || axis > 2) {
        throw std::invalid_argument("interpolation needs axis 0, 1 or 2, not " +
                                    std::to_string(axis));
    }
    if (label == 0) {
        throw std::invalid_argument("background cannot be interpolated; choose a label");
    }
}

// Where `label` lies on each slice along `axis`, in one pass over the volume.
std::vector<SliceBox> labelBoxes(const LabelVolume& labels, LabelValue label, int axis) {
    const Size3& size = labels.size();
    std::vector<SliceBox> boxes(static_cast<size_t>(size[axis]));
    const SlicePlane plane{axis, 0};
    const LabelValue* data = labels.data();
    for (int64_t k = 0; k < size[2]; ++k) {
        for (int64_t j = 0; j < size[1]; ++j) {
            const LabelValue* row = data + labels.offset(0, j, k);
            for (int64_t i = 0; i < size[0]; ++i) {
                if (row[i] == label) {
                    const int64_t ijk[3] = {i, j, k};
                    boxes[ijk[axis]].include(ijk[plane.uAxis()], ijk[plane.vAxis()]);
                }
            }
        }
    }
    return boxes;
}

}  // namespace

std::vector<int64_t> ShapeInterpolation::annotatedSlices(const LabelVolume& labels,
                                                         LabelValue label, int axis) {
    checkArguments(label, axis);
    const std::vector<SliceBox> boxes = labelBoxes(labels, label, axis);
    std::vector<int64_t> slices;
    for (size_t s = 0; s < boxes.size(); ++s) {
        if (!boxes[s].empty()) {
            slices.push_back(static_cast<int64_t>(s));
        }
    }
    return slices;
}

int64_t ShapeInterpolation::interpolate(LabelEditor& editor, LabelValue label, int axis) {
    checkArguments(label, axis);
    const LabelVolume& labels = editor.labels();
    const Size3& size = labels.size();
    const std::vector<SliceBox> boxes = labelBoxes(labels, label, axis);
    const int uAxis = SlicePlane{axis, 0}.uAxis();
    const int vAxis = SlicePlane{axis, 0}.vAxis();
    const double spacingU = labels.geometry().spacing[uAxis];
    const double spacingV = labels.geometry().spacing[vAxis];
    int64_t changed = 0;
    int64_t previous = -1;
    for (int64_t s = 0; s < size[axis]; ++s) {
        if (boxes[s].empty()) {
            continue;
        }
        if (previous >= 0 && s - previous > 1) {
            // Both shapes and a one-pixel margin: every distance inside the box is then exact.
            SliceBox box = boxes[previous];
            box.include(boxes[s].u0, boxes[s].v0);
            box.include(boxes[s].u1, boxes[s].v1);
            box.u0 = std::max<int64_t>(0, box.u0 - 1);
            box.v0 = std::max<int64_t>(0, box.v0 - 1);
            box.u1 = std::min<int64_t>(size[uAxis] - 1, box.u1 + 1);
            box.v1 = std::min<int64_t>(size[vAxis] - 1, box.v1 + 1);
            const int64_t width = box.u1 - box.u0 + 1;
            const int64_t height = box.v1 - box.v0 + 1;
            std::vector<float> distances[2];
            const int64_t ends[2] = {previous, s};
            for (int e = 0; e < 2; ++e) {
                const SlicePlane plane{axis, ends[e]};
                std::vector<uint8_t> mask(static_cast<size_t>(width * height));
                for (int64_t v = 0; v < height; ++v) {
                    for (int64_t u = 0; u < width; ++u) {
                        const Size3 at = plane.voxel(box.u0 + u, box.v0 + v);
                        mask[v * width + u] = labels.at(at[0], at[1], at[2]) == label ? 1 : 0;
                    }
                }
                distances[e] = SignedDistance::compute(mask, width, height, spacingU, spacingV);
            }
            for (int64_t between = previous + 1; between < s; ++between) {
                const float t =
                    static_cast<float>(between - previous) / static_cast<float>(s - previous);
                const SlicePlane plane{axis, between};
                for (int64_t v = 0; v < height; ++v) {
                    int64_t spanStart = -1;
                    for (int64_t u = 0; u <= width; ++u) {
                        const bool inside = u < width && (1.0f - t) * distances[0][v * width + u] +
                                                                 t * distances[1][v * width + u] <=
                                                             0.0f;
                        if (inside && spanStart < 0) {
                            spanStart = u;
                        }
                        if (!inside && spanStart >= 0) {
                            const Size3 first = plane.voxel(box.u0 + spanStart, box.v0 + v);
                            const Size3 last = plane.voxel(box.u0 + u - 1, box.v0 + v);
                            if (uAxis == 0) {
                                changed +=
                                    editor.writeRow(first[0], last[0], first[1], first[2], label);
                            } else {
                                for (int64_t w = spanStart; w < u; ++w) {
                                    const Size3 at = plane.voxel(box.u0 + w, box.v0 + v);
                                    changed += editor.writeRow(at[0], at[0], at[1], at[2], label);
                                }
                            }
                            spanStart = -1;
                        }
                    }
                }
            }
        }
        previous = s;
    }
    return changed;
}

LabelDelta ShapeInterpolation::preview(LabelEditor& editor, LabelValue label, int axis) {
    checkArguments(label, axis);
    editor.beginStroke();
    try {
        interpolate(editor, label, axis);
    } catch (...) {
        editor.cancelStroke();
        throw;
    }
    return editor.endStroke();
}

}  // namespace logonet
