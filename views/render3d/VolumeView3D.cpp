// vtk_glew.h has to come before any header that pulls in GL/gl.h (Qt's OpenGL headers do).
#include <vtk_glew.h>

#include "render3d/ScanVolume.h"
#include "render3d/VolumeView3D.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellPicker.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkMatrix4x4.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkPoints.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkVolume.h>

#include <QMouseEvent>
#include <QSurfaceFormat>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <map>

#include "common/SliceCursor.h"
#include "overlay/OverlaySettings.h"

namespace logonet {
namespace views {

struct VolumeView3D::Pipeline {
    vtkSmartPointer<vtkGenericOpenGLRenderWindow> window =
        vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New();
    vtkSmartPointer<vtkRenderer> renderer = vtkSmartPointer<vtkRenderer>::New();
    vtkSmartPointer<vtkVolume> volume;
    vtkSmartPointer<vtkMatrix4x4> placement = vtkSmartPointer<vtkMatrix4x4>::New();
    std::map<LabelValue, vtkSmartPointer<vtkActor>> meshes;
    vtkSmartPointer<vtkActor> marker;
    vtkSmartPointer<vtkPoints> markerPoints;
    ImageGeometry geometry;
    bool volumeVisible = true;
    bool initialised = false;
};

namespace {

QSurfaceFormat coreProfileFormat() {
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    return format;
}

}  // namespace

void VolumeView3D::prepareSurfaceFormat() {
    QSurfaceFormat::setDefaultFormat(coreProfileFormat());
}

VolumeView3D::VolumeView3D(SliceCursor* cursor, OverlaySettings* overlay, QWidget* parent)
    : QOpenGLWidget(parent),
      pipeline_(std::make_unique<Pipeline>()),
      cursor_(cursor),
      overlay_(overlay) {
    setMinimumSize(160, 160);
    // Also per widget, so that a program that forgot prepareSurfaceFormat() still gets a context
    // VTK can render with.
    setFormat(coreProfileFormat());
    auto& p = *pipeline_;
    p.window->SetOwnContext(false);
    p.window->SetFrameBlitModeToNoBlit();
    // Without these four the window believes it has no usable context and draws nothing.
    p.window->SetIsCurrent(true);
    p.window->SetIsDirect(true);
    p.window->SetSupportsOpenGL(true);
    p.window->SetMapped(1);
    p.window->AddRenderer(p.renderer);
    p.renderer->SetBackground(0.08, 0.09, 0.12);
    p.renderer->SetBackground2(0.25, 0.27, 0.33);
    p.renderer->GradientBackgroundOn();

    connect(cursor_, &SliceCursor::voxelChanged, this, [this] {
        updateMarker();
        update();
    });
    connect(overlay_, &OverlaySettings::visibilityChanged, this, [this] {
        applyVisibility();
        update();
    });
}

VolumeView3D::~VolumeView3D() {
    // VTK frees its OpenGL resources in this context, which must be current for that; a widget
    // that was never shown has none.
    if (!pipeline_->initialised) {
        return;
    }
    makeCurrent();
    pipeline_->renderer->RemoveAllViewProps();
    pipeline_->window->Finalize();
    pipeline_.reset();
    doneCurrent();
}

void VolumeView3D::initializeGL() {
    pipeline_->window->SetReadyForRendering(false);
    pipeline_->window->InitializeFromCurrentContext();
    pipeline_->initialised = true;
}

void VolumeView3D::paintGL() {
    auto& p = *pipeline_;
    const qreal ratio = devicePixelRatioF();
    const int w = static_cast<int>(width() * ratio);
    const int h = static_cast<int>(height() * ratio);
    p.window->SetSize(w, h);
    p.window->GetState()->Reset();
    p.window->GetState()->Push();
    p.window->SetReadyForRendering(true);
    p.window->Render();
    p.window->SetReadyForRendering(false);

    // VTK drew into its own framebuffer; copy that into the one Qt composes.
    p.window->GetState()->PushFramebufferBindings();
    p.window->GetDisplayFramebuffer()->Bind(GL_READ_FRAMEBUFFER);
    p.window->GetDisplayFramebuffer()->ActivateReadBuffer(0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    p.window->GetState()->PopFramebufferBindings();
    p.window->GetState()->Pop();
}

void VolumeView3D::setImage(const ImageVolume* image) {
    auto& p = *pipeline_;
    makeCurrent();
    if (p.volume) {
        p.renderer->RemoveVolume(p.volume);
        p.volume = nullptr;
    }
    doneCurrent();
    clearMeshes();
    if (!image || image->empty()) {
        update();
        return;
    }
    p.geometry = image->geometry();
    // The VTK data lives in the scan's index frame scaled by spacing; this matrix adds the
    // direction cosines and the origin, so everything appears in LPS world millimetres.
    p.placement->Identity();
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            p.placement->SetElement(r, c, p.geometry.direction[r * 3 + c]);
        }
        p.placement->SetElement(r, 3, p.geometry.origin[r]);
    }

