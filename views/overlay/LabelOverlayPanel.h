#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QListWidget;
class QSlider;

namespace logonet {
namespace views {

class OverlaySettings;

// Controls for the label overlay: on/off, opacity, filled/outline and a list of the labels with
// their colours and a visibility check box each.
class LabelOverlayPanel : public QWidget {
    Q_OBJECT
  public:
    explicit LabelOverlayPanel(OverlaySettings* settings, QWidget* parent = nullptr);

    QCheckBox* enabledBox() { return enabled_; }
    QSlider* opacitySlider() { return opacity_; }
    QComboBox* modeBox() { return mode_; }
    QListWidget* labelList() { return list_; }

  private:
    void rebuildList();

    OverlaySettings* settings_;
    QCheckBox* enabled_;
    QSlider* opacity_;
    QComboBox* mode_;
    QListWidget* list_;
};

}  // namespace views
}  // namespace logonet
