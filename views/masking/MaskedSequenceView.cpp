#include "masking/MaskedSequenceView.h"

#include <QPainter>
#include <algorithm>
#include <set>

#include "common/CropSliceImage.h"

namespace logonet {
namespace views {

namespace {

constexpr int kMargin = 8;
constexpr int kHeader = 22;
constexpr int kCaption = 34;
constexpr int kPairGap = 3;
constexpr int kSlotGap = 14;
// Grid lines closer than this on screen would hide the slice: only the size is written then.
constexpr double kFinestGrid = 6.0;

}  // namespace

MaskedSequenceView::MaskedSequenceView(QWidget* parent) : QWidget(parent) {
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    clear(tr("Open a scan to see the masked sequences pre-training draws from it."));
}

void MaskedSequenceView::clear(const QString& message) {
    crop_.reset();
    masked_.reset();
    plan_ = CropMaskingPlan{};
    runs_.clear();
    before_.clear();
    after_.clear();
    message_ = message;
    updateGeometry();
    update();
}

void MaskedSequenceView::setContent(std::shared_ptr<const ImageVolume> crop,
                                    std::shared_ptr<const ImageVolume> masked,
                                    const CropMaskingPlan& plan, SliceAxis axis, int64_t length) {
    crop_ = std::move(crop);
    masked_ = std::move(masked);
    plan_ = plan;
    axis_ = axis;
    message_.clear();
    const CropSliceLayout layout = CropSliceLayout::of(crop_->size(), axis_);
    // Crops of 96 and more show 1:1; smaller ones are magnified so their patches stay visible.
    tile_ = std::max(layout.width, layout.height) >= 96
                ? 96
                : 96 / std::max(1, std::max(layout.width, layout.height)) *
                      std::max(layout.width, layout.height);
    runs_.clear();
    const std::set<int64_t> ends(plan_.runEnds.begin(), plan_.runEnds.end());
    const int64_t runLength = std::min(length, plan_.slices);
    before_ = QVector<QImage>(static_cast<int>(plan_.slices));
    after_ = QVector<QImage>(static_cast<int>(plan_.slices));
    for (const int64_t end : ends) {
        QVector<qint64> run;
        for (int64_t s = end - runLength + 1; s <= end; ++s) {
            run.push_back(s);
            if (before_[static_cast<int>(s)].isNull()) {
                before_[static_cast<int>(s)] = cropSliceImage(*crop_, axis_, s);
                after_[static_cast<int>(s)] = cropSliceImage(*masked_, axis_, s);
            }
        }
        runs_.push_back(run);
    }
    if (runs_.isEmpty()) {
        message_ = tr("No slice is masked: floor(phi1 x %1 slices) is 0.").arg(plan_.slices);
    }
    updateGeometry();
    update();
}

int MaskedSequenceView::rowHeight() const {
    return kHeader + tile_ + kCaption + 8;
}

int MaskedSequenceView::slotWidth() const {
    return 2 * tile_ + kPairGap + kSlotGap;
}

QRect MaskedSequenceView::beforeRect(int run, int slot) const {
    return QRect(kMargin + slot * slotWidth(), kMargin + run * rowHeight() + kHeader, tile_, tile_);
}

QRect MaskedSequenceView::afterRect(int run, int slot) const {
    return beforeRect(run, slot).translated(tile_ + kPairGap, 0);
}

QSize MaskedSequenceView::sizeHint() const {
    int widest = 1;
    for (const auto& run : runs_) {
        widest = std::max(widest, static_cast<int>(run.size()));
    }
    return QSize(2 * kMargin + widest * slotWidth(),
                 2 * kMargin + std::max(1, static_cast<int>(runs_.size())) * rowHeight());
}

void MaskedSequenceView::drawGrid(QPainter& painter, const QRect& target,
                                  const MaskedSlice& slice) const {
    const CropSliceLayout layout = CropSliceLayout::of(crop_->size(), axis_);
    const double sx = static_cast<double>(target.width()) / layout.width;
    const double sy = static_cast<double>(target.height()) / layout.height;
    if (slice.edge * std::min(sx, sy) < kFinestGrid || slice.patches <= 1) {
        return;
    }
    painter.setPen(QPen(QColor(255, 200, 0, 150), 1));
    for (int64_t r = slice.edge; r < plan_.rows; r += slice.edge) {
        // The boundary between row r - 1 and row r.
        const QRectF cell = layout.rectOf(r, 0, 1, 1);
        const double x = target.left() + (layout.flipHorizontal ? cell.right() : cell.left()) * sx;
        painter.drawLine(QPointF(x, target.top()), QPointF(x, target.top() + target.height()));
    }
    for (int64_t c = slice.edge; c < plan_.columns; c += slice.edge) {
        // The boundary between column c - 1 and column c.
        const QRectF cell = layout.rectOf(0, c, 1, 1);
        const double y = target.top() + (layout.flipVertical ? cell.bottom() : cell.top()) * sy;
        painter.drawLine(QPointF(target.left(), y), QPointF(target.left() + target.width(), y));
    }
}

void MaskedSequenceView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (!message_.isEmpty()) {
        painter.setPen(palette().text().color());
        painter.drawText(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, message_);
        if (runs_.isEmpty()) {
            return;
        }
    }
    for (int r = 0; r < runs_.size(); ++r) {
        const QVector<qint64>& run = runs_[r];
        painter.setPen(palette().text().color());
        const QRect header(kMargin, kMargin + r * rowHeight(), width() - 2 * kMargin, kHeader);
        painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
                         tr("Run %1: slices %2-%3 (before | after masking)")
                             .arg(r + 1)
                             .arg(run.front())
                             .arg(run.back()));
        for (int slot = 0; slot < run.size(); ++slot) {
            const int s = static_cast<int>(run[slot]);
            const MaskedSlice* slice = plan_.find(s);
            const QRect before = beforeRect(r, slot);
            const QRect after = afterRect(r, slot);
            painter.drawImage(before, before_[s]);
            painter.drawImage(after, after_[s]);
            if (slice) {
                drawGrid(painter, before, *slice);
                drawGrid(painter, after, *slice);
            }
            painter.setPen(palette().text().color());
            const QRect caption(before.left(), before.bottom() + 2, 2 * tile_ + kPairGap, kCaption);
            const QString text = slice ? tr("slice %1, patch %2 px\n%3 of %4 patches zeroed")
                                             .arg(s)
                                             .arg(slice->patchSize)
                                             .arg(slice->zeroed)
                                             .arg(slice->patches)
                                       : tr("slice %1").arg(s);
            painter.drawText(caption, Qt::AlignHCenter | Qt::AlignTop, text);
        }
    }
}

}  // namespace views
}  // namespace logonet
