#include "dialogs/ImportProgress.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <mutex>

namespace logonet {
namespace views {

namespace {

// What the worker reports; the GUI thread polls it, so no signal has to cross threads.
struct ImportState {
    std::atomic<int> done{0};
    std::atomic<int> total{0};
    std::atomic<bool> cancel{false};
    std::mutex mutex;
    std::string current;
};

}  // namespace

ImportReport importWithProgress(QWidget* parent, Project& project,
                                const std::vector<std::string>& paths,
                                const ImportOptions& options) {
    auto state = std::make_shared<ImportState>();
    QProgressDialog dialog(QCoreApplication::translate("ImportProgress", "Preparing import..."),
                           QCoreApplication::translate("ImportProgress", "Cancel"), 0, 0, parent);
    dialog.setWindowTitle(QCoreApplication::translate("ImportProgress", "Import scans"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(0);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);

    QFutureWatcher<ImportReport> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<ImportReport>::finished, &loop, &QEventLoop::quit);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&dialog, state] {
        state->cancel = true;
        dialog.setLabelText(
            QCoreApplication::translate("ImportProgress", "Cancelling after the current scan..."));
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&dialog, state] {
        if (state->cancel) {
            return;
        }
        dialog.setMaximum(state->total);
        dialog.setValue(state->done);
        std::lock_guard<std::mutex> lock(state->mutex);
        if (!state->current.empty()) {
            dialog.setLabelText(
                QCoreApplication::translate("ImportProgress", "Importing %1 (%2 of %3)")
                    .arg(QString::fromStdString(state->current))
                    .arg(state->done + 1)
                    .arg(state->total));
        }
    });
    poll.start(100);

    watcher.setFuture(QtConcurrent::run([&project, paths, options, state] {
        ScanImporter importer(project);
        ImportReport report;
        try {
            report = importer.importPaths(paths, options,
                                          [state](int done, int total, const std::string& name) {
                                              state->done = done;
                                              state->total = total;
                                              std::lock_guard<std::mutex> lock(state->mutex);
                                              state->current = name;
                                              return !state->cancel.load();
                                          });
        } catch (const std::exception& error) {
            // A path that holds nothing importable fails the whole plan: report it like a scan.
            report.failures.push_back(
                {paths.empty() ? std::string() : paths.front(), error.what()});
        }
        return report;
    }));
    dialog.show();
    loop.exec();
    poll.stop();
    dialog.close();
    return watcher.result();
}

QString describeImportReport(const ImportReport& report) {
    QString text = QCoreApplication::translate("ImportProgress", "%1 scan(s) imported.")
                       .arg(report.imported.size());
    if (!report.imported.empty()) {
        text += QLatin1Char(' ') +
                QCoreApplication::translate("ImportProgress", "%1 labeled, %2 unlabeled.")
                    .arg(report.importedLabeled.size())
                    .arg(report.imported.size() - report.importedLabeled.size());
    }
    if (!report.duplicates.empty()) {
        text +=
            QLatin1Char(' ') + QCoreApplication::translate(
                                   "ImportProgress", "%1 already in the project (same content).")
                                   .arg(report.duplicates.size());
    }
    if (!report.labelsAttached.empty()) {
        text += QLatin1Char(' ') +
                QCoreApplication::translate(
                    "ImportProgress", "%1 label file(s) attached to scans already in the project.")
                    .arg(report.labelsAttached.size());
    }
    if (!report.labelSetNote.empty()) {
        text += QLatin1Char('\n') + QString::fromStdString(report.labelSetNote);
    }
    if (report.cancelled) {
        text += QLatin1Char(' ') +
                QCoreApplication::translate("ImportProgress", "The import was cancelled.");
    }
    if (!report.failures.empty()) {
        text +=
            QLatin1Char('\n') +
            QCoreApplication::translate("ImportProgress", "%1 failed:").arg(report.failures.size());
        for (const auto& failure : report.failures) {
            text += QLatin1Char('\n') + QString::fromStdString(failure.message);
        }
    }
    return text;
}

}  // namespace views
}  // namespace logonet
