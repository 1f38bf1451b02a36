#include "mainwindow/MainWindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStatusBar>
#include <QVBoxLayout>
#include <cstdio>

#include "annotation/AnnotationController.h"
#include "browser/ScanActions.h"
#include "browser/ScanBrowser.h"
#include "common/IntensityWindow.h"
#include "common/SliceCursor.h"
#include "common/VoxelReadout.h"
#include "common/WindowLevel.h"
#include "common/WindowLevelEntry.h"
#include "io/ImageWriter.h"
#include "mainwindow/FileDrop.h"
#include "mainwindow/ReviewWalk.h"
#include "mainwindow/ScratchProject.h"
#include "mainwindow/WindowWideShortcuts.h"
#include "overlay/LabelOverlayPanel.h"
#include "overlay/OverlaySettings.h"
#include "predict/PredictActions.h"
#include "project/Project.h"
#include "render3d/MeshBuildTask.h"
#include "render3d/VolumeView3D.h"
#include "runs/RunningRunQuestion.h"
#include "runs/RunsPanel.h"
#include "slices/SliceView.h"

namespace logonet {
namespace views {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      cursor_(new SliceCursor(this)),
      window_(new IntensityWindow(this)),
      overlay_(new OverlaySettings(this)),
      meshTask_(new MeshBuildTask(this)) {
    setWindowTitle(tr("LoGoNet workstation"));
    buildViews();
    buildDocks();
    buildMenus();
    buildAnnotation();
    buildReview();
    buildPretrainingPanels();
    new PredictActions(this);
    new ScanActions(this);
    new ReviewWalk(this);
    new FileDrop(this, new ScratchProject(this));
    makeShortcutsWindowWide(this);
    resize(1500, 920);
}

MainWindow::~MainWindow() {
    // The views point into image_ and labels_; detach them before those go away.
    meshTask_->cancel();
    annotation_->setVolumes(nullptr, nullptr);
    for (SliceView* view : views_) {
        view->setImage(nullptr);
    }
}

void MainWindow::buildViews() {
    auto* central = new QWidget(this);
    auto* grid = new QGridLayout(central);
    grid->setContentsMargins(2, 2, 2, 2);
    grid->setSpacing(2);
    const SliceOrientation orientations[3] = {SliceOrientation::Axial, SliceOrientation::Coronal,
                                              SliceOrientation::Sagittal};
    for (int n = 0; n < 3; ++n) {
        views_[n] = new SliceView(orientations[n], cursor_, window_, overlay_, central);
        connect(views_[n], &SliceView::hovered, this, [this](const VoxelIndex& voxel, bool inside) {
            readout_->setText(inside ? describeVoxel(image_, labels(), overlay_->labelSet(), voxel)
                                     : QString());
        });
    }
    volumeView_ = new VolumeView3D(cursor_, overlay_, central);
    // ITK-SNAP's arrangement: axial and sagittal on top, coronal and 3D below.
    grid->addWidget(views_[0], 0, 0);
    grid->addWidget(views_[2], 0, 1);
    grid->addWidget(views_[1], 1, 0);
    grid->addWidget(volumeView_, 1, 1);
    setCentralWidget(central);

    readout_ = new QLabel(this);
    readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(readout_, 1);
    meshProgress_ = new QProgressBar(this);
    meshProgress_->setMaximumWidth(180);
    meshProgress_->setFormat(tr("Surfaces %p%"));
    meshCancel_ = new QPushButton(tr("Cancel"), this);
    statusBar()->addPermanentWidget(meshProgress_);
    statusBar()->addPermanentWidget(meshCancel_);
    meshProgress_->hide();
    meshCancel_->hide();
    connect(meshCancel_, &QPushButton::clicked, meshTask_, &MeshBuildTask::cancel);
    connect(meshTask_, &MeshBuildTask::progressChanged, meshProgress_, &QProgressBar::setValue);
    connect(meshTask_, &MeshBuildTask::finished, this,
            [this](const std::vector<LabelMesh>& meshes) {
                meshProgress_->hide();
                meshCancel_->hide();
                volumeView_->setMeshes(meshes);
                Q_EMIT meshesReady(static_cast<int>(meshes.size()));
            });
    connect(meshTask_, &MeshBuildTask::cancelled, this, [this] {
        meshProgress_->hide();
        meshCancel_->hide();
        statusBar()->showMessage(tr("Surface building cancelled"), 3000);
    });
}

void MainWindow::buildDocks() {
    browser_ = new ScanBrowser(this);
    auto* browserDock = new QDockWidget(tr("Scans"), this);
    browserDock->setObjectName(QStringLiteral("scans"));
    browserDock->setWidget(browser_);
    addDockWidget(Qt::LeftDockWidgetArea, browserDock);
    resizeDocks({browserDock}, {340}, Qt::Horizontal);
    connect(browser_, &ScanBrowser::scanSelected, this, [this](qint64 id) { showScan(id); });

    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(new QLabel(tr("Window / level"), panel));
    presets_ = new QComboBox(panel);
    for (const auto& preset : ctWindowPresets()) {
        presets_->addItem(QStringLiteral("%1 (W%2 L%3)")
                              .arg(preset.name)
                              .arg(preset.value.window)
                              .arg(preset.value.level));
    }
    presets_->addItem(tr("Automatic (1st-99th percentile)"));
    layout->addWidget(presets_);
    layout->addWidget(new WindowLevelEntry(window_, panel));
    connect(presets_, qOverload<int>(&QComboBox::activated), this, &MainWindow::applyPreset);
    const char* keys[] = {"1", "2", "3", "4", "A"};
    for (int n = 0; n < 5; ++n) {
        auto* shortcut = new QShortcut(QKeySequence(QString::fromLatin1(keys[n])), this);
        connect(shortcut, &QShortcut::activated, this, [this, n] { applyPreset(n); });
    }
    overlayPanel_ = new LabelOverlayPanel(overlay_, panel);
    layout->addWidget(overlayPanel_, 1);
    showVolume_ = new QCheckBox(tr("3D: show volume rendering"), panel);
    showVolume_->setChecked(true);
    connect(showVolume_, &QCheckBox::toggled, volumeView_, &VolumeView3D::setVolumeVisible);
    layout->addWidget(showVolume_);
    auto* rebuild = new QPushButton(tr("3D: rebuild label surfaces"), panel);
    connect(rebuild, &QPushButton::clicked, this, &MainWindow::startMeshes);
    layout->addWidget(rebuild);
    auto* resetCamera = new QPushButton(tr("3D: reset camera"), panel);
    connect(resetCamera, &QPushButton::clicked, volumeView_, &VolumeView3D::resetCamera);
    layout->addWidget(resetCamera);

    auto* panelDock = new QDockWidget(tr("Display"), this);
    panelDock->setObjectName(QStringLiteral("display"));
    panelDock->setWidget(panel);
    addDockWidget(Qt::RightDockWidgetArea, panelDock);

    auto* runsDock = new QDockWidget(tr("Runs"), this);
    runsDock->setObjectName(QStringLiteral("runs"));
    auto* runs = new RunsPanel(runsDock);
    runsDock->setWidget(runs);
    connect(runs, &RunsPanel::caseChosen, this, &MainWindow::reviewCase);
    addDockWidget(Qt::RightDockWidgetArea, runsDock);
    tabifyDockWidget(panelDock, runsDock);
    panelDock->raise();
}

void MainWindow::applyPreset(int index) {
    const auto presets = ctWindowPresets();
    if (index >= 0 && index < static_cast<int>(presets.size())) {
        window_->setValue(presets[static_cast<size_t>(index)].value);
    } else if (!image_.empty()) {
        window_->setValue(percentileWindow(image_));
    }
    presets_->setCurrentIndex(std::clamp(index, 0, presets_->count() - 1));
}

SliceView* MainWindow::sliceView(SliceOrientation orientation) const {
    for (SliceView* view : views_) {
        if (view->orientation() == orientation) {
            return view;
        }
    }
    return nullptr;
}

void MainWindow::showError(const QString& title, const QString& message) {
    lastError_ = message;
    if (quietErrors_) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(title), qPrintable(message));
        return;
    }
    QMessageBox::critical(this, title, message);
}

