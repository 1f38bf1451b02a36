// The QA review table: a row per case of a run's evaluation, worst mean Dice first, with the
// per-organ Dice and mean HD95 of the file; a click names the case and the organ of the column.
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <cmath>

#include "review/CaseReviewTable.h"
#include "review/ReviewTarget.h"

using namespace logonet::views;

namespace {

RunScores threeCases() {
    RunScores scores;
    scores.run = QStringLiteral("demo");
    scores.organs = {{QStringLiteral("liver"), 3, 0.7, 0.1, 5, 1},
                     {QStringLiteral("kidney"), 2, 0.5, 0.1, 9, 1}};
    const double missing = std::nan("");
    scores.cases["good"] = {{"liver", {0.9, 3.0}}, {"kidney", {0.8, 5.0}}};      // mean 0.85
    scores.cases["bad"] = {{"liver", {0.5, 10.0}}, {"kidney", {0.1, missing}}};  // mean 0.30
    scores.cases["middle"] = {{"liver", {0.7, 4.0}}};                            // mean 0.70
    scores.cases["unscored"] = {};
    return scores;
}

}  // namespace

class TestReview : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void worstCaseFirst() {
        CaseReviewTable table;
        table.setScores(threeCases());
        QCOMPARE(table.caseOrder(), QStringList({"bad", "middle", "good", "unscored"}));
        QTableWidget* cells = table.table();
        QCOMPARE(cells->columnCount(), 1 + 2 + 2);
        QCOMPARE(cells->horizontalHeaderItem(1)->text(), QStringLiteral("liver"));
        QCOMPARE(cells->item(0, 1)->data(Qt::UserRole).toDouble(), 0.5);
        QCOMPARE(cells->item(0, 2)->data(Qt::UserRole).toDouble(), 0.1);
        QCOMPARE(cells->item(0, 3)->data(Qt::UserRole).toDouble(), 0.3);
        // The missed kidney has no HD95: the mean is over the finite one.
        QCOMPARE(cells->item(0, 4)->data(Qt::UserRole).toDouble(), 10.0);
        QCOMPARE(cells->item(1, 2)->text(), QStringLiteral("-"));  // middle has no kidney
        QCOMPARE(cells->item(2, 4)->data(Qt::UserRole).toDouble(), 4.0);
    }

    void largestErrorSliceCountsFalsePositivesAndNegatives() {
        logonet::ImageGeometry geometry;
        geometry.size = {4, 3, 5};
        logonet::LabelVolume truth(geometry, 0), prediction(geometry, 0);
        // Slice k = 1: one false negative; k = 3: three false positives; other organ ignored.
        truth.at(0, 0, 1) = 6;
        prediction.at(0, 0, 3) = 6;
        prediction.at(1, 0, 3) = 6;
        prediction.at(2, 2, 3) = 6;
        truth.at(0, 0, 4) = 2;
        prediction.at(1, 1, 4) = 2;
        prediction.at(2, 1, 4) = 2;
        prediction.at(3, 1, 4) = 2;
        prediction.at(0, 2, 4) = 2;
        QCOMPARE(largestErrorSlice(prediction, truth, 6, 2), qint64{3});
        QCOMPARE(largestErrorSlice(prediction, truth, 6, 0), qint64{0});  // x = 0 has 2 errors
        QCOMPARE(largestErrorSlice(prediction, truth, 2, 2), qint64{4});
        QCOMPARE(largestErrorSlice(truth, truth, 6, 2), qint64{-1});
        logonet::ImageGeometry other = geometry;
        other.size = {4, 3, 4};
        QCOMPARE(largestErrorSlice(logonet::LabelVolume(other, 0), truth, 6, 2), qint64{-1});
    }

    void clickNamesCaseAndOrgan() {
        CaseReviewTable table;
        table.setScores(threeCases());
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        QSignalSpy chosen(&table, &CaseReviewTable::caseChosen);
        QTableWidget* cells = table.table();
        const QRect cell = cells->visualItemRect(cells->item(1, 2));
        QTest::mouseClick(cells->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen[0][0].toString(), QStringLiteral("middle"));
        QCOMPARE(chosen[0][1].toString(), QStringLiteral("kidney"));
        const QRect mean = cells->visualItemRect(cells->item(0, 3));
        QTest::mouseClick(cells->viewport(), Qt::LeftButton, {}, mean.center());
        QCOMPARE(chosen.size(), 2);
        QCOMPARE(chosen[1][0].toString(), QStringLiteral("bad"));
        QVERIFY(chosen[1][1].toString().isEmpty());
    }
};

QTEST_MAIN(TestReview)
#include "test_review.moc"
