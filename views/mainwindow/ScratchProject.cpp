#include "mainwindow/ScratchProject.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <filesystem>

#include "import/LabelAttachment.h"
#include "import/ScanImporter.h"
#include "labels/LabelSet.h"
#include "mainwindow/MainWindow.h"
#include "project/Project.h"
#include "runs/RunsPanel.h"

namespace logonet {
namespace views {

namespace {

QString openProjectDirectory(const MainWindow& window) {
    const auto* runs = window.findChild<RunsPanel*>();
    return runs != nullptr ? runs->project() : QString();
}

QString newScratchDirectory() {
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QDir root(ScratchProject::root());
    QString candidate = root.filePath(QStringLiteral("scratch-") + stamp);
    for (int n = 2; QFileInfo::exists(candidate); ++n) {
        candidate = root.filePath(QStringLiteral("scratch-%1-%2").arg(stamp).arg(n));
    }
    return candidate;
}

}  // namespace

ScratchProject::ScratchProject(MainWindow* window)
    : QObject(window), window_(window), keep_(new QAction(tr("Keep scratch project as..."), this)) {
    keep_->setObjectName(QStringLiteral("keepScratchProject"));
    keep_->setToolTip(tr("Copy the scratch project these files opened in to a folder of yours"));
    keep_->setEnabled(false);
    connect(keep_, &QAction::triggered, this, [this] {
        const QString directory = QFileDialog::getExistingDirectory(
            window_, tr("Choose an empty folder to keep the project in"));
        if (!directory.isEmpty() && !keepAs(directory)) {
            window_->statusBar()->showMessage(error_, 10000);
        }
    });
    connect(window, &MainWindow::scanShown, this,
            [this] { keep_->setEnabled(isScratch(openProjectDirectory(*window_))); });
    const QList<QAction*> menus = window->menuBar()->actions();
    if (!menus.isEmpty() && menus.first()->menu() != nullptr) {
        menus.first()->menu()->addAction(keep_);  // the File menu
    }
}

QString ScratchProject::root() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/scratch");
}

bool ScratchProject::isScratchDirectory(const QString& projectDirectory) {
    return !projectDirectory.isEmpty() &&
           QFileInfo(projectDirectory)
               .absoluteFilePath()
               .startsWith(QFileInfo(root()).absoluteFilePath() + QLatin1Char('/'));
}

bool ScratchProject::open(const QStringList& images, const QString& labels) {
    error_.clear();
    if (images.isEmpty()) {
        error_ = tr("No image file to open");
        return false;
    }
    const QString directory = newScratchDirectory();
    int64_t firstScan = 0;
    try {
        QDir().mkpath(root());
        Project project = Project::create(directory.toStdString(), LabelSet::btcv());
        std::vector<std::string> paths;
        for (const QString& image : images) {
            paths.push_back(image.toStdString());
        }
        ImportOptions options;
        options.unlabeled = true;
        const ImportReport report = ScanImporter(project).importPaths(paths, options);
        if (!report.failures.empty()) {
            throw std::runtime_error(report.failures.front().source + ": " +
                                     report.failures.front().message);
        }
        if (report.imported.empty()) {
            throw std::runtime_error(images.first().toStdString() + ": no image in it");
        }
        firstScan = report.imported.front();
        if (!labels.isEmpty()) {
            attachLabelFile(project, firstScan, labels.toStdString());
        }
    } catch (const std::exception& problem) {
        error_ = QString::fromUtf8(problem.what());
        std::error_code ignored;
        std::filesystem::remove_all(directory.toStdString(), ignored);  // nothing half-made stays
        return false;
    }
    if (!window_->openProject(directory) || !window_->showScan(firstScan)) {
        error_ = window_->lastError();
        return false;
    }
    window_->statusBar()->showMessage(
        tr("Opened in a scratch project (%1); File > Keep scratch project as... keeps it")
            .arg(QDir::toNativeSeparators(directory)),
        15000);
    return true;
}

bool ScratchProject::keepAs(const QString& directory) {
    error_.clear();
    const QString source = openProjectDirectory(*window_);
    if (!isScratch(source)) {
        error_ = tr("The open project is not a scratch project");
        return false;
    }
    if (QFileInfo::exists(directory) && !QDir(directory).isEmpty()) {
        error_ = tr("%1: the folder must be empty or absent").arg(directory);
        return false;
    }
    try {
        std::filesystem::create_directories(directory.toStdString());
        std::filesystem::copy(source.toStdString(), directory.toStdString(),
                              std::filesystem::copy_options::recursive);
        // The copy holds the scratch project's lock file; the project there is its own.
        std::error_code ignored;
        std::filesystem::remove(std::filesystem::path(directory.toStdString()) / "project.lock",
                                ignored);
    } catch (const std::exception& problem) {
        error_ = QString::fromUtf8(problem.what());
        return false;
    }
    const auto scan = window_->currentScan();
    if (!window_->openProject(directory)) {
        error_ = window_->lastError();
        return false;
    }
    if (scan) {
        window_->showScan(*scan);
    }
    return true;
}

}  // namespace views
}  // namespace logonet
