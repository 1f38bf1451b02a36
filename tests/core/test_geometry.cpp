#include <QtTest>

#include <cmath>

#include "geometry/ImageGeometry.h"
#include "labels/LabelSet.h"

using namespace logonet;

class TestGeometry : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void indexToWorldAndBackForObliqueMatrix() {
        ImageGeometry g;
        g.size = {10, 20, 30};
        g.spacing = {0.7, 0.8, 2.5};
        g.origin = {-100, 50, 12};
        const double a = 0.3;
        // Rotation about z, then the third axis flipped: oblique and left-handed.
        g.direction = {std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a), 0, 0, 0, -1};
        const Vec3 index{3.5, 7, 11};
        const Vec3 world = g.indexToWorld(index);
        const Vec3 back = g.worldToIndex(world);
        for (int n = 0; n < 3; ++n) {
            QVERIFY(std::abs(back[n] - index[n]) < 1e-9);
        }
        // Voxel (0,0,1) sits 2.5 mm below the origin along -z.
        const Vec3 up = g.indexToWorld({0, 0, 1});
        QVERIFY(std::abs(up[2] - (12 - 2.5)) < 1e-12);
    }

    void orientationLettersFollowTheDirection() {
        ImageGeometry g;
        QCOMPARE(g.orientationCode(), std::string("LPS"));
        g.direction = {-1, 0, 0, 0, -1, 0, 0, 0, 1};
        QCOMPARE(g.orientationCode(), std::string("RAS"));
        QCOMPARE(g.axisLetter(0, false), 'L');
        // Sagittal acquisition: first axis runs anterior->posterior, second superior->inferior.
        g.direction = {0, 0, 1, 1, 0, 0, 0, -1, 0};
        QCOMPARE(g.orientationCode(), std::string("PIL"));
    }

    void sameGridComparesEveryPart() {
        ImageGeometry a;
        a.size = {4, 4, 4};
        ImageGeometry b = a;
        QVERIFY(a.sameGrid(b));
        b.spacing[2] = 1.5;
        QVERIFY(!a.sameGrid(b));
        b = a;
        b.size[0] = 5;
        QVERIFY(!a.sameGrid(b));
        QCOMPARE(a.describe(), std::string("4x4x4 voxels, 1x1x1 mm"));
    }

    void btcvPresetHasThirteenOrgans() {
        const LabelSet set = LabelSet::btcv();
        QCOMPARE(set.size(), size_t(13));
        QCOMPARE(set.nameOf(6), std::string("liver"));
        QCOMPARE(set.nameOf(0), std::string("background"));
        QCOMPARE(set.nameOf(40), std::string("label 40"));
        const LabelSet back = LabelSet::fromJson(set.toJson());
        QCOMPARE(back.size(), size_t(13));
        QCOMPARE(back.find(13)->name, std::string("left adrenal gland"));
    }
};

QTEST_APPLESS_MAIN(TestGeometry)
#include "test_geometry.moc"
