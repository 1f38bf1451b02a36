// The import dialog turns its controls into ImportOptions; the shortcuts dialog lists the keys.
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>

#include "dialogs/ImportDialog.h"
#include "dialogs/ShortcutsDialog.h"

using namespace logonet;
using namespace logonet::views;

class TestDialogs : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void importDialogBuildsOptions() {
        ImportDialog dialog;
        QVERIFY(dialog.paths().empty());
        auto* labelFolder = dialog.findChild<QLineEdit*>();
        auto* unlabeled = dialog.findChild<QCheckBox*>();
        auto* split = dialog.findChild<QComboBox*>();
        QVERIFY(labelFolder && unlabeled && split);
        labelFolder->setText("/data/labels");
        split->setCurrentIndex(1);
        ImportOptions options = dialog.options();
        QCOMPARE(QString::fromStdString(options.labelsDir), QString("/data/labels"));
        QCOMPARE(QString::fromStdString(options.split), QString("val"));
        QVERIFY(!options.unlabeled);
        unlabeled->setChecked(true);
        QVERIFY(!labelFolder->isEnabled());
        options = dialog.options();
        QVERIFY(options.unlabeled);
        QVERIFY(options.labelsDir.empty());
    }

    void shortcutsDialogListsKeys() {
        ShortcutsDialog dialog;
        auto* table = dialog.findChild<QTableWidget*>();
        QVERIFY(table);
        QVERIFY(table->rowCount() >= 10);
        bool pageUp = false;
        for (int row = 0; row < table->rowCount(); ++row) {
            pageUp = pageUp || table->item(row, 0)->text().contains("Page Up");
        }
        QVERIFY(pageUp);
    }
};

QTEST_MAIN(TestDialogs)
#include "test_dialogs.moc"
