#pragma once

#include <QWidget>
#include <optional>
#include <vector>

#include "versions/LabelVersionRecord.h"

class QComboBox;
class QPushButton;

namespace logonet {
namespace views {

// Picks which label version of the shown scan the views display and the tools edit: its ground
// truth, the predictions of runs and the corrections, oldest first. A prediction is read-only;
// "Correct this prediction" asks for an editable copy of it.
class LabelVersionSelector : public QWidget {
    Q_OBJECT
  public:
    explicit LabelVersionSelector(QWidget* parent = nullptr);

    // Shows `versions` with `current` selected, without emitting versionChosen().
    void setVersions(const std::vector<LabelVersionRecord>& versions,
                     std::optional<int64_t> current);
    const std::vector<LabelVersionRecord>& versions() const { return versions_; }
    std::optional<LabelVersionRecord> selected() const;
    // The version's one-line description, e.g. "#4 correction of #2".
    static QString describe(const LabelVersionRecord& version);

    QComboBox* box() const { return box_; }
    QPushButton* correctButton() const { return correct_; }

  Q_SIGNALS:
    void versionChosen(qint64 versionId);
    void correctionRequested(qint64 predictionId);

  private:
    void updateButton();

    std::vector<LabelVersionRecord> versions_;
    QComboBox* box_;
    QPushButton* correct_;
};

}  // namespace views
}  // namespace logonet
