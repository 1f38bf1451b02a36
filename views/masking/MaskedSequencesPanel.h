#pragma once

#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <optional>

#include "masking/MaskingPlan.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace logonet {
class Project;
}

namespace logonet {
namespace views {

class MaskedSequenceView;

// The Masked Sequences panel: for the current scan and a seed, the crop `logonet masks` and
// pre-training use (core's pretrainCrop, made off the GUI thread) and the masked runs drawn by
// core's MaskingPlanner, the same plan the engine applies to its tensors. phi1, phi2, M, seed
// and axis redraw at once; only a new scan or crop size reads the scan again.
class MaskedSequencesPanel : public QWidget {
    Q_OBJECT
  public:
    explicit MaskedSequencesPanel(QWidget* parent = nullptr);
    ~MaskedSequencesPanel() override;

    // Opens the project read-only (its own connection); the crop is made once the panel shows.
    void setProject(const QString& directory);
    void setScan(std::optional<qint64> scanId);

    SliceMaskingOptions options() const;
    quint64 seed() const;
    int cropSize() const;

    // The controls, for tests.
    QSpinBox* seedBox() const { return seed_; }
    QDoubleSpinBox* phi1Box() const { return phi1_; }
    QDoubleSpinBox* phi2Box() const { return phi2_; }
    QSpinBox* lengthBox() const { return length_; }
    QSpinBox* cropBox() const { return crop_; }
    QComboBox* axisBox() const { return axis_; }
    MaskedSequenceView* view() const { return view_; }

    // What is shown: the crop before and after masking and the plan (empty until loaded).
    bool hasCrop() const { return cropVolume_ != nullptr; }
    const ImageVolume& crop() const { return *cropVolume_; }
    const ImageVolume& maskedCrop() const { return *maskedVolume_; }
    const CropMaskingPlan& plan() const { return plan_; }
    QString status() const;

  Q_SIGNALS:
    void cropLoaded();
    void redrawn();

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    struct Loaded;
    void loadCrop();
    void cropFinished();
    void redraw();
    void setStatus(const QString& text, bool problem = false);

    std::unique_ptr<Project> project_;
    std::optional<qint64> scanId_;
    bool stale_ = false;
    int request_ = 0;
    QFutureWatcher<std::shared_ptr<Loaded>>* watcher_;
    std::shared_ptr<const ImageVolume> cropVolume_;
    std::shared_ptr<const ImageVolume> maskedVolume_;
    CropMaskingPlan plan_;

    QSpinBox* seed_;
    QDoubleSpinBox* phi1_;
    QDoubleSpinBox* phi2_;
    QSpinBox* length_;
    QSpinBox* crop_;
    QComboBox* axis_;
    QLabel* status_;
    MaskedSequenceView* view_;
};

}  // namespace views
}  // namespace logonet
