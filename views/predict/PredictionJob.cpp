#include "predict/PredictionJob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace logonet {
namespace views {

namespace {
// How long a cancelled engine may take to reach the end of its current scan before it is killed.
constexpr int kCancelGraceMs = 2000;
// A remote one first stops the engine there over ssh (killed here, it would leave it running).
constexpr int kRemoteCancelGraceMs = 30000;
}  // namespace

PredictionJob::PredictionJob(QObject* parent)
    : QObject(parent), process_(new QProcess(this)), killTimer_(new QTimer(this)) {
    killTimer_->setSingleShot(true);
    connect(killTimer_, &QTimer::timeout, process_, &QProcess::kill);
    process_->setProcessChannelMode(QProcess::SeparateChannels);
    connect(process_, &QProcess::readyReadStandardOutput, this, &PredictionJob::readLines);
    connect(process_, &QProcess::finished, this, &PredictionJob::onFinished);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            error_ = tr("Cannot start the engine: %1").arg(process_->errorString());
            Q_EMIT finished(false);
        }
    });
}

PredictionJob::~PredictionJob() {
    if (process_->state() != QProcess::NotRunning) {
        process_->kill();
        process_->waitForFinished(3000);
    }
}

bool PredictionJob::start(const QString& engine, const PredictionRequest& request) {
    if (isRunning()) {
        error_ = tr("A prediction is in progress.");
        return false;
    }
    const QStringList arguments = request.arguments();
    killTimer_->setInterval(request.remoteHost ? kRemoteCancelGraceMs : kCancelGraceMs);
    done_ = 0;
    total_ = static_cast<int>(request.scanIds.size());
    cancelled_ = false;
    error_.clear();
    pending_.clear();
    clock_.start();
    process_->start(engine, arguments);
    if (!process_->waitForStarted(10000)) {
        error_ = tr("Cannot start the engine '%1': %2").arg(engine, process_->errorString());
        return false;
    }
    return true;
}

void PredictionJob::cancel() {
    if (!isRunning()) {
        return;
    }
    cancelled_ = true;
    process_->terminate();
    killTimer_->start();
}

bool PredictionJob::isRunning() const {
    return process_->state() != QProcess::NotRunning;
}

double PredictionJob::secondsRemaining() const {
    if (done_ <= 0 || !clock_.isValid()) {
        return -1.0;
    }
    const double perScan = static_cast<double>(clock_.elapsed()) / 1000.0 / done_;
    return perScan * (total_ - done_);
}

void PredictionJob::readLines() {
    pending_ += process_->readAllStandardOutput();
    for (qsizetype end = pending_.indexOf('\n'); end >= 0; end = pending_.indexOf('\n')) {
        const QByteArray line = pending_.left(end);
        pending_.remove(0, end + 1);
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.value(QStringLiteral("event")).toString() != QLatin1String("predicted")) {
            continue;
        }
        done_ = event.value(QStringLiteral("done")).toInt(done_ + 1);
        Q_EMIT scanPredicted(event.value(QStringLiteral("scan")).toInteger(),
                             event.value(QStringLiteral("label_version")).toInteger());
        Q_EMIT progressed(done_, total_);
    }
}

void PredictionJob::onFinished(int exitCode, QProcess::ExitStatus status) {
    killTimer_->stop();
    readLines();
    const bool ok = status == QProcess::NormalExit && exitCode == 0 && !cancelled_;
    if (cancelled_) {
        error_ = tr("Cancelled after %1 of %2 scans").arg(done_).arg(total_);
    } else if (!ok) {
        // The engine's last line on stderr is its message for the user.
        const QStringList lines = QString::fromUtf8(process_->readAllStandardError())
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        error_ =
            lines.isEmpty() ? tr("The engine stopped (exit code %1)").arg(exitCode) : lines.last();
    }
    Q_EMIT finished(ok);
}

}  // namespace views
}  // namespace logonet
