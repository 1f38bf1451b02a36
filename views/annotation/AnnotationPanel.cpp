#include "annotation/AnnotationPanel.h"

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "annotation/AnnotationController.h"
#include "annotation/AnnotationSettings.h"
#include "editing/LabelStatistics.h"

namespace logonet {
namespace views {

AnnotationPanel::AnnotationPanel(AnnotationSettings* settings, AnnotationController* controller,
                                 QWidget* parent)
    : QWidget(parent), settings_(settings), controller_(controller) {
    auto* layout = new QVBoxLayout(this);

    // Tools are actions (a shortcut on a button would only click it 100 ms later).
    auto* toolRow = new QHBoxLayout;
    tools_ = new QActionGroup(this);
    const QString names[] = {tr("Brush"), tr("Eraser"), tr("Fill"), tr("Polygon")};
    const QString keys[] = {QStringLiteral("B"), QStringLiteral("E"), QStringLiteral("F"),
                            QStringLiteral("P")};
    for (int n = 0; n < 4; ++n) {
        auto* action = new QAction(names[n], tools_);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(keys[n]));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(names[n], keys[n]));
        action->setData(n);
        action->setChecked(n == static_cast<int>(settings_->tool()));
        addAction(action);
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        toolRow->addWidget(button);
    }
    connect(tools_, &QActionGroup::triggered, this, [this](QAction* action) {
        settings_->setTool(static_cast<AnnotationSettings::Tool>(action->data().toInt()));
    });
    connect(settings_, &AnnotationSettings::changed, this,
            [this] { tools_->actions()[static_cast<int>(settings_->tool())]->setChecked(true); });
    layout->addLayout(toolRow);

    activeLabel_ = new QComboBox(this);
    connect(activeLabel_, &QComboBox::activated, this, [this](int index) {
        settings_->setActiveLabel(static_cast<LabelValue>(activeLabel_->itemData(index).toInt()));
        refreshStatistics();
    });
    connect(controller_, &AnnotationController::activeLabelPicked, this,
            &AnnotationPanel::selectLabel);
    auto* labelForm = new QFormLayout;
    labelForm->addRow(tr("Active label"), activeLabel_);
    statistics_ = new QLabel(this);
    labelForm->addRow(QString(), statistics_);
    layout->addLayout(labelForm);

    layout->addWidget(buildBrushControls());
    layout->addWidget(buildRuleControls());
    layout->addWidget(buildCommandControls());

    auto* undoRow = new QHBoxLayout;
    for (QAction* action : {controller_->undoAction(), controller_->redoAction()}) {
        // Added to the panel so that their shortcuts work anywhere in its window.
        addAction(action);
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        undoRow->addWidget(button);
    }
    layout->addLayout(undoRow);
    history_ = new QListWidget(this);
    layout->addWidget(history_, 1);
    connect(controller_, &AnnotationController::historyChanged, this,
            &AnnotationPanel::refreshHistory);
    connect(controller_, &AnnotationController::historyChanged, this,
            &AnnotationPanel::refreshStatistics);
    refreshHistory();
}

QWidget* AnnotationPanel::buildBrushControls() {
    auto* box = new QGroupBox(tr("Brush"), this);
    auto* form = new QFormLayout(box);
    size_ = new QDoubleSpinBox(box);
    size_->setRange(0.0, 200.0);
    size_->setDecimals(1);
    size_->setValue(settings_->brush().radius);
    size_->setToolTip(tr("Brush radius ([ smaller, ] larger)"));
    unit_ = new QComboBox(box);
    unit_->addItems({tr("voxels"), tr("mm")});
    shape_ = new QComboBox(box);
    shape_->addItems({tr("round"), tr("square")});
    extent_ = new QComboBox(box);
    extent_->addItems({tr("2D (this slice)"), tr("3D")});
    extent_->setCurrentIndex(settings_->brush().extent == BrushOptions::Extent::Volume ? 1 : 0);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(size_);
    sizeRow->addWidget(unit_);
    form->addRow(tr("Radius"), sizeRow);
    form->addRow(tr("Shape"), shape_);
    form->addRow(tr("Extent"), extent_);
    connect(size_, &QDoubleSpinBox::valueChanged, this, &AnnotationPanel::applyBrush);
    for (QComboBox* combo : {unit_, shape_, extent_}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &AnnotationPanel::applyBrush);
    }
    auto* smaller = new QAction(tr("Smaller brush"), this);
    smaller->setShortcut(QKeySequence(Qt::Key_BracketLeft));
    connect(smaller, &QAction::triggered, this, [this] { size_->setValue(size_->value() - 1.0); });
    auto* larger = new QAction(tr("Larger brush"), this);
    larger->setShortcut(QKeySequence(Qt::Key_BracketRight));
    connect(larger, &QAction::triggered, this, [this] { size_->setValue(size_->value() + 1.0); });
    addAction(smaller);
    addAction(larger);
    return box;
}

