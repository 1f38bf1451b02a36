// The forward benchmark behind `logonet bench forward`: the fast and the plain network get the
// same weights, so their outputs (and input gradients) agree as closely as float32 allows; each
// profiled path gets its tables.
#include <QtTest>

#include <algorithm>

#include "bench/ForwardBenchmark.h"

using namespace logonet::model;

namespace {

// A wrong index or a wrong gradient formula errs by O(1). Float32 rounding errs by far less, but
// a train-mode step of logonet-tiny on 32^3 with batch 2 is ill-conditioned (batch norm over two
// voxels per channel at the deepest stage): moving the input by a relative 1e-6 moves the plain
// path's input gradient by 1e-3, and the fast path, which rounds differently (channels-last
// oneDNN), lands 4.3e-3 from float64 where the plain one happens to land 7.7e-5 from it (at 32^3
// with batch 4 the plain path errs more than the fast one). So each float32 path is measured
// against float64, and the fast one may err at most ten times as much as the plain one or as
// the problem's own float32 noise floor, whichever is larger.
bool asAccurateAsPlain(double fastError, double plainError, double sensitivity) {
    return fastError <= 10 * std::max({plainError, sensitivity, 1e-5});
}

}  // namespace

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
        options.float64Reference = true;
        const ForwardBenchmarkResult result = runForwardBenchmark(options);
        QVERIFY(result.fastMs > 0 && result.plainMs > 0);
        QVERIFY(result.fastBackwardMs > 0 && result.plainBackwardMs > 0);
        QCOMPARE(result.speedup, result.plainMs / result.fastMs);
        const QString errors =
            QString(
                "output: fast %1, plain %2, noise floor %3; input gradient: fast %4, plain "
                "%5, noise floor %6; fast against plain %7 and %8")
                .arg(result.fastOutputError)
                .arg(result.plainOutputError)
                .arg(result.outputSensitivity)
                .arg(result.fastInputGradientError)
                .arg(result.plainInputGradientError)
                .arg(result.inputGradientSensitivity)
                .arg(result.maxRelativeDifference)
                .arg(result.maxRelativeInputGradientDifference);
        qInfo().noquote() << "error against float64," << errors;
        // The oracle itself: LibTorch's float32 path is close to float64, and not identical
        // (a float64 pass that silently ran in float32 would show 0).
        QVERIFY2(result.plainOutputError > 0 && result.plainOutputError < 1e-2, qPrintable(errors));
        QVERIFY2(result.plainInputGradientError > 0 && result.plainInputGradientError < 1e-1,
                 qPrintable(errors));
        QVERIFY2(result.outputSensitivity > 0 && result.inputGradientSensitivity > 0,
                 qPrintable(errors));
        QVERIFY2(asAccurateAsPlain(result.fastOutputError, result.plainOutputError,
                                   result.outputSensitivity),
                 qPrintable(errors));
        QVERIFY2(asAccurateAsPlain(result.fastInputGradientError, result.plainInputGradientError,
                                   result.inputGradientSensitivity),
                 qPrintable(errors));
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
