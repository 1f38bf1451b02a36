#pragma once

// The project the engine-level run tests train on (test_run_resume, test_remote_run): two small
// labeled phantoms (48x48x32, BTCV labels) made, imported and prepared by `logonet` itself.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace logonet::testing {

// Writes the phantoms to `data` and the prepared project to `project`; returns the first
// failing step and what it printed, empty on success.
inline QString preparePhantomProject(const QString& engine, const QString& project,
                                     const QString& data) {
    const QList<QStringList> steps = {
        {"demo-data", "--out", data, "--cases", "2", "--size", "48,48,32"},
        {"project", "create", project, "--labels", "btcv"},
        {"import", data + "/imagesTr", "--labels", data + "/labelsTr", "--project", project},
        {"prepare", "--project", project}};
    for (const QStringList& arguments : steps) {
        QProcess step;
        step.start(engine, arguments);
        if (!step.waitForFinished(300000) || step.exitStatus() != QProcess::NormalExit ||
            step.exitCode() != 0) {
            return "logonet " + arguments.join(' ') + ": " +
                   QString::fromUtf8(step.readAllStandardError());
        }
    }
    return {};
}

}  // namespace logonet::testing
