#pragma once

#include <QWidget>
#include <optional>

#include "reviews/ReviewStore.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace logonet {
class Project;
}

namespace logonet {
namespace views {

// The reviewer's verdict on the version under review (accepted, needs correction, rejected) with
// a comment, stored in the project; "Correct" asks for an editable copy of the version. A version
// not reviewed yet shows no verdict (never one nobody chose), and Save waits for one; "Next case"
// asks for the next case of the run's worst-first list.
class ReviewStatusBar : public QWidget {
    Q_OBJECT
  public:
    explicit ReviewStatusBar(QWidget* parent = nullptr);

    // The version reviewed (null project: nothing to review). Shows its stored verdict.
    void setTarget(Project* project, qint64 scanId, qint64 versionId);
    std::optional<qint64> versionId() const { return versionId_; }

    void setStatus(ReviewStatus status);
    // False while no verdict is chosen; status() means something only when true.
    bool hasVerdict() const;
    ReviewStatus status() const;
    void setComment(const QString& comment);
    QString comment() const;
    // Stores the verdict shown; false (and failed()) when the project refuses it.
    bool save();

    QPushButton* saveButton() const { return save_; }
    QPushButton* correctButton() const { return correct_; }
    QPushButton* nextButton() const { return next_; }
    QString storedText() const;

  Q_SIGNALS:
    void saved(qint64 versionId, logonet::ReviewStatus status);
    void correctRequested(qint64 versionId);
    void nextCaseRequested();
    void failed(const QString& message);

  private:
    void showStored();

    Project* project_ = nullptr;
    qint64 scanId_ = 0;
    std::optional<qint64> versionId_;
    QComboBox* status_;
    QLineEdit* comment_;
    QPushButton* save_;
    QPushButton* correct_;
    QPushButton* next_;
    QLabel* stored_;
};

}  // namespace views
}  // namespace logonet
