#include <QtTest>

#include <torch/torch.h>

#include "blocks/CountedConv.h"
#include "depthwise/DepthwiseConv3d.h"
#include "depthwise/DepthwiseConvComparison.h"
#include "depthwise/DepthwiseConvFunction.h"
#include "depthwise/PaddedPlaneLayout.h"

using namespace logonet::model;

namespace {

double maxRelativeDifference(const torch::Tensor& a, const torch::Tensor& b) {
    const double scale = std::max(1e-12, b.abs().max().item<double>());
    return (a - b).abs().max().item<double>() / scale;
}

struct Case {
    int64_t batch, channels, depth, height, width, kernel, dilation;
};

}  // namespace

// The fast depthwise convolution against torch::conv3d(groups = channels): values and the
// gradients of input, weight and bias, on random data.
class TestDepthwiseConv : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { torch::manual_seed(7); }

    void matchesConv3dValuesAndGradients_data() {
        QTest::addColumn<int>("index");
        for (int i = 0; i < 12; ++i) {
            QTest::newRow(std::to_string(i).c_str()) << i;
        }
    }

    void matchesConv3dValuesAndGradients() {
        QFETCH(int, index);
        // Odd sizes, kernels 3/5/7, dilations 1/3, several channel counts; some inputs smaller
        // than the dilated kernel span so that whole taps fall into the padding.
        const std::vector<Case> cases = {
            {1, 1, 5, 7, 9, 3, 1},
            {2, 3, 7, 6, 5, 5, 1},
            {1, 4, 9, 8, 11, 7, 3},
            {2, 2, 5, 5, 5, 7, 3},
            {1, 5, 6, 9, 7, 3, 3},
            {1, 8, 11, 7, 13, 5, 3},
            {2, 6, 3, 4, 5, 7, 1},
            {1, 16, 12, 12, 12, 3, 1},
            // LoGoNet's shapes: the 7^3 kernel dilated by 3 on 12^3 and 3^3 maps (most taps in
            // the padding), widths above and below one vector, and a 3^3 kernel on a 1-voxel map.
            {1, 32, 12, 12, 12, 7, 3},
            {1, 24, 3, 3, 3, 7, 3},
            {1, 3, 6, 5, 21, 5, 1},
            {1, 4, 1, 1, 1, 3, 1},
        };
        const Case c = cases[index];
        for (const auto dtype : {torch::kDouble, torch::kFloat}) {
            const auto options = torch::TensorOptions().dtype(dtype);
            const int64_t padding = c.dilation * (c.kernel - 1) / 2;
            torch::Tensor input =
                torch::randn({c.batch, c.channels, c.depth, c.height, c.width}, options)
                    .requires_grad_(true);
            torch::Tensor weight =
                torch::randn({c.channels, 1, c.kernel, c.kernel, c.kernel}, options)
                    .requires_grad_(true);
            torch::Tensor bias = torch::randn({c.channels}, options).requires_grad_(true);
            const torch::Tensor upstream =
                torch::randn({c.batch, c.channels, c.depth, c.height, c.width}, options);

            QVERIFY(depthwiseConvFastPathApplies(input));
            const torch::Tensor fast =
                depthwiseConv3dFast(input, weight, bias, padding, c.dilation);
            const auto fastGrads = torch::autograd::grad({fast}, {input, weight, bias}, {upstream});
            const torch::Tensor plain =
                torch::conv3d(input, weight, bias, 1, padding, c.dilation, c.channels);
            const auto plainGrads =
                torch::autograd::grad({plain}, {input, weight, bias}, {upstream});

            const double tolerance = dtype == torch::kDouble ? 1e-10 : 2e-5;
            QCOMPARE(fast.sizes(), plain.sizes());
            QVERIFY2(maxRelativeDifference(fast, plain) < tolerance, "output differs");
            QVERIFY2(maxRelativeDifference(fastGrads[0], plainGrads[0]) < tolerance,
                     "input gradient differs");
            QVERIFY2(maxRelativeDifference(fastGrads[1], plainGrads[1]) < tolerance,
                     "weight gradient differs");
            QVERIFY2(maxRelativeDifference(fastGrads[2], plainGrads[2]) < tolerance,
                     "bias gradient differs");
        }
    }

    void moduleFastAndPlainPathsAgree() {
        DepthwiseConv3d fast(DepthwiseConv3dOptions(6, 7, 3).fast(true));
        DepthwiseConv3d plain(DepthwiseConv3dOptions(6, 7, 3).fast(false));
        {
            torch::NoGradGuard noGrad;
            plain->weight.copy_(fast->weight);
            plain->bias.copy_(fast->bias);
        }
        const torch::Tensor input = torch::randn({2, 6, 10, 9, 8});
        const torch::Tensor a = fast(input);
        const torch::Tensor b = plain(input);
        QCOMPARE(a.sizes(), input.sizes());
        QVERIFY(maxRelativeDifference(a, b) < 2e-5);
        // The cost of the last call: 10*9*8 voxels x 6 channels x 7^3 taps.
        QCOMPARE(fast->lastMacs(), int64_t(10 * 9 * 8 * 6 * 343));
    }

    // The padded layout keeps only the taps that reach the input, with just their padding.
    void paddedLayoutKeepsTheTapsThatReachTheInput() {
        // 7^3 dilated by 3 ("same" padding 9) on 3 voxels: only the centre tap reaches the input.
        const AxisPlan small = planAxis(3, 7, 9, 3);
        QCOMPARE(small.output, int64_t(3));
        QCOMPARE(small.tapBegin, int64_t(3));
        QCOMPARE(small.tapEnd, int64_t(4));
        QCOMPARE(small.padded(), int64_t(3));
        // On 12 voxels every tap reaches it and the full padding is needed.
        const AxisPlan large = planAxis(12, 7, 9, 3);
        QCOMPARE(large.tapBegin, int64_t(0));
        QCOMPARE(large.tapEnd, int64_t(7));
        QCOMPARE(large.padLow, int64_t(9));
        QCOMPARE(large.padHigh, int64_t(9));
        // 5^3 on 6 voxels: taps at offsets -2..2 all reach it.
        const PaddedPlaneLayout layout(6, 6, 6, 5, 2, 1);
        QCOMPARE(layout.rowStride(), int64_t(10));
        QCOMPARE(layout.tapOffsets.size(), size_t(25));
        QCOMPARE(layout.tapOffsets.back(), int64_t(4 * 10 + 4));
        int64_t begin = 0;
        int64_t end = 0;
        layout.depthTaps(0, begin, end);
        QCOMPARE(begin, int64_t(2));
        QCOMPARE(end, int64_t(5));
        QVERIFY_EXCEPTION_THROWN(planAxis(2, 7, 0, 3), std::invalid_argument);
    }

    // Dense convolutions of the fast path go to oneDNN on the CPU; values and gradients must be
    // those of torch::conv3d.
    void denseConvolutionFastPathMatchesConv3d() {
        Conv3dLayer conv(torch::nn::Conv3dOptions(6, 5, 3).padding(1).stride(2));
        const torch::Tensor input = torch::randn({1, 6, 9, 8, 7}).requires_grad_(true);
        QVERIFY(conv->fast());
        const torch::Tensor fast = conv(input);
        const auto fastGrads = torch::autograd::grad({fast.square().sum()}, {input, conv->weight});
        setFastDenseConvolutions(*conv, false);
        QVERIFY(!conv->fast());
        const torch::Tensor plain = conv(input);
        const auto plainGrads =
            torch::autograd::grad({plain.square().sum()}, {input, conv->weight});
        QCOMPARE(fast.sizes(), plain.sizes());
        QVERIFY(maxRelativeDifference(fast, plain) < 1e-5);
        QVERIFY(maxRelativeDifference(fastGrads[0], plainGrads[0]) < 1e-5);
        QVERIFY(maxRelativeDifference(fastGrads[1], plainGrads[1]) < 1e-5);
        QCOMPARE(conv->lastMacs(), int64_t(5 * 4 * 4 * 5 * 6 * 27));
    }

    void parallelAndSerialResultsAreIdentical() {
        const torch::Tensor input = torch::randn({1, 8, 13, 11, 9});
        const torch::Tensor weight = torch::randn({8, 1, 5, 5, 5});
        const torch::Tensor bias = torch::randn({8});
        const int threads = at::get_num_threads();
        at::set_num_threads(1);
        const torch::Tensor serial = depthwiseConv3dFast(input, weight, bias, 2, 1);
        at::set_num_threads(2);
        const torch::Tensor parallel = depthwiseConv3dFast(input, weight, bias, 2, 1);
        at::set_num_threads(threads);
        QVERIFY(torch::equal(serial, parallel));
    }

    // `logonet bench depthwise` (what a GPU machine runs to check the CUDA kernels) on the CPU:
    // float results carry measurable rounding against the float64 reference, double ones none
    // worth the name, and every problem passes its type's tolerance.
    void comparisonAgainstFloat64Reference() {
        const std::string cpu = "cpu";
        const auto problems = depthwiseAccuracyProblems(cpu);
        QCOMPARE(problems.size(), size_t(10));
        for (const auto& problem : problems) {
            const DepthwiseComparison c = compareDepthwiseConv(problem, cpu, 0);
            QVERIFY2(c.withinTolerance, problem.describe().c_str());
            if (problem.type == "float32") {
                QVERIFY(c.outputError > 1e-9 && c.outputError < 1e-5);
                QVERIFY(c.weightGradientError > 1e-9 && c.weightGradientError < 1e-4);
            } else {
                QVERIFY(c.outputError < 1e-12 && c.inputGradientError < 1e-12);
            }
        }
        const DepthwiseComparison timed = compareDepthwiseConv(problems.front(), cpu, 1);
        QVERIFY(timed.fastForwardMs > 0 && timed.plainForwardMs > 0 && timed.fastStepMs > 0);
    }

    void comparisonRefusesATypeTheKernelsDoNotTake() {
        DepthwiseProblem half;
        half.type = "float16";  // the CPU kernels take float and double only
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, compareDepthwiseConv(half, "cpu", 0));
    }
};

QTEST_APPLESS_MAIN(TestDepthwiseConv)
#include "test_depthwise_conv.moc"
