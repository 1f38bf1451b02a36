#pragma once

#include <QHash>
#include <QVector>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "clusters/ClusterSliceGrids.h"
#include "clusters/ClusterStore.h"
#include "clusters/ScanGeometries.h"
#include "clusters/SliceThumbnails.h"
#include "common/VoxelIndex.h"
#include "project/ScanRecord.h"

class QComboBox;
class QLabel;
class QListWidget;
class QTabWidget;

namespace logonet {
class Project;
}

namespace logonet {
namespace views {

class ClusterMembersView;
class ClusterSizeHistogram;
class ClusterStrip;

// The Cluster Browser: what `logonet cluster` found. Choose a clusterer; its clusters as a grid
// (size and the slices nearest to the centroid as thumbnails, rendered off the GUI thread); the
// slices of the chosen cluster page by page; a histogram of cluster sizes; for the current scan
// a strip along the slicing axis coloured by cluster, one row per clusterer. Clicking a slice
// asks the window to open its scan there (clustered slice indices are mapped back to the
// scan).
class ClusterBrowser : public QWidget {
    Q_OBJECT
  public:
    explicit ClusterBrowser(QWidget* parent = nullptr);
    ~ClusterBrowser() override;

    // Opens the project read-only (its own connection); work waits until the panel is shown.
    void setProject(const QString& directory);
    // Re-reads the clusterers (after a clustering run).
    void refresh();
    void setCurrentScan(std::optional<qint64> scanId);
    // The slice views' cursor, shown as a marker on the strip.
    void setCursorVoxel(const VoxelIndex& voxel);

    void showClusterer(int index);
    void openCluster(qint64 cluster);

    // The parts, for tests and screenshots.
    QComboBox* clustererBox() const { return clusterers_; }
    QListWidget* clusterGrid() const { return grid_; }
    ClusterMembersView* members() const { return members_; }
    ClusterSizeHistogram* histogram() const { return histogram_; }
    ClusterStrip* strip() const { return strip_; }
    SliceThumbnails* thumbnails() const { return thumbnails_; }
    QString summary() const;
    // (cluster, slices) of the grid's items, in the grid's order.
    QVector<QPair<qint64, qint64>> shownClusters() const;

  Q_SIGNALS:
    // Open scan `scanId` with the cursor on voxel index `scanSlice` along voxel axis `axis`.
    void sliceChosen(qint64 scanId, int axis, qint64 scanSlice);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    void load();
    void showProblem(const QString& message);
    void updateStrip();
    void gridThumbnailReady(const ThumbnailKey& key);
    const ClustererRecord* currentClusterer() const;
    void chooseSlice(const SliceAssignment& slice);

    std::unique_ptr<Project> project_;
    QString directory_;
    bool stale_ = false;
    std::vector<ClustererRecord> records_;
    QHash<qint64, ScanRecord> scans_;
    ScanGeometries geometries_;
    ClusterSliceGrids grids_{&geometries_};
    std::optional<qint64> currentScan_;
    VoxelIndex cursor_{-1, -1, -1};
    // The grid's mosaics: cluster -> its nearest slices.
    QHash<qint64, std::vector<SliceAssignment>> nearest_;
    QHash<ThumbnailKey, QVector<qint64>> clustersOfKey_;

    QComboBox* clusterers_;
    QLabel* summary_;
    QListWidget* grid_;
    QTabWidget* tabs_;
    SliceThumbnails* thumbnails_;
    ClusterMembersView* members_;
    ClusterSizeHistogram* histogram_;
    ClusterStrip* strip_;
};

}  // namespace views
}  // namespace logonet
