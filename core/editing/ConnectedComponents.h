#pragma once

#include <cstdint>
#include <vector>

#include "editing/LabelEditor.h"

namespace logonet {

// Connected pieces of one label, and the clean-ups built on them: remove islands smaller than a
// size, keep only the largest piece. Removed voxels become background, written through the
// editor's open stroke with a rule that touches only the label in question.
class ConnectedComponents {
  public:
    enum class Connectivity { Faces, Full };  // 6 or 26 neighbours in 3D

    struct Component {
        int64_t seedOffset = 0;  // its first voxel in memory order
        int64_t voxelCount = 0;
    };

    // Every component of `label`, in memory order of their first voxel.
    static std::vector<Component> find(const LabelVolume& labels, LabelValue label,
                                       Connectivity connectivity = Connectivity::Faces);
    // Returns the voxels removed.
    static int64_t removeSmallerThan(LabelEditor& editor, LabelValue label, int64_t minimumVoxels,
                                     Connectivity connectivity = Connectivity::Faces);
    static int64_t keepLargest(LabelEditor& editor, LabelValue label,
                               Connectivity connectivity = Connectivity::Faces);

  private:
    template <typename Keep>
    static int64_t removeUnless(LabelEditor& editor, LabelValue label, Connectivity connectivity,
                                Keep&& keep);
};

}  // namespace logonet
