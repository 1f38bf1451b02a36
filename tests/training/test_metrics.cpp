#include <QtTest/QtTest>

#include <cmath>
#include <random>

#include "metrics/DistanceTransform.h"
#include "metrics/SegmentationMetrics.h"

using namespace logonet;

namespace {

LabelVolume emptyVolume(Size3 size, Vec3 spacing = {1, 1, 1}) {
    ImageGeometry geometry;
    geometry.size = size;
    geometry.spacing = spacing;
    return LabelVolume(geometry, 0);
}

void fillBox(LabelVolume& volume, Size3 lo, Size3 hi, LabelValue value) {
    for (int64_t k = lo[2]; k < hi[2]; ++k) {
        for (int64_t j = lo[1]; j < hi[1]; ++j) {
            for (int64_t i = lo[0]; i < hi[0]; ++i) {
                volume.at(i, j, k) = value;
            }
        }
    }
}

}  // namespace

class MetricsTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void diceOfOverlappingBoxes() {
        // 4x4x4 = 64 voxels each, shifted by one along x: overlap 3x4x4 = 48.
        LabelVolume a = emptyVolume({10, 10, 10});
        LabelVolume b = emptyVolume({10, 10, 10});
        fillBox(a, {2, 2, 2}, {6, 6, 6}, 3);
        fillBox(b, {3, 2, 2}, {7, 6, 6}, 3);
        QCOMPARE(diceScore(a, b, 3), 2.0 * 48 / 128);
        QCOMPARE(diceScore(a, a, 3), 1.0);
        QVERIFY(std::isnan(diceScore(a, b, 5)));  // absent from both
        fillBox(b, {0, 0, 0}, {10, 10, 10}, 0);
        QCOMPARE(diceScore(a, b, 3), 0.0);
    }

    void hd95OfSingleVoxels() {
        // One voxel each, 3 voxels apart along z with 2 mm slices: 6 mm both ways.
        LabelVolume a = emptyVolume({5, 5, 8}, {0.5, 0.5, 2.0});
        LabelVolume b = emptyVolume({5, 5, 8}, {0.5, 0.5, 2.0});
        a.at(2, 2, 1) = 1;
        b.at(2, 2, 4) = 1;
        const ClassScore score = scoreClass(a, b, 1);
        QVERIFY(score.present);
        QCOMPARE(score.dice, 0.0);
        QCOMPARE(score.hd95, 6.0);
    }

    void hd95OfShiftedBoxesUsesPercentile() {
        // Box A is 1..5 along x (others 1..5), B the same box moved by 2 voxels along x. The
        // directed distances from A's surface to B's surface: faces of A inside B are 0 away,
        // A's x=1 face is 2 away. Compare with a brute-force computation.
        LabelVolume a = emptyVolume({12, 8, 8});
        LabelVolume b = emptyVolume({12, 8, 8});
        fillBox(a, {1, 1, 1}, {6, 6, 6}, 2);
        fillBox(b, {3, 1, 1}, {8, 6, 6}, 2);
        auto surface = [](const LabelVolume& v) {
            std::vector<std::array<int64_t, 3>> out;
            for (int64_t k = 0; k < 8; ++k) {
                for (int64_t j = 0; j < 8; ++j) {
                    for (int64_t i = 0; i < 12; ++i) {
                        if (v.at(i, j, k) != 2) {
                            continue;
                        }
                        bool edge = false;
                        const int d[6][3] = {{1, 0, 0},  {-1, 0, 0}, {0, 1, 0},
                                             {0, -1, 0}, {0, 0, 1},  {0, 0, -1}};
                        for (const auto& o : d) {
                            edge = edge || v.at(i + o[0], j + o[1], k + o[2]) != 2;
                        }
                        if (edge) {
                            out.push_back({i, j, k});
                        }
                    }
                }
            }
            return out;
        };
        auto directed = [&](const LabelVolume& from, const LabelVolume& to) {
            std::vector<double> distances;
            for (const auto& p : surface(from)) {
                double best = 1e9;
                for (const auto& q : surface(to)) {
                    const double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
                    best = std::min(best, std::sqrt(dx * dx + dy * dy + dz * dz));
                }
                distances.push_back(best);
            }
            std::sort(distances.begin(), distances.end());
            const double rank = 0.95 * (distances.size() - 1);
            const size_t lo = static_cast<size_t>(rank);
            const size_t hi = std::min(lo + 1, distances.size() - 1);
            return distances[lo] + (rank - lo) * (distances[hi] - distances[lo]);
        };
        const double expected = std::max(directed(a, b), directed(b, a));
        QVERIFY(expected > 0.5);
        QCOMPARE(scoreClass(a, b, 2).hd95, expected);
        QCOMPARE(directedSurfaceDistance95(a, b, 2), directed(a, b));
    }

    void missedOrganIsInfinite() {
        LabelVolume a = emptyVolume({6, 6, 6});
        LabelVolume b = emptyVolume({6, 6, 6});
        fillBox(a, {1, 1, 1}, {3, 3, 3}, 4);
        const ClassScore score = scoreClass(a, b, 4);
        QVERIFY(score.present);
        QCOMPARE(score.dice, 0.0);
        QVERIFY(std::isinf(score.hd95));
    }

    void differentGridsAreRejected() {
        LabelVolume a = emptyVolume({6, 6, 6});
        LabelVolume b = emptyVolume({6, 6, 7});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, diceScore(a, b, 1));
    }

    void distanceTransformMatchesBruteForce() {
        const Size3 size{9, 7, 5};
        const Vec3 spacing{0.7, 1.3, 2.5};
        std::mt19937 random(3);
        std::vector<bool> seeds(9 * 7 * 5, false);
        std::vector<std::array<int64_t, 3>> points;
        for (int n = 0; n < 6; ++n) {
            const int64_t i = random() % 9, j = random() % 7, k = random() % 5;
            seeds[i + 9 * (j + 7 * k)] = true;
            points.push_back({i, j, k});
        }
        const std::vector<double> field = distanceToSeeds(seeds, size, spacing);
        for (int64_t k = 0; k < 5; ++k) {
            for (int64_t j = 0; j < 7; ++j) {
                for (int64_t i = 0; i < 9; ++i) {
                    double best = 1e9;
                    for (const auto& p : points) {
                        const double dx = (i - p[0]) * spacing[0], dy = (j - p[1]) * spacing[1],
                                     dz = (k - p[2]) * spacing[2];
                        best = std::min(best, std::sqrt(dx * dx + dy * dy + dz * dz));
                    }
                    QVERIFY(std::abs(field[i + 9 * (j + 7 * k)] - best) < 1e-9);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(MetricsTest)
#include "test_metrics.moc"
