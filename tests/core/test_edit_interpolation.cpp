#include <QtTest>

#include <cmath>

#include "editing/LabelEditHistory.h"
#include "editing/LabelEditor.h"
#include "editing/ShapeInterpolation.h"
#include "editing/SignedDistance.h"
#include "test_edit_volumes.h"

using namespace logonet;

namespace {

void drawDisc(LabelVolume& labels, int64_t k, double ci, double cj, double radius,
              LabelValue value) {
    for (int64_t j = 0; j < labels.size()[1]; ++j) {
        for (int64_t i = 0; i < labels.size()[0]; ++i) {
            if ((i - ci) * (i - ci) + (j - cj) * (j - cj) <= radius * radius) {
                labels.at(i, j, k) = value;
            }
        }
    }
}

int64_t countOnSlice(const LabelVolume& labels, int64_t k, LabelValue value) {
    int64_t count = 0;
    for (int64_t j = 0; j < labels.size()[1]; ++j) {
        for (int64_t i = 0; i < labels.size()[0]; ++i) {
            count += labels.at(i, j, k) == value ? 1 : 0;
        }
    }
    return count;
}

}  // namespace

class TestEditInterpolation : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void distanceMapIsExact() {
        // One set pixel in a 7x5 image with 2 mm x 3 mm pixels.
        std::vector<uint8_t> mask(35, 0);
        mask[2 * 7 + 3] = 1;
        const std::vector<double> squared = SignedDistance::squaredToMask(mask, 7, 5, 2.0, 3.0);
        QCOMPARE(squared[2 * 7 + 3], 0.0);
        QCOMPARE(squared[2 * 7 + 6], 36.0);         // 3 pixels * 2 mm
        QCOMPARE(squared[0 * 7 + 3], 36.0);         // 2 pixels * 3 mm
        QCOMPARE(squared[4 * 7 + 0], 36.0 + 36.0);  // (6 mm, 6 mm)
        const std::vector<float> signedMap = SignedDistance::compute(mask, 7, 5, 2.0, 3.0);
        QCOMPARE(signedMap[2 * 7 + 3], -2.0f);  // nearest outside pixel 2 mm away
        QCOMPARE(signedMap[2 * 7 + 4], 2.0f);
    }

    void discsGiveIntermediateDiscs() {
        LabelVolume labels(editTestGeometry(48, 48, 9));
        drawDisc(labels, 0, 24, 24, 4, 1);
        drawDisc(labels, 8, 24, 24, 12, 1);
        drawDisc(labels, 4, 5, 5, 2, 2);  // another label on a middle slice stays as it is
        LabelEditor editor(labels);
        QCOMPARE(ShapeInterpolation::annotatedSlices(labels, 1, 2), (std::vector<int64_t>{0, 8}));
        editor.beginStroke();
        QVERIFY(ShapeInterpolation::interpolate(editor, 1, 2) > 0);
        editor.endStroke();
        for (int64_t k = 1; k < 8; ++k) {
            const double radius = 4.0 + static_cast<double>(k);  // 5, 6, ..., 11
            // Within a voxel of a disc of the blended radius, centred where both were.
            for (int64_t j = 0; j < 48; ++j) {
                for (int64_t i = 0; i < 48; ++i) {
                    const double r = std::hypot(i - 24.0, j - 24.0);
                    if (r <= radius - 1.0) {
                        QCOMPARE(labels.at(i, j, k), LabelValue(1));
                    } else if (r >= radius + 1.0 && !(k == 4 && i < 8 && j < 8)) {
                        QCOMPARE(labels.at(i, j, k), LabelValue(0));
                    }
                }
            }
            const double area = M_PI * radius * radius;
            QVERIFY(std::abs(countOnSlice(labels, k, 1) - area) < 0.15 * area);
        }
        QCOMPARE(countOnSlice(labels, 4, 2), int64_t(13));
    }

    void previewIsDiscardedOrAccepted() {
        LabelVolume labels(editTestGeometry(16, 30, 20));
        // Squares on sagittal slices 2 and 10: interpolate along axis 0.
        for (int64_t k = 5; k < 15; ++k) {
            for (int64_t j = 5; j < 15; ++j) {
                labels.at(2, j, k) = 3;
                labels.at(10, j, k) = 3;
            }
        }
        const std::vector<LabelValue> before = labels.voxels();
        LabelEditor editor(labels);
        const LabelDelta preview = ShapeInterpolation::preview(editor, 3, 0);
        QCOMPARE(preview.voxelCount(), int64_t(7 * 100));
        QCOMPARE(labels.at(6, 9, 9), LabelValue(3));
        preview.revert(labels);  // discard
        QCOMPARE(labels.voxels(), before);

        LabelEditHistory history;
        history.push("Interpolation (label 3)", ShapeInterpolation::preview(editor, 3, 0));
        QCOMPARE(labels.at(6, 14, 14), LabelValue(3));
        QCOMPARE(labels.at(6, 15, 14), LabelValue(0));
        history.undo(labels);
        QCOMPARE(labels.voxels(), before);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ShapeInterpolation::preview(editor, 0, 0));
        QVERIFY(!editor.inStroke());
    }
};

QTEST_APPLESS_MAIN(TestEditInterpolation)
#include "test_edit_interpolation.moc"
