#include "slices/SliceRenderer.h"

#include <algorithm>

namespace logonet {
namespace views {

namespace {
constexpr size_t kPrefetchAhead = 16;
}  // namespace

void SliceRenderer::render(const ImageVolume& image, const LabelVolume* labels,
                           const SlicePlane& plane, int64_t slice, const WindowLevel& window,
                           const OverlayStyle& overlay, QImage& out) {
    if (out.width() != plane.width || out.height() != plane.height ||
        out.format() != QImage::Format_RGB32) {
        out = QImage(plane.width, plane.height, QImage::Format_RGB32);
    }
    if (plane.width == 0 || plane.height == 0) {
        return;
    }
    slice = std::clamp<int64_t>(slice, 0, std::max<int64_t>(0, plane.sliceCount - 1));
    // Only planes normal to x lack a contiguous axis; the others read the volume directly.
    const bool fromSlab = plane.normalAxis == 0;
    prepareOffsets(image.size(), plane, slice, fromSlab);
    paintIntensities(fromSlab ? imageSlab_.plane(image, slice) : image.data(), window, out);
    if (labels && overlay.enabled && overlay.opacity > 0.0 && labels->size() == image.size()) {
        blendLabels(fromSlab ? labelSlab_.plane(*labels, slice) : labels->data(), overlay, out);
    }
}

void SliceRenderer::labelsChanged(const LabelVolume& labels, const VoxelBox& region) {
    labelSlab_.refresh(labels, region);
}

void SliceRenderer::prepareOffsets(const Size3& size, const SlicePlane& plane, int64_t slice,
                                   bool fromSlab) {
    // A slab plane is laid out y fastest, then z, and already is the slice.
    const size_t stride[3] = {fromSlab ? size_t{0} : size_t{1},
                              fromSlab ? size_t{1} : static_cast<size_t>(size[0]),
                              static_cast<size_t>(fromSlab ? size[1] : size[0] * size[1])};
    base_ = fromSlab ? 0 : static_cast<size_t>(slice) * stride[plane.normalAxis];
    columnOffsets_.resize(static_cast<size_t>(plane.width));
    for (int u = 0; u < plane.width; ++u) {
        const int index = plane.horizontalFlip ? plane.width - 1 - u : u;
        columnOffsets_[static_cast<size_t>(u)] =
            static_cast<size_t>(index) * stride[plane.horizontalAxis];
    }
    rowOffsets_.resize(static_cast<size_t>(plane.height));
    for (int v = 0; v < plane.height; ++v) {
        const int index = plane.verticalFlip ? plane.height - 1 - v : v;
        rowOffsets_[static_cast<size_t>(v)] =
            base_ + static_cast<size_t>(index) * stride[plane.verticalAxis];
    }
}

void SliceRenderer::paintIntensities(const float* voxels, const WindowLevel& window, QImage& out) {
    const float low = static_cast<float>(window.low());
    const float scale = static_cast<float>(255.0 / std::max(window.window, 1e-6));
    const size_t width = columnOffsets_.size();
    for (size_t v = 0; v < rowOffsets_.size(); ++v) {
        const float* row = voxels + rowOffsets_[v];
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(static_cast<int>(v)));
        for (size_t u = 0; u < width; ++u) {
            // Sagittal rows read one voxel per cache line; fetching ahead hides the latency.
            if (u + kPrefetchAhead < width) {
                __builtin_prefetch(row + columnOffsets_[u + kPrefetchAhead]);
            }
            const float g = std::clamp((row[columnOffsets_[u]] - low) * scale, 0.0f, 255.0f);
            const unsigned grey = static_cast<unsigned>(g + 0.5f);
            line[u] = 0xff000000u | (grey << 16) | (grey << 8) | grey;
        }
    }
}

void SliceRenderer::blendLabels(const LabelValue* voxels, const OverlayStyle& overlay,
                                QImage& out) {
    const size_t width = columnOffsets_.size();
    const size_t height = rowOffsets_.size();
    labelSlice_.resize(width * height);
    bool any = false;
    for (size_t v = 0; v < height; ++v) {
        const LabelValue* row = voxels + rowOffsets_[v];
        LabelValue* target = labelSlice_.data() + v * width;
        for (size_t u = 0; u < width; ++u) {
            if (u + kPrefetchAhead < width) {
                __builtin_prefetch(row + columnOffsets_[u + kPrefetchAhead]);
            }
            target[u] = row[columnOffsets_[u]];
            any = any || target[u] != 0;
        }
    }
    if (!any) {
        return;
    }
    const unsigned alpha = static_cast<unsigned>(overlay.opacity * 256.0 + 0.5);
    const bool outline = overlay.mode == OverlayMode::Outline;
    auto blend = [alpha](unsigned under, unsigned over) {
        return (under * (256 - alpha) + over * alpha) >> 8;
    };
    for (size_t v = 0; v < height; ++v) {
        const LabelValue* row = labelSlice_.data() + v * width;
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(static_cast<int>(v)));
        for (size_t u = 0; u < width; ++u) {
            const LabelValue value = row[u];
            if (value == 0 || !overlay.draws(value)) {
                continue;
            }
            if (outline) {
                // A pixel is on the outline when a 4-neighbour differs or it touches the edge.
                const bool inner = u > 0 && u + 1 < width && v > 0 && v + 1 < height &&
                                   row[u - 1] == value && row[u + 1] == value &&
                                   row[u - width] == value && row[u + width] == value;
                if (inner) {
                    continue;
                }
            }
            const QRgb colour = overlay.colours[value];
            const QRgb under = line[u];
            line[u] = qRgb(static_cast<int>(blend(qRed(under), qRed(colour))),
                           static_cast<int>(blend(qGreen(under), qGreen(colour))),
                           static_cast<int>(blend(qBlue(under), qBlue(colour))));
        }
    }
}

}  // namespace views
}  // namespace logonet
