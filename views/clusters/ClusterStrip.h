#pragma once

#include <QColor>
#include <QString>
#include <QVector>
#include <QWidget>

namespace logonet {
namespace views {

// For one scan, a strip along the slicing axis per clusterer: each clustered slice coloured by the
// cluster it belongs to, so runs of similar slices and the clusterers' (dis)agreement show at a
// glance. A marker shows the slice views' cursor; a click asks to go to that slice.
class ClusterStrip : public QWidget {
    Q_OBJECT
  public:
    struct Row {
        QString name;              // the clusterer, e.g. "k0 (K=120)"
        QVector<qint64> clusters;  // per clustered slice; -1 where the slice has no label
    };

    explicit ClusterStrip(QWidget* parent = nullptr);

    void setRows(const QVector<Row>& rows, const QString& caption);
    const QVector<Row>& rows() const { return rows_; }
    const QString& caption() const { return caption_; }
    // The clustered slice of the cursor, or -1 for none.
    void setMarker(int slice);
    int marker() const { return marker_; }

    // A distinct, stable colour per cluster id.
    static QColor clusterColor(qint64 cluster);
    // The clustered slice under a point of the widget, or -1.
    int sliceAt(const QPoint& point) const;
    QRect cellRect(int row, int slice) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  Q_SIGNALS:
    void sliceClicked(int slice);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

  private:
    int slices() const;
    QRect stripArea() const;

    QVector<Row> rows_;
    QString caption_;
    int marker_ = -1;
};

}  // namespace views
}  // namespace logonet
