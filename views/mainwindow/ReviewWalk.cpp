#include "mainwindow/ReviewWalk.h"

#include <QStatusBar>

#include "mainwindow/MainWindow.h"
#include "review/CaseReviewTable.h"
#include "review/ReviewStatusBar.h"
#include "runs/RunsPanel.h"

namespace logonet {
namespace views {

ReviewWalk::ReviewWalk(MainWindow* window) : QObject(window), window_(window) {
    auto* runs = window->findChild<RunsPanel*>();
    if (runs == nullptr) {
        return;
    }
    connect(runs, &RunsPanel::caseChosen, this,
            [this](const QString& run, const QString& caseName, const QString&) {
                run_ = run;
                case_ = caseName;
            });
    connect(window->reviewStatus(), &ReviewStatusBar::nextCaseRequested, this, &ReviewWalk::next);
}

bool ReviewWalk::next() {
    auto* runs = window_->findChild<RunsPanel*>();
    const QStringList order = runs != nullptr ? runs->reviewTable()->caseOrder() : QStringList();
    if (runs != nullptr && runs->reviewedRun() != run_) {
        run_ = runs->reviewedRun();  // another run chosen: its list starts from the top
        case_.clear();
    }
    if (run_.isEmpty() || order.isEmpty()) {
        window_->statusBar()->showMessage(tr("Select an evaluated run in the Runs panel first"),
                                          5000);
        return false;
    }
    const qsizetype at = case_.isEmpty() ? -1 : order.indexOf(case_);
    if (at + 1 >= order.size()) {
        window_->statusBar()->showMessage(tr("That was the last case of %1").arg(run_), 5000);
        return false;
    }
    case_ = order[at + 1];
    return window_->reviewCase(run_, case_, QString());
}

}  // namespace views
}  // namespace logonet
