// The scan table's curation actions in the real main window: set split and modality of the
// selected rows, attach a label file to the scan shown (and one on another grid refused with both
// grids), remove a scan after answering the question (Cancel keeps it), and deal the project
// into k folds through the dialog. Results are read back from the project database through a
// second, shared connection.
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "browser/ScanActions.h"
#include "browser/ScanBrowser.h"
#include "io/ImageWriter.h"
#include "mainwindow/DemoProject.h"
#include "mainwindow/MainWindow.h"
#include "project/Project.h"
#include "render3d/VolumeView3D.h"

using namespace logonet;
using namespace logonet::views;

namespace {

// The scans as another process sees them: a second connection to the database.
std::vector<ScanRecord> storedScans(const QString& dir) {
    return Project::open(dir.toStdString(), Project::Access::Shared).scans();
}

void selectScans(ScanBrowser* browser, const QVector<qint64>& ids) {
    QTableView* table = browser->table();
    table->clearSelection();
    const auto* proxy = qobject_cast<const QSortFilterProxyModel*>(table->model());
    for (const qint64 id : ids) {
        const QModelIndex source = browser->model()->index(browser->model()->rowOfScan(id), 0);
        table->selectionModel()->select(proxy->mapFromSource(source),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

QString cellText(ScanBrowser* browser, qint64 id, int column) {
    return browser->model()
        ->data(browser->model()->index(browser->model()->rowOfScan(id), column), Qt::DisplayRole)
        .toString();
}

// The dialog an action opened (window-modal, not blocking), once it is shown; null if it has not
// come after 30 s (a bound for a dialog that never comes, not a speed expected of the machine).
template <typename Dialog>
Dialog* openDialog(QWidget* window, const char* name) {
    Dialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            dialog = window->findChild<Dialog*>(QString::fromLatin1(name));
            return dialog != nullptr && dialog->isVisible();
        },
        30000);
    return shown ? dialog : nullptr;
}

}  // namespace

class TestScanActions : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString projectDir_;
    std::unique_ptr<MainWindow> window_;
    ScanActions* actions_ = nullptr;

