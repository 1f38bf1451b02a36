// The QA review mode: true positives, false positives and false negatives in their colours on
// the grabbed pixels of a hand-made case (one organ or all), side by side with a linked cursor,
// and in the main window the jump from a run's review table to the scan, the organ and the slice
// of the largest error, the reviewer's verdict stored in the project, and "Correct".
#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "common/IntensityWindow.h"
#include "common/SliceCursor.h"
#include "mainwindow/DemoProject.h"
#include "mainwindow/MainWindow.h"
#include "project/Project.h"
#include "render3d/VolumeView3D.h"
#include "review/CaseReviewTable.h"
#include "review/LabelComparison.h"
#include "review/ReviewStatusBar.h"
#include "review/ReviewView.h"
#include "reviews/ReviewStore.h"
#include "runs/RunsPanel.h"
#include "slices/SliceView.h"

using namespace logonet;
using namespace logonet::views;

namespace {

constexpr LabelValue kLiver = 6;
constexpr LabelValue kKidney = 2;

enum class Hue { Grey, Green, Red, Yellow, Other };

Hue hueOf(QRgb c) {
    const int r = qRed(c), g = qGreen(c), b = qBlue(c);
    if (std::abs(r - g) < 8 && std::abs(g - b) < 8) {
        return Hue::Grey;
    }
    if (g > r + 40 && g > b + 40) {
        return Hue::Green;
    }
    if (r > g + 60 && r > b + 60) {
        return Hue::Red;
    }
    if (r > b + 60 && g > b + 60) {
        return Hue::Yellow;
    }
    return Hue::Other;
}

// The colour on screen at the centre of voxel (i, j) of the view's slice.
QRgb pixelAt(SliceView* view, int64_t i, int64_t j) {
    const QImage shot = view->grab().toImage();
    const QPoint p = view->widgetPosition({i, j, view->sliceIndex()}).toPoint();
    return shot.pixel(p);
}

}  // namespace

