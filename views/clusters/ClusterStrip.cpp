#include "clusters/ClusterStrip.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace logonet {
namespace views {

namespace {

constexpr int kNameWidth = 110;
constexpr int kRowHeight = 16;
constexpr int kCaptionHeight = 18;

}  // namespace

ClusterStrip::ClusterStrip(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ClusterStrip::setRows(const QVector<Row>& rows, const QString& caption) {
    rows_ = rows;
    caption_ = caption;
    updateGeometry();
    update();
}

void ClusterStrip::setMarker(int slice) {
    if (slice != marker_) {
        marker_ = slice;
        update();
    }
}

QColor ClusterStrip::clusterColor(qint64 cluster) {
    if (cluster < 0) {
        return QColor(60, 60, 60);
    }
    // Golden-angle hues with three lightness bands: neighbouring ids never look alike.
    const int hue = static_cast<int>((cluster * 137) % 360);
    const int bands[3] = {230, 170, 255};
    const int saturation[3] = {200, 255, 130};
    const auto band = static_cast<size_t>((cluster / 3) % 3);
    return QColor::fromHsv(hue, saturation[band], bands[band]);
}

int ClusterStrip::slices() const {
    int count = 0;
    for (const Row& row : rows_) {
        count = std::max(count, static_cast<int>(row.clusters.size()));
    }
    return count;
}

QRect ClusterStrip::stripArea() const {
    return QRect(kNameWidth, kCaptionHeight, std::max(1, width() - kNameWidth - 4),
                 kRowHeight * static_cast<int>(rows_.size()));
}

QRect ClusterStrip::cellRect(int row, int slice) const {
    const QRect area = stripArea();
    const int count = std::max(1, slices());
    const int left = area.left() + area.width() * slice / count;
    const int right = area.left() + area.width() * (slice + 1) / count;
    return QRect(left, area.top() + row * kRowHeight, std::max(1, right - left), kRowHeight - 2);
}

int ClusterStrip::sliceAt(const QPoint& point) const {
    const QRect area = stripArea();
    const int count = slices();
    if (count == 0 || !area.contains(point)) {
        return -1;
    }
    return std::clamp((point.x() - area.left()) * count / area.width(), 0, count - 1);
}

QSize ClusterStrip::sizeHint() const {
    return QSize(600, kCaptionHeight + kRowHeight * std::max<int>(1, rows_.size()) + 4);
}

QSize ClusterStrip::minimumSizeHint() const {
    return QSize(kNameWidth + 100, sizeHint().height());
}

void ClusterStrip::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    painter.setPen(palette().windowText().color());
    painter.drawText(QRect(4, 0, width() - 8, kCaptionHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     caption_);
    for (int r = 0; r < rows_.size(); ++r) {
        const Row& row = rows_[r];
        const QRect name(4, kCaptionHeight + r * kRowHeight, kNameWidth - 8, kRowHeight);
        painter.setPen(palette().windowText().color());
        painter.drawText(name, Qt::AlignLeft | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(row.name, Qt::ElideRight, name.width()));
        for (int s = 0; s < row.clusters.size(); ++s) {
            painter.fillRect(cellRect(r, s), clusterColor(row.clusters[s]));
        }
    }
    if (marker_ >= 0 && marker_ < slices() && !rows_.isEmpty()) {
        const QRect first = cellRect(0, marker_);
        const QRect last = cellRect(static_cast<int>(rows_.size()) - 1, marker_);
        painter.setPen(QPen(palette().highlight().color(), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRect(first.topLeft(), last.bottomRight()).adjusted(-1, -1, 1, 1));
    }
}

void ClusterStrip::mousePressEvent(QMouseEvent* event) {
    const int slice = sliceAt(event->position().toPoint());
    if (slice >= 0 && event->button() == Qt::LeftButton) {
        Q_EMIT sliceClicked(slice);
    }
}

bool ClusterStrip::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int slice = sliceAt(help->pos());
        const int row = (help->pos().y() - kCaptionHeight) / kRowHeight;
        if (slice >= 0 && row >= 0 && row < rows_.size() && slice < rows_[row].clusters.size()) {
            QToolTip::showText(help->globalPos(), tr("%1: slice %2, cluster %3")
                                                      .arg(rows_[row].name)
                                                      .arg(slice)
                                                      .arg(rows_[row].clusters[slice]));
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

}  // namespace views
}  // namespace logonet
