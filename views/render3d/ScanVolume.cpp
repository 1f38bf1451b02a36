#include "render3d/ScanVolume.h"

#include <vtkColorTransferFunction.h>
#include <vtkImageData.h>
#include <vtkPiecewiseFunction.h>
#include <vtkSmartVolumeMapper.h>
#include <vtkVolumeProperty.h>

#include "common/WindowLevel.h"
#include "render3d/LabelMesh.h"

namespace logonet {
namespace views {

namespace {

vtkSmartPointer<vtkImageData> sampledImage(const ImageVolume& image, int step) {
    const Size3& size = image.size();
    const int nx = static_cast<int>((size[0] + step - 1) / step);
    const int ny = static_cast<int>((size[1] + step - 1) / step);
    const int nz = static_cast<int>((size[2] + step - 1) / step);
    auto data = vtkSmartPointer<vtkImageData>::New();
    data->SetDimensions(nx, ny, nz);
    const auto& spacing = image.geometry().spacing;
    data->SetSpacing(spacing[0] * step, spacing[1] * step, spacing[2] * step);
    data->SetOrigin(0, 0, 0);
    data->AllocateScalars(VTK_FLOAT, 1);
    auto* out = static_cast<float*>(data->GetScalarPointer());
    for (int k = 0; k < nz; ++k) {
        for (int j = 0; j < ny; ++j) {
            for (int i = 0; i < nx; ++i) {
                *out++ = image.at(int64_t{i} * step, int64_t{j} * step, int64_t{k} * step);
            }
        }
    }
    return data;
}

// Soft tissue translucent and reddish, bone bright, air invisible: a classic CT preset. Other
// modalities get the same shape stretched over their percentile window.
void fillTransferFunctions(const ImageVolume& image, vtkColorTransferFunction* colour,
                           vtkPiecewiseFunction* opacity) {
    const WindowLevel initial = initialWindow(image);
    const bool ct = initial == ctWindowPresets().front().value;
    double lo = -200.0;
    double hi = 1000.0;
    if (!ct) {
        lo = initial.low();
        hi = initial.high();
    }
    auto at = [lo, hi](double t) { return lo + (hi - lo) * t; };
    colour->AddRGBPoint(at(0.0), 0.0, 0.0, 0.0);
    colour->AddRGBPoint(at(0.15), 0.62, 0.36, 0.18);
    colour->AddRGBPoint(at(0.25), 0.88, 0.60, 0.50);
    colour->AddRGBPoint(at(0.45), 1.0, 0.94, 0.85);
    colour->AddRGBPoint(at(1.0), 1.0, 1.0, 1.0);
    opacity->AddPoint(at(0.0), 0.0);
    opacity->AddPoint(at(0.12), 0.0);
    opacity->AddPoint(at(0.22), 0.08);
    opacity->AddPoint(at(0.45), 0.35);
    opacity->AddPoint(at(1.0), 0.8);
}

}  // namespace

vtkSmartPointer<vtkVolume> makeScanVolume(const ImageVolume& image) {
    auto mapper = vtkSmartPointer<vtkSmartVolumeMapper>::New();
    mapper->SetInputData(sampledImage(image, renderStep(image.size())));
    mapper->SetBlendModeToComposite();
    auto colour = vtkSmartPointer<vtkColorTransferFunction>::New();
    auto opacity = vtkSmartPointer<vtkPiecewiseFunction>::New();
    fillTransferFunctions(image, colour, opacity);
    auto property = vtkSmartPointer<vtkVolumeProperty>::New();
    property->SetColor(colour);
    property->SetScalarOpacity(opacity);
    property->SetInterpolationTypeToLinear();
    property->ShadeOn();
    property->SetAmbient(0.3);
    property->SetDiffuse(0.7);
    property->SetSpecular(0.2);
    auto volume = vtkSmartPointer<vtkVolume>::New();
    volume->SetMapper(mapper);
    volume->SetProperty(property);
    return volume;
}

}  // namespace views
}  // namespace logonet
