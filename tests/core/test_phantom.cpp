// The phantom: reproducible by seed, different across seeds, every organ present with CT-like
// intensity, and the anatomy on the right side of the patient in LPS.
#include <QtTest>

#include <cmath>
#include <map>
#include <set>

#include "phantom/PhantomGenerator.h"
#include "phantom/PhantomVariety.h"

using namespace logonet;

namespace {

struct OrganStats {
    int64_t count = 0;
    double sumX = 0, sumY = 0, sumZ = 0, sumIntensity = 0;
};

std::map<LabelValue, OrganStats> statsOf(const PhantomCase& phantom) {
    std::map<LabelValue, OrganStats> stats;
    const Size3 size = phantom.labels.size();
    for (int64_t k = 0; k < size[2]; ++k) {
        for (int64_t j = 0; j < size[1]; ++j) {
            for (int64_t i = 0; i < size[0]; ++i) {
                const LabelValue label = phantom.labels.at(i, j, k);
                const Vec3 world =
                    phantom.labels.geometry().indexToWorld({double(i), double(j), double(k)});
                OrganStats& s = stats[label];
                ++s.count;
                s.sumX += world[0];
                s.sumY += world[1];
                s.sumZ += world[2];
                s.sumIntensity += phantom.image.at(i, j, k);
            }
        }
    }
    return stats;
}

}  // namespace

