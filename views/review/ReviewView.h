#pragma once

#include <QWidget>

#include "labels/LabelSet.h"
#include "review/LabelComparison.h"
#include "slices/SlicePlane.h"
#include "volume/Volume.h"

class QComboBox;
class QLabel;
class QStackedWidget;

namespace logonet {
namespace views {

class IntensityWindow;
class OverlaySettings;
class SliceCursor;
class SliceView;

// The QA review of one scan: a compared label version (a prediction) against a reference (the
// ground truth) either on one slice view with true positives, false positives and false
// negatives in their colours (for one organ or all), or side by side on two slice views that
// share the cursor. The cursor and the intensity window are the main window's, so the review
// follows the scan views and the other way round.
class ReviewView : public QWidget {
    Q_OBJECT
  public:
    enum class Mode { Colours, SideBySide };

    ReviewView(SliceCursor* cursor, IntensityWindow* window, QWidget* parent = nullptr);
    ~ReviewView() override;

    // Copies the volumes; throws std::invalid_argument when the sizes do not match the image's.
    void setCase(const ImageVolume& image, const LabelVolume& reference,
                 const LabelVolume& compared, const LabelSet& labels, const QString& referenceName,
                 const QString& comparedName);
    void clear();
    bool hasCase() const { return !image_.empty(); }

    void setMode(Mode mode);
    Mode mode() const { return mode_; }
    // 0: all organs.
    void setOrgan(LabelValue organ);
    LabelValue organ() const { return organ_; }
    void setOrientation(SliceOrientation orientation);
    SliceOrientation orientation() const { return orientation_; }

    const LabelVolume& comparison() const { return comparison_; }
    const ComparisonCounts& counts() const { return counts_; }
    // The views shown now: the one comparison view, or the reference and the compared view.
    SliceView* comparisonView() const { return comparisonView_; }
    SliceView* referenceView() const { return referenceView_; }
    SliceView* comparedView() const { return comparedView_; }

  Q_SIGNALS:
    void organChanged(logonet::LabelValue organ);

  private:
    void buildViews();
    void updateComparison();
    void fillOrgans();

    SliceCursor* cursor_;
    IntensityWindow* window_;
    OverlaySettings* comparisonStyle_;
    OverlaySettings* labelStyle_;
    ImageVolume image_;
    LabelVolume reference_;
    LabelVolume compared_;
    LabelVolume comparison_;
    ComparisonCounts counts_;
    LabelSet labels_;
    Mode mode_ = Mode::Colours;
    LabelValue organ_ = 0;
    SliceOrientation orientation_ = SliceOrientation::Axial;

    QComboBox* modeBox_;
    QComboBox* organBox_;
    QComboBox* orientationBox_;
    QLabel* summary_;
    QLabel* referenceTitle_;
    QLabel* comparedTitle_;
    QStackedWidget* pages_;
    QWidget* coloursPage_;
    QWidget* sidePage_;
    SliceView* comparisonView_ = nullptr;
    SliceView* referenceView_ = nullptr;
    SliceView* comparedView_ = nullptr;
};

}  // namespace views
}  // namespace logonet