QWidget* AnnotationPanel::buildRuleControls() {
    auto* box = new QGroupBox(tr("Paint over"), this);
    auto* form = new QFormLayout(box);
    drawOver_ = new QComboBox(box);
    drawOver_->addItems({tr("everything"), tr("background only"), tr("only label:")});
    overLabel_ = new QSpinBox(box);
    overLabel_->setRange(0, 65535);
    overLabel_->setValue(1);
    auto* overRow = new QHBoxLayout;
    overRow->addWidget(drawOver_);
    overRow->addWidget(overLabel_);
    form->addRow(tr("Draw over"), overRow);
    limitIntensity_ = new QCheckBox(tr("Only intensities from"), box);
    low_ = new QDoubleSpinBox(box);
    high_ = new QDoubleSpinBox(box);
    for (QDoubleSpinBox* spin : {low_, high_}) {
        spin->setRange(-1e6, 1e6);
        spin->setDecimals(1);
    }
    low_->setValue(-100.0);
    high_->setValue(200.0);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(low_);
    rangeRow->addWidget(new QLabel(tr("to"), box));
    rangeRow->addWidget(high_);
    form->addRow(limitIntensity_, rangeRow);
    connect(drawOver_, &QComboBox::currentIndexChanged, this, &AnnotationPanel::applyRule);
    connect(overLabel_, &QSpinBox::valueChanged, this, &AnnotationPanel::applyRule);
    connect(limitIntensity_, &QCheckBox::toggled, this, &AnnotationPanel::applyRule);
    connect(low_, &QDoubleSpinBox::valueChanged, this, &AnnotationPanel::applyRule);
    connect(high_, &QDoubleSpinBox::valueChanged, this, &AnnotationPanel::applyRule);

    fill3D_ = new QCheckBox(tr("Fill in 3D"), box);
    tolerance_ = new QDoubleSpinBox(box);
    tolerance_->setRange(-1.0, 1e6);
    tolerance_->setValue(-1.0);
    tolerance_->setSpecialValueText(tr("any intensity"));
    form->addRow(fill3D_, tolerance_);
    const auto applyFill = [this] {
        settings_->setFill(fill3D_->isChecked(), tolerance_->value());
    };
    connect(fill3D_, &QCheckBox::toggled, this, applyFill);
    connect(tolerance_, &QDoubleSpinBox::valueChanged, this, applyFill);
    polygonErases_ = new QCheckBox(tr("Polygon erases its inside"), box);
    connect(polygonErases_, &QCheckBox::toggled, settings_, &AnnotationSettings::setPolygonErases);
    form->addRow(polygonErases_);
    return box;
}

