#include "mainwindow/RunFocus.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <optional>

#include "mainwindow/MainWindow.h"
#include "project/Project.h"
#include "runs/RunsPanel.h"

namespace logonet {
namespace views {

namespace {

struct RunPrediction {
    qint64 scanId = 0;
    qint64 predictionId = 0;
    std::optional<qint64> referenceId;  // the scan's current labels, when it has any
};

// The first scan with a prediction of `run` (by scan id: names may repeat across imports).
std::optional<RunPrediction> firstPrediction(const QString& projectDirectory, const QString& run) {
    const Project project = Project::open(projectDirectory.toStdString(), Project::Access::Shared);
    for (const ScanRecord& scan : project.scans()) {
        for (const LabelVersionRecord& version : project.labelVersions(scan.id)) {
            if (version.kind == "prediction" && version.runName == run.toStdString()) {
                RunPrediction found{scan.id, version.id, std::nullopt};
                if (const auto current = project.currentLabels(scan.id)) {
                    found.referenceId = current->id;
                }
                return found;
            }
        }
    }
    return std::nullopt;
}

std::optional<qint64> firstScan(const QString& projectDirectory) {
    const Project project = Project::open(projectDirectory.toStdString(), Project::Access::Shared);
    const std::vector<ScanRecord> scans = project.scans();
    return scans.empty() ? std::nullopt : std::optional<qint64>(scans.front().id);
}

}  // namespace

bool focusRun(MainWindow& window, const QString& runName) {
    auto* runs = window.findChild<RunsPanel*>();
    if (runs == nullptr || runs->project().isEmpty()) {
        return false;
    }
    const QString runDirectory = QDir(runs->project()).filePath(QStringLiteral("runs/") + runName);
    if (!QFileInfo(QDir(runDirectory).filePath(QStringLiteral("config.json"))).isFile()) {
        return false;
    }
    runs->selectRuns({runName});
    if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("runs"))) {
        dock->raise();
    }
    std::optional<RunPrediction> prediction;
    std::optional<qint64> scan;
    try {
        prediction = firstPrediction(runs->project(), runName);
        scan = firstScan(runs->project());
    } catch (const std::exception&) {
        prediction.reset();  // the run is still shown; the window reports project errors itself
    }
    if (!prediction) {
        // A run with no predictions yet: a scan in the views rather than four empty ones.
        if (scan) {
            window.showScan(*scan);
        }
        return true;
    }
    if (!window.showScan(prediction->scanId)) {
        return false;
    }
    if (prediction->referenceId && *prediction->referenceId != prediction->predictionId) {
        return window.reviewVersions(*prediction->referenceId, prediction->predictionId);
    }
    return window.selectLabelVersion(prediction->predictionId);
}

}  // namespace views
}  // namespace logonet
