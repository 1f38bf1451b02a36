#include <QtTest/QtTest>

#include <cmath>
#include <set>

#include "masking/SliceMasker.h"

using namespace logonet::training;

class MaskingTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void statisticsOverManyDraws() {
        // 32^3 crops of ones, 40 slices along Z: floor(0.1 * 40) = 4 runs of 5 per crop.
        SliceMaskingOptions options;
        SliceMasker masker(options, 42);
        const std::set<int64_t> sizes{1, 2, 4, 8, 16, 32, 96};
        const auto crops = torch::ones({4, 1, 32, 32, 40});
        int64_t patches = 0;
        int64_t zeroed = 0;
        std::set<int64_t> seenSizes;
        double maskedFraction = 0.0;
        const int draws = 30;
        for (int draw = 0; draw < draws; ++draw) {
            const MaskedCrops result = masker.mask(crops);
            QCOMPARE(result.masked.sizes(), (torch::IntArrayRef{4, 40}));
            maskedFraction += result.masked.to(torch::kFloat64).mean().item<double>();
            for (int64_t b = 0; b < 4; ++b) {
                const auto masked = result.masked[b];
                // Masked slices come in runs of at least M = 5 (overlapping runs merge).
                int64_t run = 0;
                for (int64_t z = 0; z <= 40; ++z) {
                    if (z < 40 && masked[z].item<bool>()) {
                        ++run;
                    } else {
                        QVERIFY2(run == 0 || run >= 5, "a masked run shorter than M");
                        run = 0;
                    }
                }
                // At most 4 runs of 5 slices.
                QVERIFY(masked.sum().item<int64_t>() <= 20);
                QVERIFY(masked.sum().item<int64_t>() >= 5);
                for (const MaskedSlice& slice : result.slices[static_cast<size_t>(b)]) {
                    QVERIFY(sizes.count(slice.patchSize) == 1);
                    seenSizes.insert(slice.patchSize);
                    QVERIFY(masked[slice.index].item<bool>());
                    patches += slice.patches;
                    zeroed += slice.zeroed;
                    const int64_t edge = std::min<int64_t>(slice.patchSize, 32);
                    QCOMPARE(slice.patches, (32 / edge) * (32 / edge));
                    // The zeroed voxels are exactly the zeroed patches.
                    const double zeroVoxels =
                        (result.input[b][0].select(2, slice.index) == 0).sum().item<double>();
                    QCOMPARE(zeroVoxels, double(slice.zeroed * edge * edge));
                }
                // Slices that are not masked are untouched.
                const auto untouched =
                    result.input[b][0].index_select(2, (~masked).nonzero().squeeze(1));
                QVERIFY((untouched == 1).all().item<bool>());
            }
        }
        QCOMPARE(seenSizes, sizes);
        const double rate = double(zeroed) / double(patches);
        QVERIFY2(std::abs(rate - 0.7) < 0.02, qPrintable(QString("patch rate %1").arg(rate)));
        // Four runs of 5 in 40 slices cover a bit under half of them (runs may overlap).
        maskedFraction /= draws;
        QVERIFY2(maskedFraction > 0.3 && maskedFraction <= 0.5,
                 qPrintable(QString("masked fraction %1").arg(maskedFraction)));
    }

    void seededAndAxisAware() {
        SliceMaskingOptions options;
        options.phi1 = 0.04;  // floor(0.04 * 32) = one run per crop
        options.axis = SliceAxis::Sagittal;
        const auto crops = torch::rand({2, 1, 32, 16, 8});
        const MaskedCrops a = SliceMasker(options, 7).mask(crops);
        const MaskedCrops b = SliceMasker(options, 7).mask(crops);
        QVERIFY(torch::equal(a.input, b.input));
        // One run per crop along X (32 slices): its slices differ only in X planes.
        QCOMPARE(a.masked.sizes(), (torch::IntArrayRef{2, 32}));
        const auto changed = (a.input != crops).any(4).any(3).squeeze(1);  // (B, X)
        QVERIFY((changed & ~a.masked).any().item<bool>() == false);
        QCOMPARE(a.masked.sum().item<int64_t>(), int64_t{10});
        // A patch larger than the 16 x 8 slice covers it whole.
        for (const auto& slices : a.slices) {
            for (const auto& slice : slices) {
                const int64_t edge = std::min<int64_t>(slice.patchSize, 16);
                QCOMPARE(slice.patches, ((16 + edge - 1) / edge) * ((8 + edge - 1) / edge));
            }
        }
        QVERIFY(!torch::equal(SliceMasker(options, 8).mask(crops).input, a.input));
    }

    void noMaskAblationCountsEverySlice() {
        const auto crops = torch::rand({1, 1, 8, 8, 12});
        const MaskedCrops result = SliceMasker::unmasked(crops, SliceAxis::Axial);
        QVERIFY(torch::equal(result.input, crops));
        QCOMPARE(result.masked.sum().item<int64_t>(), int64_t{12});
    }

    void rejectsBadOptions() {
        SliceMaskingOptions options;
        options.phi2 = 1.5;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SliceMasker(options, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 SliceMasker(SliceMaskingOptions{}, 0).mask(torch::ones({8, 8})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseSliceAxis("diagonal"));
    }
};

QTEST_GUILESS_MAIN(MaskingTest)
#include "test_masking.moc"
