// The pretext task's no-learning baselines against plain counting: the position-only predictor
// (majority label per slice position over the training crops) and the crop-majority predictor
// (majority label of a crop's unmasked slices), ties to the smallest label.
#include <QtTest/QtTest>

#include <map>
#include <random>

#include "pretrain/PretextBaselines.h"

using namespace logonet::training;

namespace {

// The smallest value among the most frequent ones, by counting in a map.
int64_t countedMajority(const std::vector<int64_t>& values) {
    std::map<int64_t, int> counts;
    for (const int64_t v : values) {
        ++counts[v];
    }
    int64_t best = -1;
    int bestCount = 0;
    for (const auto& [value, count] : counts) {  // ascending values: the first maximum wins
        if (count > bestCount) {
            best = value;
            bestCount = count;
        }
    }
    return best;
}

torch::Tensor randomLabels(std::mt19937& random, int64_t slices, const std::vector<int64_t>& k) {
    auto labels = torch::zeros({slices, static_cast<int64_t>(k.size())}, torch::kInt64);
    for (int64_t s = 0; s < slices; ++s) {
        for (size_t n = 0; n < k.size(); ++n) {
            labels[s][static_cast<int64_t>(n)] =
                std::uniform_int_distribution<int64_t>(0, k[n] - 1)(random);
        }
    }
    return labels;
}

}  // namespace

class TestPretextBaselines : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void positionOnlyIsTheMajorityPerPosition() {
        std::mt19937 random(3);
        const std::vector<int64_t> k{3, 5};
        std::vector<torch::Tensor> crops;
        for (int c = 0; c < 7; ++c) {
            crops.push_back(randomLabels(random, 6, k));
        }
        const auto majority = majorityPerPosition(crops, k);
        QCOMPARE(majority.sizes(), (c10::IntArrayRef{6, 2}));
        for (int64_t s = 0; s < 6; ++s) {
            for (int64_t n = 0; n < 2; ++n) {
                std::vector<int64_t> column;
                for (const auto& crop : crops) {
                    column.push_back(crop[s][n].item<int64_t>());
                }
                QCOMPARE(majority[s][n].item<int64_t>(), countedMajority(column));
            }
        }
    }

    void cropMajorityLooksAtTheVisibleSlicesOnly() {
        std::mt19937 random(5);
        const std::vector<int64_t> k{4, 9, 2};
        for (int trial = 0; trial < 20; ++trial) {
            const auto labels = randomLabels(random, 8, k);
            auto masked = torch::zeros({8}, torch::kBool);
            for (int64_t s = 0; s < 8; ++s) {
                masked[s] = std::bernoulli_distribution(0.4)(random);
            }
            const auto predicted = cropMajorityPrediction(labels, masked, k);
            for (int64_t n = 0; n < 3; ++n) {
                std::vector<int64_t> visible;
                for (int64_t s = 0; s < 8; ++s) {
                    if (!masked[s].item<bool>()) {
                        visible.push_back(labels[s][n].item<int64_t>());
                    }
                }
                const int64_t expected = visible.empty() ? -1 : countedMajority(visible);
                for (int64_t s = 0; s < 8; ++s) {
                    QCOMPARE(predicted[s][n].item<int64_t>(), expected);
                }
            }
        }
    }

    // A crop whose slices all carry one label is predicted perfectly without a network; one
    // whose masked slices differ from the visible ones is not.
    void aCropLabelledAlikeNeedsNoNetwork() {
        const std::vector<int64_t> k{6};
        auto alike = torch::full({10, 1}, int64_t{4});
        auto masked = torch::zeros({10}, torch::kBool);
        masked.slice(0, 2, 7).fill_(true);
        QVERIFY(torch::equal(cropMajorityPrediction(alike, masked, k), alike));
        auto differing = alike.clone();
        differing.slice(0, 2, 7).fill_(1);
        const auto predicted = cropMajorityPrediction(differing, masked, k);
        QCOMPARE((predicted.index({masked}) == differing.index({masked})).sum().item<int64_t>(),
                 int64_t{0});
        QVERIFY(torch::equal(cropMajorityPrediction(alike, torch::ones({10}, torch::kBool), k),
                             torch::full({10, 1}, int64_t{-1})));
    }
};

QTEST_GUILESS_MAIN(TestPretextBaselines)
#include "test_pretext_baselines.moc"
