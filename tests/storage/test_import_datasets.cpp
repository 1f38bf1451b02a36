// Datasets as labs exchange them: nnU-Net raw folders (channel suffix _0000, dataset.json with
// "labels" {name: value} and "channel_names") and Medical Segmentation Decathlon folders
// ("labels" {"1": "liver"}, "modality", "training"/"test" lists) import with their label names
// and modality; the report says what came in labeled, unlabeled, as a duplicate or refused, and
// why; a malformed dataset.json, or one naming missing files, lists every problem and imports
// nothing.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "import/ScanImporter.h"
#include "io/ImageWriter.h"
#include "phantom/PhantomGenerator.h"

using namespace logonet;
namespace fs = std::filesystem;

namespace {

// A tiny phantom whose label map keeps two structures: the liver as 1 and the spleen as 2, the
// values a liver/tumour dataset would use.
PhantomCase liverCase(uint64_t seed) {
    PhantomOptions options;
    options.size = {16, 16, 8};
    options.seed = seed;
    PhantomCase phantom = generatePhantom(options);
    const LabelSet btcv = LabelSet::btcv();
    const LabelValue liver = *btcv.valueOf("liver");
    const LabelValue spleen = *btcv.valueOf("spleen");
    for (LabelValue& value : phantom.labels.voxels()) {
        value = value == liver ? 1 : value == spleen ? 2 : 0;
    }
    return phantom;
}

void write(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path) << text;
}

void writeImage(const PhantomCase& phantom, const std::string& path) {
    fs::create_directories(fs::path(path).parent_path());
    logonet::writeImage(phantom.image, path);
}

void writeLabels(const PhantomCase& phantom, const std::string& path) {
    fs::create_directories(fs::path(path).parent_path());
    writeLabelMap(phantom.labels, path);
}

// Dataset001_Liver: two training cases (one with labels), one test case.
std::string writeNnunet(const std::string& root) {
    const std::string dir = root + "/Dataset001_Liver";
    writeImage(liverCase(1), dir + "/imagesTr/liver_001_0000.nii.gz");
    writeLabels(liverCase(1), dir + "/labelsTr/liver_001.nii.gz");
    writeImage(liverCase(2), dir + "/imagesTr/liver_002_0000.nii.gz");
    writeImage(liverCase(3), dir + "/imagesTs/liver_003_0000.nii.gz");
    write(dir + "/dataset.json", R"({"channel_names": {"0": "CT"},
        "labels": {"background": 0, "liver": 1, "tumour": 2},
        "numTraining": 2, "file_ending": ".nii.gz"})");
    return dir;
}

std::string writeDecathlon(const std::string& root, const std::string& modality) {
    const std::string dir = root + "/Task03_Liver";
    writeImage(liverCase(4), dir + "/imagesTr/liver_0.nii.gz");
    writeLabels(liverCase(4), dir + "/labelsTr/liver_0.nii.gz");
    writeImage(liverCase(5), dir + "/imagesTs/liver_9.nii.gz");
    write(dir + "/dataset.json", R"({"name": "Liver",
        "labels": {"0": "background", "1": "liver", "2": "cancer"},
        "modality": {"0": ")" + modality +
                                     R"("},
        "training": [{"image": "./imagesTr/liver_0.nii.gz", "label": "./labelsTr/liver_0.nii.gz"}],
        "test": ["./imagesTs/liver_9.nii.gz"]})");
    return dir;
}

std::string importErrorOf(ScanImporter& importer, const std::string& path) {
    try {
        importer.importPaths({path}, ImportOptions{});
    } catch (const ImportError& error) {
        return error.what();
    }
    return "(no error)";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct Fixture {
    QTemporaryDir dir;
    std::string root = dir.path().toStdString();
    Project project = Project::create(root + "/project", LabelSet::btcv());
    ScanImporter importer{project};
};

}  // namespace

