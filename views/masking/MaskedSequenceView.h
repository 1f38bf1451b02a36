#pragma once

#include <QImage>
#include <QVector>
#include <QWidget>
#include <memory>

#include "masking/MaskingPlan.h"

namespace logonet {
namespace views {

// The masked runs of one crop: per run its M consecutive slices, each before and after masking
// side by side, with the slice's patch grid drawn over both and its patch size written below.
class MaskedSequenceView : public QWidget {
    Q_OBJECT
  public:
    explicit MaskedSequenceView(QWidget* parent = nullptr);

    // `crop` and `masked` are the crop before and after applying `plan` along `axis`.
    void setContent(std::shared_ptr<const ImageVolume> crop,
                    std::shared_ptr<const ImageVolume> masked, const CropMaskingPlan& plan,
                    SliceAxis axis, int64_t length);
    // No crop: `message` says why (loading, no scan, an unreadable file).
    void clear(const QString& message);

    // The slices of each run shown, one row per distinct drawn run end (in slice order).
    const QVector<QVector<qint64>>& runs() const { return runs_; }
    const QString& message() const { return message_; }
    // Where slot `slot` of run `run` is drawn, before and after masking.
    QRect beforeRect(int run, int slot) const;
    QRect afterRect(int run, int slot) const;
    int tileSize() const { return tile_; }

    QSize sizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    int rowHeight() const;
    int slotWidth() const;
    void drawGrid(QPainter& painter, const QRect& target, const MaskedSlice& slice) const;

    std::shared_ptr<const ImageVolume> crop_;
    std::shared_ptr<const ImageVolume> masked_;
    CropMaskingPlan plan_;
    SliceAxis axis_ = SliceAxis::Axial;
    QVector<QVector<qint64>> runs_;
    QVector<QImage> before_;  // per crop slice shown, by slice index (null where not shown)
    QVector<QImage> after_;
    QString message_;
    int tile_ = 96;
};

}  // namespace views
}  // namespace logonet
