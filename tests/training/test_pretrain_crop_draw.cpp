#include <QtTest/QtTest>

#include <limits>
#include <random>

#include "pretrain/PretrainCropDraw.h"

using namespace logonet;
using namespace logonet::training;

namespace {

// One prepared scan of random intensities: every crop position shows different voxels.
CachedCase randomCase(const std::string& id) {
    ImageGeometry g;
    g.size = {20, 18, 16};
    g.spacing = {1.5, 1.5, 2.0};
    ImageVolume image(g, 0.0f);
    std::mt19937 random(7);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (int64_t k = 0; k < 16; ++k) {
        for (int64_t j = 0; j < 18; ++j) {
            for (int64_t i = 0; i < 20; ++i) {
                image.at(i, j, k) = unit(random);
            }
        }
    }
    CachedCase entry;
    entry.id = id;
    entry.image = image;
    return entry;
}

CropSampler samplerOf(uint64_t seed) {
    CropSamplerOptions options;
    options.crop = {8, 8, 8};
    options.positiveFraction = 0.0;
    options.batch = 1;
    options.seed = seed;
    return CropSampler({pretrainingCase(randomCase("scan_000001"))}, options);
}

// The nearest centroid of slice s of crop b by explicit loops in double precision: the slice's
// voxels in the order (first remaining axis, second remaining axis) of the (X, Y, Z) crop.
int64_t bruteForceLabel(const torch::Tensor& crops, int64_t b, int64_t s, int axis,
                        const torch::Tensor& centroids) {
    const auto c = crops.accessor<float, 5>();
    const auto m = centroids.accessor<float, 2>();
    const int64_t n = crops.size(2);
    int64_t best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (int64_t k = 0; k < centroids.size(0); ++k) {
        double distance = 0.0;
        for (int64_t u = 0; u < n; ++u) {
            for (int64_t v = 0; v < n; ++v) {
                const float value = axis == 0   ? c[b][0][s][u][v]
                                    : axis == 1 ? c[b][0][u][s][v]
                                                : c[b][0][u][v][s];
                const double d = static_cast<double>(value) - m[k][u * n + v];
                distance += d * d;
            }
        }
        if (distance < bestDistance) {
            bestDistance = distance;
            best = k;
        }
    }
    return best;
}

}  // namespace

class PretrainCropDrawTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void cropsOfOneScanDifferBetweenStepsAndRepeatPerStep() {
        const CropSampler sampler = samplerOf(5);
        std::vector<torch::Tensor> drawn;
        for (int64_t step = 0; step < 6; ++step) {
            const auto crops = drawPretrainCrops(sampler, step);
            QCOMPARE(crops.sizes(), (torch::IntArrayRef{1, 1, 8, 8, 8}));
            for (const auto& earlier : drawn) {
                QVERIFY(!torch::equal(crops, earlier));
            }
            drawn.push_back(crops);
        }
        // Another sampler with the same seed (a resumed run) draws the same crop at a step.
        QVERIFY(torch::equal(drawPretrainCrops(samplerOf(5), 3), drawn[3]));
        QVERIFY(!torch::equal(drawPretrainCrops(samplerOf(6), 3), drawn[3]));
    }

    void drawTimeLabelsAreTheNearestCentroids() {
        torch::manual_seed(11);
        const auto crops = torch::rand({2, 1, 8, 8, 8});
        // Centroids that are perturbed slices, so that each has slices near it.
        const std::vector<torch::Tensor> centroids = {
            crops.select(1, 0).select(3, 1).reshape({2, 64}).repeat({3, 1}) +
                0.3 * torch::randn({6, 64}),
            torch::rand({9, 64})};
        for (const int axis : {0, 1, 2}) {
            const auto labels =
                nearestCentroidLabels(crops, centroids, static_cast<SliceAxis>(axis));
            QCOMPARE(labels.sizes(), (torch::IntArrayRef{2, 8, 2}));
            QCOMPARE(labels.scalar_type(), torch::kInt64);
            for (int64_t b = 0; b < 2; ++b) {
                for (int64_t s = 0; s < 8; ++s) {
                    for (int64_t n = 0; n < 2; ++n) {
                        QCOMPARE(
                            labels[b][s][n].item<int64_t>(),
                            bruteForceLabel(crops, b, s, axis, centroids[static_cast<size_t>(n)]));
                    }
                }
            }
        }
    }

    void aLabeledOrUnlabeledCaseCropsAnywhere() {
        // Pre-training ignores the labels: every voxel of the case is background to the sampler.
        const auto entry = pretrainingCase(randomCase("scan_000002"));
        QCOMPARE(entry->classes.voxels().size(), entry->image.voxels().size());
        QVERIFY(entry->classVoxels.empty());
    }
};

QTEST_GUILESS_MAIN(PretrainCropDrawTest)
#include "test_pretrain_crop_draw.moc"
