#pragma once

#include <QString>

#include "geometry/ImageGeometry.h"

namespace logonet {
namespace views {

struct SliceStepTimes {
    double renderMedianMs = 0;  // slice extraction + window + overlay into the QImage
    double redrawMedianMs = 0;  // the same plus the widget's paint (scaled image, crosshair)
    double sagittalRenderMedianMs = 0;  // rendering a sagittal slice (strided reads)
    // The slowest sagittal step: the one that refills the 16-slice block from the volume.
    double sagittalRenderWorstMs = 0;
    int steps = 0;
};

// Steps an axial SliceView (800x800 pixels, overlay on) through `steps` slices of a synthetic
// volume of `size` with labels and measures each redraw; renders sagittal slices too. Needs a
// QApplication.
SliceStepTimes benchmarkSliceStepping(const Size3& size, int steps);

}  // namespace views
}  // namespace logonet