QWidget* AnnotationPanel::buildCommandControls() {
    auto* box = new QGroupBox(tr("Label commands"), this);
    auto* form = new QFormLayout(box);
    interpolationAxis_ = new QComboBox(box);
    interpolationAxis_->addItems({tr("sagittal"), tr("coronal"), tr("axial")});
    interpolationAxis_->setCurrentIndex(2);
    auto* interpolate = new QPushButton(tr("Interpolate"), box);
    accept_ = new QPushButton(tr("Accept"), box);
    discard_ = new QPushButton(tr("Discard"), box);
    auto* interpolationRow = new QHBoxLayout;
    interpolationRow->addWidget(interpolationAxis_);
    interpolationRow->addWidget(interpolate);
    interpolationRow->addWidget(accept_);
    interpolationRow->addWidget(discard_);
    form->addRow(tr("Between slices"), interpolationRow);
    connect(interpolate, &QPushButton::clicked, this,
            [this] { controller_->interpolate(interpolationAxis_->currentIndex()); });
    connect(accept_, &QPushButton::clicked, controller_, &AnnotationController::acceptPreview);
    connect(discard_, &QPushButton::clicked, controller_, &AnnotationController::discardPreview);

    islandSize_ = new QSpinBox(box);
    islandSize_->setRange(1, 1000000);
    islandSize_->setValue(100);
    islandSize_->setSuffix(tr(" voxels"));
    auto* removeIslands = new QPushButton(tr("Remove smaller islands"), box);
    auto* keepLargest = new QPushButton(tr("Keep largest"), box);
    auto* deleteLabel = new QPushButton(tr("Delete label's voxels"), box);
    auto* islandRow = new QHBoxLayout;
    islandRow->addWidget(islandSize_);
    islandRow->addWidget(removeIslands);
    form->addRow(tr("Islands under"), islandRow);
    auto* cleanRow = new QHBoxLayout;
    cleanRow->addWidget(keepLargest);
    cleanRow->addWidget(deleteLabel);
    form->addRow(cleanRow);
    mergeTarget_ = new QSpinBox(box);
    mergeTarget_->setRange(0, 65535);
    mergeTarget_->setValue(1);
    auto* merge = new QPushButton(tr("Merge"), box);
    auto* mergeRow = new QHBoxLayout;
    mergeRow->addWidget(mergeTarget_);
    mergeRow->addWidget(merge);
    form->addRow(tr("Into label"), mergeRow);
    connect(merge, &QPushButton::clicked, this,
            [this] { controller_->mergeActiveLabelInto(mergeTarget_->value()); });
    connect(removeIslands, &QPushButton::clicked, this,
            [this] { controller_->removeIslands(islandSize_->value()); });
    connect(keepLargest, &QPushButton::clicked, controller_,
            &AnnotationController::keepLargestComponent);
    connect(deleteLabel, &QPushButton::clicked, controller_,
            &AnnotationController::deleteActiveLabel);
    return box;
}

void AnnotationPanel::setLabelSet(const LabelSet& labels) {
    labelSet_ = labels;
    controller_->setLabelSet(labels);
    activeLabel_->clear();
    for (const LabelEntry& entry : labels.entries()) {
        QPixmap swatch(12, 12);
        swatch.fill(QColor(entry.colour[0], entry.colour[1], entry.colour[2]));
        activeLabel_->addItem(
            QIcon(swatch),
            QStringLiteral("%1 %2").arg(entry.value).arg(QString::fromStdString(entry.name)),
            static_cast<int>(entry.value));
    }
    selectLabel(settings_->activeLabel());
}

void AnnotationPanel::selectLabel(int value) {
    const int index = activeLabel_->findData(value);
    if (index >= 0) {
        activeLabel_->setCurrentIndex(index);
    }
    refreshStatistics();
}

void AnnotationPanel::applyBrush() {
    BrushOptions brush = settings_->brush();
    brush.radius = size_->value();
    brush.unit =
        unit_->currentIndex() == 1 ? BrushOptions::Unit::Millimetres : BrushOptions::Unit::Voxels;
    brush.shape =
        shape_->currentIndex() == 1 ? BrushOptions::Shape::Square : BrushOptions::Shape::Round;
    brush.extent =
        extent_->currentIndex() == 1 ? BrushOptions::Extent::Volume : BrushOptions::Extent::Slice;
    settings_->setBrush(brush);
}

void AnnotationPanel::applyRule() {
    DrawOverRule rule;
    switch (drawOver_->currentIndex()) {
        case 1:
            rule = DrawOverRule::backgroundOnly();
            break;
        case 2:
            rule = DrawOverRule::onlyLabel(static_cast<LabelValue>(overLabel_->value()));
            break;
        default:
            break;
    }
    if (limitIntensity_->isChecked()) {
        rule = rule.withIntensityRange(static_cast<float>(low_->value()),
                                       static_cast<float>(high_->value()));
    }
    settings_->setRule(rule);
}

void AnnotationPanel::refreshHistory() {
    history_->clear();
    const QStringList names = controller_->historyNames();
    const int applied = static_cast<int>(controller_->history().appliedCount());
    for (int n = 0; n < names.size(); ++n) {
        auto* item = new QListWidgetItem(names[n], history_);
        if (n >= applied) {
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        }
    }
    if (applied > 0) {
        history_->setCurrentRow(applied - 1);
    }
    accept_->setEnabled(controller_->hasPreview());
    discard_->setEnabled(controller_->hasPreview());
}

void AnnotationPanel::refreshStatistics() {
    const LabelVolume* labels = controller_->labels();
    if (labels == nullptr) {
        statistics_->clear();
        return;
    }
    const LabelMeasure measure = LabelStatistics::of(*labels, settings_->activeLabel());
    statistics_->setText(
        tr("%1 voxels, %2 ml").arg(measure.voxels).arg(measure.millilitres, 0, 'f', 2));
}

}  // namespace views
}  // namespace logonet
