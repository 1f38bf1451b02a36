#include "slices/SliceStepBenchmark.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QWindow>
#include <algorithm>
#include <vector>

#include "common/IntensityWindow.h"
#include "common/SliceCursor.h"
#include "overlay/OverlaySettings.h"
#include "slices/SliceView.h"

namespace logonet {
namespace views {

namespace {

double median(std::vector<double> values) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

SliceStepTimes benchmarkSliceStepping(const Size3& size, int steps) {
    ImageGeometry geometry;
    geometry.size = size;
    geometry.spacing = {0.8, 0.8, 2.0};
    ImageVolume image(geometry);
    LabelVolume labels(geometry);
    // A CT-like ramp with a few spherical "organs", so that every slice has labels to blend.
    const double cx = size[0] / 2.0, cy = size[1] / 2.0;
    for (int64_t k = 0; k < size[2]; ++k) {
        for (int64_t j = 0; j < size[1]; ++j) {
            for (int64_t i = 0; i < size[0]; ++i) {
                const double dx = (i - cx) / cx, dy = (j - cy) / cy;
                const double r2 = dx * dx + dy * dy;
                image.at(i, j, k) =
                    r2 < 0.8 ? static_cast<float>(40 + (i * 7 + j * 3) % 50) : -1000.0f;
                LabelValue value = 0;
                if (r2 < 0.08) {
                    value = 6;
                } else if (r2 < 0.2 && i > cx) {
                    value = 1;
                } else if (r2 < 0.3 && j > cy) {
                    value = 8;
                }
                labels.at(i, j, k) = value;
            }
        }
    }

    SliceCursor cursor;
    IntensityWindow window;
    OverlaySettings overlay;
    overlay.setLabelSet(LabelSet::btcv());
    window.setValue({400, 50});
    SliceView view(SliceOrientation::Axial, &cursor, &window, &overlay);
    view.resize(800, 800);
    cursor.setGeometry(geometry);
    view.setImage(&image);
    view.setLabels(&labels);
    view.show();
    // Let the window system map the widget, or repaint() would not paint anything.
    for (int n = 0; n < 20 && !view.windowHandle()->isExposed(); ++n) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    QCoreApplication::processEvents();
    view.repaint();

    std::vector<double> redraw;
    std::vector<double> render;
    QElapsedTimer timer;
    QImage scratch;
    SliceRenderer renderer;
    const SlicePlane plane = SlicePlane::forOrientation(SliceOrientation::Axial, geometry);
    // Sagittal slices read the volume with the largest stride: the slowest case.
    const SlicePlane sagittal = SlicePlane::forOrientation(SliceOrientation::Sagittal, geometry);
    std::vector<double> sagittalRender;
    QImage sagittalScratch;
    SliceRenderer sagittalRenderer;
    for (int n = 0; n < steps; ++n) {
        const int64_t slice = n % std::max<int64_t>(1, size[2]);
        timer.start();
        renderer.render(image, &labels, plane, slice, window.value(), overlay.style(), scratch);
        render.push_back(timer.nsecsElapsed() / 1e6);
        timer.start();
        sagittalRenderer.render(image, &labels, sagittal, n % std::max<int64_t>(1, size[0]),
                                window.value(), overlay.style(), sagittalScratch);
        sagittalRender.push_back(timer.nsecsElapsed() / 1e6);

        timer.start();
        cursor.setAxisIndex(2, slice == cursor.voxel()[2] ? slice + 1 : slice);
        view.repaint();
        redraw.push_back(timer.nsecsElapsed() / 1e6);
    }
    const double worst = sagittalRender.empty()
                             ? 0.0
                             : *std::max_element(sagittalRender.begin(), sagittalRender.end());
    return {median(render), median(redraw), median(sagittalRender), worst, steps};
}

}  // namespace views
}  // namespace logonet
