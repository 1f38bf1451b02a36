#include "render3d/MeshBuildTask.h"

#include <QtConcurrent/QtConcurrentRun>

namespace logonet {
namespace views {

MeshBuildTask::MeshBuildTask(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<std::vector<LabelMesh>>::finished, this, [this] {
        if (watcher_.isCanceled() || !cancel_ || cancel_->load()) {
            Q_EMIT cancelled();
            return;
        }
        Q_EMIT finished(watcher_.result());
    });
}

MeshBuildTask::~MeshBuildTask() {
    cancel();
    watcher_.waitForFinished();
}

void MeshBuildTask::start(const LabelVolume& labels) {
    cancel();
    watcher_.waitForFinished();
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    auto copy = std::make_shared<LabelVolume>(labels);
    auto flag = cancel_;
    // The destructor waits for the worker, so `this` outlives every call of `report`; a queued
    // call still pending when the task is destroyed is dropped by Qt.
    auto report = [this, flag](double fraction) {
        QMetaObject::invokeMethod(
            this,
            [this, flag, fraction] {
                if (!flag->load()) {
                    Q_EMIT progressChanged(static_cast<int>(fraction * 100.0));
                }
            },
            Qt::QueuedConnection);
    };
    Q_EMIT progressChanged(0);
    watcher_.setFuture(
        QtConcurrent::run([copy, flag, report] { return buildLabelMeshes(*copy, report, *flag); }));
}

void MeshBuildTask::cancel() {
    if (cancel_) {
        cancel_->store(true);
    }
}

}  // namespace views
}  // namespace logonet
