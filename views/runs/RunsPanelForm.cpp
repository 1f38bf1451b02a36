// The Runs panel's widgets and their layout: the run form, the controls, the run list and the
// plot tabs (the behaviour is in RunsPanel.cpp).
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
#include "plots/PretrainingChart.h"
#include "plots/RunScores.h"
#include "plots/TrainingCurves.h"
#include "remote/RemoteHostChoice.h"
#include "remote/RemoteHostStore.h"
#include "remote/RemoteHostsDialog.h"
#include "review/CaseReviewTable.h"
#include "runs/DetachedRun.h"
#include "runs/EngineProgram.h"
#include "runs/RunHistory.h"
#include "runs/RunProcessRecord.h"
#include "runs/RunsPanel.h"

namespace logonet {
namespace views {

void RunsPanel::buildForm() {
    auto* form = new QFormLayout;
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("kind"));
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
    crop_ = new QLineEdit(QStringLiteral("auto"), this);
    crop_->setToolTip(
        tr("auto (fine-tuning: the median prepared case, a multiple of 32, at most "
           "96), one size for a cube, or X,Y,Z"));
    form->addRow(tr("Crop"), crop_);
    // Preparation (resampling and intensity normalisation): the project's settings unless the
    // run overrides them; refreshPreparationDefaults() shows what those are.
    modality_ = new QComboBox(this);
    modality_->setObjectName(QStringLiteral("modality"));
    modality_->addItem(tr("Project setting"), QString());
    modality_->addItem(tr("Each scan's own (auto)"), QStringLiteral("auto"));
    modality_->addItem(tr("CT (Hounsfield window)"), QStringLiteral("ct"));
    modality_->addItem(tr("MR (percentiles)"), QStringLiteral("mr"));
    form->addRow(tr("Modality"), modality_);
    spacing_ = new QLineEdit(this);
    spacing_->setObjectName(QStringLiteral("spacing"));
    spacing_->setToolTip(tr("Target spacing X,Y,Z in mm; empty: the project's setting"));
    form->addRow(tr("Spacing"), spacing_);
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
    where_ = new QComboBox(this);
    where_->setObjectName(QStringLiteral("where"));
    where_->setToolTip(tr("Run on this computer, or on a remote GPU host over SSH"));
    auto* hostsButton = new QPushButton(tr("Remote hosts..."), this);
    connect(hostsButton, &QPushButton::clicked, this, &RunsPanel::editRemoteHosts);
    auto* whereRow = new QHBoxLayout;
    whereRow->addWidget(where_, 1);
    whereRow->addWidget(hostsButton);
    form->addRow(tr("Where"), whereRow);
    refreshRemoteHosts();
    followRemoteHostWithDevice(where_, device_);
    amp_ = new QCheckBox(tr("Mixed precision (AMP)"), this);
    checkpointing_ = new QCheckBox(tr("Activation checkpointing"), this);
    auto* switches = new QHBoxLayout;
    switches->addWidget(amp_);
    switches->addWidget(checkpointing_);
    form->addRow(QString(), switches);
    clusterers_ = new QSpinBox(this);
    clusterers_->setObjectName(QStringLiteral("clusterers"));
    clusterers_->setRange(1, 200);
    clusterers_->setValue(10);
    form->addRow(tr("Clusterers"), clusterers_);
    // Each clusterer draws its K from this range (the paper's [80, 500]); a small project needs
    // a smaller one, since the engine refuses fewer slices than the largest K.
    kMin_ = new QSpinBox(this);
    kMin_->setObjectName(QStringLiteral("kMin"));
    kMin_->setRange(2, 100000);
    kMin_->setValue(80);
    kMax_ = new QSpinBox(this);
    kMax_->setObjectName(QStringLiteral("kMax"));
    kMax_->setRange(2, 100000);
    kMax_->setValue(500);
    auto* kRange = new QHBoxLayout;
    kRange->addWidget(kMin_);
    kRange->addWidget(new QLabel(tr("to"), this));
    kRange->addWidget(kMax_);
    kRange->addStretch(1);
    form->addRow(tr("Clusters per clusterer (K)"), kRange);
    phi1_ = new QDoubleSpinBox(this);
    phi1_->setObjectName(QStringLiteral("phi1"));
    phi1_->setRange(0.01, 1.0);
    phi1_->setSingleStep(0.05);
    phi1_->setValue(0.1);
    phi2_ = new QDoubleSpinBox(this);
    phi2_->setObjectName(QStringLiteral("phi2"));
    phi2_->setRange(0.0, 1.0);
    phi2_->setSingleStep(0.05);
    phi2_->setValue(0.7);
    maskLength_ = new QSpinBox(this);
    maskLength_->setObjectName(QStringLiteral("maskLength"));
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
    tau_ = new QDoubleSpinBox(this);
    tau_->setObjectName(QStringLiteral("tau"));
    tau_->setDecimals(3);
    tau_->setRange(0.001, 10.0);
    tau_->setSingleStep(0.01);
    tau_->setValue(0.1);
    tau_->setToolTip(tr("Temperature of the pre-training loss: softmax(logits / tau)"));
    form->addRow(tr("Temperature (tau)"), tau_);

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
    plots->addTab(experimentChart_, tr("Pre-training experiment"));
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
            } else if (plots->currentWidget() == experimentChart_) {
                csv ? experimentChart_->exportCsv(file) : experimentChart_->exportImage(file);
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

    for (QComboBox* box : {kind_, architecture_, initFrom_, device_, split_, where_}) {
        connect(box, &QComboBox::currentTextChanged, this, &RunsPanel::updateForm);
    }
    connect(modality_, &QComboBox::currentIndexChanged, this, &RunsPanel::updateCommandLine);
    for (QLineEdit* edit : {name_, crop_, spacing_}) {
        connect(edit, &QLineEdit::textChanged, this, &RunsPanel::updateCommandLine);
    }
    for (QSpinBox* box : {iterations_, batch_, clusterers_, maskLength_, kMin_, kMax_}) {
        connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &RunsPanel::updateCommandLine);
    }
    for (QDoubleSpinBox* box : {learningRate_, phi1_, phi2_, tau_}) {
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

}  // namespace views
}  // namespace logonet
