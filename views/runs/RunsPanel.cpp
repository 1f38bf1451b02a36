#include "runs/RunsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <stdexcept>

#include "plots/DiceChart.h"
#include "plots/RunScores.h"
#include "plots/TrainingCurves.h"
#include "review/CaseReviewTable.h"
#include "runs/EngineProgram.h"
#include "runs/RunHistory.h"
#include "runs/RunProcess.h"

namespace logonet {
namespace views {

namespace {

// The engine's exit code for "stopped after a checkpoint" (SIGTERM / SIGINT).
constexpr int kStoppedExitCode = 3;

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
      process_(new RunProcess(this)),
      curves_(new TrainingCurves(this)),
      diceChart_(new DiceChart(this)),
      reviewTable_(new CaseReviewTable(this)) {
    buildForm();
    connect(process_, &RunProcess::eventReceived, this, &RunsPanel::onEvent);
    connect(process_, &RunProcess::finished, this, &RunsPanel::onFinished);
    connect(process_, &RunProcess::failedToStart, this, [this](const QString& message) {
        status_->setText(message);
        activeRun_.clear();
        updateForm();
    });
    updateForm();
}

RunsPanel::~RunsPanel() = default;

void RunsPanel::buildForm() {
    auto* form = new QFormLayout;
    kind_ = new QComboBox(this);
    kind_->addItem(tr("Fine-tuning"), static_cast<int>(RunRequest::Kind::FineTuning));
    kind_->addItem(tr("Pre-training"), static_cast<int>(RunRequest::Kind::PreTraining));
    kind_->addItem(tr("Inference and scoring"), static_cast<int>(RunRequest::Kind::Inference));
    kind_->addItem(tr("Clustering"), static_cast<int>(RunRequest::Kind::Clustering));
    form->addRow(tr("Kind"), kind_);
    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("run name, e.g. logonet-tiny-1"));
    form->addRow(tr("Run"), name_);
    architecture_ = new QComboBox(this);
    architecture_->addItems({QStringLiteral("logonet-tiny"), QStringLiteral("logonet"),
                             QStringLiteral("logonet-large"), QStringLiteral("unet")});
    form->addRow(tr("Architecture"), architecture_);
    initFrom_ = new QComboBox(this);
    initFrom_->setEditable(true);
    form->addRow(tr("Initialise from"), initFrom_);
    iterations_ = new QSpinBox(this);
    iterations_->setRange(1, 10000000);
    iterations_->setValue(1000);
    form->addRow(tr("Iterations"), iterations_);
    batch_ = new QSpinBox(this);
    batch_->setRange(1, 1024);
    batch_->setValue(2);
    form->addRow(tr("Batch"), batch_);
    crop_ = new QLineEdit(QStringLiteral("96"), this);
    crop_->setToolTip(tr("One size for a cube, or X,Y,Z"));
    form->addRow(tr("Crop"), crop_);
    learningRate_ = new QDoubleSpinBox(this);
    learningRate_->setDecimals(6);
    learningRate_->setRange(1e-6, 1.0);
    learningRate_->setSingleStep(1e-4);
    learningRate_->setValue(1e-4);
    form->addRow(tr("Learning rate"), learningRate_);
    split_ = new QComboBox(this);
    split_->addItems({QStringLiteral("test"), QStringLiteral("val"), QStringLiteral("train")});
    form->addRow(tr("Scored split"), split_);
    device_ = new QComboBox(this);
    device_->addItems({QStringLiteral("cpu"), QStringLiteral("cuda")});
    form->addRow(tr("Device"), device_);
    amp_ = new QCheckBox(tr("Mixed precision (AMP)"), this);
    checkpointing_ = new QCheckBox(tr("Activation checkpointing"), this);
    auto* switches = new QHBoxLayout;
    switches->addWidget(amp_);
    switches->addWidget(checkpointing_);
    form->addRow(QString(), switches);
    clusterers_ = new QSpinBox(this);
    clusterers_->setRange(1, 200);
    clusterers_->setValue(10);
    form->addRow(tr("Clusterers"), clusterers_);
    phi1_ = new QDoubleSpinBox(this);
    phi1_->setRange(0.01, 1.0);
    phi1_->setSingleStep(0.05);
    phi1_->setValue(0.1);
    phi2_ = new QDoubleSpinBox(this);
    phi2_->setRange(0.0, 1.0);
    phi2_->setSingleStep(0.05);
    phi2_->setValue(0.7);
    maskLength_ = new QSpinBox(this);
    maskLength_->setRange(1, 64);
    maskLength_->setValue(5);
    auto* masking = new QHBoxLayout;
    masking->addWidget(new QLabel(QStringLiteral("phi1"), this));
    masking->addWidget(phi1_);
    masking->addWidget(new QLabel(QStringLiteral("phi2"), this));
    masking->addWidget(phi2_);
    masking->addWidget(new QLabel(QStringLiteral("M"), this));
    masking->addWidget(maskLength_);
    form->addRow(tr("Masking"), masking);

