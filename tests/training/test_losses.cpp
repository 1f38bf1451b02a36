#include <QtTest/QtTest>

#include <cmath>

#include "losses/DiceCELoss.h"
#include "schedule/WarmupCosineSchedule.h"

using namespace logonet::training;

class LossesTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void diceAndCrossEntropyByHand() {
        // Two voxels, two classes. Logits give p(class 1) = sigmoid(2) at voxel 0 and
        // sigmoid(-1) at voxel 1; the truth is class 1 then class 0.
        const torch::Tensor logits = torch::tensor({0.0f, 0.0f, 2.0f, -1.0f}).view({1, 2, 1, 1, 2});
        const torch::Tensor labels = torch::tensor({1L, 0L}).view({1, 1, 1, 2});
        const double a = 1.0 / (1.0 + std::exp(-2.0));  // p1 at voxel 0
        const double b = 1.0 / (1.0 + std::exp(1.0));   // p1 at voxel 1
        const double smooth = 1e-5;
        // Class 0: p0 = (1 - a, 1 - b), truth (0, 1). Class 1: p1 = (a, b), truth (1, 0).
        const double dice0 = (2 * (1 - b) + smooth) / ((1 - a) + (1 - b) + 1 + smooth);
        const double dice1 = (2 * a + smooth) / (a + b + 1 + smooth);
        const double diceLoss = 1.0 - (dice0 + dice1) / 2.0;
        const double ce = -(std::log(a) + std::log(1 - b)) / 2.0;

        const DiceCELoss loss;
        const LossTerms terms = loss(logits, labels);
        QVERIFY(std::abs(terms.dice.item<double>() - diceLoss) < 1e-6);
        QVERIFY(std::abs(terms.ce.item<double>() - ce) < 1e-6);
        QVERIFY(std::abs(terms.total.item<double>() - (diceLoss + ce)) < 1e-6);

        const DiceCELoss weighted(DiceCELossOptions{0.25, 2.0, smooth});
        QVERIFY(std::abs(weighted(logits, labels).total.item<double>() -
                         (0.25 * diceLoss + 2.0 * ce)) < 1e-6);
    }

    void confidentCorrectPredictionHasNearZeroLoss() {
        const torch::Tensor labels = torch::randint(0, 3, {2, 4, 4, 4}, torch::kLong);
        const torch::Tensor logits =
            torch::one_hot(labels, 3).permute({0, 4, 1, 2, 3}).to(torch::kFloat) * 50.0;
        const LossTerms terms = DiceCELoss()(logits, labels);
        QVERIFY(terms.total.item<double>() < 1e-4);
        const LossTerms wrong = DiceCELoss()(-logits, labels);
        QVERIFY(wrong.total.item<double>() > 1.0);
    }

    void gradientsFlow() {
        torch::Tensor logits = torch::randn({1, 3, 4, 4, 4}, torch::requires_grad());
        const torch::Tensor labels = torch::randint(0, 3, {1, 4, 4, 4}, torch::kLong);
        DiceCELoss()(logits, labels).total.backward();
        QVERIFY(logits.grad().defined());
        QVERIFY(logits.grad().abs().sum().item<double>() > 0.0);
    }

    void warmupThenCosine() {
        const WarmupCosineSchedule schedule(1e-3, 10, 110, 1e-5);
        QVERIFY(std::abs(schedule.at(0) - 1e-4) < 1e-12);
        QVERIFY(std::abs(schedule.at(9) - 1e-3) < 1e-12);
        QVERIFY(std::abs(schedule.at(10) - 1e-3) < 1e-12);
        QVERIFY(std::abs(schedule.at(60) - (1e-5 + (1e-3 - 1e-5) * 0.5)) < 1e-12);
        QVERIFY(std::abs(schedule.at(110) - 1e-5) < 1e-12);
        for (int64_t s = 10; s < 110; ++s) {
            QVERIFY(schedule.at(s + 1) <= schedule.at(s));
        }
    }
};

QTEST_GUILESS_MAIN(LossesTest)
#include "test_losses.moc"