class TestReviewMode : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;

  private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void comparisonCountsEachKind() {
        ImageGeometry g;
        g.size = {3, 1, 1};
        LabelVolume reference(g, 0), compared(g, 0);
        reference.at(0, 0, 0) = kLiver;  // TP
        compared.at(0, 0, 0) = kLiver;
        compared.at(1, 0, 0) = kLiver;   // FP
        reference.at(2, 0, 0) = kLiver;  // FN
        ComparisonCounts counts;
        const LabelVolume c = compareLabels(compared, reference, kLiver, &counts);
        QCOMPARE(c.at(0, 0, 0), LabelValue(kTruePositive));
        QCOMPARE(c.at(1, 0, 0), LabelValue(kFalsePositive));
        QCOMPARE(c.at(2, 0, 0), LabelValue(kFalseNegative));
        QCOMPARE(counts.truePositives, int64_t(1));
        QCOMPARE(counts.falsePositives, int64_t(1));
        QCOMPARE(counts.falseNegatives, int64_t(1));
        // All organs: a wrong organ is a false positive.
        compared.at(2, 0, 0) = kKidney;
        QCOMPARE(compareLabels(compared, reference, 0).at(2, 0, 0), LabelValue(kFalsePositive));
        g.size = {2, 1, 1};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 compareLabels(LabelVolume(g, 0), reference, 0));
    }

    void coloursOnGrabbedPixels() {
        ImageGeometry g;
        g.size = {16, 16, 3};
        const ImageVolume image(g, 40.0f);
        LabelVolume reference(g, 0), compared(g, 0);
        // On slice 1: liver TP at (2, 2), FP at (12, 3), FN at (3, 12); kidney agreed at (12, 12).
        reference.at(2, 2, 1) = compared.at(2, 2, 1) = kLiver;
        compared.at(12, 3, 1) = kLiver;
        reference.at(3, 12, 1) = kLiver;
        reference.at(12, 12, 1) = compared.at(12, 12, 1) = kKidney;
        SliceCursor cursor;
        IntensityWindow window;
        ReviewView review(&cursor, &window);
        review.resize(700, 600);
        review.setCase(image, reference, compared, LabelSet::btcv(), "ground truth", "prediction");
        cursor.setGeometry(g);
        cursor.setVoxel({8, 8, 1});
        review.show();
        QVERIFY(QTest::qWaitForWindowExposed(&review));
        SliceView* view = review.comparisonView();
        QVERIFY(view->isVisible());
        QCOMPARE(view->sliceIndex(), int64_t(1));
        QCOMPARE(hueOf(pixelAt(view, 2, 2)), Hue::Green);
        QCOMPARE(hueOf(pixelAt(view, 12, 3)), Hue::Red);
        QCOMPARE(hueOf(pixelAt(view, 3, 12)), Hue::Yellow);
        QCOMPARE(hueOf(pixelAt(view, 12, 12)), Hue::Green);  // all organs: kidney agreed
        QCOMPARE(hueOf(pixelAt(view, 5, 5)), Hue::Grey);
        QCOMPARE(review.counts().falseNegatives, int64_t(1));

        review.setOrgan(kLiver);
        QCOMPARE(hueOf(pixelAt(view, 12, 12)), Hue::Grey);  // the kidney is not reviewed now
        QCOMPARE(hueOf(pixelAt(view, 2, 2)), Hue::Green);
        QCOMPARE(hueOf(pixelAt(view, 3, 12)), Hue::Yellow);

        // Side by side: the missed voxel is coloured in the reference only; one cursor for both.
        review.setMode(ReviewView::Mode::SideBySide);
        QVERIFY(review.referenceView()->isVisible() && review.comparedView()->isVisible());
        QVERIFY(!view->isVisible());
        QVERIFY(hueOf(pixelAt(review.referenceView(), 3, 12)) != Hue::Grey);
        QCOMPARE(hueOf(pixelAt(review.comparedView(), 3, 12)), Hue::Grey);
        cursor.setAxisIndex(2, 2);
        QCOMPARE(review.referenceView()->sliceIndex(), int64_t(2));
        QCOMPARE(review.comparedView()->sliceIndex(), int64_t(2));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            review.setCase(image, LabelVolume(), compared, LabelSet::btcv(), "a", "b"));
    }

    void jumpReviewAndCorrectInTheWindow() {
        const QString projectDir = dir_.filePath("demo");
        DemoProjectOptions options;
        options.cases = 2;
        options.size = {48, 48, 32};
        createDemoProject(projectDir.toStdString(), options);
        int64_t scanId = 0, truthId = 0, predictionId = 0, worst = -1;
        QString caseName;
        {
            Project project = Project::open(projectDir.toStdString());
            const ScanRecord scan = project.scans().front();
            scanId = scan.id;
            caseName = QString::fromStdString(scan.name);
            truthId = project.currentLabels(scanId)->id;
            LabelVolume predicted = project.loadLabels(truthId);
            // The prediction misses the liver on the slice where it is largest.
            int64_t most = 0;
            for (int64_t k = 0; k < 32; ++k) {
                int64_t count = 0;
                for (int64_t j = 0; j < 48; ++j) {
                    for (int64_t i = 0; i < 48; ++i) {
                        count += predicted.at(i, j, k) == kLiver;
                    }
                }
                if (count > most) {
                    most = count;
                    worst = k;
                }
            }
            QVERIFY(worst >= 0);
            for (int64_t j = 0; j < 48; ++j) {
                for (int64_t i = 0; i < 48; ++i) {
                    if (predicted.at(i, j, worst) == kLiver) {
                        predicted.at(i, j, worst) = 0;
                    }
                }
            }
            predictionId = project.addLabelVersion(scanId, "prediction", predicted, "run-a").id;
        }
        QVERIFY(QDir().mkpath(projectDir + "/runs/run-a"));
        {
            QFile config(projectDir + "/runs/run-a/config.json");
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write(R"({"architecture":"logonet-tiny"})");
            QFile evaluation(projectDir + "/runs/run-a/evaluation.json");
            QVERIFY(evaluation.open(QIODevice::WriteOnly));
            evaluation.write(
                QJsonDocument(
                    QJsonObject{
                        {"classes", QJsonArray{QJsonObject{{"name", "liver"},
                                                           {"cases", 1},
                                                           {"dice_mean", 0.8},
                                                           {"dice_std", 0.0}}}},
                        {"cases",
                         QJsonObject{
                             {caseName, QJsonObject{{"liver", QJsonObject{{"dice", 0.8}}}}}}}})
                    .toJson());
        }

        VolumeView3D::prepareSurfaceFormat();
        MainWindow window;
        window.setQuietErrors(true);
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(projectDir));
        auto* runs = window.findChild<RunsPanel*>();
        QVERIFY(runs != nullptr);
        window.findChild<QDockWidget*>(QStringLiteral("runs"))->raise();
        runs->selectRuns({"run-a"});
        CaseReviewTable* table = runs->reviewTable();
        QCOMPARE(table->caseOrder(), QStringList({caseName}));
        qobject_cast<QTabWidget*>(table->parentWidget()->parentWidget())->setCurrentWidget(table);
        QTRY_VERIFY(table->isVisible());
        QTableWidget* cells = table->table();
        QCOMPARE(cells->horizontalHeaderItem(1)->text(), QStringLiteral("liver"));
        QTest::mouseClick(cells->viewport(), Qt::LeftButton, {},
                          cells->visualItemRect(cells->item(0, 1)).center());

        // The scan, the organ and the slice of the largest error.
        QCOMPARE(window.currentScan(), std::optional<qint64>(scanId));
        QCOMPARE(window.cursor()->voxel()[2], worst);
        ReviewView* review = window.reviewView();
        QTRY_VERIFY(review->isVisible());
        QCOMPARE(review->organ(), kLiver);
        QVERIFY(review->counts().falseNegatives > 0);
        QCOMPARE(review->counts().falsePositives, int64_t(0));
        QCOMPARE(review->comparisonView()->sliceIndex(), worst);
        const LabelVolume& comparison = review->comparison();
        int64_t missedHere = 0;
        for (int64_t j = 0; j < 48; ++j) {
            for (int64_t i = 0; i < 48; ++i) {
                missedHere += comparison.at(i, j, worst) == kFalseNegative;
            }
        }
        QCOMPARE(missedHere, review->counts().falseNegatives);

        // The verdict is stored for the prediction and shown again when it is reviewed again.
        ReviewStatusBar* status = window.reviewStatus();
        QCOMPARE(status->versionId(), std::optional<qint64>(predictionId));
        status->setStatus(ReviewStatus::NeedsCorrection);
        status->setComment(QStringLiteral("liver missed on one slice"));
        QTest::mouseClick(status->saveButton(), Qt::LeftButton);
        {
            Project shared = Project::open(projectDir.toStdString(), Project::Access::Shared);
            const auto latest = ReviewStore(shared.database()).latest(predictionId);
            QVERIFY(latest);
            QCOMPARE(latest->status, ReviewStatus::NeedsCorrection);
            QCOMPARE(latest->comment, std::string("liver missed on one slice"));
        }
        status->setStatus(ReviewStatus::Accepted);
        status->setComment(QString());
        QVERIFY(window.reviewVersions(truthId, predictionId));
        QCOMPARE(status->status(), ReviewStatus::NeedsCorrection);
        QCOMPARE(status->comment(), QStringLiteral("liver missed on one slice"));

        // "Correct" opens an editable copy of the prediction in the annotation tools.
        QTest::mouseClick(status->correctButton(), Qt::LeftButton);
        QVERIFY(window.currentVersion());
        {
            Project shared = Project::open(projectDir.toStdString(), Project::Access::Shared);
            const LabelVersionRecord correction = shared.labelVersion(*window.currentVersion());
            QCOMPARE(correction.kind, std::string("correction"));
            QCOMPARE(correction.parentVersionId, std::optional<int64_t>(predictionId));
        }
        QVERIFY(window.editAction()->isChecked());
    }
};

QTEST_MAIN(TestReviewMode)
#include "test_review_mode.moc"
