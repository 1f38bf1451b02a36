#pragma once

#include <QFuture>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QString>
#include <QVector>
#include <memory>
#include <optional>

#include "cache/PreprocessSettings.h"
#include "geometry/ImageGeometry.h"

namespace logonet {
namespace views {

// One clustered slice of one scan (`crop`: the slices' width and height).
struct ThumbnailKey {
    qint64 scanId = 0;
    int axis = 2;  // SliceAxis as a voxel axis
    qint64 index = 0;
    int crop = 96;
    bool operator==(const ThumbnailKey& other) const {
        return scanId == other.scanId && axis == other.axis && index == other.index &&
               crop == other.crop;
    }
};
size_t qHash(const ThumbnailKey& key, size_t seed = 0);

// Where a scan's voxels come from, resolved on the GUI thread from the project.
struct ThumbnailScan {
    QString file;      // absolute path of the stored image
    QString modality;  // "CT", "MR", ... (pretrainCrop's windowing)
    // The clustering's slice window of this scan (ClusterSliceWindow) and the preprocessing it
    // was prepared with; without one, slices of the whole scan squeezed to crop^3.
    std::optional<ImageGeometry> window;
    PreprocessSettings preprocessing;
};

// Renders clustered slices as thumbnails off the GUI thread: each scan is
// read and cropped once per request batch and kept in a small cache of crops. Requests come in
// channels (the cluster grid, the member pages); a new request on a channel abandons what that
// channel still had pending, so paging fast never queues up stale work.
class SliceThumbnails : public QObject {
    Q_OBJECT
  public:
    explicit SliceThumbnails(QObject* parent = nullptr);
    ~SliceThumbnails() override;

    void setScans(const QHash<qint64, ThumbnailScan>& scans);
    void request(int channel, const QVector<ThumbnailKey>& keys);
    // Null until the thumbnail is ready.
    const QImage* image(const ThumbnailKey& key) const;
    // Why the thumbnail could not be made (a missing or unreadable scan), else empty.
    QString problem(const ThumbnailKey& key) const;
    // True while any channel still renders.
    bool busy() const;
    // Abandons all requests and forgets the rendered thumbnails.
    void clear();

  Q_SIGNALS:
    void ready(const logonet::views::ThumbnailKey& key);
    void failed(const logonet::views::ThumbnailKey& key, const QString& message);
    void idle();

  private:
    struct Shared;
    void store(const ThumbnailKey& key, const QImage& image);
    void fail(const ThumbnailKey& key, const QString& message);
    void jobDone();

    std::shared_ptr<Shared> shared_;
    QHash<qint64, ThumbnailScan> scans_;
    QHash<ThumbnailKey, QImage> images_;
    QHash<ThumbnailKey, QString> problems_;
    QVector<QFuture<void>> jobs_;
    int running_ = 0;
};

}  // namespace views
}  // namespace logonet
