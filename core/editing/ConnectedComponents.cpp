#include "editing/ConnectedComponents.h"

#include <stdexcept>

#include "editing/ScanlineFlood.h"

namespace logonet {

namespace {

struct Row {
    int64_t i0, i1, j, k;
};

VoxelBox wholeVolume(const Size3& size) {
    VoxelBox box;
    box.lo = {0, 0, 0};
    box.hi = {size[0] - 1, size[1] - 1, size[2] - 1};
    return box;
}

// Calls visit(seedOffset, rows) for every component of `label`.
template <typename Visit>
void forEachComponent(const LabelVolume& labels, LabelValue label,
                      ConnectedComponents::Connectivity connectivity, Visit&& visit) {
    const Size3& size = labels.size();
    VoxelBitSet visited(labels.voxelCount());
    ScanlineFlood flood(size, wholeVolume(size),
                        connectivity == ConnectedComponents::Connectivity::Full, visited);
    const LabelValue* data = labels.data();
    const auto inside = [&](int64_t offset) { return data[offset] == label; };
    std::vector<Row> rows;
    for (int64_t offset = 0; offset < labels.voxelCount(); ++offset) {
        if (data[offset] != label || visited.test(offset)) {
            continue;
        }
        const int64_t i = offset % size[0];
        const int64_t j = (offset / size[0]) % size[1];
        const int64_t k = offset / (size[0] * size[1]);
        rows.clear();
        flood.fill({i, j, k}, inside, [&](int64_t i0, int64_t i1, int64_t rj, int64_t rk) {
            rows.push_back({i0, i1, rj, rk});
        });
        visit(offset, rows);
    }
}

int64_t voxelsIn(const std::vector<Row>& rows) {
    int64_t count = 0;
    for (const Row& row : rows) {
        count += row.i1 - row.i0 + 1;
    }
    return count;
}

}  // namespace

std::vector<ConnectedComponents::Component> ConnectedComponents::find(const LabelVolume& labels,
                                                                      LabelValue label,
                                                                      Connectivity connectivity) {
    std::vector<Component> components;
    forEachComponent(labels, label, connectivity, [&](int64_t seed, const std::vector<Row>& rows) {
        components.push_back({seed, voxelsIn(rows)});
    });
    return components;
}

template <typename Keep>
int64_t ConnectedComponents::removeUnless(LabelEditor& editor, LabelValue label,
                                          Connectivity connectivity, Keep&& keep) {
    if (label == 0) {
        throw std::invalid_argument("background has no islands to remove; choose a label");
    }
    // Rows to clear are gathered first: clearing while flooding would change what is visited.
    std::vector<Row> doomed;
    forEachComponent(editor.labels(), label, connectivity,
                     [&](int64_t seed, const std::vector<Row>& rows) {
                         if (!keep(seed, voxelsIn(rows))) {
                             doomed.insert(doomed.end(), rows.begin(), rows.end());
                         }
                     });
    const DrawOverRule onlyThisLabel = DrawOverRule::onlyLabel(label);
    int64_t removed = 0;
    for (const Row& row : doomed) {
        removed += editor.writeRow(row.i0, row.i1, row.j, row.k, 0, onlyThisLabel);
    }
    return removed;
}

int64_t ConnectedComponents::removeSmallerThan(LabelEditor& editor, LabelValue label,
                                               int64_t minimumVoxels, Connectivity connectivity) {
    return removeUnless(editor, label, connectivity,
                        [&](int64_t, int64_t voxels) { return voxels >= minimumVoxels; });
}

int64_t ConnectedComponents::keepLargest(LabelEditor& editor, LabelValue label,
                                         Connectivity connectivity) {
    int64_t largestSeed = -1, largestSize = 0;
    for (const Component& component : find(editor.labels(), label, connectivity)) {
        if (component.voxelCount > largestSize) {
            largestSize = component.voxelCount;
            largestSeed = component.seedOffset;
        }
    }
    return removeUnless(editor, label, connectivity,
                        [&](int64_t seed, int64_t) { return seed == largestSeed; });
}

}  // namespace logonet
