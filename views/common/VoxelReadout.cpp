#include "common/VoxelReadout.h"

#include <QCoreApplication>

namespace logonet {
namespace views {

QString describeVoxel(const ImageVolume& image, const LabelVolume* labels, const LabelSet& labelSet,
                      const VoxelIndex& voxel) {
    if (!image.geometry().contains(voxel[0], voxel[1], voxel[2])) {
        return {};
    }
    const Vec3 world =
        image.geometry().indexToWorld({static_cast<double>(voxel[0]), static_cast<double>(voxel[1]),
                                       static_cast<double>(voxel[2])});
    QString text = QCoreApplication::translate(
                       "VoxelReadout", "Voxel (%1, %2, %3)   World (%4, %5, %6) mm   Intensity %7")
                       .arg(voxel[0])
                       .arg(voxel[1])
                       .arg(voxel[2])
                       .arg(world[0], 0, 'f', 1)
                       .arg(world[1], 0, 'f', 1)
                       .arg(world[2], 0, 'f', 1)
                       .arg(static_cast<double>(image.at(voxel[0], voxel[1], voxel[2])), 0, 'g', 5);
    if (labels && labels->size() == image.size()) {
        const LabelValue value = labels->at(voxel[0], voxel[1], voxel[2]);
        const QString name = value == 0 ? QCoreApplication::translate("VoxelReadout", "background")
                                        : QString::fromStdString(labelSet.nameOf(value));
        text +=
            QCoreApplication::translate("VoxelReadout", "   Label %1 (%2)").arg(value).arg(name);
    }
    return text;
}

}  // namespace views
}  // namespace logonet
