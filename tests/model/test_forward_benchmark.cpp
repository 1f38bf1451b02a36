// The forward benchmark behind `logonet bench forward`: the fast and the plain network get the
// same weights, so their outputs (and input gradients) agree; each profiled path gets its tables.
#include <QtTest>

#include "bench/ForwardBenchmark.h"

using namespace logonet::model;

class TestForwardBenchmark : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void fastAndPlainAgreeOnATrainingStep() {
        ForwardBenchmarkOptions options;
        options.architecture = "logonet-tiny";
        options.outChannels = 3;
        options.roi = {32, 32, 32};
        options.repeats = 1;
        options.batch = 2;  // batch statistics need more than one value per channel
        options.backward = true;
        options.profile = true;
        const ForwardBenchmarkResult result = runForwardBenchmark(options);
        QVERIFY(result.fastMs > 0 && result.plainMs > 0);
        QVERIFY(result.fastBackwardMs > 0 && result.plainBackwardMs > 0);
        QCOMPARE(result.speedup, result.plainMs / result.fastMs);
        QVERIFY2(result.maxRelativeDifference < 1e-3,
                 qPrintable(QString::number(result.maxRelativeDifference)));
        QVERIFY2(result.maxRelativeInputGradientDifference < 1e-3,
                 qPrintable(QString::number(result.maxRelativeInputGradientDifference)));
        QCOMPARE(result.profiles.size(), size_t{2});
        QCOMPARE(QString::fromStdString(result.profiles[0].path), QString("fast"));
        QCOMPARE(QString::fromStdString(result.profiles[1].path), QString("plain"));
        for (const ProfiledPath& profile : result.profiles) {
            QVERIFY(QString::fromStdString(profile.byOperator).startsWith("   self ms"));
            QVERIFY(QString::fromStdString(profile.byOperatorAndShapes).contains("["));
        }
    }

    void fastOnlyTimesOneNetwork() {
        ForwardBenchmarkOptions options;
        options.architecture = "logonet-tiny";
        options.outChannels = 3;
        options.roi = {32, 32, 32};
        options.repeats = 1;
        options.fastOnly = true;
        options.profile = true;
        const ForwardBenchmarkResult result = runForwardBenchmark(options);
        QVERIFY(result.fastMs > 0);
        QCOMPARE(result.plainMs, 0.0);
        QCOMPARE(result.fastBackwardMs, 0.0);
        QCOMPARE(result.profiles.size(), size_t{1});
    }

    void unknownArchitectureIsNamed() {
        ForwardBenchmarkOptions options;
        options.architecture = "resnet";
        options.roi = {32, 32, 32};
        try {
            runForwardBenchmark(options);
            QFAIL("no exception");
        } catch (const std::invalid_argument& error) {
            QVERIFY2(QString(error.what()).contains("resnet"), error.what());
        }
    }
};

QTEST_MAIN(TestForwardBenchmark)
#include "test_forward_benchmark.moc"
