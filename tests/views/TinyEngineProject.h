#pragma once

// A project the real engine can train on in seconds: two 48x48x40 phantoms, imported and
// prepared through `logonet` itself. Shared by the tests that drive real runs from the panel.
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace logonet::testing {

// The engine the tests run: LOGONET_ENGINE, or the one this build made.
inline QString testEngine(const QString& built) {
    return qEnvironmentVariable("LOGONET_ENGINE", built);
}

// Creates data/ and project/ under `dir`; returns the first failure as text, empty on success.
inline QString makeTinyEngineProject(const QString& engine, const QString& dir) {
    if (!QFileInfo(engine).isExecutable()) {
        return "build the logonet target first: " + engine;
    }
    const QString data = dir + "/data";
    const QString project = dir + "/project";
    const QList<QStringList> steps = {
        {"demo-data", "--out", data, "--cases", "2", "--size", "48,48,40"},
        {"project", "create", project},
        {"import", data + "/imagesTr", "--labels", data + "/labelsTr", "--project", project},
        {"prepare", "--project", project}};
    for (const QStringList& arguments : steps) {
        QProcess step;
        step.start(engine, arguments);
        if (!step.waitForFinished(90000) || step.exitCode() != 0) {
            return "logonet " + arguments.join(' ') + ": " +
                   QString::fromUtf8(step.readAllStandardError());
        }
    }
    return {};
}

}  // namespace logonet::testing
