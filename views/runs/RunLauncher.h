#pragma once

#include <QString>
#include <QStringList>

namespace logonet {
namespace views {

// Starts an engine command detached from the workstation: in its own session, through a small
// /bin/sh that records the engine's pid, sends its output to files and writes its exit status
// when it ends (see RunProcessRecord for the files). Closing the window leaves it running.
class RunLauncher {
  public:
    // Clears the folder's traces of an earlier launch and starts `program arguments`; `eventsFile`
    // is where the panel follows the run's events. Throws std::runtime_error with a message for
    // the user when the program is not an executable or the folder cannot be written.
    static void launch(const QString& folder, const QString& program, const QStringList& arguments,
                       const QString& eventsFile);
    // The program as an absolute path (looked up on PATH when it has no directory), or empty.
    static QString resolveProgram(const QString& program);
};

}  // namespace views
}  // namespace logonet
