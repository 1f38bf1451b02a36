#include <QtTest>

#include <torch/torch.h>

#include "RelativeDifference.h"
#include "blocks/DenseConv.h"
#include "blocks/DenseConvFunction.h"

using namespace logonet::model;

namespace {

struct Case {
    int64_t batch, inChannels, outChannels, depth, height, width;
    std::vector<int64_t> kernel, padding;
    bool bias;
};

const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        // LoGoNet's "same" 3^3 and 1^3 convolutions.
        {1, 4, 5, 6, 6, 6, {3, 3, 3}, {1, 1, 1}, true},
        {1, 6, 3, 5, 7, 4, {1, 1, 1}, {0, 0, 0}, true},
        // Batch 2, no bias, odd sizes.
        {2, 3, 4, 7, 5, 6, {3, 3, 3}, {1, 1, 1}, false},
        // Unpadded ("valid") and over-padded, so that the output box differs from the input.
        {1, 2, 3, 6, 7, 5, {3, 3, 3}, {0, 0, 0}, true},
        {2, 3, 2, 4, 4, 4, {3, 3, 3}, {2, 2, 2}, true},
        // A different kernel and padding per axis, and a 5^3 kernel on a map smaller than it.
        {1, 3, 4, 6, 5, 7, {3, 1, 5}, {1, 0, 2}, true},
        {1, 2, 2, 3, 3, 3, {5, 5, 5}, {2, 2, 2}, true},
        // A 1-voxel map.
        {1, 8, 8, 1, 1, 1, {3, 3, 3}, {1, 1, 1}, true},
    };
    return all;
}

}  // namespace

// DenseConvFunction against torch::conv3d's own autograd: values and the gradients of input,
// weight and bias, both weight-gradient methods; float64 checks the arithmetic (flipped weights,
// shifted products) tightly, float32 the oneDNN path.
class TestDenseConv : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { torch::manual_seed(11); }

    void matchesConv3dValuesAndGradients_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("method");
        for (int i = 0; i < static_cast<int>(cases().size()); ++i) {
            QTest::newRow((std::to_string(i) + " library").c_str())
                << i << static_cast<int>(DenseWeightGradient::Library);
            QTest::newRow((std::to_string(i) + " shifted products").c_str())
                << i << static_cast<int>(DenseWeightGradient::ShiftedProducts);
        }
    }

    void matchesConv3dValuesAndGradients() {
        QFETCH(int, index);
        QFETCH(int, method);
        const Case& c = cases()[index];
        for (const auto dtype : {torch::kDouble, torch::kFloat}) {
            const auto options = torch::TensorOptions().dtype(dtype);
            torch::Tensor input =
                torch::randn({c.batch, c.inChannels, c.depth, c.height, c.width}, options)
                    .requires_grad_(true);
            torch::Tensor weight =
                torch::randn({c.outChannels, c.inChannels, c.kernel[0], c.kernel[1], c.kernel[2]},
                             options)
                    .requires_grad_(true);
            torch::Tensor bias;
            std::vector<torch::Tensor> leaves = {input, weight};
            if (c.bias) {
                bias = torch::randn({c.outChannels}, options).requires_grad_(true);
                leaves.push_back(bias);
            }
            const torch::Tensor plain = torch::conv3d(input, weight, bias, 1, c.padding);
            const torch::Tensor upstream = torch::randn(plain.sizes(), options);
            const auto plainGrads = torch::autograd::grad({plain}, leaves, {upstream});
            const torch::Tensor fast = denseConv3dForwardBackward(
                input, weight, bias, c.padding, static_cast<DenseWeightGradient>(method));
            QCOMPARE(fast.sizes(), plain.sizes());
            const auto fastGrads = torch::autograd::grad({fast}, leaves, {upstream});
            const double tolerance = dtype == torch::kDouble ? 1e-12 : 2e-5;
            const double valueDifference = maxRelativeDifference(fast, plain);
            QVERIFY2(valueDifference < tolerance, std::to_string(valueDifference).c_str());
            const char* names[] = {"input", "weight", "bias"};
            for (size_t g = 0; g < leaves.size(); ++g) {
                QCOMPARE(fastGrads[g].sizes(), plainGrads[g].sizes());
                const double difference = maxRelativeDifference(fastGrads[g], plainGrads[g]);
                QVERIFY2(
                    difference < tolerance,
                    (std::string(names[g]) + " gradient: " + std::to_string(difference)).c_str());
            }
        }
    }

    // denseConv3d's training routes (a shape where the shifted products are chosen, one where
    // LibTorch's weight backward is, a 1^3 projection, two channels-last shapes) against
    // torch::conv3d in float32.
    void denseConv3dTrainingMatchesConv3d() {
        // 4->8 on 32^3 and 12->7 on 16^3: logonet-tiny's channels-last cases.
        const std::vector<std::vector<int64_t>> shapes = {
            {32, 32, 24, 3}, {8, 8, 6, 3}, {16, 24, 10, 1}, {4, 8, 32, 3}, {12, 7, 16, 3}};
        for (const auto& shape : shapes) {
            const int64_t size = shape[2];
            const int64_t kernel = shape[3];
            const int64_t padding = kernel / 2;
            torch::Tensor input =
                torch::randn({1, shape[0], size, size, size}).requires_grad_(true);
            torch::Tensor weight =
                (torch::randn({shape[1], shape[0], kernel, kernel, kernel}) * 0.1)
                    .requires_grad_(true);
            torch::Tensor bias = torch::randn({shape[1]}).requires_grad_(true);
            const torch::Tensor fast = denseConv3d(input, weight, bias, {1, 1, 1},
                                                   {padding, padding, padding}, {1, 1, 1}, 1, true);
            const torch::Tensor upstream = torch::randn(fast.sizes());
            const auto fastGrads = torch::autograd::grad({fast}, {input, weight, bias}, {upstream});
            const torch::Tensor plain = torch::conv3d(input, weight, bias, 1, padding);
            const auto plainGrads =
                torch::autograd::grad({plain}, {input, weight, bias}, {upstream});
            QVERIFY(maxRelativeDifference(fast, plain) < 2e-5);
            for (size_t g = 0; g < 3; ++g) {
                const double difference = maxRelativeDifference(fastGrads[g], plainGrads[g]);
                QVERIFY2(difference < 2e-5, std::to_string(difference).c_str());
            }
        }
    }

    // The first layer's input needs no gradient: only the weight's and the bias's come back.
    void inputWithoutGradient() {
        const torch::Tensor input = torch::randn({1, 2, 5, 5, 5}, torch::kDouble);
        torch::Tensor weight = torch::randn({3, 2, 3, 3, 3}, torch::kDouble).requires_grad_(true);
        torch::Tensor bias = torch::randn({3}, torch::kDouble).requires_grad_(true);
        for (const auto method :
             {DenseWeightGradient::Library, DenseWeightGradient::ShiftedProducts}) {
            const torch::Tensor fast =
                denseConv3dForwardBackward(input, weight, bias, {1, 1, 1}, method);
            const auto fastGrads = torch::autograd::grad({fast.square().sum()}, {weight, bias});
            const torch::Tensor plain = torch::conv3d(input, weight, bias, 1, 1);
            const auto plainGrads = torch::autograd::grad({plain.square().sum()}, {weight, bias});
            QVERIFY(maxRelativeDifference(fastGrads[0], plainGrads[0]) < 1e-12);
            QVERIFY(maxRelativeDifference(fastGrads[1], plainGrads[1]) < 1e-12);
        }
    }
};

QTEST_APPLESS_MAIN(TestDenseConv)
#include "test_dense_conv.moc"
