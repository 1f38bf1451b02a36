#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <atomic>
#include <memory>

#include "render3d/LabelMesh.h"

namespace logonet {
namespace views {

// Builds the label surfaces on a worker thread (QtConcurrent), reports progress and can be
// cancelled. Works on its own copy of the labels, so the user may keep editing meanwhile.
class MeshBuildTask : public QObject {
    Q_OBJECT
  public:
    explicit MeshBuildTask(QObject* parent = nullptr);
    ~MeshBuildTask() override;

    void start(const LabelVolume& labels);
    void cancel();
    bool isRunning() const { return watcher_.isRunning(); }

  Q_SIGNALS:
    void progressChanged(int percent);
    void finished(const std::vector<logonet::views::LabelMesh>& meshes);
    void cancelled();

  private:
    QFutureWatcher<std::vector<LabelMesh>> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_;
};

}  // namespace views
}  // namespace logonet
