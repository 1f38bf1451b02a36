#include "clusters/ClusterBrowser.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "clusters/ClusterMembersView.h"
#include "clusters/ClusterSizeHistogram.h"
#include "clusters/ClusterStrip.h"
#include "masking/ClusterSliceWindow.h"
#include "masking/SliceAxis.h"
#include "project/Project.h"

namespace logonet {
namespace views {

namespace {

constexpr int kMosaicTile = 60;
constexpr int kMosaicSlices = 4;
constexpr int kGridChannel = 0;
constexpr int kClusterRole = Qt::UserRole;
constexpr int kSizeRole = Qt::UserRole + 1;

// How to render a scan's clustered slices: its stored window grid with the clustering's
// preprocessing, or, for a clustering made before those were stored, the whole scan squeezed to
// crop^3.
// A grid the database holds but that cannot be used leaves `problem` saying why.
ThumbnailScan thumbnailScan(const ScanRecord& scan, const QString& file, const Json& clustering,
                            QString& problem) {
    ThumbnailScan source;
    source.file = file;
    source.modality = QString::fromStdString(scan.modality);
    try {
        if (clustering.contains("preprocessing")) {
            source.window = storedClusterSliceGrid(clustering, scan.id);
            source.preprocessing =
                PreprocessSettings::fromJson(clustering.at("preprocessing")).forScan(scan.modality);
        }
    } catch (const std::exception& error) {
        source.window.reset();
        problem = QString::fromUtf8(error.what());
    }
    return source;
}

}  // namespace

ClusterBrowser::ClusterBrowser(QWidget* parent)
    : QWidget(parent),
      clusterers_(new QComboBox(this)),
      summary_(new QLabel(this)),
      grid_(new QListWidget(this)),
      tabs_(new QTabWidget(this)),
      thumbnails_(new SliceThumbnails(this)),
      members_(new ClusterMembersView(thumbnails_, this)),
      histogram_(new ClusterSizeHistogram(this)),
      strip_(new ClusterStrip(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Clusterer"), this));
    clusterers_->setMinimumContentsLength(18);
    top->addWidget(clusterers_);
    summary_->setWordWrap(true);
    top->addWidget(summary_, 1);
    auto* reload = new QPushButton(tr("Reload"), this);
    reload->setToolTip(tr("Read the project's clustering again (after a clustering run)"));
    top->addWidget(reload);
    layout->addLayout(top);

    grid_->setViewMode(QListView::IconMode);
    grid_->setIconSize(QSize(2 * kMosaicTile, 2 * kMosaicTile));
    grid_->setGridSize(QSize(2 * kMosaicTile + 24, 2 * kMosaicTile + 42));
    grid_->setResizeMode(QListView::Adjust);
    grid_->setMovement(QListView::Static);
    grid_->setUniformItemSizes(true);
    grid_->setWordWrap(true);
    tabs_->addTab(members_, tr("Cluster slices"));
    tabs_->addTab(histogram_, tr("Cluster sizes"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(grid_);
    splitter->addWidget(tabs_);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    layout->addWidget(strip_);

    connect(reload, &QPushButton::clicked, this, &ClusterBrowser::refresh);
    connect(clusterers_, qOverload<int>(&QComboBox::activated), this,
            &ClusterBrowser::showClusterer);
    connect(grid_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item) {
            openCluster(item->data(kClusterRole).toLongLong());
        }
    });
    connect(members_, &ClusterMembersView::memberChosen, this, &ClusterBrowser::chooseSlice);
    connect(thumbnails_, &SliceThumbnails::ready, this, &ClusterBrowser::gridThumbnailReady);
    connect(strip_, &ClusterStrip::sliceClicked, this, [this](int slice) {
        const ClustererRecord* clusterer = currentClusterer();
        if (clusterer && currentScan_) {
            chooseSlice(SliceAssignment{
                *currentScan_, static_cast<int64_t>(clustererAxis(*clusterer)), slice, -1, 0.0});
        }
    });
    summary_->setText(tr("No project open."));
}

ClusterBrowser::~ClusterBrowser() = default;

void ClusterBrowser::setProject(const QString& directory) {
    directory_ = directory;
    stale_ = true;
    if (isVisible()) {
        load();
    }
}

void ClusterBrowser::refresh() {
    stale_ = true;
    if (isVisible()) {
        load();
    }
}

void ClusterBrowser::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_) {
        load();
    }
}

void ClusterBrowser::showProblem(const QString& message) {
    summary_->setText(
        QStringLiteral("<span style='color:#c03030'>%1</span>").arg(message.toHtmlEscaped()));
}

void ClusterBrowser::load() {
    stale_ = false;
    records_.clear();
    scans_.clear();
    geometries_.clear();
    clusterers_->clear();
    grid_->clear();
    members_->clear();
    histogram_->setSizes({});
    strip_->setRows({}, QString());
    if (directory_.isEmpty()) {
        return;
    }
    QString gridProblem;
    try {
        project_ = std::make_unique<Project>(
            Project::open(directory_.toStdString(), Project::Access::Shared));
        records_ = ClusterStore(project_->database(), project_->path()).clusterers();
        // All clusterers of a project come from one clustering: one way of cutting slices.
        const Json clustering = records_.empty() ? Json::object() : records_.front().settings;
        QHash<qint64, ThumbnailScan> sources;
        for (const ScanRecord& scan : project_->scans()) {
            const QString file = QString::fromStdString(project_->absolutePath(scan.path));
            scans_.insert(scan.id, scan);
            geometries_.add(scan, file);
            sources.insert(scan.id, thumbnailScan(scan, file, clustering, gridProblem));
        }
        thumbnails_->setScans(sources);
        members_->setScans(scans_, &grids_);
    } catch (const std::exception& error) {
        project_.reset();
        showProblem(QString::fromUtf8(error.what()));
        return;
    }
    for (const ClustererRecord& record : records_) {
        clusterers_->addItem(
            tr("%1 (K=%2)").arg(QString::fromStdString(record.name)).arg(record.k));
    }
    if (records_.empty()) {
        summary_->setText(
            tr("No clustering yet: run a clustering from the Runs panel or "
               "`logonet cluster --project DIR`."));
        return;
    }
    showClusterer(0);
    updateStrip();
    if (!gridProblem.isEmpty()) {
        showProblem(tr("%1: its slices are shown as an older clustering's (the whole scan "
                       "resampled to the crop); run the clustering again.")
                        .arg(gridProblem));
    }
}

const ClustererRecord* ClusterBrowser::currentClusterer() const {
    const int index = clusterers_->currentIndex();
    return index >= 0 && index < static_cast<int>(records_.size())
               ? &records_[static_cast<size_t>(index)]
               : nullptr;
}

void ClusterBrowser::showClusterer(int index) {
    if (!project_ || index < 0 || index >= static_cast<int>(records_.size())) {
        return;
    }
    clusterers_->setCurrentIndex(index);
    const ClustererRecord& record = records_[static_cast<size_t>(index)];
    grids_.setClusterer(&record);
    std::vector<std::pair<int64_t, int64_t>> sizes;
    std::vector<SliceAssignment> nearest;
    try {
        ClusterStore store(project_->database(), project_->path());
        sizes = store.clusterSizes(record.id);
        nearest = store.nearestMembers(record.id, kMosaicSlices);
    } catch (const std::exception& error) {
        showProblem(QString::fromUtf8(error.what()));
        return;
    }
    nearest_.clear();
    clustersOfKey_.clear();
    QVector<ThumbnailKey> keys;
    for (const SliceAssignment& slice : nearest) {
        nearest_[slice.cluster].push_back(slice);
        const ThumbnailKey key{slice.scanId, static_cast<int>(slice.axis), slice.sliceIndex,
                               static_cast<int>(clustererCrop(record))};
        clustersOfKey_[key].push_back(slice.cluster);
        keys.push_back(key);
    }
    // Largest clusters first: they are what pre-training mostly sees.
    std::stable_sort(sizes.begin(), sizes.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    QVector<qint64> histogram(static_cast<int>(std::max<int64_t>(record.k, 0)), 0);
    qint64 slices = 0;
    const QSignalBlocker blocker(grid_);
    grid_->clear();
    QPixmap loading(2 * kMosaicTile, 2 * kMosaicTile);
    loading.fill(QColor(70, 70, 70));
    for (const auto& [cluster, count] : sizes) {
        auto* item = new QListWidgetItem(
            QIcon(loading), tr("Cluster %1\n%2 slices").arg(cluster).arg(count), grid_);
        item->setData(kClusterRole, QVariant::fromValue<qint64>(cluster));
        item->setData(kSizeRole, QVariant::fromValue<qint64>(count));
        if (cluster >= 0 && cluster < histogram.size()) {
            histogram[static_cast<int>(cluster)] = count;
        } else {
            histogram.push_back(count);
        }
        slices += count;
    }
    histogram_->setSizes(histogram);
    summary_->setText(tr("%1 clusters, %2 of them with slices; %3 slices (%4, crop %5), inertia %6")
                          .arg(record.k)
                          .arg(sizes.size())
                          .arg(slices)
                          .arg(QString::fromStdString(sliceAxisName(clustererAxis(record))))
                          .arg(static_cast<int>(clustererCrop(record)))
                          .arg(record.inertia, 0, 'g', 5));
    thumbnails_->request(kGridChannel, keys);
    for (const ThumbnailKey& key : keys) {
        gridThumbnailReady(key);
    }
    if (grid_->count() > 0) {
        grid_->setCurrentRow(0);
        openCluster(grid_->item(0)->data(kClusterRole).toLongLong());
    } else {
        members_->clear();
    }
    updateStrip();
}

void ClusterBrowser::gridThumbnailReady(const ThumbnailKey& key) {
    const auto clusters = clustersOfKey_.value(key);
    for (const qint64 cluster : clusters) {
        const auto& slices = nearest_[cluster];
        QPixmap mosaic(2 * kMosaicTile, 2 * kMosaicTile);
        mosaic.fill(QColor(70, 70, 70));
        QPainter painter(&mosaic);
        for (size_t n = 0; n < slices.size() && n < kMosaicSlices; ++n) {
            const ThumbnailKey tile{slices[n].scanId, static_cast<int>(slices[n].axis),
                                    slices[n].sliceIndex, key.crop};
            if (const QImage* image = thumbnails_->image(tile)) {
                const QRect target(static_cast<int>(n % 2) * kMosaicTile,
                                   static_cast<int>(n / 2) * kMosaicTile, kMosaicTile - 1,
                                   kMosaicTile - 1);
                painter.drawImage(target, *image);
            }
        }
        painter.end();
        for (int row = 0; row < grid_->count(); ++row) {
            QListWidgetItem* item = grid_->item(row);
            if (item->data(kClusterRole).toLongLong() == cluster) {
                item->setIcon(QIcon(mosaic));
            }
        }
    }
}

void ClusterBrowser::openCluster(qint64 cluster) {
    const ClustererRecord* record = currentClusterer();
    if (!project_ || !record) {
        return;
    }
    qint64 total = 0;
    for (int row = 0; row < grid_->count(); ++row) {
        if (grid_->item(row)->data(kClusterRole).toLongLong() == cluster) {
            total = grid_->item(row)->data(kSizeRole).toLongLong();
        }
    }
    const int64_t clustererId = record->id;
    Project* project = project_.get();
    members_->showCluster(tr("Cluster %1 of %2: %3 slices, nearest to the centroid first")
                              .arg(cluster)
                              .arg(QString::fromStdString(record->name))
                              .arg(total),
                          total, static_cast<int>(clustererCrop(*record)),
                          [this, project, clustererId, cluster](qint64 offset, qint64 limit) {
                              try {
                                  return ClusterStore(project->database(), project->path())
                                      .clusterMembers(clustererId, cluster, limit, offset);
                              } catch (const std::exception& error) {
                                  showProblem(QString::fromUtf8(error.what()));
                                  return std::vector<SliceAssignment>{};
                              }
                          });
    tabs_->setCurrentWidget(members_);
}

void ClusterBrowser::chooseSlice(const SliceAssignment& slice) {
    // The clustered slices are RAS whatever the scan's storage order: their axis may be another
    // scan axis.
    const std::optional<ScanSlice> scanSlice = grids_.scanSliceOf(slice.scanId, slice.sliceIndex);
    if (scanSlice) {
        Q_EMIT sliceChosen(slice.scanId, scanSlice->axis, scanSlice->index);
    }
}

void ClusterBrowser::setCurrentScan(std::optional<qint64> scanId) {
    currentScan_ = scanId;
    updateStrip();
}

void ClusterBrowser::setCursorVoxel(const VoxelIndex& voxel) {
    cursor_ = voxel;
    const std::optional<qint64> slice =
        currentScan_ && voxel[0] >= 0 && voxel[1] >= 0 && voxel[2] >= 0
            ? grids_.sliceOfScanVoxel(*currentScan_, voxel)
            : std::nullopt;
    strip_->setMarker(slice ? static_cast<int>(*slice) : -1);
}

void ClusterBrowser::updateStrip() {
    if (!project_ || !currentScan_ || records_.empty()) {
        strip_->setRows({}, currentScan_ ? tr("No clustering to show for this scan.")
                                         : tr("Open a scan to see its slices' clusters."));
        return;
    }
    if (grids_.sliceCount(*currentScan_) == 0) {
        strip_->setRows({}, tr("This scan is not in the clustering (test scans never are, labeled "
                               "ones only with --include-labeled)."));
        return;
    }
    QVector<ClusterStrip::Row> rows;
    try {
        ClusterStore store(project_->database(), project_->path());
        for (const ClustererRecord& record : records_) {
            ClusterStrip::Row row;
            row.name = tr("%1 (K=%2)").arg(QString::fromStdString(record.name)).arg(record.k);
            row.clusters = QVector<qint64>(grids_.sliceCount(*currentScan_), -1);
            for (const SliceAssignment& slice : store.assignments(
                     record.id, *currentScan_, static_cast<int>(clustererAxis(record)))) {
                if (slice.sliceIndex >= 0 && slice.sliceIndex < row.clusters.size()) {
                    row.clusters[static_cast<int>(slice.sliceIndex)] = slice.cluster;
                }
            }
            rows.push_back(row);
        }
    } catch (const std::exception& error) {
        showProblem(QString::fromUtf8(error.what()));
        return;
    }
    const ClustererRecord& first = records_.front();
    const QString name = scans_.contains(*currentScan_)
                             ? QString::fromStdString(scans_.value(*currentScan_).name)
                             : tr("scan %1").arg(*currentScan_);
    strip_->setRows(rows, tr("%1: its %2 slices along the %3 axis, coloured by cluster")
                              .arg(name)
                              .arg(grids_.sliceCount(*currentScan_))
                              .arg(QString::fromStdString(sliceAxisName(clustererAxis(first)))));
    setCursorVoxel(cursor_);
}

QString ClusterBrowser::summary() const {
    return summary_->text();
}

QVector<QPair<qint64, qint64>> ClusterBrowser::shownClusters() const {
    QVector<QPair<qint64, qint64>> shown;
    for (int row = 0; row < grid_->count(); ++row) {
        shown.push_back({grid_->item(row)->data(kClusterRole).toLongLong(),
                         grid_->item(row)->data(kSizeRole).toLongLong()});
    }
    return shown;
}

}  // namespace views
}  // namespace logonet
