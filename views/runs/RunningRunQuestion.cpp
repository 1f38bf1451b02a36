#include "runs/RunningRunQuestion.h"

#include <QEventLoop>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

#include "runs/RunsPanel.h"

namespace logonet {
namespace views {

RunningRunQuestion::Answer RunningRunQuestion::ask(const QString& runName, QWidget* parent) {
    QMessageBox box(QMessageBox::Question, tr("Run in progress"),
                    tr("%1 is still running. It continues in the background and the workstation "
                       "reattaches when you reopen the project.")
                        .arg(runName),
                    QMessageBox::NoButton, parent);
    QPushButton* keep = box.addButton(tr("Keep running"), QMessageBox::AcceptRole);
    QPushButton* stop = box.addButton(tr("Stop run"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep) {
        return Answer::KeepRunning;
    }
    return box.clickedButton() == stop ? Answer::StopRun : Answer::Cancel;
}

bool RunningRunQuestion::confirmLeaving(RunsPanel& runs, QWidget* parent) {
    if (!runs.isRunning()) {
        return true;
    }
    const QString name = runs.runningRunName();
    const Answer answer = ask(name, parent);
    if (answer != Answer::StopRun) {
        return answer == Answer::KeepRunning;
    }
    // A training step finishes before the checkpoint is written: on a CPU that can take a while,
    // so the wait shows itself and can be left.
    QProgressDialog waiting(tr("Stopping %1: the engine writes a checkpoint first").arg(name),
                            tr("Stop waiting"), 0, 0, parent);
    waiting.setWindowTitle(tr("Stopping the run"));
    waiting.setWindowModality(Qt::WindowModal);
    waiting.setMinimumDuration(0);
    QEventLoop loop;
    QObject::connect(&runs, &RunsPanel::runFinished, &loop, &QEventLoop::quit);
    QObject::connect(&waiting, &QProgressDialog::canceled, &loop, &QEventLoop::quit);
    runs.cancel();
    if (runs.isRunning()) {
        waiting.show();
        loop.exec();
    }
    return true;
}

}  // namespace views
}  // namespace logonet
