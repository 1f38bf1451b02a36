#pragma once

#include <QString>
#include <QStringList>

namespace logonet {
namespace views {

// What a detached engine process leaves in its folder (RUN/process/COMMAND/), so that any window
// (this one, a later one, after a crash of the workstation) can tell whether it still runs and
// how it ended:
//   launch.json   the program, its arguments and the file its events go to (written first)
//   launcher.pid  the pid of the small shell that starts the engine and waits for it
//   engine.pid    the engine's pid (written by that shell once the engine started)
//   stdout.log, stderr.log   the engine's output
//   exit_code     the engine's exit status (written by the shell when the engine ended)
class RunProcessRecord {
  public:
    enum class State {
        None,      // no launch.json: never started from the workstation
        Starting,  // launched, the engine's pid not written yet
        Running,   // the engine (or its shell, finishing) is alive and is this run
        Exited,    // exit_code written: see exitCode()
        Died,      // nothing alive and no exit_code: killed with its shell, or the machine stopped
    };

    // Reads the folder as it is now (the processes are checked through /proc).
    static RunProcessRecord read(const QString& folder);

    const QString& folder() const { return folder_; }
    State state() const { return state_; }
    bool isActive() const { return state_ == State::Starting || state_ == State::Running; }
    qint64 enginePid() const { return enginePid_; }
    int exitCode() const { return exitCode_; }
    const QString& program() const { return program_; }
    const QStringList& arguments() const { return arguments_; }
    // The file to follow for the run's events (events.jsonl, or stdout.log for commands that
    // have no run log).
    const QString& eventsFile() const { return eventsFile_; }
    // The last lines of stderr.log (the engine's error message when it failed).
    QString errorTail(int lines = 5) const;
    // Sends SIGTERM to the engine when it is alive and still this run; false otherwise.
    bool terminate() const;

    QString filePath(const QString& name) const;

    // Whether `pid` is a live process whose command line ends with `arguments` and names
    // `program` (so a reused pid is not mistaken for the run).
    static bool isProcessOf(qint64 pid, const QString& program, const QStringList& arguments);

  private:
    bool readExitCode();

    QString folder_;
    State state_ = State::None;
    qint64 enginePid_ = 0;
    int exitCode_ = -1;
    QString program_;
    QStringList arguments_;
    QString eventsFile_;
};

}  // namespace views
}  // namespace logonet
