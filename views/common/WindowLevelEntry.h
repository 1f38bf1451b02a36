#pragma once

#include <QWidget>

class QDoubleSpinBox;

namespace logonet {
namespace views {

class IntensityWindow;

// Window and level typed in as numbers, beside the presets and the Shift+drag gesture: the
// values a radiologist reads off a report or another viewer are entered exactly.
class WindowLevelEntry : public QWidget {
    Q_OBJECT
  public:
    WindowLevelEntry(IntensityWindow* window, QWidget* parent = nullptr);

    QDoubleSpinBox* windowBox() const { return windowBox_; }
    QDoubleSpinBox* levelBox() const { return levelBox_; }

  private:
    void showValue(double window, double level);

    IntensityWindow* intensity_;
    QDoubleSpinBox* windowBox_;
    QDoubleSpinBox* levelBox_;
};

}  // namespace views
}  // namespace logonet
