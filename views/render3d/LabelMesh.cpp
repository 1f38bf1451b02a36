#include "render3d/LabelMesh.h"

#include <vtkDiscreteFlyingEdges3D.h>
#include <vtkImageData.h>
#include <vtkPolyDataNormals.h>
#include <vtkWindowedSincPolyDataFilter.h>

#include <algorithm>
#include <set>

namespace logonet {
namespace views {

int renderStep(const Size3& size) {
    const int64_t largest = std::max({size[0], size[1], size[2]});
    return static_cast<int>(std::max<int64_t>(1, (largest + 191) / 192));
}

namespace {

vtkSmartPointer<vtkImageData> sampledLabels(const LabelVolume& labels, int step,
                                            std::set<LabelValue>& present) {
    const Size3& size = labels.size();
    const int nx = static_cast<int>((size[0] + step - 1) / step);
    const int ny = static_cast<int>((size[1] + step - 1) / step);
    const int nz = static_cast<int>((size[2] + step - 1) / step);
    auto image = vtkSmartPointer<vtkImageData>::New();
    image->SetDimensions(nx, ny, nz);
    const auto& spacing = labels.geometry().spacing;
    image->SetSpacing(spacing[0] * step, spacing[1] * step, spacing[2] * step);
    image->SetOrigin(0, 0, 0);
    image->AllocateScalars(VTK_UNSIGNED_SHORT, 1);
    auto* out = static_cast<unsigned short*>(image->GetScalarPointer());
    for (int k = 0; k < nz; ++k) {
        for (int j = 0; j < ny; ++j) {
            for (int i = 0; i < nx; ++i) {
                const LabelValue v =
                    labels.at(int64_t{i} * step, int64_t{j} * step, int64_t{k} * step);
                *out++ = v;
                if (v != 0) {
                    present.insert(v);
                }
            }
        }
    }
    return image;
}

}  // namespace

std::vector<LabelMesh> buildLabelMeshes(const LabelVolume& labels,
                                        const std::function<void(double)>& progress,
                                        const std::atomic<bool>& cancel) {
    std::vector<LabelMesh> meshes;
    if (labels.empty()) {
        return meshes;
    }
    std::set<LabelValue> present;
    const auto image = sampledLabels(labels, renderStep(labels.size()), present);
    size_t done = 0;
    for (LabelValue value : present) {
        if (cancel.load()) {
            break;
        }
        auto surface = vtkSmartPointer<vtkDiscreteFlyingEdges3D>::New();
        surface->SetInputData(image);
        surface->SetValue(0, value);
        surface->ComputeNormalsOff();
        surface->ComputeGradientsOff();
        surface->ComputeScalarsOff();
        // Windowed sinc keeps the organ's volume while removing the voxel staircase.
        auto smooth = vtkSmartPointer<vtkWindowedSincPolyDataFilter>::New();
        smooth->SetInputConnection(surface->GetOutputPort());
        smooth->SetNumberOfIterations(15);
        smooth->SetPassBand(0.08);
        smooth->NormalizeCoordinatesOn();
        smooth->NonManifoldSmoothingOn();
        smooth->BoundarySmoothingOff();
        smooth->FeatureEdgeSmoothingOff();
        auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
        normals->SetInputConnection(smooth->GetOutputPort());
        normals->SplittingOff();
        normals->Update();
        LabelMesh mesh;
        mesh.value = value;
        mesh.surface = vtkSmartPointer<vtkPolyData>::New();
        mesh.surface->ShallowCopy(normals->GetOutput());
        meshes.push_back(mesh);
        ++done;
        if (progress) {
            progress(static_cast<double>(done) / static_cast<double>(present.size()));
        }
    }
    return meshes;
}

}  // namespace views
}  // namespace logonet