    p.volume = makeScanVolume(*image);
    p.volume->SetUserMatrix(p.placement);
    p.volume->SetVisibility(p.volumeVisible);
    p.renderer->AddVolume(p.volume);
    updateMarker();
    resetCamera();
}

void VolumeView3D::setMeshes(const std::vector<LabelMesh>& meshes) {
    clearMeshes();
    auto& p = *pipeline_;
    for (const auto& mesh : meshes) {
        auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
        mapper->SetInputData(mesh.surface);
        mapper->ScalarVisibilityOff();
        auto actor = vtkSmartPointer<vtkActor>::New();
        actor->SetMapper(mapper);
        actor->SetUserMatrix(p.placement);
        const LabelEntry* entry = overlay_->labelSet().find(mesh.value);
        const auto rgb = entry ? entry->colour : std::array<unsigned char, 3>{255, 255, 0};
        actor->GetProperty()->SetColor(rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0);
        actor->GetProperty()->SetSpecular(0.3);
        actor->GetProperty()->SetSpecularPower(20);
        p.renderer->AddActor(actor);
        p.meshes[mesh.value] = actor;
    }
    applyVisibility();
    update();
}

void VolumeView3D::clearMeshes() {
    auto& p = *pipeline_;
    makeCurrent();
    for (auto& [value, actor] : p.meshes) {
        p.renderer->RemoveActor(actor);
    }
    doneCurrent();
    p.meshes.clear();
    update();
}

int VolumeView3D::meshCount() const {
    return static_cast<int>(pipeline_->meshes.size());
}

void VolumeView3D::setVolumeVisible(bool visible) {
    pipeline_->volumeVisible = visible;
    if (pipeline_->volume) {
        pipeline_->volume->SetVisibility(visible);
    }
    update();
}

void VolumeView3D::applyVisibility() {
    for (auto& [value, actor] : pipeline_->meshes) {
        actor->SetVisibility(overlay_->isVisible(value));
    }
}

void VolumeView3D::updateMarker() {
    auto& p = *pipeline_;
    if (!cursor_->hasGeometry() || p.geometry.voxelCount() == 0) {
        return;
    }
    if (!p.marker) {
        p.markerPoints = vtkSmartPointer<vtkPoints>::New();
        p.markerPoints->SetNumberOfPoints(6);
        auto lines = vtkSmartPointer<vtkCellArray>::New();
        for (vtkIdType n = 0; n < 3; ++n) {
            const vtkIdType ends[2] = {2 * n, 2 * n + 1};
            lines->InsertNextCell(2, ends);
        }
        auto poly = vtkSmartPointer<vtkPolyData>::New();
        poly->SetPoints(p.markerPoints);
        poly->SetLines(lines);
        auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
        mapper->SetInputData(poly);
        p.marker = vtkSmartPointer<vtkActor>::New();
        p.marker->SetMapper(mapper);
        p.marker->GetProperty()->SetColor(0.25, 0.63, 1.0);
        p.marker->GetProperty()->SetLineWidth(3);
        p.marker->GetProperty()->LightingOff();
        p.renderer->AddActor(p.marker);
    }
    const Vec3 centre = cursor_->world();
    double extent = 0;
    for (int a = 0; a < 3; ++a) {
        extent = std::max(extent, p.geometry.size[a] * p.geometry.spacing[a]);
    }
    const double half = extent * 0.08;
    for (int a = 0; a < 3; ++a) {
        double lo[3] = {centre[0], centre[1], centre[2]};
        double hi[3] = {centre[0], centre[1], centre[2]};
        lo[a] -= half;
        hi[a] += half;
        p.markerPoints->SetPoint(2 * a, lo);
        p.markerPoints->SetPoint(2 * a + 1, hi);
    }
    p.markerPoints->Modified();
}

void VolumeView3D::resetCamera() {
    auto& p = *pipeline_;
    vtkCamera* camera = p.renderer->GetActiveCamera();
    // Looking from the patient's front, head up: patient left on screen right, as radiologists
    // read a coronal view.
    camera->SetFocalPoint(0, 0, 0);
    camera->SetPosition(0, -1, 0);
    camera->SetViewUp(0, 0, 1);
    p.renderer->ResetCamera();
    camera->Zoom(1.3);
    update();
}

void VolumeView3D::rotate(double dx, double dy) {
    vtkCamera* camera = pipeline_->renderer->GetActiveCamera();
    camera->Azimuth(-dx * 0.4);
    camera->Elevation(dy * 0.4);
    camera->OrthogonalizeViewUp();
    pipeline_->renderer->ResetCameraClippingRange();
    update();
}

void VolumeView3D::pan(double dx, double dy) {
    vtkCamera* camera = pipeline_->renderer->GetActiveCamera();
    double focal[3];
    double position[3];
    double up[3];
    double forward[3];
    camera->GetFocalPoint(focal);
    camera->GetPosition(position);
    camera->GetViewUp(up);
    for (int a = 0; a < 3; ++a) {
        forward[a] = focal[a] - position[a];
    }
    const double right[3] = {forward[1] * up[2] - forward[2] * up[1],
                             forward[2] * up[0] - forward[0] * up[2],
                             forward[0] * up[1] - forward[1] * up[0]};
    double rightLength = std::sqrt(right[0] * right[0] + right[1] * right[1] + right[2] * right[2]);
    rightLength = std::max(rightLength, 1e-9);
    // One pixel moves the scene by the height of the view at the focal point / widget height.
    const double viewHeight =
        2.0 * camera->GetDistance() * std::tan(camera->GetViewAngle() * M_PI / 360.0);
    const double perPixel = viewHeight / std::max(1, height());
    for (int a = 0; a < 3; ++a) {
        const double shift = (-dx * right[a] / rightLength + dy * up[a]) * perPixel;
        focal[a] += shift;
        position[a] += shift;
    }
    camera->SetFocalPoint(focal);
    camera->SetPosition(position);
    update();
}

void VolumeView3D::zoom(double factor) {
    pipeline_->renderer->GetActiveCamera()->Dolly(factor);
    pipeline_->renderer->ResetCameraClippingRange();
    update();
}

void VolumeView3D::mousePressEvent(QMouseEvent* event) {
    lastMouse_ = event->position();
}

void VolumeView3D::mouseMoveEvent(QMouseEvent* event) {
    const QPointF delta = event->position() - lastMouse_;
    lastMouse_ = event->position();
    const bool panning =
        (event->buttons() & Qt::MiddleButton) ||
        ((event->buttons() & Qt::LeftButton) && (event->modifiers() & Qt::ShiftModifier));
    if (panning) {
        pan(delta.x(), delta.y());
    } else if (event->buttons() & Qt::LeftButton) {
        rotate(delta.x(), delta.y());
    } else if (event->buttons() & Qt::RightButton) {
        zoom(std::pow(1.01, -delta.y()));
    }
}

void VolumeView3D::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        pickCursorAt(event->position());
    }
}

