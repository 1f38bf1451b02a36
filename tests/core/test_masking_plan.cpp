#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

#include "masking/MaskingPlan.h"
#include "masking/PretrainCrop.h"

using namespace logonet;

namespace {

ImageVolume ones(int64_t x, int64_t y, int64_t z) {
    ImageGeometry geometry;
    geometry.size = {x, y, z};
    return ImageVolume(geometry, 1.0f);
}

}  // namespace

class TestMaskingPlan : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void sameSeedSamePlans() {
        SliceMaskingOptions options;
        MaskingPlanner a(options, 11);
        MaskingPlanner b(options, 11);
        for (int draw = 0; draw < 3; ++draw) {
            const CropMaskingPlan pa = a.draw(96, 96, 96);
            const CropMaskingPlan pb = b.draw(96, 96, 96);
            QCOMPARE(pa.runEnds, pb.runEnds);
            QCOMPARE(pa.masked.size(), pb.masked.size());
            for (size_t n = 0; n < pa.masked.size(); ++n) {
                QCOMPARE(pa.masked[n].index, pb.masked[n].index);
                QCOMPARE(pa.masked[n].patchSize, pb.masked[n].patchSize);
                QCOMPARE(pa.masked[n].zeroedPatches, pb.masked[n].zeroedPatches);
            }
        }
        QVERIFY(MaskingPlanner(options, 12).draw(96, 96, 96).runEnds !=
                MaskingPlanner(options, 11).draw(96, 96, 96).runEnds);
    }

    void runsPatchSizesAndRatesFollowTheOptions() {
        SliceMaskingOptions options;  // phi1 0.1, M 5, phi2 0.7
        MaskingPlanner planner(options, 3);
        const std::set<int64_t> sizes(options.patchSizes.begin(), options.patchSizes.end());
        int64_t patches = 0;
        int64_t zeroed = 0;
        for (int draw = 0; draw < 40; ++draw) {
            const CropMaskingPlan plan = planner.draw(40, 32, 24);
            QCOMPARE(plan.runEnds.size(), size_t{4});  // floor(0.1 * 40)
            std::set<int64_t> expected;
            for (const int64_t end : plan.runEnds) {
                QVERIFY(end >= 4 && end < 40);
                for (int64_t i = end - 4; i <= end; ++i) {
                    expected.insert(i);
                }
            }
            std::set<int64_t> got;
            for (const MaskedSlice& slice : plan.masked) {
                got.insert(slice.index);
                QVERIFY(sizes.count(slice.patchSize) == 1);
                QCOMPARE(slice.edge, std::min<int64_t>(slice.patchSize, 32));
                QCOMPARE(slice.gridRows, (32 + slice.edge - 1) / slice.edge);
                QCOMPARE(slice.gridColumns, (24 + slice.edge - 1) / slice.edge);
                QCOMPARE(slice.patches, slice.gridRows * slice.gridColumns);
                QCOMPARE(int64_t(slice.zeroedPatches.size()), slice.patches);
                int64_t count = 0;
                for (const uint8_t z : slice.zeroedPatches) {
                    count += z;
                }
                QCOMPARE(count, slice.zeroed);
                QCOMPARE(plan.find(slice.index), &slice);
                patches += slice.patches;
                zeroed += slice.zeroed;
            }
            QCOMPARE(got, expected);
            QVERIFY(plan.find(-1) == nullptr);
        }
        const double rate = double(zeroed) / double(patches);
        QVERIFY2(std::abs(rate - 0.7) < 0.02, qPrintable(QString("patch rate %1").arg(rate)));
    }

    void applyingZeroesExactlyThePlannedPatchesAlongEachAxis() {
        for (const SliceAxis axis : {SliceAxis::Sagittal, SliceAxis::Coronal, SliceAxis::Axial}) {
            SliceMaskingOptions options;
            options.axis = axis;
            options.phi1 = 0.25;
            options.patchSizes = {4};
            ImageVolume crop = ones(16, 12, 20);
            const CropMaskingPlan plan = MaskingPlanner(options, 5).draw(crop.size());
            const int normal = static_cast<int>(axis);
            const auto planeAxes = slicePlaneAxes(axis);
            QCOMPARE(plan.slices, crop.size()[normal]);
            QCOMPARE(plan.rows, crop.size()[planeAxes[0]]);
            QCOMPARE(plan.columns, crop.size()[planeAxes[1]]);
            applyMaskingPlan(plan, axis, crop);
            for (int64_t s = 0; s < plan.slices; ++s) {
                const MaskedSlice* slice = plan.find(s);
                int64_t zeros = 0;
                for (int64_t r = 0; r < plan.rows; ++r) {
                    for (int64_t c = 0; c < plan.columns; ++c) {
                        int64_t v[3];
                        v[normal] = s;
                        v[planeAxes[0]] = r;
                        v[planeAxes[1]] = c;
                        const float value = crop.at(v[0], v[1], v[2]);
                        zeros += value == 0.0f;
                        if (slice) {
                            QCOMPARE(value, slice->keeps(r, c) ? 1.0f : 0.0f);
                        }
                    }
                }
                // Every edge divides the slice: a zeroed patch is 16 voxels.
                QCOMPARE(zeros, slice ? slice->zeroed * 16 : 0);
            }
        }
        ImageVolume wrong = ones(8, 8, 8);
        SliceMaskingOptions options;
        const CropMaskingPlan plan = MaskingPlanner(options, 1).draw(9, 8, 8);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 applyMaskingPlan(plan, SliceAxis::Axial, wrong));
    }

    void rejectsBadOptions() {
        SliceMaskingOptions options;
        options.phi1 = -0.1;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, MaskingPlanner(options, 0));
        options = SliceMaskingOptions{};
        options.length = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, MaskingPlanner(options, 0));
        options = SliceMaskingOptions{};
        options.patchSizes = {4, 0};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, MaskingPlanner(options, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 MaskingPlanner(SliceMaskingOptions{}, 0).draw(0, 8, 8));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseSliceAxis("oblique"));
        QCOMPARE(sliceAxisName(parseSliceAxis("coronal")), std::string("coronal"));
    }

    void cropIsWindowedResampledAndPlacedOverTheScan() {
        // A CT ramp along z from -1500 to 1500 HU, 8 x 6 x 12 voxels of 1 x 1 x 2 mm.
        ImageGeometry geometry;
        geometry.size = {8, 6, 12};
        geometry.spacing = {1, 1, 2};
        geometry.origin = {10, 20, 30};
        ImageVolume scan(geometry);
        for (int64_t k = 0; k < 12; ++k) {
            for (int64_t j = 0; j < 6; ++j) {
                for (int64_t i = 0; i < 8; ++i) {
                    scan.at(i, j, k) = -1500.0f + 3000.0f * float(k) / 11.0f;
                }
            }
        }
        const ImageVolume crop = pretrainCrop(scan, "CT", 4);
        QCOMPARE(crop.size(), (Size3{4, 4, 4}));
        // Same extent: spacing scaled, voxel 0 at the RAS-reoriented index (scale - 1) / 2; x of
        // this LPS scan is flipped, so voxel 0 lies at the scan's right end (old x index 6.5).
        QCOMPARE(crop.geometry().spacing[2], 6.0);
        QCOMPARE(crop.geometry().origin[0], 16.5);
        QCOMPARE(crop.geometry().orientationCode(), std::string("RAS"));
        QCOMPARE(crop.geometry().origin[2], 30.0 + 2.0 * 1.0);
        for (const float v : crop.voxels()) {
            QVERIFY(v >= 0.0f && v <= 1.0f);
        }
        QCOMPARE(crop.at(0, 0, 0), 0.0f);  // below -1000 HU
        QCOMPARE(crop.at(3, 3, 3), 1.0f);  // above 1000 HU
        // Crop slice 1 sits at old z index 4: window of -409.09 HU, exactly on a voxel.
        const float expected = (-1500.0f + 3000.0f * 4.0f / 11.0f + 1000.0f) / 2000.0f;
        QVERIFY(std::abs(crop.at(2, 1, 1) - expected) < 1e-5f);
        // Other modalities are min-max scaled.
        const ImageVolume mr = pretrainCrop(scan, "MR", 12);
        QVERIFY(std::abs(mr.at(0, 0, 0) - 0.0f) < 1e-6f);
        QVERIFY(std::abs(mr.at(0, 0, 11) - 1.0f) < 1e-6f);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pretrainCrop(scan, "CT", 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pretrainCrop(ImageVolume(), "CT", 4));
    }

    void cropSlicesMapToScanSlices() {
        // 300 axial scan slices onto 96 crop slices and back; an LPS scan's z is the crop's S.
        ImageGeometry lps;
        lps.size = {300, 20, 300};
        QCOMPARE(scanSliceOfCropSlice(lps, 96, 2, 0).axis, 2);
        QCOMPARE(scanSliceOfCropSlice(lps, 96, 2, 0).index, int64_t{1});     // 0.5 * 3.125 - 0.5
        QCOMPARE(scanSliceOfCropSlice(lps, 96, 2, 95).index, int64_t{298});  // 95.5 * 3.125 - 0.5
        for (int64_t c = 0; c < 96; ++c) {
            const ScanSlice slice = scanSliceOfCropSlice(lps, 96, 2, c);
            QCOMPARE(cropIndexOfScanVoxel(lps, 96, 2, Size3{7, 3, slice.index}), c);
        }
        // Its x grows to the left, the crop's axis 0 to the right: the same slices, mirrored.
        QCOMPARE(scanSliceOfCropSlice(lps, 96, 0, 0).axis, 0);
        QCOMPARE(scanSliceOfCropSlice(lps, 96, 0, 0).index, int64_t{298});
        QCOMPARE(scanSliceOfCropSlice(lps, 96, 0, 95).index, int64_t{1});
        QCOMPARE(cropIndexOfScanVoxel(lps, 96, 0, Size3{298, 0, 0}), int64_t{0});
        // Upsampling: 20 scan rows (y, posterior) shown as 96 crop slices (anterior).
        QCOMPARE(scanSliceOfCropSlice(lps, 96, 1, 0).index, int64_t{19});
        QCOMPARE(scanSliceOfCropSlice(lps, 96, 1, 95).index, int64_t{0});
        QCOMPARE(cropIndexOfScanVoxel(lps, 96, 2, Size3{0, 0, 500}), int64_t{95});
        // Sagittal storage: voxel axes (P, I, L). Crop axis 2 (S) is scan axis 1, flipped.
        ImageGeometry sagittal;
        sagittal.size = {20, 300, 300};
        sagittal.direction = {0, 0, 1, 1, 0, 0, 0, -1, 0};
        QCOMPARE(scanSliceOfCropSlice(sagittal, 96, 2, 0).axis, 1);
        QCOMPARE(scanSliceOfCropSlice(sagittal, 96, 2, 0).index, int64_t{298});
        QCOMPARE(scanSliceOfCropSlice(sagittal, 96, 0, 0).axis, 2);
        QCOMPARE(cropIndexOfScanVoxel(sagittal, 96, 2, Size3{5, 1, 9}), int64_t{95});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scanSliceOfCropSlice(lps, 96, 3, 0));
    }

    void cropsOfOneAnatomyAgreeWhateverTheStorageOrder() {
        // One anatomy stored twice: axially (LPS identity) and sagittally (voxel axes P, I, L),
        // -1000 HU with a 1000 HU marker at LPS world (1, 4, 12) plus a ramp along z.
        ImageGeometry axialGrid;
        axialGrid.size = {7, 7, 7};
        axialGrid.spacing = {1, 2, 3};
        ImageVolume axial(axialGrid);
        ImageGeometry sagittalGrid;
        sagittalGrid.size = {7, 7, 7};
        sagittalGrid.spacing = {2, 3, 1};
        sagittalGrid.direction = {0, 0, 1, 1, 0, 0, 0, -1, 0};
        sagittalGrid.origin = {0, 0, 18};  // the axial scan's voxel (0, 0, 6)
        ImageVolume sagittal(sagittalGrid);
        for (int64_t k = 0; k < 7; ++k) {
            for (int64_t j = 0; j < 7; ++j) {
                for (int64_t i = 0; i < 7; ++i) {
                    const bool marker = i == 1 && j == 2 && k == 4;
                    const float value = marker ? 1000.0f : -1000.0f + 50.0f * float(k);
                    axial.at(i, j, k) = value;
                    sagittal.at(j, 6 - k, i) = value;
                }
            }
        }
        QCOMPARE(sagittalGrid.indexToWorld({2, 2, 1}), (Vec3{1, 4, 12}));
        for (const int64_t edge : {int64_t{7}, int64_t{4}}) {
            const ImageVolume a = pretrainCrop(axial, "CT", edge);
            const ImageVolume b = pretrainCrop(sagittal, "CT", edge);
            QVERIFY(a.geometry().sameGrid(b.geometry()));
            QCOMPARE(b.geometry().axisLetter(2, true), 'S');
            for (size_t v = 0; v < a.voxels().size(); ++v) {
                QVERIFY2(std::abs(a.voxels()[v] - b.voxels()[v]) < 1e-5f,
                         qPrintable(QStringLiteral("voxel %1 of crop %2").arg(v).arg(edge)));
            }
        }
        // Crop 7 keeps every sample: the marker (axial voxel (1, 2, 4)) lands at crop (R, A, S)
        // index (6 - 1, 6 - 2, 4), and nowhere else.
        const ImageVolume b = pretrainCrop(sagittal, "CT", 7);
        QVERIFY(std::abs(b.at(5, 4, 4) - 1.0f) < 1e-5f);
        QCOMPARE(
            std::count_if(b.voxels().begin(), b.voxels().end(), [](float v) { return v > 0.5f; }),
            std::ptrdiff_t{1});
        QCOMPARE(b.at(3, 2, 6) > b.at(3, 2, 0), true);  // the ramp rises towards superior
        // The crop slice of the marker maps back to the scan slice that holds it.
        const ScanSlice slice = scanSliceOfCropSlice(sagittalGrid, 7, 2, 4);
        QCOMPARE(slice.axis, 1);
        QCOMPARE(slice.index, int64_t{2});
        QCOMPARE(cropIndexOfScanVoxel(sagittalGrid, 7, 2, Size3{2, 2, 1}), int64_t{4});
    }
};

QTEST_GUILESS_MAIN(TestMaskingPlan)
#include "test_masking_plan.moc"
