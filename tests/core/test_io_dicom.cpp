// DICOM series: written with GDCM, listed, ordered by position whatever the file names, and
// folders with a missing slice or two series are reported, not silently stacked.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>

#include "io/DicomSeriesScanner.h"
#include "io/DicomSeriesWriter.h"
#include "io/ImageReader.h"

using namespace logonet;
namespace fs = std::filesystem;

namespace {

ImageVolume smallScan(double angle = 0.0) {
    ImageGeometry g;
    g.size = {12, 10, 6};
    g.spacing = {0.8, 0.9, 2.5};
    g.origin = {-20.0, 15.5, -40.0};
    const double c = std::cos(angle), s = std::sin(angle);
    g.direction = {c, -s, 0, s, c, 0, 0, 0, 1};
    ImageVolume image(g);
    for (size_t n = 0; n < image.voxels().size(); ++n) {
        image.voxels()[n] = static_cast<float>(static_cast<int>(n * 13 % 1500) - 1000);
    }
    return image;
}

DicomSeriesTags tagsFor(const std::string& uidSuffix, const std::string& description) {
    DicomSeriesTags tags;
    tags.seriesUid = "1.2.826.0.1.3680043.10.1044.7." + uidSuffix;
    tags.description = description;
    return tags;
}

}  // namespace

class TestIoDicom : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void seriesIsReadOrderedByPosition() {
        QTemporaryDir dir;
        const std::string folder = dir.filePath("series").toStdString();
        const ImageVolume scan = smallScan(0.3);
        writeDicomSeries(scan, folder, tagsFor("1", "abdomen"));
        // Reverse the file names so that name order is the opposite of position order.
        const int slices = static_cast<int>(scan.size()[2]);
        for (int k = 0; k < slices; ++k) {
            char from[32], to[32];
            std::snprintf(from, sizeof from, "slice_%04d.dcm", k);
            std::snprintf(to, sizeof to, "img_%02d.dcm", slices - 1 - k);
            fs::rename(fs::path(folder) / from, fs::path(folder) / to);
        }
        QVERIFY(DicomSeriesScanner::looksLikeDicomFolder(folder));
        const std::vector<DicomSeriesInfo> series = DicomSeriesScanner(folder).scan();
        QCOMPARE(series.size(), size_t(1));
        QCOMPARE(series[0].sliceCount, slices);
        QCOMPARE(series[0].description, std::string("abdomen"));
        QCOMPARE(series[0].modality, std::string("CT"));
        QVERIFY(series[0].problems.empty());
        QVERIFY(series[0].files.front().find("img_05.dcm") != std::string::npos);

        const ImageVolume back = readImage(folder);
        QCOMPARE(back.size(), scan.size());
        QVERIFY(back.voxels() == scan.voxels());
        for (int n = 0; n < 3; ++n) {
            QVERIFY(std::abs(back.geometry().origin[n] - scan.geometry().origin[n]) < 1e-3);
            QVERIFY(std::abs(back.geometry().spacing[n] - scan.geometry().spacing[n]) < 1e-3);
        }
        for (int n = 0; n < 9; ++n) {
            QVERIFY(std::abs(back.geometry().direction[n] - scan.geometry().direction[n]) < 1e-4);
        }
    }

    void missingSliceIsReported() {
        QTemporaryDir dir;
        const std::string folder = dir.filePath("gap").toStdString();
        writeDicomSeries(smallScan(), folder, tagsFor("2", "gap"));
        fs::remove(fs::path(folder) / "slice_0003.dcm");
        const std::vector<DicomSeriesInfo> series = DicomSeriesScanner(folder).scan();
        QCOMPARE(series.size(), size_t(1));
        QVERIFY(!series[0].usable());
        QVERIFY2(series[0].problems.front().find("1 missing slice") != std::string::npos,
                 series[0].problems.front().c_str());
        try {
            readImage(folder);
            QFAIL("a series with a missing slice was read");
        } catch (const ImageReadError& error) {
            const std::string message = error.what();
            QVERIFY2(message.rfind(folder, 0) == 0, message.c_str());
            QVERIFY2(message.find("missing slice") != std::string::npos, message.c_str());
        }
    }

    void twoSeriesAreListedSeparately() {
        QTemporaryDir dir;
        const std::string folder = dir.filePath("mixed").toStdString();
        writeDicomSeries(smallScan(), (fs::path(folder) / "a").string(), tagsFor("3", "arterial"));
        writeDicomSeries(smallScan(0.1), (fs::path(folder) / "b").string(), tagsFor("4", "venous"));
        const std::vector<DicomSeriesInfo> series = DicomSeriesScanner(folder).scan();
        QCOMPARE(series.size(), size_t(2));
        for (const DicomSeriesInfo& info : series) {
            QVERIFY(info.usable());
            QCOMPARE(info.sliceCount, 6);
        }
        try {
            readImage(folder);
            QFAIL("a folder with two series was read as one scan");
        } catch (const ImageReadError& error) {
            QVERIFY2(std::string(error.what()).find("2 DICOM series") != std::string::npos,
                     error.what());
        }
        // Each can be read on its own.
        QCOMPARE(DicomSeriesScanner(folder).read(series[1]).size(), (Size3{12, 10, 6}));
    }
};

QTEST_GUILESS_MAIN(TestIoDicom)
#include "test_io_dicom.moc"
