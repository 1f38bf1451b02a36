#include "runs/DetachedRun.h"

#include <QJsonDocument>
#include <QTimer>
#include <stdexcept>

#include "runs/EventFileTail.h"
#include "runs/RunLauncher.h"
#include "runs/RunProcessRecord.h"

namespace logonet {
namespace views {

namespace {
constexpr int kCheckMs = 300;
}  // namespace

DetachedRun::DetachedRun(QObject* parent)
    : QObject(parent), tail_(new EventFileTail(this)), timer_(new QTimer(this)) {
    timer_->setInterval(kCheckMs);
    connect(timer_, &QTimer::timeout, this, &DetachedRun::check);
    connect(tail_, &EventFileTail::lineRead, this, &DetachedRun::readLine);
    connect(tail_, &EventFileTail::restarted, this, [this] { log_ = RunEventLog(); });
}

DetachedRun::~DetachedRun() = default;

bool DetachedRun::start(const QString& folder, const QString& program, const QStringList& arguments,
                        const QString& eventsFile) {
    if (running_) {
        Q_EMIT failedToStart(tr("A run is in progress; cancel it first."));
        return false;
    }
    try {
        RunLauncher::launch(folder, program, arguments, eventsFile);
    } catch (const std::exception& error) {
        folder_.clear();
        Q_EMIT failedToStart(QString::fromUtf8(error.what()));
        return false;
    }
    cancelled_ = false;
    follow(folder, eventsFile);
    return true;
}

bool DetachedRun::attach(const QString& folder) {
    if (running_) {
        return false;
    }
    const RunProcessRecord record = RunProcessRecord::read(folder);
    if (!record.isActive()) {
        return false;
    }
    cancelled_ = false;
    follow(folder, record.eventsFile());
    return true;
}

void DetachedRun::follow(const QString& folder, const QString& eventsFile) {
    folder_ = folder;
    error_.clear();
    log_ = RunEventLog();
    running_ = true;
    tail_->follow(eventsFile);
    timer_->start();
}

void DetachedRun::cancel() {
    if (!running_) {
        return;
    }
    cancelled_ = true;
    RunProcessRecord::read(folder_).terminate();
}

void DetachedRun::detach() {
    tail_->follow(QString());
    timer_->stop();
    running_ = false;
}

void DetachedRun::readLine(const QByteArray& line) {
    const QByteArray trimmed = line.trimmed();
    if (!trimmed.startsWith('{')) {
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(trimmed);
    if (document.isObject()) {
        log_.addEvent(document.object());
        Q_EMIT eventReceived(document.object());
    }
}

void DetachedRun::check() {
    const RunProcessRecord record = RunProcessRecord::read(folder_);
    if (record.isActive()) {
        return;
    }
    // The last events were written before the engine exited: read them before reporting.
    tail_->poll();
    tail_->follow(QString());
    timer_->stop();
    running_ = false;
    int exitCode = record.exitCode();
    if (record.state() == RunProcessRecord::State::Died ||
        record.state() == RunProcessRecord::State::None) {
        exitCode = -1;
        error_ = tr("The engine stopped without reporting how (killed with its launcher, or the "
                    "machine stopped). Its last output: %1")
                     .arg(record.errorTail(3));
    } else if (exitCode > 128) {
        error_ = tr("The engine was killed by signal %1. %2")
                     .arg(exitCode - 128)
                     .arg(record.errorTail(3));
    } else {
        error_ = record.errorTail();
    }
    Q_EMIT finished(exitCode, cancelled_);
}

}  // namespace views
}  // namespace logonet