bool MainWindow::openProject(const QString& dir) {
    // Opening the open project again would trip over our own project lock.
    if (project_ && QFileInfo(QString::fromStdString(project_->path())).absoluteFilePath() ==
                        QFileInfo(dir).absoluteFilePath()) {
        return true;
    }
    if (!confirmUnsavedEdits() || !confirmLeavingRun()) {
        return false;
    }
    try {
        auto project = std::make_unique<Project>(Project::open(dir.toStdString()));
        // Release the old project (and its lock) only once the new one opened.
        meshTask_->cancel();
        for (SliceView* view : views_) {
            view->setImage(nullptr);
        }
        volumeView_->setImage(nullptr);
        annotation_->setVolumes(nullptr, nullptr);
        image_ = ImageVolume();
        labels_ = LabelVolume();
        hasLabels_ = false;
        scanId_.reset();
        versionId_.reset();
        project_ = std::move(project);
        overlay_->setLabelSet(project_->labelSet());
        setWindowTitle(tr("LoGoNet workstation - %1").arg(QDir::toNativeSeparators(dir)));
        rememberRecent(QFileInfo(dir).absoluteFilePath());
        refreshScans();
        if (auto* runs = findChild<RunsPanel*>()) {
            runs->setProject(QFileInfo(dir).absoluteFilePath());
        }
        showPretrainingProject(QFileInfo(dir).absoluteFilePath());
        importAction_->setEnabled(true);
        exportAction_->setEnabled(true);
        startEditingSession();
        return true;
    } catch (const std::exception& error) {
        showError(tr("Cannot open project"), QString::fromUtf8(error.what()));
        return false;
    }
}