class TestPhantom : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void sameSeedSamePhantom() {
        PhantomOptions options;
        options.size = {32, 32, 24};
        options.seed = 7;
        const PhantomCase a = generatePhantom(options);
        const PhantomCase b = generatePhantom(options);
        QVERIFY(a.image.voxels() == b.image.voxels());
        QVERIFY(a.labels.voxels() == b.labels.voxels());
        options.seed = 8;
        const PhantomCase c = generatePhantom(options);
        QVERIFY(a.labels.voxels() != c.labels.voxels());
        QVERIFY(a.image.geometry().sameGrid(c.image.geometry()));
    }

    void geometryFollowsTheOptions() {
        PhantomOptions options;
        options.size = {40, 36, 20};
        options.spacing = {0.8, 0.9, 3.0};
        const PhantomCase phantom = generatePhantom(options);
        QCOMPARE(phantom.image.size(), options.size);
        QCOMPARE(phantom.image.geometry().spacing, options.spacing);
        QVERIFY(phantom.labels.geometry().sameGrid(phantom.image.geometry()));
        // Centred on the world origin.
        const Vec3 centre = phantom.image.geometry().indexToWorld({19.5, 17.5, 9.5});
        for (double c : centre) {
            QVERIFY(std::abs(c) < 1e-9);
        }
    }

    void organsArePresentAndPlausible() {
        for (uint64_t seed = 1; seed <= 4; ++seed) {
            PhantomOptions options;
            options.size = {48, 48, 32};
            options.seed = seed;
            const PhantomCase phantom = generatePhantom(options);
            auto stats = statsOf(phantom);
            const LabelSet labels = phantomLabelSet();
            QCOMPARE(labels.size(), size_t(6));
            for (const LabelEntry& entry : labels.entries()) {
                QVERIFY2(stats[entry.value].count > 10, entry.name.c_str());
                QCOMPARE(LabelSet::btcv().nameOf(entry.value), entry.name);
            }
            auto mean = [&](LabelValue v, double OrganStats::*field) {
                return stats[v].*field / double(stats[v].count);
            };
            // LPS: the patient's right is -x, so the liver sits at x < 0 and the spleen at x > 0.
            QVERIFY(mean(6, &OrganStats::sumX) < 0);
            QVERIFY(mean(1, &OrganStats::sumX) > 0);
            QVERIFY(mean(2, &OrganStats::sumX) < 0);  // right kidney
            QVERIFY(mean(3, &OrganStats::sumX) > 0);  // left kidney
            // Kidneys lie posterior (+y) to the liver.
            QVERIFY(mean(2, &OrganStats::sumY) > mean(6, &OrganStats::sumY));
            // CT-like intensities (noise averages out).
            QVERIFY(std::abs(mean(6, &OrganStats::sumIntensity) - 60) < 20);
            QVERIFY(std::abs(mean(8, &OrganStats::sumIntensity) - 200) < 30);
            QVERIFY(mean(2, &OrganStats::sumIntensity) > 120);
            // Air around the body: the corner voxel.
            QVERIFY(phantom.image.at(0, 0, 0) < -900);
            QCOMPARE(phantom.labels.at(0, 0, 0), LabelValue(0));
        }
    }

    void noiseHasTheRequestedSpread() {
        PhantomOptions options;
        options.size = {32, 32, 16};
        options.noise = 0.0;
        const PhantomCase clean = generatePhantom(options);
        options.noise = 20.0;
        const PhantomCase noisy = generatePhantom(options);
        double sum = 0, sumSq = 0;
        const size_t n = clean.image.voxels().size();
        for (size_t i = 0; i < n; ++i) {
            const double d = noisy.image.voxels()[i] - clean.image.voxels()[i];
            sum += d;
            sumSq += d * d;
        }
        const double sd = std::sqrt(sumSq / n - (sum / n) * (sum / n));
        QVERIFY2(std::abs(sd - 20.0) < 2.0, QByteArray::number(sd));
    }
    // Enhancement scales each organ's distance from unenhanced soft tissue (40 HU); checked on
    // the mean of the noiseless kidneys and aorta, whose nominal values are 150 and 200 HU.
    void enhancementScalesTheOrgansContrast() {
        PhantomOptions options;
        options.size = {48, 48, 32};
        options.noise = 0.0;
        for (const double factor : {0.3, 1.0, 1.5}) {
            options.enhancement = factor;
            auto stats = statsOf(generatePhantom(options));
            const auto mean = [&stats](LabelValue v) {
                return stats[v].sumIntensity / static_cast<double>(stats[v].count);
            };
            const double kidney = 40.0 + factor * 110.0;
            const double aorta = 40.0 + factor * 160.0;
            // The generator's jitter: +-8 HU per organ after enhancement, +-15 HU of the aorta's
            // enhancement before it.
            QVERIFY2(std::abs(mean(2) - kidney) <= 8.5,
                     QByteArray::number(mean(2)) + " at " + QByteArray::number(factor));
            QVERIFY2(std::abs(mean(8) - aorta) <= 15.0 * factor + 0.5,
                     QByteArray::number(mean(8)) + " at " + QByteArray::number(factor));
        }
    }

    // A positive shift moves the organs up the body axis by that fraction of the half height.
    void craniocaudalShiftMovesTheOrgans() {
        PhantomOptions options;
        options.size = {48, 48, 48};
        options.noise = 0.0;
        auto still = statsOf(generatePhantom(options));
        options.craniocaudalShift = 0.1;
        auto moved = statsOf(generatePhantom(options));
        const double halfHeight = 0.5 * 48 * options.spacing[2];
        // The kidneys sit well inside the field of view, so none of them is cut off.
        for (const LabelValue kidney : {LabelValue(2), LabelValue(3)}) {
            const double before = still[kidney].sumZ / static_cast<double>(still[kidney].count);
            const double after = moved[kidney].sumZ / static_cast<double>(moved[kidney].count);
            QVERIFY2(std::abs((after - before) - 0.1 * halfHeight) < 1.5 * options.spacing[2],
                     QByteArray::number(after - before));
        }
        options.craniocaudalShift = 0.7;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generatePhantom(options));
        options.craniocaudalShift = 0.0;
        options.enhancement = -1.0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generatePhantom(options));
    }

    // 50 varied phantoms are not copies of one another: every scanner and protocol setting
    // spreads over most of its range, no two cases share them, and the seed alone decides.
    void variedPhantomsDifferInEverySetting() {
        std::set<double> noise, spacing, slices, enhancement, shift;
        double lowEnhancement = 10, highEnhancement = -10, lowShift = 10, highShift = -10;
        for (uint64_t seed = 1000; seed < 1050; ++seed) {
            const PhantomOptions options = variedPhantomOptions(seed);
            QCOMPARE(options.seed, seed);
            QVERIFY(options.noise >= 10.0 && options.noise <= 35.0);
            QVERIFY(options.spacing[0] >= 1.5 && options.spacing[0] <= 1.9);
            QCOMPARE(options.spacing[0], options.spacing[1]);
            QVERIFY(options.spacing[2] >= 2.0 && options.spacing[2] <= 2.6);
            noise.insert(options.noise);
            spacing.insert(options.spacing[0]);
            slices.insert(options.spacing[2]);
            enhancement.insert(options.enhancement);
            shift.insert(options.craniocaudalShift);
            lowEnhancement = std::min(lowEnhancement, options.enhancement);
            highEnhancement = std::max(highEnhancement, options.enhancement);
            lowShift = std::min(lowShift, options.craniocaudalShift);
            highShift = std::max(highShift, options.craniocaudalShift);
            QCOMPARE(variedPhantomOptions(seed).enhancement, options.enhancement);
        }
        for (const auto* values : {&noise, &spacing, &slices, &enhancement, &shift}) {
            QCOMPARE(values->size(), size_t(50));
        }
        // From a no-contrast to an arterial look, and both ways along the body axis.
        QVERIFY2(lowEnhancement < 0.5 && highEnhancement > 1.3,
                 QByteArray::number(lowEnhancement) + " " + QByteArray::number(highEnhancement));
        QVERIFY2(lowShift < -0.1 && highShift > 0.1,
                 QByteArray::number(lowShift) + " " + QByteArray::number(highShift));
    }
};

QTEST_GUILESS_MAIN(TestPhantom)
#include "test_phantom.moc"
