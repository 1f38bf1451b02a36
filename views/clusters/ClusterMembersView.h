#pragma once

#include <QHash>
#include <QWidget>
#include <functional>
#include <vector>

#include "clusters/ClusterSliceGrids.h"
#include "clusters/ClusterStore.h"
#include "clusters/SliceThumbnails.h"
#include "project/ScanRecord.h"

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace logonet {
namespace views {

// All slices of one cluster, a page of thumbnails at a time (nearest to the centroid first).
// Clicking a thumbnail asks to open its scan at that slice.
class ClusterMembersView : public QWidget {
    Q_OBJECT
  public:
    // Slices [offset, offset + limit) of the cluster.
    using PageLoader = std::function<std::vector<SliceAssignment>(qint64 offset, qint64 limit)>;

    ClusterMembersView(SliceThumbnails* thumbnails, QWidget* parent = nullptr);

    // `grids` (owned by the caller) maps the clustered slices to the scans' own slices for
    // captions.
    void setScans(const QHash<qint64, ScanRecord>& scans, const ClusterSliceGrids* grids) {
        scans_ = scans;
        grids_ = grids;
    }
    // Shows page 0 of a cluster of `total` slices, each `crop` x `crop` voxels.
    void showCluster(const QString& title, qint64 total, int crop, PageLoader loader);
    void clear();
    void showPage(int page);
    int page() const { return page_; }
    int pageCount() const;
    static constexpr int kPageSize = 30;

    QListWidget* list() const { return list_; }
    // The slice behind an item of list().
    const SliceAssignment& memberAt(int row) const { return members_[static_cast<size_t>(row)]; }

  Q_SIGNALS:
    void memberChosen(const logonet::SliceAssignment& slice);

  private:
    ThumbnailKey keyOf(const SliceAssignment& slice) const;
    void thumbnailReady(const ThumbnailKey& key);
    void thumbnailFailed(const ThumbnailKey& key, const QString& message);

    SliceThumbnails* thumbnails_;
    QLabel* title_;
    QListWidget* list_;
    QPushButton* previous_;
    QPushButton* next_;
    QLabel* pageLabel_;
    QHash<qint64, ScanRecord> scans_;
    const ClusterSliceGrids* grids_ = nullptr;
    PageLoader loader_;
    std::vector<SliceAssignment> members_;
    qint64 total_ = 0;
    int crop_ = 96;
    int page_ = 0;
};

}  // namespace views
}  // namespace logonet
