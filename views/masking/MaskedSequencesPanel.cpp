#include "masking/MaskedSequencesPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include "cache/CasePreparation.h"
#include "clusters/ClusterStore.h"
#include "io/ImageReader.h"
#include "masking/CentredWindow.h"
#include "masking/MaskedSequenceView.h"
#include "project/PreparationDefaults.h"
#include "project/Project.h"

namespace logonet {
namespace views {

// A crop made off the GUI thread, or why it could not be made.
struct MaskedSequencesPanel::Loaded {
    int request = 0;
    std::shared_ptr<const ImageVolume> crop;
    QString problem;
};

MaskedSequencesPanel::MaskedSequencesPanel(QWidget* parent)
    : QWidget(parent),
      watcher_(new QFutureWatcher<std::shared_ptr<Loaded>>(this)),
      seed_(new QSpinBox(this)),
      phi1_(new QDoubleSpinBox(this)),
      phi2_(new QDoubleSpinBox(this)),
      length_(new QSpinBox(this)),
      crop_(new QSpinBox(this)),
      axis_(new QComboBox(this)),
      status_(new QLabel(this)),
      view_(new MaskedSequenceView(this)) {
    // The defaults of `logonet masks` and of pre-training (spec section 6).
    const SliceMaskingOptions defaults;
    seed_->setRange(0, std::numeric_limits<int>::max());
    phi1_->setRange(0.0, 1.0);
    phi1_->setSingleStep(0.01);
    phi1_->setDecimals(3);
    phi1_->setValue(defaults.phi1);
    phi2_->setRange(0.0, 1.0);
    phi2_->setSingleStep(0.05);
    phi2_->setDecimals(3);
    phi2_->setValue(defaults.phi2);
    length_->setRange(1, 64);
    length_->setValue(static_cast<int>(defaults.length));
    crop_->setRange(4, 256);
    crop_->setValue(96);
    axis_->addItem(tr("axial"), static_cast<int>(SliceAxis::Axial));
    axis_->addItem(tr("coronal"), static_cast<int>(SliceAxis::Coronal));
    axis_->addItem(tr("sagittal"), static_cast<int>(SliceAxis::Sagittal));
    seed_->setToolTip(tr("The seed of `logonet masks --seed`"));
    phi1_->setToolTip(tr("Fraction of slices that end a masked run"));
    phi2_->setToolTip(tr("Probability that a patch of a masked slice is zeroed"));
    length_->setToolTip(tr("Consecutive slices per masked run"));
    crop_->setToolTip(
        tr("Edge of the crop, cut from the middle of the scan prepared at the project's spacing, "
           "as `logonet masks --crop`"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* controls = new QGridLayout;
    const auto add = [&](int column, const QString& label, QWidget* widget) {
        auto* text = new QLabel(label, this);
        text->setBuddy(widget);
        controls->addWidget(text, 0, 2 * column);
        controls->addWidget(widget, 0, 2 * column + 1);
    };
    add(0, tr("Seed"), seed_);
    add(1, tr("phi1"), phi1_);
    add(2, tr("phi2"), phi2_);
    add(3, tr("M"), length_);
    add(4, tr("Axis"), axis_);
    add(5, tr("Crop"), crop_);
    controls->setColumnStretch(12, 1);
    layout->addLayout(controls);
    status_->setWordWrap(true);
    layout->addWidget(status_);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(view_);
    scroll->setWidgetResizable(false);
    layout->addWidget(scroll, 1);

    const auto changed = [this] { redraw(); };
    connect(seed_, qOverload<int>(&QSpinBox::valueChanged), this, changed);
    connect(phi1_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, changed);
    connect(phi2_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, changed);
    connect(length_, qOverload<int>(&QSpinBox::valueChanged), this, changed);
    connect(axis_, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    connect(crop_, qOverload<int>(&QSpinBox::valueChanged), this, [this] {
        stale_ = true;
        if (isVisible()) {
            loadCrop();
        }
    });
    connect(watcher_, &QFutureWatcher<std::shared_ptr<Loaded>>::finished, this,
            &MaskedSequencesPanel::cropFinished);
    setStatus(tr("Open a scan to see its masked sequences."));
}

MaskedSequencesPanel::~MaskedSequencesPanel() {
    watcher_->waitForFinished();
}

void MaskedSequencesPanel::setProject(const QString& directory) {
    project_.reset();
    scanId_.reset();
    cropVolume_.reset();
    maskedVolume_.reset();
    view_->clear(tr("Open a scan to see the masked sequences pre-training draws from it."));
    try {
        project_ = std::make_unique<Project>(
            Project::open(directory.toStdString(), Project::Access::Shared));
        // The crop the project's clustering (and so its pre-training) uses, when it has one.
        const auto clusterers = ClusterStore(project_->database(), project_->path()).clusterers();
        if (!clusterers.empty()) {
            const QSignalBlocker blocker(crop_);
            crop_->setValue(static_cast<int>(clustererCrop(clusterers.front())));
        }
        setStatus(tr("Open a scan to see its masked sequences."));
    } catch (const std::exception& error) {
        setStatus(QString::fromUtf8(error.what()), true);
    }
}

void MaskedSequencesPanel::setScan(std::optional<qint64> scanId) {
    if (scanId == scanId_ && (cropVolume_ || stale_)) {
        return;
    }
    scanId_ = scanId;
    stale_ = true;
    if (isVisible()) {
        loadCrop();
    }
}

void MaskedSequencesPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_) {
        loadCrop();
    }
}

SliceMaskingOptions MaskedSequencesPanel::options() const {
    SliceMaskingOptions options;
    options.phi1 = phi1_->value();
    options.phi2 = phi2_->value();
    options.length = length_->value();
    options.axis = static_cast<SliceAxis>(axis_->currentData().toInt());
    return options;
}

quint64 MaskedSequencesPanel::seed() const {
    return static_cast<quint64>(seed_->value());
}

int MaskedSequencesPanel::cropSize() const {
    return crop_->value();
}

QString MaskedSequencesPanel::status() const {
    return status_->text();
}

void MaskedSequencesPanel::setStatus(const QString& text, bool problem) {
    status_->setText(
        problem ? QStringLiteral("<span style='color:#c03030'>%1</span>").arg(text.toHtmlEscaped())
                : text);
}

void MaskedSequencesPanel::loadCrop() {
    stale_ = false;
    ++request_;
    cropVolume_.reset();
    maskedVolume_.reset();
    if (!project_ || !scanId_) {
        view_->clear(tr("Open a scan to see the masked sequences pre-training draws from it."));
        return;
    }
    QString file;
    QString name;
    PreprocessSettings settings;
    try {
        const ScanRecord scan = project_->scan(*scanId_);
        file = QString::fromStdString(project_->absolutePath(scan.path));
        name = QString::fromStdString(scan.name);
        // Prepared as `logonet masks` and pre-training prepare it: the project's spacing and
        // intensities for this scan's modality.
        const PreparationDefaults defaults = preparationDefaults(*project_);
        settings.spacing = defaults.spacing;
        settings.modality = defaults.modality;
        settings = settings.forScan(scan.modality);
    } catch (const std::exception& error) {
        setStatus(QString::fromUtf8(error.what()), true);
        view_->clear(QString());
        return;
    }
    setStatus(tr("Reading %1 and preparing it as pre-training does (%2) ...")
                  .arg(name)
                  .arg(QString::fromStdString(settings.describe())));
    view_->clear(tr("Preparing the crop ..."));
    const int request = request_;
    const int size = cropSize();
    // An abandoned crop finishes on its own (it captures no `this`); its result is dropped.
    watcher_->setFuture(QtConcurrent::run([request, file, settings, size] {
        auto loaded = std::make_shared<Loaded>();
        loaded->request = request;
        try {
            const CachedCase prepared =
                prepareCase("masked-sequences", readImage(file.toStdString()), {}, settings);
            loaded->crop = std::make_shared<const ImageVolume>(
                centredWindow(prepared.image, {size, size, size}));
        } catch (const std::exception& error) {
            loaded->problem = file + QStringLiteral(": ") + QString::fromUtf8(error.what());
        }
        return loaded;
    }));
}

void MaskedSequencesPanel::cropFinished() {
    const std::shared_ptr<Loaded> loaded = watcher_->result();
    if (!loaded || loaded->request != request_) {
        return;
    }
    if (!loaded->crop) {
        setStatus(loaded->problem, true);
        view_->clear(QString());
        return;
    }
    cropVolume_ = loaded->crop;
    Q_EMIT cropLoaded();
    redraw();
}

void MaskedSequencesPanel::redraw() {
    if (!cropVolume_) {
        return;
    }
    try {
        const SliceMaskingOptions chosen = options();
        MaskingPlanner planner(chosen, seed());
        plan_ = planner.draw(cropVolume_->size());
        auto masked = std::make_shared<ImageVolume>(*cropVolume_);
        applyMaskingPlan(plan_, chosen.axis, *masked);
        maskedVolume_ = masked;
        view_->setContent(cropVolume_, maskedVolume_, plan_, chosen.axis, chosen.length);
        view_->resize(view_->sizeHint());
        setStatus(tr("%1 of %2 slices masked in %3 runs of M = %4 (seed %5); the same plan as "
                     "`logonet masks --seed %5 --phi1 %6 --phi2 %7 --length %4 --axis %8 "
                     "--crop %9`.")
                      .arg(plan_.masked.size())
                      .arg(plan_.slices)
                      .arg(plan_.runEnds.size())
                      .arg(chosen.length)
                      .arg(seed())
                      .arg(chosen.phi1)
                      .arg(chosen.phi2)
                      .arg(QString::fromStdString(sliceAxisName(chosen.axis)))
                      .arg(cropSize()));
    } catch (const std::exception& error) {
        setStatus(QString::fromUtf8(error.what()), true);
    }
    Q_EMIT redrawn();
}

}  // namespace views
}  // namespace logonet
