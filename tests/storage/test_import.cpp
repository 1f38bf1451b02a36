// Import: every layout (file, folder + labels, Decathlon, DICOM), duplicates by content, each
// bad input with its message, atomicity under injected failures, progress and cancel.
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "import/ScanImporter.h"
#include "io/DicomSeriesWriter.h"
#include "io/ImageReader.h"
#include "io/ImageWriter.h"
#include "phantom/PhantomGenerator.h"

using namespace logonet;
namespace fs = std::filesystem;

namespace {

PhantomCase tinyPhantom(uint64_t seed) {
    PhantomOptions options;
    options.size = {20, 20, 10};
    options.seed = seed;
    return generatePhantom(options);
}

// images/case_N.nii.gz and labels/case_N<suffix>.nii.gz
void writeCases(const std::string& root, int count, const std::string& labelSuffix = "") {
    fs::create_directories(root + "/images");
    fs::create_directories(root + "/labels");
    for (int n = 0; n < count; ++n) {
        const PhantomCase phantom = tinyPhantom(static_cast<uint64_t>(n + 1));
        const std::string name = "case_" + std::to_string(n);
        writeImage(phantom.image, root + "/images/" + name + ".nii.gz");
        writeLabelMap(phantom.labels, root + "/labels/" + name + labelSuffix + ".nii.gz");
    }
}

size_t filesIn(const std::string& folder) {
    size_t count = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        (void)entry;
        ++count;
    }
    return count;
}

struct Fixture {
    QTemporaryDir dir;
    std::string root = dir.path().toStdString();
    Project project = Project::create(root + "/project", phantomLabelSet());
    ScanImporter importer{project};
};

}  // namespace

