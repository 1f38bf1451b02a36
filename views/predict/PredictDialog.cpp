#include "predict/PredictDialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

#include "predict/PredictionJob.h"
#include "predict/ProgressDialogLayout.h"
#include "remote/RemoteHostChoice.h"

namespace logonet {
namespace views {

namespace {

QString timeLeftText(double seconds) {
    if (seconds < 60.0) {
        return PredictDialog::tr("%1 s left").arg(static_cast<int>(seconds + 0.5));
    }
    return PredictDialog::tr("%1 min left").arg(static_cast<int>(seconds / 60.0 + 0.5));
}

}  // namespace

PredictDialog::PredictDialog(QWidget* parent)
    : QDialog(parent),
      job_(new PredictionJob(this)),
      scans_(new QLabel(this)),
      runs_(new QComboBox(this)),
      where_(new QComboBox(this)),
      device_(new QComboBox(this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      predictButton_(new QPushButton(tr("Predict"), this)),
      cancelButton_(new QPushButton(tr("Cancel"), this)) {
    setWindowTitle(tr("Predict with a trained run"));
    scans_->setWordWrap(true);
    runs_->setObjectName(QStringLiteral("predictRun"));
    runs_->setToolTip(tr("A trained run of this project; its best checkpoint predicts"));
    where_->setObjectName(QStringLiteral("predictWhere"));
    where_->setToolTip(
        tr("This computer, or a remote host of Remote Hosts (Runs panel): the "
           "scans and the run's checkpoint are copied there, the predictions back"));
    device_->setObjectName(QStringLiteral("predictDevice"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
    followRemoteHostWithDevice(where_, device_);

    auto* form = new QFormLayout;
    form->addRow(tr("Scans"), scans_);
    form->addRow(tr("Run"), runs_);
    form->addRow(tr("Where"), where_);
    form->addRow(tr("Device"), device_);
    layOutProgressDialog(this, form, progress_, status_, predictButton_, cancelButton_);

    connect(predictButton_, &QPushButton::clicked, this, &PredictDialog::predict);
    connect(cancelButton_, &QPushButton::clicked, this, &PredictDialog::cancel);
    connect(job_, &PredictionJob::progressed, this, &PredictDialog::showProgress);
    connect(job_, &PredictionJob::scanPredicted, this, &PredictDialog::scanPredicted);
    connect(job_, &PredictionJob::finished, this, &PredictDialog::onFinished);
    updateButtons();
}

bool PredictDialog::setTask(const QString& engine, const QString& project,
                            const QVector<qint64>& scanIds, const QStringList& scanNames) {
    if (job_->isRunning()) {
        return false;
    }
    engine_ = engine;
    project_ = project;
    scanIds_ = scanIds;
    scans_->setText(scanNames.size() <= 4
                        ? scanNames.join(QStringLiteral(", "))
                        : tr("%1 scans (%2, ...)")
                              .arg(scanNames.size())
                              .arg(scanNames.mid(0, 3).join(QStringLiteral(", "))));
    const QString keep = runs_->currentText();
    runs_->clear();
    choices_ = predictableRuns(project);
    for (const PredictableRun& run : choices_) {
        runs_->addItem(run.name, run.directory);
        runs_->setItemData(runs_->count() - 1, run.checkpoint, Qt::ToolTipRole);
    }
    if (runs_->findText(keep) >= 0) {
        runs_->setCurrentIndex(runs_->findText(keep));
    }
    hosts_ = fillRemoteHostChoice(where_);
    progress_->setValue(0);
    progress_->setFormat(QStringLiteral("%p%"));
    status_->setText(choices_.isEmpty()
                         ? tr("This project has no trained run yet: train one in the Runs panel.")
                         : tr("Each prediction becomes a label version named after the run."));
    updateButtons();
    return true;
}

bool PredictDialog::predict() {
    if (runs_->currentIndex() < 0 || scanIds_.isEmpty()) {
        status_->setText(tr("Choose a trained run and at least one scan."));
        return false;
    }
    if (!job_->start(engine_, request())) {
        status_->setText(job_->errorText());
        return false;
    }
    progress_->setValue(0);
    progress_->setFormat(tr("%p% - estimating the time left"));
    status_->setText(tr("Predicting %1 scan(s) with %2 on %3")
                         .arg(scanIds_.size())
                         .arg(runs_->currentText(), where_->currentText()));
    updateButtons();
    return true;
}

PredictionRequest PredictDialog::request() const {
    PredictionRequest request;
    request.project = project_;
    request.runDirectory = runs_->currentData().toString();
    request.scanIds = scanIds_;
    request.device = device_->currentData().toString();
    const int host = where_->currentIndex() - 1;  // 0 is this computer
    if (host >= 0 && host < hosts_.size()) {
        request.remoteHost = hosts_[host];
    }
    return request;
}

void PredictDialog::cancel() {
    if (job_->isRunning()) {
        status_->setText(tr("Cancelling..."));
        job_->cancel();
    }
}

bool PredictDialog::isPredicting() const {
    return job_->isRunning();
}

QString PredictDialog::status() const {
    return status_->text();
}

int PredictDialog::progressValue() const {
    return progress_->value();
}

void PredictDialog::showProgress(int done, int total) {
    progress_->setValue(total > 0 ? 100 * done / total : 0);
    const double left = job_->secondsRemaining();
    progress_->setFormat(done < total && left >= 0 ? QStringLiteral("%p% - ") + timeLeftText(left)
                                                   : QStringLiteral("%p%"));
    status_->setText(tr("Predicted %1 of %2 scans").arg(done).arg(total));
}

void PredictDialog::onFinished(bool ok) {
    if (ok) {
        progress_->setValue(100);
        progress_->setFormat(QStringLiteral("%p%"));
        status_->setText(tr("Finished: %1 prediction(s) stored as label versions of %2")
                             .arg(job_->done())
                             .arg(runs_->currentText()));
    } else {
        status_->setText(job_->errorText());
    }
    updateButtons();
    Q_EMIT predictionFinished(ok);
}

void PredictDialog::updateButtons() {
    const bool running = job_->isRunning();
    predictButton_->setEnabled(!running && runs_->count() > 0 && !scanIds_.isEmpty());
    cancelButton_->setEnabled(running);
    runs_->setEnabled(!running);
    where_->setEnabled(!running);
    device_->setEnabled(!running);
}

}  // namespace views
}  // namespace logonet