  private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        projectDir_ = dir_.filePath("demo");
        DemoProjectOptions options;
        options.cases = 4;
        options.size = {32, 32, 20};
        createDemoProject(projectDir_.toStdString(), options);
        VolumeView3D::prepareSurfaceFormat();
        window_ = std::make_unique<MainWindow>();
        window_->setQuietErrors(true);
        window_->resize(1200, 800);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QVERIFY(window_->openProject(projectDir_));
        actions_ = window_->findChild<ScanActions*>();
        QVERIFY(actions_);
        // They are in the table's context menu.
        const QList<QAction*> menu = window_->browser()->table()->actions();
        QVERIFY(menu.contains(actions_->removeAction()));
        QVERIFY(menu.contains(actions_->attachLabelsAction()));
        QVERIFY(menu.contains(actions_->foldsAction()));
    }

    void splitAndModalityOfTheSelectedRows() {
        selectScans(window_->browser(), {1, 2});
        actions_->splitAction("val")->trigger();
        actions_->modalityAction("MR")->trigger();
        std::vector<ScanRecord> scans = storedScans(projectDir_);
        QCOMPARE(scans[0].split, std::string("val"));
        QCOMPARE(scans[1].split, std::string("val"));
        QCOMPARE(scans[2].split, std::string("train"));
        QCOMPARE(scans[0].modality, std::string("MR"));
        QCOMPARE(scans[2].modality, std::string("CT"));
        QCOMPARE(cellText(window_->browser(), 2, ScanTableModel::Modality), QString("MR"));
        selectScans(window_->browser(), {2});
        actions_->splitAction("train")->trigger();
        QCOMPARE(storedScans(projectDir_)[1].split, std::string("train"));
    }

    void attachLabelFileThroughTheDialog() {
        const ScanRecord unlabeled = storedScans(projectDir_)[2];
        QVERIFY(!unlabeled.labeled);
        QVERIFY(window_->showScan(unlabeled.id));
        // Another scan's labels: the demo cases share one grid.
        const QString labels =
            projectDir_ + "/" +
            QString::fromStdString(Project::open(projectDir_.toStdString(), Project::Access::Shared)
                                       .labelVersions(1)
                                       .front()
                                       .path);
        actions_->attachLabelsAction()->trigger();
        auto* dialog = openDialog<QFileDialog>(window_.get(), "attachLabelFileDialog");
        QVERIFY(dialog);
        dialog->selectFile(labels);
        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QPushButton* open = buttons->button(QDialogButtonBox::Open);
        QVERIFY(open && open->isEnabled());
        QTest::mouseClick(open, Qt::LeftButton);
        QTRY_VERIFY(storedScans(projectDir_)[2].labeled);
        QCOMPARE(cellText(window_->browser(), unlabeled.id, ScanTableModel::Labeled),
                 QString("yes"));
        QVERIFY(window_->currentVersion().has_value());

        // A label map on another grid is refused, both grids named.
        LabelVolume other(ImageGeometry{{16, 16, 10}, {2.0, 2.0, 2.0}}, 0);
        const QString wrong = dir_.filePath("wrong.nii.gz");
        writeLabelMap(other, wrong.toStdString());
        const size_t versions = Project::open(projectDir_.toStdString(), Project::Access::Shared)
                                    .labelVersions(unlabeled.id)
                                    .size();
        QVERIFY(!actions_->attachLabelFile(unlabeled.id, wrong));
        QVERIFY2(actions_->lastError().contains("the label file has size 16x16x10, spacing 2x2x2"),
                 qPrintable(actions_->lastError()));
        QVERIFY2(actions_->lastError().contains("the scan has size 32x32x20"),
                 qPrintable(actions_->lastError()));
        QCOMPARE(Project::open(projectDir_.toStdString(), Project::Access::Shared)
                     .labelVersions(unlabeled.id)
                     .size(),
                 versions);
        auto* warning = openDialog<QMessageBox>(window_.get(), "");
        QVERIFY(warning);
        warning->close();
    }

    void removeAsksFirst() {
        const ScanRecord doomed = storedScans(projectDir_)[3];
        const QString file = projectDir_ + "/" + QString::fromStdString(doomed.path);
        QVERIFY(QFile::exists(file));
        selectScans(window_->browser(), {doomed.id});

        actions_->removeAction()->trigger();
        auto* question = openDialog<QMessageBox>(window_.get(), "removeScansQuestion");
        QVERIFY(question);
        QVERIFY2(question->text().contains(QString::fromStdString(doomed.path)),
                 qPrintable(question->text()));
        QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!window_->findChild<QMessageBox*>("removeScansQuestion"));
        QCOMPARE(storedScans(projectDir_).size(), size_t(4));

        selectScans(window_->browser(), {doomed.id});
        actions_->removeAction()->trigger();
        question = openDialog<QMessageBox>(window_.get(), "removeScansQuestion");
        QVERIFY(question);
        auto* confirm = question->findChild<QPushButton*>("confirmRemove");
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_COMPARE(storedScans(projectDir_).size(), size_t(3));
        QVERIFY(!QFile::exists(file));
        QCOMPARE(window_->browser()->visibleRowCount(), 3);
    }

    void foldsThroughTheDialog() {
        // Scans 1-3 remain, none in test: 2 folds of sizes 2 and 1.
        actions_->foldsAction()->trigger();
        auto* dialog = openDialog<QInputDialog>(window_.get(), "foldsDialog");
        QVERIFY(dialog);
        dialog->setIntValue(2);
        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(storedScans(projectDir_)[0].fold >= 0);
        int counts[2] = {0, 0};
        for (const ScanRecord& scan : storedScans(projectDir_)) {
            QVERIFY(scan.fold == 0 || scan.fold == 1);
            ++counts[scan.fold];
            QCOMPARE(cellText(window_->browser(), scan.id, ScanTableModel::Fold),
                     QString::number(scan.fold + 1));
        }
        QCOMPARE(counts[0] + counts[1], 3);
        QVERIFY(std::abs(counts[0] - counts[1]) == 1);
        // More folds than scans: refused, the folds stay.
        QVERIFY(!actions_->assignFolds(5));
        QVERIFY2(actions_->lastError().contains("cannot make 5 folds of 3 non-test scan(s)"),
                 qPrintable(actions_->lastError()));
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestScanActions)
#include "test_scan_actions.moc"