bool MainWindow::confirmLeavingRun() {
    // Without dialogs (tests, --screenshot) a run keeps going, as it always may.
    auto* runs = findChild<RunsPanel*>();
    return quietErrors_ || runs == nullptr || RunningRunQuestion::confirmLeaving(*runs, this);
}

bool MainWindow::createProject(const QString& dir) {
    try {
        Project::create(dir.toStdString(), LabelSet::btcv());
    } catch (const std::exception& error) {
        showError(tr("Cannot create project"), QString::fromUtf8(error.what()));
        return false;
    }
    return openProject(dir);
}

void MainWindow::refreshScans() {
    if (!project_) {
        return;
    }
    try {
        browser_->setScans(project_->scans());
    } catch (const std::exception& error) {
        showError(tr("Cannot list scans"), QString::fromUtf8(error.what()));
    }
}

bool MainWindow::showScan(qint64 scanId) {
    if (!project_) {
        return false;
    }
    if (scanId_ && *scanId_ == scanId) {
        return true;
    }
    if (!confirmUnsavedEdits()) {
        return false;
    }
    ImageVolume image;
    LabelVolume loadedLabels;
    bool hasLabels = false;
    std::optional<qint64> versionId;
    try {
        image = project_->loadImage(scanId);
        if (const auto version = project_->currentLabels(scanId)) {
            loadedLabels = project_->loadLabels(version->id);
            hasLabels = loadedLabels.size() == image.size();
            versionId = version->id;
        }
    } catch (const std::exception& error) {
        showError(tr("Cannot show scan"), QString::fromUtf8(error.what()));
        return false;
    }
    meshTask_->cancel();
    annotation_->setVolumes(nullptr, nullptr);
    for (SliceView* view : views_) {
        view->setImage(nullptr);
    }
    image_ = std::move(image);
    labels_ = std::move(loadedLabels);
    hasLabels_ = hasLabels;
    scanId_ = scanId;
    versionId_ = hasLabels ? versionId : std::nullopt;

    const WindowLevel initial = initialWindow(image_);
    window_->setValue(initial);
    const auto presets = ctWindowPresets();
    presets_->setCurrentIndex(initial == presets.front().value ? 0 : presets_->count() - 1);
    cursor_->setGeometry(image_.geometry());
    for (SliceView* view : views_) {
        view->setImage(&image_);
        view->setLabels(labels());
        view->resetView();
    }
    volumeView_->setImage(&image_);
    startEditingSession();
    startMeshes();
    browser_->selectScan(scanId);
    Q_EMIT scanShown(scanId);
    return true;
}

void MainWindow::startMeshes() {
    volumeView_->clearMeshes();
    if (!hasLabels_) {
        return;
    }
    meshProgress_->setValue(0);
    meshProgress_->show();
    meshCancel_->show();
    meshTask_->start(labels_);
}

void MainWindow::labelsEdited(const VoxelBox& region) {
    for (SliceView* view : views_) {
        view->labelsChanged(region);
    }
}

bool MainWindow::exportMask(const QString& file) {
    if (!hasLabels_) {
        showError(tr("Export mask"), tr("The current scan has no label map to export."));
        return false;
    }
    try {
        // The scan's geometry is the reference: the exported mask must overlay it in any viewer.
        LabelVolume mask = labels_;
        const ImageGeometry& g = image_.geometry();
        mask.setPlacement(g.origin, g.spacing, g.direction);
        writeLabelMap(mask, file.toStdString());
    } catch (const std::exception& error) {
        showError(tr("Export mask"), QString::fromUtf8(error.what()));
        return false;
    }
    statusBar()->showMessage(tr("Mask written to %1").arg(QDir::toNativeSeparators(file)), 5000);
    return true;
}

}  // namespace views
}  // namespace logonet
