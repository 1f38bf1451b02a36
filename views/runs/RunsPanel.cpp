#include "runs/RunsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <stdexcept>

#include "plots/DiceChart.h"
#include "plots/PretrainingChart.h"
#include "plots/RunScores.h"
#include "plots/TrainingCurves.h"
#include "remote/RemoteHostChoice.h"
#include "remote/RemoteHostsDialog.h"
#include "review/CaseReviewTable.h"
#include "runs/DetachedRun.h"
#include "runs/EngineProgram.h"
#include "runs/RunHistory.h"

namespace logonet {
namespace views {

namespace {

// The engine's exit code for "stopped after a checkpoint" (SIGTERM / SIGINT).
constexpr int kStoppedExitCode = 3;

// The process folder of an evaluation is named after its engine command.
bool isEvaluation(const QString& processFolder) {
    return QDir(processFolder).dirName() == QLatin1String("evaluate");
}

QString durationText(double seconds) {
    const qint64 s = static_cast<qint64>(seconds + 0.5);
    if (s >= 3600) {
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

RunsPanel::RunsPanel(QWidget* parent)
    : QWidget(parent),
      engine_(engineProgram()),
      process_(new DetachedRun(this)),
      curves_(new TrainingCurves(this)),
      diceChart_(new DiceChart(this)),
      experimentChart_(new PretrainingChart(this)),
      reviewTable_(new CaseReviewTable(this)) {
    buildForm();
    connect(process_, &DetachedRun::eventReceived, this, &RunsPanel::onEvent);
    connect(process_, &DetachedRun::finished, this, &RunsPanel::onFinished);
    connect(process_, &DetachedRun::failedToStart, this, [this](const QString& message) {
        status_->setText(message);
        activeRun_.clear();
        updateForm();
    });
    updateForm();
}

RunsPanel::~RunsPanel() = default;

RunRequest RunsPanel::request() const {
    RunRequest r;
    r.kind = static_cast<RunRequest::Kind>(kind_->currentData().toInt());
    r.project = project_;
    r.name = name_->text().trimmed();
    r.architecture = architecture_->currentText();
    r.initFrom = initFrom_->currentText().trimmed();
    r.iterations = iterations_->value();
    r.batch = batch_->value();
    r.crop = crop_->text().trimmed();
    r.modality = modality_->currentData().toString();
    r.spacing = spacing_->text().trimmed();
    r.learningRate = learningRate_->value();
    r.device = device_->currentText();
    r.split = split_->currentText();
    r.amp = amp_->isChecked();
    r.checkpointing = checkpointing_->isChecked();
    r.clusterers = clusterers_->value();
    r.phi1 = phi1_->value();
    r.phi2 = phi2_->value();
    r.maskLength = maskLength_->value();
    r.tau = tau_->value();
    r.kMin = kMin_->value();
    r.kMax = kMax_->value();
    const int host = where_->currentIndex() - 1;  // entry 0 is this computer
    if (host >= 0 && host < remoteHosts_.size()) {
        r.onRemoteHost = true;
        r.remoteHost = remoteHosts_[host];
    }
    return r;
}

void RunsPanel::setRequest(const RunRequest& r) {
    kind_->setCurrentIndex(kind_->findData(static_cast<int>(r.kind)));
    name_->setText(r.name);
    architecture_->setCurrentText(r.architecture);
    initFrom_->setCurrentText(r.initFrom);
    iterations_->setValue(r.iterations);
    batch_->setValue(r.batch);
    crop_->setText(r.crop);
    modality_->setCurrentIndex(std::max(0, modality_->findData(r.modality)));
    spacing_->setText(r.spacing);
    learningRate_->setValue(r.learningRate);
    device_->setCurrentText(r.device);
    split_->setCurrentText(r.split);
    amp_->setChecked(r.amp);
    checkpointing_->setChecked(r.checkpointing);
    clusterers_->setValue(r.clusterers);
    phi1_->setValue(r.phi1);
    phi2_->setValue(r.phi2);
    maskLength_->setValue(r.maskLength);
    tau_->setValue(r.tau);
    kMin_->setValue(r.kMin);
    kMax_->setValue(r.kMax);
    int where = 0;
    for (int i = 0; r.onRemoteHost && i < remoteHosts_.size(); ++i) {
        if (remoteHosts_[i].target() == r.remoteHost.target()) {
            where = i + 1;
        }
    }
    where_->setCurrentIndex(where);
    updateForm();
}

QString RunsPanel::commandLineShown() const {
    return commandLine_->text();
}

void RunsPanel::updateForm() {
    const auto kind = static_cast<RunRequest::Kind>(kind_->currentData().toInt());
    const bool training =
        kind == RunRequest::Kind::FineTuning || kind == RunRequest::Kind::PreTraining;
    architecture_->setEnabled(training);
    initFrom_->setEnabled(kind == RunRequest::Kind::FineTuning);
    iterations_->setEnabled(training);
    batch_->setEnabled(training);
    crop_->setEnabled(kind == RunRequest::Kind::FineTuning || kind == RunRequest::Kind::Clustering);
    modality_->setEnabled(kind == RunRequest::Kind::FineTuning);
    spacing_->setEnabled(kind == RunRequest::Kind::FineTuning);
    learningRate_->setEnabled(training);
    device_->setEnabled(kind != RunRequest::Kind::Inference);
    split_->setEnabled(kind == RunRequest::Kind::Inference);
    amp_->setEnabled(training);
    checkpointing_->setEnabled(kind == RunRequest::Kind::FineTuning);
    clusterers_->setEnabled(kind == RunRequest::Kind::PreTraining ||
                            kind == RunRequest::Kind::Clustering);
    for (QWidget* w : {static_cast<QWidget*>(phi1_), static_cast<QWidget*>(phi2_),
                       static_cast<QWidget*>(maskLength_), static_cast<QWidget*>(tau_)}) {
        w->setEnabled(kind == RunRequest::Kind::PreTraining);
    }
    kMin_->setEnabled(kind == RunRequest::Kind::Clustering);
    kMax_->setEnabled(kind == RunRequest::Kind::Clustering);
    const bool running = process_->isRunning();
    startButton_->setEnabled(!running && !project_.isEmpty());
    cancelButton_->setEnabled(running);
    resumeButton_->setEnabled(!running && !project_.isEmpty() && training);
    updateCommandLine();
}

void RunsPanel::updateCommandLine() {
    try {
        commandLine_->setText(commandLineText(engine_, request().arguments()));
        commandLine_->setToolTip(commandLine_->text());
    } catch (const std::exception& problem) {
        commandLine_->setText(QString::fromUtf8(problem.what()));
    }
}

void RunsPanel::setProject(const QString& directory) {
    if (process_->isRunning()) {
        process_->detach();  // it keeps running; reopening its project follows it again
        activeRun_.clear();
        status_->setText(tr("No run in progress"));
    }
    project_ = directory;
    refreshPreparationDefaults();
    experimentChart_->setProject(directory);
    curves_->clearRuns();
    reattach();
    refreshRuns();
    updateForm();
}

void RunsPanel::reattach() {
    if (project_.isEmpty()) {
        return;
    }
    QVector<QPair<QString, QString>> candidates;  // process folder, run folder
    for (const RunSummary& run : RunHistory::list(project_)) {
        if (run.state == RunSummary::State::Running) {
            candidates.append({run.processFolder, run.directory});
        }
        for (const QString& command : {QStringLiteral("evaluate"), QStringLiteral("remote")}) {
            candidates.append({RunHistory::processFolder(run.directory, command), run.directory});
        }
    }
    candidates.append({RunHistory::clusteringProcessFolder(project_), QString()});
    for (const auto& [folder, run] : candidates) {
        // Set first: attaching reads the events so far, and they belong to this run's curve and
        // progress (so a reopened window shows how far the run has come, not 0 until its next
        // event).
        activeRun_ = run;
        progress_->setValue(0);
        if (process_->attach(folder)) {
            // The form names the run followed, so that Cancel and then Resume continue it.
            if (!run.isEmpty()) {
                const QString command = QDir(folder).dirName();
                const RunRequest::Kind kind =
                    command == QLatin1String("pretrain")   ? RunRequest::Kind::PreTraining
                    : command == QLatin1String("evaluate") ? RunRequest::Kind::Inference
                                                           : RunRequest::Kind::FineTuning;
                kind_->setCurrentIndex(kind_->findData(static_cast<int>(kind)));
                name_->setText(QDir(run).dirName());
            }
            status_->setText(tr("Following %1, started earlier")
                                 .arg(run.isEmpty() ? tr("the clustering") : QDir(run).dirName()));
            return;
        }
    }
    activeRun_.clear();
}

void RunsPanel::refreshRemoteHosts() {
    remoteHosts_ = fillRemoteHostChoice(where_);
}

void RunsPanel::editRemoteHosts() {
    RemoteHostsDialog dialog(engine_, nullptr, this);
    connect(&dialog, &RemoteHostsDialog::hostsSaved, this, &RunsPanel::refreshRemoteHosts);
    dialog.exec();
}

void RunsPanel::refreshRuns() {
    const QString keep = initFrom_->currentText();
    runs_->clear();
    initFrom_->clear();
    initFrom_->addItem(QString());
    if (project_.isEmpty()) {
        return;
    }
    for (const RunSummary& run : RunHistory::list(project_)) {
        auto* item = new QTreeWidgetItem(runs_, {run.name, run.architecture, run.listText()});
        item->setToolTip(2, run.listText());  // the column elides a pre-training's baselines
        item->setData(0, Qt::UserRole, run.directory);
        if (run.directory == activeRun_ && !isEvaluation(process_->folder())) {
            item->setText(2, tr("running"));
        }
        initFrom_->addItem(run.directory);
    }
    initFrom_->setCurrentText(keep);
}

void RunsPanel::selectRuns(const QStringList& names) {
    runs_->clearSelection();
    for (int i = 0; i < runs_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = runs_->topLevelItem(i);
        if (names.contains(item->text(0))) {
            item->setSelected(true);
            runs_->setCurrentItem(item, 0, QItemSelectionModel::Select);
        }
    }
}

int RunsPanel::runCount() const {
    return runs_->topLevelItemCount();
}

QString RunsPanel::runStateText(const QString& name) const {
    for (int i = 0; i < runs_->topLevelItemCount(); ++i) {
        if (runs_->topLevelItem(i)->text(0) == name) {
            return runs_->topLevelItem(i)->text(2);
        }
    }
    return {};
}

QString RunsPanel::runningRunName() const {
    if (!process_->isRunning()) {
        return {};
    }
    return activeRun_.isEmpty() ? tr("The clustering") : QDir(activeRun_).dirName();
}

void RunsPanel::showEvaluationProgress() {
    const RunEventLog& log = process_->log();
    if (log.casesToEvaluate() > 0) {
        progress_->setValue(100 * log.evaluatedCases() / log.casesToEvaluate());
        status_->setText(tr("Evaluating %1: %2 of %3 cases scored (last %4)")
                             .arg(QDir(activeRun_).dirName())
                             .arg(log.evaluatedCases())
                             .arg(log.casesToEvaluate())
                             .arg(log.lastEvaluatedCase()));
    }
    // The row tells the same as the files do, so a later window lists it alike.
    for (int i = 0; i < runs_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = runs_->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == activeRun_) {
            item->setText(2, RunHistory::read(activeRun_).listText());
            item->setToolTip(2, item->text(2));
        }
    }
}

void RunsPanel::showSelectedRuns() {
    QStringList shown;
    for (QTreeWidgetItem* item : runs_->selectedItems()) {
        const QString directory = item->data(0, Qt::UserRole).toString();
        shown << item->text(0);
        if (directory != activeRun_) {
            curves_->setRun(
                item->text(0),
                RunEventLog::fromFile(QDir(directory).filePath(QStringLiteral("events.jsonl"))));
        }
    }
    QVector<RunScores> scores;
    for (QTreeWidgetItem* item : runs_->selectedItems()) {
        const QString directory = item->data(0, Qt::UserRole).toString();
        if (QFileInfo::exists(QDir(directory).filePath(QStringLiteral("evaluation.json")))) {
            try {
                scores.append(RunScores::fromRun(directory));
            } catch (const std::exception& error) {
                status_->setText(QString::fromUtf8(error.what()));
            }
        }
    }
    diceChart_->setRuns(scores);
    reviewTable_->setScores(scores.isEmpty() ? RunScores() : scores.first());
    reviewedRun_ = scores.isEmpty() ? QString() : scores.first().run;
    const QString active = QDir(activeRun_).dirName();
    for (const QString& name : curves_->runs()) {
        if (!shown.contains(name) && !(process_->isRunning() && name == active)) {
            curves_->removeRun(name);
        }
    }
    if (runs_->currentItem() != nullptr) {
        Q_EMIT runSelected(runs_->currentItem()->data(0, Qt::UserRole).toString());
    }
}

bool RunsPanel::launch(const RunRequest& r) {
    if (process_->isRunning()) {
        status_->setText(tr("A run is in progress; cancel it first."));
        return false;
    }
    QStringList arguments;
    try {
        arguments = r.arguments();
    } catch (const std::exception& problem) {
        status_->setText(QString::fromUtf8(problem.what()));
        return false;
    }
    activeRun_ = r.runDirectory();
    progress_->setValue(0);
    progress_->setFormat(QStringLiteral("%p%"));
    status_->setText(tr("Starting %1").arg(RunRequest::kindName(r.kind)));
    // Training writes the run's whole history to events.jsonl; other commands only print theirs.
    const QString command = arguments.first();
    const QString folder = activeRun_.isEmpty() ? RunHistory::clusteringProcessFolder(project_)
                                                : RunHistory::processFolder(activeRun_, command);
    const bool hasRunLog =
        command == QLatin1String("train") || command == QLatin1String("pretrain");
    const QString events = hasRunLog ? QDir(activeRun_).filePath(QStringLiteral("events.jsonl"))
                                     : QDir(folder).filePath(QStringLiteral("stdout.log"));
    process_->start(folder, engine_, arguments, events);
    updateForm();
    refreshRuns();
    return process_->isRunning();
}

bool RunsPanel::start() {
    return launch(request());
}

bool RunsPanel::resume() {
    RunRequest r = request();
    // Resuming the run selected in the list is what a user means when the form names none.
    if (r.name.isEmpty() && runs_->currentItem() != nullptr) {
        r.name = runs_->currentItem()->text(0);
    }
    r.resume = true;
    return launch(r);
}

void RunsPanel::cancel() {
    if (process_->isRunning()) {
        status_->setText(tr("Stopping: the engine writes a checkpoint first"));
        process_->cancel();
    }
}

bool RunsPanel::isRunning() const {
    return process_->isRunning();
}

QString RunsPanel::status() const {
    return status_->text();
}

int RunsPanel::progressValue() const {
    return progress_->value();
}

void RunsPanel::onEvent() {
    if (isEvaluation(process_->folder())) {
        showEvaluationProgress();
        return;
    }
    const RunEventLog& log = process_->log();
    if (log.totalSteps() == 0 && log.scansToPrepare() > 0) {
        progress_->setValue(100 * log.preparedScans() / log.scansToPrepare());
        progress_->setFormat(QStringLiteral("%p%"));
        status_->setText(tr("Preparing the run's scans: %1 of %2")
                             .arg(log.preparedScans())
                             .arg(log.scansToPrepare()));
    }
    if (log.totalSteps() > 0) {
        progress_->setValue(static_cast<int>(100 * log.lastStep() / log.totalSteps()));
        const double left = log.secondsRemaining();
        progress_->setFormat(left >= 0 ? tr("%p% - %1 left").arg(durationText(left))
                                       : QStringLiteral("%p%"));
        status_->setText(tr("Step %1 of %2, loss %3, %4 it/s")
                             .arg(log.lastStep())
                             .arg(log.totalSteps())
                             .arg(log.loss().isEmpty() ? 0.0 : log.loss().last(), 0, 'f', 4)
                             .arg(log.iterationsPerSecond(), 0, 'f', 2));
    }
    if (!activeRun_.isEmpty()) {
        curves_->setRun(QDir(activeRun_).dirName(), log);
    }
}

void RunsPanel::onFinished(int exitCode, bool cancelled) {
    const QString run = activeRun_;
    const bool evaluation = isEvaluation(process_->folder());
    if (evaluation && exitCode != 0 && cancelled) {
        status_->setText(tr("Evaluation cancelled"));
    } else if (exitCode == 0) {
        progress_->setValue(100);
        progress_->setFormat(QStringLiteral("%p%"));
        const QStringList& notes = process_->log().notes();
        status_->setText(notes.isEmpty()
                             ? tr("Finished")
                             : tr("Finished; note: %1").arg(notes.join(QStringLiteral("; "))));
    } else if (exitCode == kStoppedExitCode || cancelled) {
        status_->setText(tr("Stopped at step %1; Resume continues from the checkpoint")
                             .arg(process_->log().lastStep()));
    } else if (exitCode < 0) {
        status_->setText(process_->errorText());
    } else {
        const QString error = process_->errorText();
        status_->setText(tr("Failed (exit code %1): %2").arg(exitCode).arg(error));
    }
    activeRun_.clear();
    refreshRuns();
    updateForm();
    Q_EMIT runFinished(run, exitCode);
}

}  // namespace views
}  // namespace logonet
