#include "masking/CentredWindow.h"

#include <stdexcept>

namespace logonet {

namespace {

Size3 windowBegin(const Size3& prepared, const Size3& size) {
    Size3 begin{0, 0, 0};
    for (int a = 0; a < 3; ++a) {
        if (size[a] < 1) {
            throw std::invalid_argument("a window needs at least one voxel per axis");
        }
        begin[a] =
            prepared[a] >= size[a] ? (prepared[a] - size[a]) / 2 : -((size[a] - prepared[a]) / 2);
    }
    return begin;
}

}  // namespace

ImageGeometry centredWindowGeometry(const ImageGeometry& prepared, const Size3& size) {
    const Size3 begin = windowBegin(prepared.size, size);
    ImageGeometry window = prepared;
    window.origin =
        prepared.indexToWorld(Vec3{static_cast<double>(begin[0]), static_cast<double>(begin[1]),
                                   static_cast<double>(begin[2])});
    window.size = size;
    return window;
}

ImageVolume centredWindow(const ImageVolume& prepared, const Size3& size) {
    const Size3 begin = windowBegin(prepared.size(), size);
    ImageVolume window(centredWindowGeometry(prepared.geometry(), size), 0.0f);
    const Size3& from = prepared.size();
    for (int64_t k = 0; k < size[2]; ++k) {
        const int64_t z = k + begin[2];
        if (z < 0 || z >= from[2]) {
            continue;
        }
        for (int64_t j = 0; j < size[1]; ++j) {
            const int64_t y = j + begin[1];
            if (y < 0 || y >= from[1]) {
                continue;
            }
            for (int64_t i = 0; i < size[0]; ++i) {
                const int64_t x = i + begin[0];
                if (x >= 0 && x < from[0]) {
                    window.at(i, j, k) = prepared.at(x, y, z);
                }
            }
        }
    }
    return window;
}

}  // namespace logonet
