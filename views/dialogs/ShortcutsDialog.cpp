#include "dialogs/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace logonet {
namespace views {

ShortcutsDialog::ShortcutsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Keyboard and mouse shortcuts"));
    const std::pair<QString, QString> rows[] = {
        {tr("Left click / drag"), tr("Slice views: move the cursor (all views follow)")},
        {tr("Mouse wheel, Page Up/Down, Up/Down"), tr("Slice views: next / previous slice")},
        {tr("Right drag"), tr("Slice views: zoom about the pointer (up: in, down: out)")},
        {tr("Ctrl + mouse wheel, + / -"), tr("Slice views: zoom in / out")},
        {tr("Middle drag"), tr("Pan the view")},
        {tr("Shift + left drag"), tr("Slice views: window (left/right) and level (up/down)")},
        {tr("W / L boxes (Display tab)"), tr("Type the window width and level")},
        {tr("Home"), tr("Slice views: reset zoom and pan")},
        {tr("L"), tr("Show or hide the label overlay")},
        {tr("1 / 2 / 3 / 4"), tr("Window presets: abdomen, lung, bone, brain")},
        {tr("A"), tr("Automatic window (1st to 99th percentile)")},
        {tr("B / E / F / P"), tr("Annotation tools: brush, eraser, fill, polygon")},
        {tr("[ / ]"), tr("Smaller / larger brush")},
        {tr("Edit mode: left / right drag"), tr("Paint the active label / erase")},
        {tr("3D view: left drag"), tr("Rotate")},
        {tr("3D view: Shift + left drag, middle drag"), tr("Pan")},
        {tr("3D view: right drag, wheel"), tr("Zoom")},
        {tr("Ctrl+N / Ctrl+O / Ctrl+I / Ctrl+E"),
         tr("New project / open project / import / export mask")},
        {tr("Ctrl+L / Ctrl+S"), tr("Label editing on / off, save the labels as a new version")},
        {tr("Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y"), tr("Undo / redo a label edit")},
        {tr("F1"), tr("This list")},
        {tr("Ctrl+Q"), tr("Quit")},
    };
    auto* table = new QTableWidget(static_cast<int>(std::size(rows)), 2, this);
    table->setHorizontalHeaderLabels({tr("Key or gesture"), tr("Action")});
    for (int n = 0; n < static_cast<int>(std::size(rows)); ++n) {
        table->setItem(n, 0, new QTableWidgetItem(rows[n].first));
        table->setItem(n, 1, new QTableWidgetItem(rows[n].second));
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnToContents(0);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(box);
    resize(720, 480);
}

}  // namespace views
}  // namespace logonet
