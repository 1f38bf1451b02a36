#include "review/ReviewView.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <stdexcept>

#include "common/SliceCursor.h"
#include "overlay/OverlaySettings.h"
#include "slices/SliceView.h"

namespace logonet {
namespace views {

namespace {

QLabel* swatch(ComparisonClass kind, const QString& text, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setText(QStringLiteral("<span style=\"background-color:%1\">&nbsp;&nbsp;&nbsp;&nbsp;"
                                  "</span> %2")
                       .arg(comparisonColour(kind).name(), text.toHtmlEscaped()));
    return label;
}

}  // namespace

ReviewView::ReviewView(SliceCursor* cursor, IntensityWindow* window, QWidget* parent)
    : QWidget(parent),
      cursor_(cursor),
      window_(window),
      comparisonStyle_(new OverlaySettings(this)),
      labelStyle_(new OverlaySettings(this)) {
    comparisonStyle_->setLabelSet(comparisonLabelSet());
    comparisonStyle_->setOpacity(0.6);

    modeBox_ = new QComboBox(this);
    modeBox_->addItem(tr("Colours: TP / FP / FN"), static_cast<int>(Mode::Colours));
    modeBox_->addItem(tr("Side by side"), static_cast<int>(Mode::SideBySide));
    organBox_ = new QComboBox(this);
    organBox_->addItem(tr("All organs"), 0);
    orientationBox_ = new QComboBox(this);
    orientationBox_->addItem(tr("Axial"), static_cast<int>(SliceOrientation::Axial));
    orientationBox_->addItem(tr("Coronal"), static_cast<int>(SliceOrientation::Coronal));
    orientationBox_->addItem(tr("Sagittal"), static_cast<int>(SliceOrientation::Sagittal));
    summary_ = new QLabel(this);

    auto* bar = new QHBoxLayout;
    bar->addWidget(modeBox_);
    bar->addWidget(organBox_);
    bar->addWidget(orientationBox_);
    bar->addSpacing(12);
    bar->addWidget(swatch(kTruePositive, tr("true positive"), this));
    bar->addWidget(swatch(kFalsePositive, tr("false positive"), this));
    bar->addWidget(swatch(kFalseNegative, tr("false negative"), this));
    bar->addStretch(1);

    referenceTitle_ = new QLabel(this);
    comparedTitle_ = new QLabel(this);
    pages_ = new QStackedWidget(this);
    coloursPage_ = new QWidget(pages_);
    new QVBoxLayout(coloursPage_);
    sidePage_ = new QWidget(pages_);
    auto* side = new QGridLayout(sidePage_);
    side->addWidget(referenceTitle_, 0, 0);
    side->addWidget(comparedTitle_, 0, 1);
    pages_->addWidget(coloursPage_);
    pages_->addWidget(sidePage_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(summary_);
    layout->addWidget(pages_, 1);
    buildViews();

    connect(modeBox_, qOverload<int>(&QComboBox::activated), this,
            [this] { setMode(static_cast<Mode>(modeBox_->currentData().toInt())); });
    connect(organBox_, qOverload<int>(&QComboBox::activated), this,
            [this] { setOrgan(static_cast<LabelValue>(organBox_->currentData().toInt())); });
    connect(orientationBox_, qOverload<int>(&QComboBox::activated), this, [this] {
        setOrientation(static_cast<SliceOrientation>(orientationBox_->currentData().toInt()));
    });
}

ReviewView::~ReviewView() {
    // The views point into the volumes owned here.
    for (SliceView* view : {comparisonView_, referenceView_, comparedView_}) {
        view->setImage(nullptr);
    }
}

void ReviewView::buildViews() {
    for (SliceView* view : {comparisonView_, referenceView_, comparedView_}) {
        delete view;
    }
    comparisonView_ = new SliceView(orientation_, cursor_, window_, comparisonStyle_, coloursPage_);
    coloursPage_->layout()->addWidget(comparisonView_);
    referenceView_ = new SliceView(orientation_, cursor_, window_, labelStyle_, sidePage_);
    comparedView_ = new SliceView(orientation_, cursor_, window_, labelStyle_, sidePage_);
    auto* side = static_cast<QGridLayout*>(sidePage_->layout());
    side->addWidget(referenceView_, 1, 0);
    side->addWidget(comparedView_, 1, 1);
    side->setRowStretch(1, 1);
    if (hasCase()) {
        comparisonView_->setImage(&image_);
        comparisonView_->setLabels(&comparison_);
        referenceView_->setImage(&image_);
        referenceView_->setLabels(&reference_);
        comparedView_->setImage(&image_);
        comparedView_->setLabels(&compared_);
    }
}

void ReviewView::setCase(const ImageVolume& image, const LabelVolume& reference,
                         const LabelVolume& compared, const LabelSet& labels,
                         const QString& referenceName, const QString& comparedName) {
    if (reference.size() != image.size() || compared.size() != image.size()) {
        throw std::invalid_argument("the label maps to review do not have the scan's size");
    }
    clear();
    image_ = image;
    reference_ = reference;
    compared_ = compared;
    labels_ = labels;
    labelStyle_->setLabelSet(labels);
    referenceTitle_->setText(referenceName);
    comparedTitle_->setText(comparedName);
    fillOrgans();
    updateComparison();
    comparisonView_->setImage(&image_);
    referenceView_->setImage(&image_);
    comparedView_->setImage(&image_);
    comparisonView_->setLabels(&comparison_);
    referenceView_->setLabels(&reference_);
    comparedView_->setLabels(&compared_);
}

void ReviewView::clear() {
    for (SliceView* view : {comparisonView_, referenceView_, comparedView_}) {
        view->setImage(nullptr);
    }
    image_ = ImageVolume();
    reference_ = LabelVolume();
    compared_ = LabelVolume();
    comparison_ = LabelVolume();
    counts_ = ComparisonCounts();
    summary_->clear();
}

void ReviewView::fillOrgans() {
    organBox_->clear();
    organBox_->addItem(tr("All organs"), 0);
    for (const LabelEntry& entry : labels_.entries()) {
        organBox_->addItem(QString::fromStdString(entry.name), static_cast<int>(entry.value));
    }
    const int index = organBox_->findData(static_cast<int>(organ_));
    if (index < 0) {
        organ_ = 0;
    }
    organBox_->setCurrentIndex(std::max(index, 0));
}

void ReviewView::setMode(Mode mode) {
    mode_ = mode;
    modeBox_->setCurrentIndex(modeBox_->findData(static_cast<int>(mode)));
    pages_->setCurrentWidget(mode == Mode::Colours ? coloursPage_ : sidePage_);
}

void ReviewView::setOrgan(LabelValue organ) {
    const int index = organBox_->findData(static_cast<int>(organ));
    organ_ = index < 0 ? 0 : organ;
    organBox_->setCurrentIndex(std::max(index, 0));
    // Side by side shows the chosen organ alone, so both views speak of the same thing.
    for (const LabelEntry& entry : labels_.entries()) {
        labelStyle_->setVisible(entry.value, organ_ == 0 || entry.value == organ_);
    }
    if (hasCase()) {
        updateComparison();
        comparisonView_->labelsChangedEverywhere();
    }
    Q_EMIT organChanged(organ_);
}

void ReviewView::setOrientation(SliceOrientation orientation) {
    if (orientation == orientation_) {
        return;
    }
    orientation_ = orientation;
    orientationBox_->setCurrentIndex(orientationBox_->findData(static_cast<int>(orientation)));
    buildViews();
}

void ReviewView::updateComparison() {
    comparison_ = compareLabels(compared_, reference_, organ_, &counts_);
    const int64_t tp = counts_.truePositives;
    const double dice =
        tp + counts_.falsePositives + counts_.falseNegatives == 0
            ? 1.0
            : 2.0 * static_cast<double>(tp) /
                  static_cast<double>(2 * tp + counts_.falsePositives + counts_.falseNegatives);
    summary_->setText(tr("%1 against %2: %3 true positive, %4 false positive, %5 false negative "
                         "voxels; Dice %6")
                          .arg(comparedTitle_->text(), referenceTitle_->text())
                          .arg(tp)
                          .arg(counts_.falsePositives)
                          .arg(counts_.falseNegatives)
                          .arg(dice, 0, 'f', 3));
}

}  // namespace views
}  // namespace logonet
