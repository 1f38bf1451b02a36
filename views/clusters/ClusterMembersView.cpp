#include "clusters/ClusterMembersView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include "masking/PretrainCrop.h"

namespace logonet {
namespace views {

namespace {

constexpr int kIcon = 96;
constexpr int kMembersChannel = 1;

QIcon placeholderIcon(const QColor& color) {
    QPixmap pixmap(kIcon, kIcon);
    pixmap.fill(color);
    return QIcon(pixmap);
}

}  // namespace

ClusterMembersView::ClusterMembersView(SliceThumbnails* thumbnails, QWidget* parent)
    : QWidget(parent),
      thumbnails_(thumbnails),
      title_(new QLabel(this)),
      list_(new QListWidget(this)),
      previous_(new QPushButton(tr("Previous"), this)),
      next_(new QPushButton(tr("Next"), this)),
      pageLabel_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    list_->setViewMode(QListView::IconMode);
    list_->setIconSize(QSize(kIcon, kIcon));
    list_->setGridSize(QSize(kIcon + 22, kIcon + 40));
    list_->setResizeMode(QListView::Adjust);
    list_->setMovement(QListView::Static);
    list_->setUniformItemSizes(true);
    list_->setWordWrap(true);
    layout->addWidget(list_, 1);
    auto* paging = new QHBoxLayout;
    paging->addWidget(previous_);
    paging->addWidget(pageLabel_, 1, Qt::AlignCenter);
    paging->addWidget(next_);
    layout->addLayout(paging);
    connect(previous_, &QPushButton::clicked, this, [this] { showPage(page_ - 1); });
    connect(next_, &QPushButton::clicked, this, [this] { showPage(page_ + 1); });
    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int row = list_->row(item);
        if (row >= 0 && row < static_cast<int>(members_.size())) {
            Q_EMIT memberChosen(members_[static_cast<size_t>(row)]);
        }
    });
    connect(thumbnails_, &SliceThumbnails::ready, this, &ClusterMembersView::thumbnailReady);
    connect(thumbnails_, &SliceThumbnails::failed, this, &ClusterMembersView::thumbnailFailed);
    clear();
}

int ClusterMembersView::pageCount() const {
    return static_cast<int>((total_ + kPageSize - 1) / kPageSize);
}

void ClusterMembersView::clear() {
    loader_ = nullptr;
    members_.clear();
    total_ = 0;
    page_ = 0;
    list_->clear();
    title_->setText(tr("Choose a cluster to see its slices."));
    pageLabel_->clear();
    previous_->setEnabled(false);
    next_->setEnabled(false);
}

void ClusterMembersView::showCluster(const QString& title, qint64 total, int crop,
                                     PageLoader loader) {
    loader_ = std::move(loader);
    total_ = total;
    crop_ = crop;
    title_->setText(title);
    showPage(0);
}

ThumbnailKey ClusterMembersView::keyOf(const SliceAssignment& slice) const {
    return ThumbnailKey{slice.scanId, static_cast<int>(slice.axis), slice.sliceIndex, crop_};
}

void ClusterMembersView::showPage(int page) {
    if (!loader_) {
        return;
    }
    page_ = std::clamp(page, 0, std::max(0, pageCount() - 1));
    members_ = loader_(static_cast<qint64>(page_) * kPageSize, kPageSize);
    list_->clear();
    QVector<ThumbnailKey> keys;
    for (const SliceAssignment& slice : members_) {
        const auto scan = scans_.constFind(slice.scanId);
        const QString name = scan == scans_.constEnd() ? tr("scan %1").arg(slice.scanId)
                                                       : QString::fromStdString(scan->name);
        const std::optional<ScanSlice> shown =
            grids_ ? grids_->scanSliceOf(slice.scanId, slice.sliceIndex) : std::nullopt;
        const qint64 scanSlice = shown ? shown->index : slice.sliceIndex;
        auto* item = new QListWidgetItem(placeholderIcon(QColor(70, 70, 70)),
                                         tr("%1\nslice %2").arg(name).arg(scanSlice), list_);
        item->setToolTip(tr("%1, scan slice %2 (clustered slice %3), distance %4")
                             .arg(name)
                             .arg(scanSlice)
                             .arg(slice.sliceIndex)
                             .arg(slice.distance, 0, 'g', 4));
        keys.push_back(keyOf(slice));
        thumbnailReady(keys.back());
        thumbnailFailed(keys.back(), thumbnails_->problem(keys.back()));
    }
    thumbnails_->request(kMembersChannel, keys);
    pageLabel_->setText(
        tr("Page %1 of %2 (%3 slices)").arg(page_ + 1).arg(std::max(1, pageCount())).arg(total_));
    previous_->setEnabled(page_ > 0);
    next_->setEnabled(page_ + 1 < pageCount());
}

void ClusterMembersView::thumbnailReady(const ThumbnailKey& key) {
    const QImage* image = thumbnails_->image(key);
    if (!image) {
        return;
    }
    for (size_t row = 0; row < members_.size(); ++row) {
        if (keyOf(members_[row]) == key) {
            list_->item(static_cast<int>(row))
                ->setIcon(QIcon(QPixmap::fromImage(
                    image->scaled(kIcon, kIcon, Qt::KeepAspectRatio, Qt::SmoothTransformation))));
        }
    }
}

void ClusterMembersView::thumbnailFailed(const ThumbnailKey& key, const QString& message) {
    if (message.isEmpty()) {
        return;
    }
    for (size_t row = 0; row < members_.size(); ++row) {
        if (keyOf(members_[row]) == key) {
            QListWidgetItem* item = list_->item(static_cast<int>(row));
            item->setIcon(placeholderIcon(QColor(120, 30, 30)));
            item->setToolTip(message);
        }
    }
}

}  // namespace views
}  // namespace logonet
