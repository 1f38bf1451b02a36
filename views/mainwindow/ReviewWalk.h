#pragma once

#include <QObject>
#include <QString>

namespace logonet {
namespace views {

class MainWindow;

// "Next case" of the Review dock: walks the selected run's cases in the review table's order
// (worst first), from the case opened last (by a click in the table or by this walk).
class ReviewWalk : public QObject {
    Q_OBJECT
  public:
    explicit ReviewWalk(MainWindow* window);

    // Opens the case after the current one (the first when none was opened); false at the end
    // of the list or without a scored run.
    bool next();
    const QString& currentCase() const { return case_; }

  private:
    MainWindow* window_;
    QString run_;
    QString case_;
};

}  // namespace views
}  // namespace logonet