class TestImportDatasets : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void nnunetRawDataset() {
        Fixture f;
        const std::string dataset = writeNnunet(f.root);
        const ImportReport report = f.importer.importPaths({dataset}, ImportOptions{});
        QVERIFY(report.failures.empty());
        QCOMPARE(report.imported.size(), size_t(3));
        QCOMPARE(report.importedLabeled.size(), size_t(1));
        QVERIFY2(contains(report.labelSetNote, "label set is now the 2 labels of"),
                 report.labelSetNote.c_str());
        // The dataset's names, not BTCV's (whose value 1 is the spleen).
        QCOMPARE(f.project.labelSet().size(), size_t(2));
        QCOMPARE(f.project.labelSet().nameOf(1), std::string("liver"));
        QCOMPARE(f.project.labelSet().nameOf(2), std::string("tumour"));
        const std::vector<ScanRecord> scans = f.project.scans();
        QCOMPARE(scans[0].name, std::string("liver_001"));  // no channel suffix
        QVERIFY(scans[0].labeled);
        QCOMPARE(scans[1].name, std::string("liver_002"));
        QVERIFY(!scans[1].labeled);
        QCOMPARE(scans[2].name, std::string("liver_003"));
        QCOMPARE(scans[2].split, std::string("test"));
        for (const ScanRecord& scan : scans) {
            QCOMPARE(scan.modality, std::string("CT"));
        }

