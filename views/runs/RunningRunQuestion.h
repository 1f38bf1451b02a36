#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace logonet {
namespace views {

class RunsPanel;

// Asked when the window or its project closes while a run is going, as desktop tools ask about
// unsaved work: the run may go on in the background (a later window reattaches), be stopped
// cleanly with a checkpoint first, or nothing closes.
class RunningRunQuestion {
    Q_DECLARE_TR_FUNCTIONS(RunningRunQuestion)

  public:
    enum class Answer { KeepRunning, StopRun, Cancel };

    static Answer ask(const QString& runName, QWidget* parent);
    // Asks when `runs` follows a run and acts on the answer. Returns whether closing may go on;
    // after "Stop run" that is once the engine stopped, or once the user stops waiting (the
    // engine has been told to stop and does so on its own).
    static bool confirmLeaving(RunsPanel& runs, QWidget* parent);
};

}  // namespace views
}  // namespace logonet