bool VolumeView3D::pickCursorAt(const QPointF& position) {
    auto& p = *pipeline_;
    if (!cursor_->hasGeometry() || p.geometry.voxelCount() == 0) {
        return false;
    }
    if (p.marker) {
        p.marker->PickableOff();  // the cursor's own cross is not a place to go to
    }
    auto picker = vtkSmartPointer<vtkCellPicker>::New();
    picker->SetTolerance(0.0005);
    // VTK's display origin is the bottom-left corner, in device pixels.
    const qreal ratio = devicePixelRatioF();
    if (!picker->Pick(position.x() * ratio, (height() - position.y()) * ratio, 0.0, p.renderer)) {
        return false;
    }
    double world[3];
    picker->GetPickPosition(world);
    const Vec3 index = p.geometry.worldToIndex({world[0], world[1], world[2]});
    VoxelIndex voxel;
    for (int a = 0; a < 3; ++a) {
        voxel[a] = std::clamp<int64_t>(std::llround(index[a]), 0, p.geometry.size[a] - 1);
    }
    cursor_->setVoxel(voxel);
    return true;
}

void VolumeView3D::wheelEvent(QWheelEvent* event) {
    zoom(std::pow(1.1, event->angleDelta().y() / 120.0));
    event->accept();
}

}  // namespace views
}  // namespace logonet
