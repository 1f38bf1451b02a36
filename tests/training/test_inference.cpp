#include <QtTest/QtTest>

#include "inference/SlidingWindowInference.h"

using namespace logonet::training;

namespace {

// The "identity model": returns its input, so the blended output must be the input again.
torch::Tensor identity(const torch::Tensor& windows) {
    return windows.clone();
}

}  // namespace

class InferenceTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void windowStartsCoverEveryVoxel() {
        QCOMPARE(windowStarts(96, 96, 0.5), (std::vector<int64_t>{0}));
        QCOMPARE(windowStarts(40, 96, 0.5), (std::vector<int64_t>{0}));
        QCOMPARE(windowStarts(100, 32, 0.5), (std::vector<int64_t>{0, 16, 32, 48, 64, 68}));
        QCOMPARE(windowStarts(64, 32, 0.0), (std::vector<int64_t>{0, 32}));
    }

    void identityModelReproducesTheInput_data() {
        QTest::addColumn<int>("blend");
        QTest::addColumn<double>("overlap");
        QTest::addColumn<bool>("mirror");
        QTest::newRow("gaussian 0.5") << 0 << 0.5 << false;
        QTest::newRow("constant 0.5") << 1 << 0.5 << false;
        QTest::newRow("gaussian 0.75") << 0 << 0.75 << false;
        QTest::newRow("constant 0") << 1 << 0.0 << false;
        QTest::newRow("gaussian mirrored") << 0 << 0.5 << true;
    }

    void identityModelReproducesTheInput() {
        QFETCH(int, blend);
        QFETCH(double, overlap);
        QFETCH(bool, mirror);
        SlidingWindowOptions options;
        options.roi = {8, 12, 16};
        options.overlap = overlap;
        options.blend = blend == 0 ? BlendMode::Gaussian : BlendMode::Constant;
        options.windowBatch = 3;
        options.mirror = mirror;
        // Sizes that are not multiples of the window, and one axis smaller than it.
        const torch::Tensor input = torch::rand({1, 2, 21, 9, 37});
        const torch::Tensor output = slidingWindowInference(input, identity, options);
        QCOMPARE(output.sizes(), input.sizes());
        QVERIFY((output - input).abs().max().item<double>() < 1e-5);
    }

    void blendingWeighsWindowsByTheImportanceMap() {
        // A model that outputs a constant per window (its first voxel's value) reveals the
        // weights: with two windows overlapping, the overlap gets a weighted mean.
        SlidingWindowOptions options;
        options.roi = {1, 1, 8};
        options.overlap = 0.5;
        options.blend = BlendMode::Constant;
        torch::Tensor input = torch::zeros({1, 1, 1, 1, 12});
        input.index_put_({0, 0, 0, 0, torch::indexing::Slice(4, 12)}, 1.0);
        // Windows start at 0 and 4: the first sees 0 at its start, the second 1.
        auto firstVoxel = [](const torch::Tensor& w) {
            return w
                .index({torch::indexing::Slice(), torch::indexing::Slice(),
                        torch::indexing::Slice(0, 1), torch::indexing::Slice(0, 1),
                        torch::indexing::Slice(0, 1)})
                .expand_as(w)
                .clone();
        };
        const torch::Tensor out = slidingWindowInference(input, firstVoxel, options);
        QCOMPARE(out[0][0][0][0][0].item<float>(), 0.0f);   // only window 1
        QCOMPARE(out[0][0][0][0][6].item<float>(), 0.5f);   // both, equal weights
        QCOMPARE(out[0][0][0][0][11].item<float>(), 1.0f);  // only window 2
    }

    void gaussianMapIsPositiveAndPeaksInTheCentre() {
        const torch::Tensor map = importanceMap({9, 9, 9}, BlendMode::Gaussian);
        QVERIFY(map.min().item<float>() > 0.0f);
        QCOMPARE(map[4][4][4].item<float>(), 1.0f);
        QVERIFY(map[0][0][0].item<float>() < map[2][2][2].item<float>());
    }

    void badCallsAreRejected() {
        SlidingWindowOptions options;
        options.roi = {4, 4, 4};
        options.overlap = 1.0;
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            slidingWindowInference(torch::rand({1, 1, 8, 8, 8}), identity, options));
        options.overlap = 0.5;
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            slidingWindowInference(torch::rand({2, 1, 8, 8, 8}), identity, options));
    }
};

QTEST_GUILESS_MAIN(InferenceTest)
#include "test_inference.moc"
