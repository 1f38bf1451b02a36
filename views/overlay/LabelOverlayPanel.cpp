#include "overlay/LabelOverlayPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QSlider>
#include <QVBoxLayout>

#include "overlay/OverlaySettings.h"

namespace logonet {
namespace views {

LabelOverlayPanel::LabelOverlayPanel(OverlaySettings* settings, QWidget* parent)
    : QWidget(parent),
      settings_(settings),
      enabled_(new QCheckBox(tr("Show labels"), this)),
      opacity_(new QSlider(Qt::Horizontal, this)),
      mode_(new QComboBox(this)),
      list_(new QListWidget(this)) {
    enabled_->setChecked(settings_->enabled());
    enabled_->setToolTip(tr("Show or hide the label overlay (L)"));
    // An action, not the box's own shortcut: the window takes it over so that L works whichever
    // dock tab is shown (a hidden box's shortcut does nothing).
    auto* toggle = new QAction(tr("Show or hide the label overlay"), this);
    toggle->setShortcut(QKeySequence(Qt::Key_L));
    connect(toggle, &QAction::triggered, enabled_, &QCheckBox::toggle);
    addAction(toggle);
    opacity_->setRange(0, 100);
    opacity_->setValue(static_cast<int>(settings_->opacity() * 100));
    mode_->addItem(tr("Filled"));
    mode_->addItem(tr("Outline"));
    mode_->setCurrentIndex(settings_->mode() == OverlayMode::Filled ? 0 : 1);

    auto* form = new QFormLayout;
    form->addRow(enabled_);
    form->addRow(tr("Opacity"), opacity_);
    form->addRow(tr("Style"), mode_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(list_);

    connect(enabled_, &QCheckBox::toggled, settings_, &OverlaySettings::setEnabled);
    connect(opacity_, &QSlider::valueChanged, this,
            [this](int value) { settings_->setOpacity(value / 100.0); });
    connect(mode_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        settings_->setMode(index == 0 ? OverlayMode::Filled : OverlayMode::Outline);
    });
    connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const auto value = static_cast<LabelValue>(item->data(Qt::UserRole).toUInt());
        settings_->setVisible(value, item->checkState() == Qt::Checked);
    });
    connect(settings_, &OverlaySettings::labelSetChanged, this, &LabelOverlayPanel::rebuildList);
    rebuildList();
}

void LabelOverlayPanel::rebuildList() {
    const QSignalBlocker blocker(list_);
    list_->clear();
    for (const auto& entry : settings_->labelSet().entries()) {
        QPixmap swatch(14, 14);
        swatch.fill(QColor(entry.colour[0], entry.colour[1], entry.colour[2]));
        auto* item = new QListWidgetItem(
            QIcon(swatch),
            QStringLiteral("%1  %2").arg(entry.value).arg(QString::fromStdString(entry.name)));
        item->setData(Qt::UserRole, static_cast<unsigned>(entry.value));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(settings_->isVisible(entry.value) ? Qt::Checked : Qt::Unchecked);
        list_->addItem(item);
    }
}

}  // namespace views
}  // namespace logonet