    commandLine_ = new QLineEdit(this);
    commandLine_->setReadOnly(true);
    startButton_ = new QPushButton(tr("Start"), this);
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setToolTip(tr("Stop after writing a checkpoint; Resume continues"));
    resumeButton_ = new QPushButton(tr("Resume"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(startButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(resumeButton_);
    status_ = new QLabel(tr("No run in progress"), this);
    status_->setWordWrap(true);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);
    progress_->setValue(0);
    runs_ = new QTreeWidget(this);
    runs_->setColumnCount(3);
    runs_->setHeaderLabels({tr("Run"), tr("Architecture"), tr("State")});
    runs_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    runs_->setRootIsDecorated(false);
    runs_->header()->setStretchLastSection(true);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(form);
    topLayout->addWidget(new QLabel(tr("Command line"), top));
    topLayout->addWidget(commandLine_);
    topLayout->addLayout(buttons);
    topLayout->addWidget(status_);
    topLayout->addWidget(progress_);
    topLayout->addWidget(new QLabel(tr("Runs of the project"), top));
    topLayout->addWidget(runs_, 1);
    auto* plots = new QTabWidget(this);
    plots->addTab(curves_, tr("Curves"));
    plots->addTab(diceChart_, tr("Dice per organ"));
    plots->addTab(reviewTable_, tr("Review cases"));
    connect(reviewTable_, &CaseReviewTable::caseChosen, this,
            [this](const QString& caseName, const QString& organ) {
                Q_EMIT caseChosen(reviewedRun_, caseName, organ);
            });
    auto* exportButton = new QPushButton(tr("Export plot..."), this);
    exportButton->setToolTip(tr("PNG or PDF of the plot shown, or CSV of its numbers"));
    plots->setCornerWidget(exportButton);
    connect(exportButton, &QPushButton::clicked, this, [this, plots] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Export plot"), QString(), tr("PNG image (*.png);;PDF (*.pdf);;CSV (*.csv)"));
        if (file.isEmpty()) {
            return;
        }
        try {
            const bool csv = file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
            if (plots->currentWidget() == diceChart_) {
                csv ? diceChart_->exportCsv(file) : diceChart_->exportImage(file);
            } else {
                csv ? curves_->exportCsv(file) : curves_->exportImage(file);
            }
            status_->setText(tr("Exported %1").arg(file));
        } catch (const std::exception& error) {
            QMessageBox::warning(this, tr("Export plot"), QString::fromUtf8(error.what()));
        }
    });
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(plots);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    for (QComboBox* box : {kind_, architecture_, initFrom_, device_, split_}) {
        connect(box, &QComboBox::currentTextChanged, this, &RunsPanel::updateForm);
    }
    for (QLineEdit* edit : {name_, crop_}) {
        connect(edit, &QLineEdit::textChanged, this, &RunsPanel::updateCommandLine);
    }
    for (QSpinBox* box : {iterations_, batch_, clusterers_, maskLength_}) {
        connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &RunsPanel::updateCommandLine);
    }
    for (QDoubleSpinBox* box : {learningRate_, phi1_, phi2_}) {
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                &RunsPanel::updateCommandLine);
    }
    for (QCheckBox* box : {amp_, checkpointing_}) {
        connect(box, &QCheckBox::toggled, this, &RunsPanel::updateCommandLine);
    }
    connect(startButton_, &QPushButton::clicked, this, &RunsPanel::start);
    connect(cancelButton_, &QPushButton::clicked, this, &RunsPanel::cancel);
    connect(resumeButton_, &QPushButton::clicked, this, &RunsPanel::resume);
    connect(runs_, &QTreeWidget::itemSelectionChanged, this, &RunsPanel::showSelectedRuns);
}

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
    r.learningRate = learningRate_->value();
    r.device = device_->currentText();
    r.split = split_->currentText();
    r.amp = amp_->isChecked();
    r.checkpointing = checkpointing_->isChecked();
    r.clusterers = clusterers_->value();
    r.phi1 = phi1_->value();
    r.phi2 = phi2_->value();
    r.maskLength = maskLength_->value();
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
    learningRate_->setValue(r.learningRate);
    device_->setCurrentText(r.device);
    split_->setCurrentText(r.split);
    amp_->setChecked(r.amp);
    checkpointing_->setChecked(r.checkpointing);
    clusterers_->setValue(r.clusterers);
    phi1_->setValue(r.phi1);
    phi2_->setValue(r.phi2);
    maskLength_->setValue(r.maskLength);
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
    learningRate_->setEnabled(kind == RunRequest::Kind::FineTuning);
    device_->setEnabled(kind != RunRequest::Kind::Inference);
    split_->setEnabled(kind == RunRequest::Kind::Inference);
    amp_->setEnabled(training);
    checkpointing_->setEnabled(kind == RunRequest::Kind::FineTuning);
    clusterers_->setEnabled(kind == RunRequest::Kind::PreTraining ||
                            kind == RunRequest::Kind::Clustering);
    for (QWidget* w : {static_cast<QWidget*>(phi1_), static_cast<QWidget*>(phi2_),
                       static_cast<QWidget*>(maskLength_)}) {
        w->setEnabled(kind == RunRequest::Kind::PreTraining);
    }
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
    project_ = directory;
    curves_->clearRuns();
    refreshRuns();
    updateForm();
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
        auto* item = new QTreeWidgetItem(runs_, {run.name, run.architecture, run.stateText()});
        item->setData(0, Qt::UserRole, run.directory);
        if (run.directory == activeRun_) {
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
    process_->start(engine_, arguments);
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
    const RunEventLog& log = process_->log();
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
    if (exitCode == 0) {
        progress_->setValue(100);
        progress_->setFormat(QStringLiteral("%p%"));
        status_->setText(tr("Finished"));
    } else if (exitCode == kStoppedExitCode || cancelled) {
        status_->setText(tr("Stopped at step %1; Resume continues from the checkpoint")
                             .arg(process_->log().lastStep()));
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