        // Again: every scan is a duplicate, each with its reason.
        const ImportReport again = f.importer.importPaths({dataset}, ImportOptions{});
        QCOMPARE(again.imported.size(), size_t(0));
        QCOMPARE(again.duplicates.size(), size_t(3));
        QVERIFY2(contains(again.duplicates[0].reason, "already has these labels"),
                 again.duplicates[0].reason.c_str());
        QVERIFY2(contains(again.duplicates[1].reason, "no label file came with it"),
                 again.duplicates[1].reason.c_str());
        QVERIFY(again.labelSetNote.empty());
    }

    void nnunetFoldersWithoutDatasetJson() {
        Fixture f;
        const std::string dataset = writeNnunet(f.root);
        ImportOptions options;
        options.labelsDir = dataset + "/labelsTr";
        const ImportReport report = f.importer.importPaths({dataset + "/imagesTr"}, options);
        QCOMPARE(report.imported.size(), size_t(2));
        QCOMPARE(report.importedLabeled.size(), size_t(1));
        const std::vector<ScanRecord> scans = f.project.scans();
        QCOMPARE(scans[0].name, std::string("liver_001"));
        QVERIFY(scans[0].labeled);  // labelsTr/liver_001 for imagesTr/liver_001_0000
        QVERIFY(!scans[1].labeled);
    }

    void decathlonNamesAndModality() {
        Fixture f;
        const std::string dataset = writeDecathlon(f.root, "MRI");
        const ImportReport report = f.importer.importPaths({dataset}, ImportOptions{});
        QVERIFY(report.failures.empty());
        QCOMPARE(report.imported.size(), size_t(2));
        QCOMPARE(report.importedLabeled.size(), size_t(1));
        QCOMPARE(f.project.labelSet().nameOf(1), std::string("liver"));
        QCOMPARE(f.project.labelSet().nameOf(2), std::string("cancer"));
        const std::vector<ScanRecord> scans = f.project.scans();
        QCOMPARE(scans[0].modality, std::string("MR"));  // as dataset.json says, not the HU guess
        QCOMPARE(scans[1].split, std::string("test"));
    }

    void conflictingNamesAreRefusedOnceTheProjectHasLabels() {
        Fixture f;
        // A BTCV-labelled scan first: its label maps use value 1 for the spleen.
        PhantomOptions options;
        options.size = {16, 16, 8};
        options.seed = 40;
        const PhantomCase btcvCase = generatePhantom(options);
        logonet::writeImage(btcvCase.image, f.root + "/btcv.nii.gz");
        fs::create_directories(f.root + "/btcvLabels");
        writeLabelMap(btcvCase.labels, f.root + "/btcvLabels/btcv_seg.nii.gz");
        ImportOptions withLabels;
        withLabels.labelsDir = f.root + "/btcvLabels";
        QCOMPARE(
            f.importer.importPaths({f.root + "/btcv.nii.gz"}, withLabels).importedLabeled.size(),
            size_t(1));
        const std::string message = importErrorOf(f.importer, writeDecathlon(f.root, "CT"));
        QVERIFY2(contains(message, "value 1 is \"liver\" there but \"spleen\" in the project"),
                 message.c_str());
        QVERIFY2(contains(message, "Task03_Liver/dataset.json"), message.c_str());
        QCOMPARE(f.project.scanCount(), int64_t(1));
        QCOMPARE(f.project.labelSet().nameOf(1), std::string("spleen"));
    }

    void everyProblemIsListedAndNothingImported() {
        Fixture f;
        const std::string dir = f.root + "/Broken";
        writeImage(liverCase(6), dir + "/imagesTr/a.nii.gz");
        write(dir + "/dataset.json", R"({"labels": {"0": "background", "1": "liver", "2": [1, 2]},
            "modality": {"0": "CT"},
            "training": [{"image": "./imagesTr/a.nii.gz", "label": "./labelsTr/a.nii.gz"},
                         {"image": "./imagesTr/b.nii.gz", "label": "./labelsTr/b.nii.gz"},
                         {"label": "./labelsTr/c.nii.gz"}],
            "test": ["./imagesTs/z.nii.gz"]})");
        const std::string message = importErrorOf(f.importer, dir);
        QVERIFY2(contains(message, "6 problems, nothing imported:"), message.c_str());
        for (const std::string& part :
             {dir + "/labelsTr/a.nii.gz: missing (listed as training[0].label in " + dir +
                  "/dataset.json)",
              dir + "/imagesTr/b.nii.gz: missing (listed as training[1].image",
              dir + "/labelsTr/b.nii.gz: missing (listed as training[1].label",
              dir + "/dataset.json: training[2] has no \"image\" file name",
              dir + "/imagesTs/z.nii.gz: missing (listed as test[0].image",
              dir + "/dataset.json: label \"2\" is a region"}) {
            QVERIFY2(contains(message, part), (part + "\nnot in:\n" + message).c_str());
        }
        QCOMPARE(f.project.scanCount(), int64_t(0));
        QVERIFY(fs::is_empty(f.root + "/project/scans"));
        QCOMPARE(f.project.labelSet().nameOf(1), std::string("spleen"));  // untouched

        // Not JSON at all: the parser's complaint, with the file.
        write(dir + "/dataset.json", "{\"labels\": {\"1\": \"liver\",}");
        const std::string parse = importErrorOf(f.importer, dir);
        QVERIFY2(parse.rfind(dir + "/dataset.json: ", 0) == 0, parse.c_str());

        // Two paths, one broken: the good one is not imported either.
        const std::string good = writeNnunet(f.root);
        const std::string both = [&] {
            try {
                f.importer.importPaths({good, dir}, ImportOptions{});
            } catch (const ImportError& error) {
                return std::string(error.what());
            }
            return std::string("(no error)");
        }();
        QVERIFY2(contains(both, dir + "/dataset.json"), both.c_str());
        QCOMPARE(f.project.scanCount(), int64_t(0));
    }

    void multiChannelCasesAreRefusedWithTheirReason() {
        Fixture f;
        const std::string dir = f.root + "/Dataset002_Prostate";
        writeImage(liverCase(7), dir + "/imagesTr/p1_0000.nii.gz");
        writeImage(liverCase(8), dir + "/imagesTr/p1_0001.nii.gz");
        write(dir + "/dataset.json", R"({"channel_names": {"0": "T2", "1": "ADC"},
            "labels": {"background": 0, "PZ": 1, "TZ": 2}, "file_ending": ".nii.gz"})");
        const ImportReport report = f.importer.importPaths({dir}, ImportOptions{});
        QCOMPARE(report.imported.size(), size_t(0));
        QCOMPARE(report.failures.size(), size_t(1));
        QVERIFY2(contains(report.failures[0].message,
                          "case p1 has 2 channels (T2, ADC); the workstation imports "
                          "single-channel scans"),
                 report.failures[0].message.c_str());
    }

    void numTrainingMustMatchTheFolder() {
        Fixture f;
        const std::string dir = writeNnunet(f.root);
        write(dir + "/dataset.json", R"({"channel_names": {"0": "CT"},
            "labels": {"background": 0, "liver": 1}, "numTraining": 5})");
        const std::string message = importErrorOf(f.importer, dir);
        QVERIFY2(contains(message, "\"numTraining\" is 5 but " + dir + "/imagesTr holds 2 case(s)"),
                 message.c_str());
        QCOMPARE(f.project.scanCount(), int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestImportDatasets)
#include "test_import_datasets.moc"
