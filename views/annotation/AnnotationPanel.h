#pragma once

#include <QWidget>

#include "labels/LabelSet.h"

class QActionGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace logonet {
namespace views {

class AnnotationController;
class AnnotationSettings;

// The annotation tool panel: tool buttons (B brush, E eraser, F fill, P polygon/lasso), brush
// size ([ and ]), shape, 2D/3D and unit, draw-over rule, intensity range, active label, undo/redo
// (Ctrl+Z / Ctrl+Shift+Z) with the history list, interpolation preview and clean-up commands.
class AnnotationPanel : public QWidget {
    Q_OBJECT
  public:
    AnnotationPanel(AnnotationSettings* settings, AnnotationController* controller,
                    QWidget* parent = nullptr);

    void setLabelSet(const LabelSet& labels);

    // The parts, for tests.
    QActionGroup* toolActions() const { return tools_; }
    QDoubleSpinBox* brushSize() const { return size_; }
    QComboBox* activeLabelBox() const { return activeLabel_; }
    QListWidget* historyList() const { return history_; }
    QLabel* statistics() const { return statistics_; }

  private:
    QWidget* buildBrushControls();
    QWidget* buildRuleControls();
    QWidget* buildCommandControls();
    void applyBrush();
    void applyRule();
    void refreshHistory();
    void refreshStatistics();
    void selectLabel(int value);

    AnnotationSettings* settings_;
    AnnotationController* controller_;
    LabelSet labelSet_;
    QActionGroup* tools_;
    QDoubleSpinBox* size_;
    QComboBox* unit_;
    QComboBox* shape_;
    QComboBox* extent_;
    QComboBox* drawOver_;
    QSpinBox* overLabel_;
    QCheckBox* limitIntensity_;
    QDoubleSpinBox* low_;
    QDoubleSpinBox* high_;
    QComboBox* activeLabel_;
    QCheckBox* fill3D_;
    QDoubleSpinBox* tolerance_;
    QCheckBox* polygonErases_;
    QListWidget* history_;
    QComboBox* interpolationAxis_;
    QPushButton* accept_;
    QPushButton* discard_;
    QSpinBox* islandSize_;
    QSpinBox* mergeTarget_;
    QLabel* statistics_;
};

}  // namespace views
}  // namespace logonet