class TestImport : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void singleFiles() {
        Fixture f;
        const PhantomCase phantom = tinyPhantom(5);
        writeImage(phantom.image, f.root + "/a.nii.gz");
        writeImage(phantom.image, f.root + "/b.nrrd", StoredPixelType::Float);
        writeImage(tinyPhantom(6).image, f.root + "/c.mha");
        ImportOptions options;
        const ImportReport report =
            f.importer.importPaths({f.root + "/a.nii.gz", f.root + "/c.mha"}, options);
        QCOMPARE(report.imported.size(), size_t(2));
        QVERIFY(report.failures.empty());
        const std::vector<ScanRecord> scans = f.project.scans();
        QCOMPARE(scans[0].name, std::string("a"));
        QCOMPARE(scans[0].path, std::string("scans/000001_a.nii.gz"));
        QCOMPARE(scans[0].pixelType, std::string("int16"));
        QCOMPARE(scans[1].name, std::string("c"));
        QVERIFY(!scans[0].labeled);
        QCOMPARE(scans[0].size, (Size3{20, 20, 10}));
        // A converted format keeps voxels and geometry.
        const ImageVolume stored = f.project.loadImage(scans[1].id);
        const ImageVolume original = readImage(f.root + "/c.mha");
        QVERIFY(stored.voxels() == original.voxels());
        QVERIFY(stored.geometry().sameGrid(original.geometry(), 1e-6));
        // The same image again, even as another format, is a duplicate.
        const ImportReport again = f.importer.importPaths({f.root + "/b.nrrd"}, options);
        QCOMPARE(again.imported.size(), size_t(0));
        QCOMPARE(again.duplicates.size(), size_t(1));
        QCOMPARE(again.duplicates[0].existingScanId, scans[0].id);
        QCOMPARE(f.project.scanCount(), int64_t(2));
    }

    void folderWithLabelFolder() {
        Fixture f;
        writeCases(f.root + "/data", 3, "_seg");
        ImportOptions options;
        options.labelsDir = f.root + "/data/labels";
        options.split = "val";
        const ImportReport report = f.importer.importPaths({f.root + "/data/images"}, options);
        QCOMPARE(report.imported.size(), size_t(3));
        for (const ScanRecord& scan : f.project.scans()) {
            QVERIFY(scan.labeled);
            QCOMPARE(scan.split, std::string("val"));
            const auto labels = f.project.currentLabels(scan.id);
            QVERIFY(labels.has_value());
            QCOMPARE(labels->kind, std::string("ground-truth"));
            const LabelVolume stored = f.project.loadLabels(labels->id);
            const LabelVolume source =
                readLabelMap(f.root + "/data/labels/" + scan.name + "_seg.nii.gz");
            QVERIFY(stored.voxels() == source.voxels());
        }
        // --unlabeled ignores the labels.
        Fixture g;
        writeCases(g.root + "/data", 2);
        options.unlabeled = true;
        g.importer.importPaths({g.root + "/data/images"}, options);
        for (const ScanRecord& scan : g.project.scans()) {
            QVERIFY(!scan.labeled);
            QVERIFY(g.project.labelVersions(scan.id).empty());
        }
    }

    void decathlonLayout() {
        Fixture f;
        const std::string msd = f.root + "/Task99";
        writeCases(msd, 3);
        fs::rename(msd + "/images", msd + "/imagesTr");
        fs::rename(msd + "/labels", msd + "/labelsTr");
        fs::create_directories(msd + "/imagesTs");
        fs::rename(msd + "/imagesTr/case_2.nii.gz", msd + "/imagesTs/case_2.nii.gz");
        std::ofstream(msd + "/dataset.json") << R"({"name": "Task99", "training": [
                 {"image": "./imagesTr/case_0.nii.gz", "label": "./labelsTr/case_0.nii.gz"},
                 {"image": "./imagesTr/case_1.nii.gz", "label": "./labelsTr/case_1.nii.gz"}],
                 "test": ["./imagesTs/case_2.nii.gz"]})";
        const ImportReport report = f.importer.importPaths({msd}, ImportOptions{});
        QCOMPARE(report.imported.size(), size_t(3));
        const std::vector<ScanRecord> scans = f.project.scans();
        QCOMPARE(scans[0].split, std::string("train"));
        QVERIFY(scans[0].labeled && scans[1].labeled);
        QCOMPARE(scans[2].split, std::string("test"));
        QVERIFY(!scans[2].labeled);
    }

    void dicomFolderGivesOneScanPerSeries() {
        Fixture f;
        const std::string folder = f.root + "/dicom";
        DicomSeriesTags arterial;
        arterial.seriesUid = "1.2.826.0.1.3680043.10.1044.9.1";
        arterial.description = "arterial";
        DicomSeriesTags venous = arterial;
        venous.seriesUid = "1.2.826.0.1.3680043.10.1044.9.2";
        venous.description = "venous";
        writeDicomSeries(tinyPhantom(1).image, folder + "/s1", arterial);
        writeDicomSeries(tinyPhantom(2).image, folder + "/s2", venous);
        const ImportReport report = f.importer.importPaths({folder}, ImportOptions{});
        QCOMPARE(report.imported.size(), size_t(2));
        const std::vector<ScanRecord> scans = f.project.scans();
        QCOMPARE(scans[0].name, std::string("arterial_1"));
        QCOMPARE(scans[1].name, std::string("venous_2"));
        QCOMPARE(scans[0].modality, std::string("CT"));
        QVERIFY(f.project.loadImage(scans[1].id).voxels() == tinyPhantom(2).image.voxels());
        // A series with a missing slice is refused with the reason, not stacked with a gap.
        DicomSeriesTags gap = arterial;
        gap.seriesUid = "1.2.826.0.1.3680043.10.1044.9.3";
        gap.description = "gap";
        writeDicomSeries(tinyPhantom(3).image, f.root + "/gap", gap);
        fs::remove(f.root + "/gap/slice_0004.dcm");
        const ImportReport broken = f.importer.importPaths({f.root + "/gap"}, ImportOptions{});
        QCOMPARE(broken.failures.size(), size_t(1));
        QVERIFY2(broken.failures[0].message.find("1 missing slice(s)") != std::string::npos,
                 broken.failures[0].message.c_str());
        QCOMPARE(f.project.scanCount(), int64_t(2));
    }

    void eachFailureLeavesNothing_data() {
        QTest::addColumn<QString>("stage");
        QTest::newRow("files-written") << "files-written";
        QTest::newRow("row-inserted") << "row-inserted";
        QTest::newRow("labels-inserted") << "labels-inserted";
    }
    void eachFailureLeavesNothing() {
        QFETCH(QString, stage);
        Fixture f;
        writeCases(f.root + "/data", 1);
        f.importer.setFaultInjector([&](const std::string& now) {
            if (now == stage.toStdString()) {
                throw std::runtime_error("disk pulled out at " + now);
            }
        });
        ImportOptions options;
        options.labelsDir = f.root + "/data/labels";
        const ImportReport report = f.importer.importPaths({f.root + "/data/images"}, options);
        QCOMPARE(report.failures.size(), size_t(1));
        QVERIFY(report.failures[0].message.find("disk pulled out") != std::string::npos);
        QCOMPARE(f.project.scanCount(), int64_t(0));
        QCOMPARE(f.project.database().queryInt("SELECT COUNT(*) FROM label_versions"), int64_t(0));
        QCOMPARE(filesIn(f.project.absolutePath("scans")), size_t(0));
        QCOMPARE(filesIn(f.project.absolutePath("labels")), size_t(0));
        // Without the fault the same import succeeds.
        f.importer.setFaultInjector({});
        QCOMPARE(f.importer.importPaths({f.root + "/data/images"}, options).imported.size(),
                 size_t(1));
    }

    // A full disk, for real: the process may not grow any file beyond a limit smaller than the
    // scan, so copying it into the project fails as it would on a full volume.
    void fullDiskLeavesNothing() {
        Fixture f;
        PhantomOptions big;
        big.size = {64, 64, 48};
        big.seed = 7;
        const PhantomCase phantom = generatePhantom(big);
        writeImage(phantom.image, f.root + "/big.nii.gz");
        const auto scanBytes = static_cast<rlim_t>(fs::file_size(f.root + "/big.nii.gz"));
        QVERIFY(scanBytes > 100000);
        f.project.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        const auto dbBytes = static_cast<rlim_t>(fs::file_size(f.root + "/project/project.db"));
        QVERIFY(dbBytes < scanBytes / 2);

        struct rlimit saved {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit tight = saved;
        tight.rlim_cur = std::max(dbBytes * 2, scanBytes / 2);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
        const ImportReport report = f.importer.importPaths({f.root + "/big.nii.gz"}, {});
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);
        std::signal(SIGXFSZ, oldHandler);

        QCOMPARE(report.failures.size(), size_t(1));
        const std::string& message = report.failures[0].message;
        QVERIFY2(message.find("big.nii.gz") != std::string::npos, message.c_str());
        QVERIFY2(message.find("disk is full") != std::string::npos ||
                     message.find("disk full") != std::string::npos,
                 message.c_str());
        QCOMPARE(f.project.scanCount(), int64_t(0));
        QCOMPARE(filesIn(f.project.absolutePath("scans")), size_t(0));
        // With room again, the same file imports.
        QCOMPARE(f.importer.importPaths({f.root + "/big.nii.gz"}, {}).imported.size(), size_t(1));
    }

    void labelGeometryMismatchNamesBothGrids() {
        Fixture f;
        writeImage(tinyPhantom(1).image, f.root + "/img.nii.gz");
        PhantomOptions other;
        other.size = {20, 20, 12};
        other.spacing = {1.5, 1.5, 2.5};
        fs::create_directories(f.root + "/lab");
        writeLabelMap(generatePhantom(other).labels, f.root + "/lab/img.nii.gz");
        ImportOptions options;
        options.labelsDir = f.root + "/lab";
        const ImportReport report = f.importer.importPaths({f.root + "/img.nii.gz"}, options);
        QCOMPARE(report.failures.size(), size_t(1));
        const std::string& message = report.failures[0].message;
        QVERIFY2(message.rfind(f.root + "/lab/img.nii.gz: 20x20x12 voxels, 1.5x1.5x2.5 mm does "
                                        "not match the image's 20x20x10 voxels, 1.5x1.5x2 mm",
                               0) == 0,
                 message.c_str());
        QCOMPARE(f.project.scanCount(), int64_t(0));
    }

    void labelValuesOutsideTheSetAreListed() {
        Fixture f;
        const PhantomCase phantom = tinyPhantom(1);
        LabelVolume labels = phantom.labels;
        labels.at(0, 0, 0) = 11;
        labels.at(1, 0, 0) = 40;
        writeImage(phantom.image, f.root + "/img.nii.gz");
        fs::create_directories(f.root + "/lab");
        writeLabelMap(labels, f.root + "/lab/img.nii.gz");
        ImportOptions options;
        options.labelsDir = f.root + "/lab";
        const ImportReport report = f.importer.importPaths({f.root + "/img.nii.gz"}, options);
        QCOMPARE(report.failures.size(), size_t(1));
        QCOMPARE(
            report.failures[0].message,
            f.root + "/lab/img.nii.gz: label values 11, 40 are not in the project's label set");
        QCOMPARE(f.project.scanCount(), int64_t(0));
    }

    void badFilesAreReportedAndTheRestImported() {
        Fixture f;
        fs::create_directories(f.root + "/mixed");
        writeImage(tinyPhantom(1).image, f.root + "/mixed/good.nii.gz");
        writeImage(tinyPhantom(2).image, f.root + "/mixed/cut.nii.gz");
        fs::resize_file(f.root + "/mixed/cut.nii.gz",
                        fs::file_size(f.root + "/mixed/cut.nii.gz") / 2);
        std::ofstream(f.root + "/mixed/fake.nii") << "not an image";
        const ImportReport report = f.importer.importPaths({f.root + "/mixed"}, ImportOptions{});
        QCOMPARE(report.imported.size(), size_t(1));
        QCOMPARE(report.failures.size(), size_t(2));
        QCOMPARE(report.failures[0].message,
                 f.root + "/mixed/cut.nii.gz: truncated or corrupted gzip data");
        QVERIFY2(report.failures[1].message.rfind(f.root + "/mixed/fake.nii: not an image", 0) == 0,
                 report.failures[1].message.c_str());
        QCOMPARE(filesIn(f.project.absolutePath("scans")), size_t(1));
        // A path that is not there, or holds nothing importable, is an error before any import.
        QVERIFY_EXCEPTION_THROWN(f.importer.plan({f.root + "/absent"}, ImportOptions{}),
                                 ImportError);
        fs::create_directories(f.root + "/empty");
        QVERIFY_EXCEPTION_THROWN(f.importer.plan({f.root + "/empty"}, ImportOptions{}),
                                 ImportError);
    }

    void progressReportsAndCancelStops() {
        Fixture f;
        writeCases(f.root + "/data", 3);
        std::vector<int> seen;
        std::vector<int> totals;
        const ImportReport report =
            f.importer.importPaths({f.root + "/data/images"}, ImportOptions{},
                                   [&](int done, int total, const std::string&) -> bool {
                                       totals.push_back(total);
                                       seen.push_back(done);
                                       return done < 2;  // cancel before the third
                                   });
        QCOMPARE(totals, (std::vector<int>{3, 3, 3}));
        QVERIFY(report.cancelled);
        QCOMPARE(report.imported.size(), size_t(2));
        QCOMPARE(seen, (std::vector<int>{0, 1, 2}));
        QCOMPARE(f.project.scanCount(), int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "test_import.moc"
