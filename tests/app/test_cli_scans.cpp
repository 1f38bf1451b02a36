// `logonet scan set | attach-labels | remove`, `logonet split` and `list --json`, run as a user
// would: splits and modalities change and show, a label file on another grid is refused with
// both grids named (nibabel shifts the origin, so the check is not the writer's own), a re-import
// with labels attaches them instead of dropping them, removal asks for --yes first.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "LogonetRun.h"

namespace {

QList<QJsonObject> listScans(const QString& project) {
    const LogonetResult r = runLogonet({"list", "--project", project, "--json"});
    QList<QJsonObject> scans;
    for (const QString& line : r.out.split('\n', Qt::SkipEmptyParts)) {
        scans << QJsonDocument::fromJson(line.toUtf8()).object();
    }
    return scans;
}

}  // namespace

class TestCliScans : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    QString data_;
    QString project_;

  private Q_SLOTS:
    void init() {
        data_ = dir_.filePath("demo");
        project_ = dir_.filePath("project");
        QDir(data_).removeRecursively();
        QDir(project_).removeRecursively();
        LogonetResult r = runLogonet(
            {"demo-data", "--out", data_, "--cases", "3", "--seed", "2", "--size", "16,16,8"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(runLogonet({"project", "create", project_}).exitCode, 0);
        r = runLogonet({"import", data_ + "/imagesTr", "--project", project_, "--unlabeled"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("imported 3 scan(s)") && r.out.contains("0 labeled, 3 unlabeled"),
                 qPrintable(r.out));
    }

    void setSplitAndModality() {
        QList<QJsonObject> scans = listScans(project_);
        QCOMPARE(scans.size(), 3);
        for (const QJsonObject& scan : scans) {
            // The phantoms hold air at -1000 HU: guessed CT.
            QCOMPARE(scan["modality"].toString(), QString("CT"));
            QVERIFY(scan["fold"].isNull());
            QCOMPARE(scan["labeled"].toBool(), false);
        }
        LogonetResult r = runLogonet({"scan", "set", "--project", project_, "--scan", "2",
                                      "--split", "validation", "--modality", "MR"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        scans = listScans(project_);
        QCOMPARE(scans[1]["split"].toString(), QString("val"));
        QCOMPARE(scans[1]["modality"].toString(), QString("MR"));
        QCOMPARE(scans[0]["modality"].toString(), QString("CT"));

        // A bad value anywhere writes nothing.
        r = runLogonet({"scan", "set", "--project", project_, "--scan", "2", "--split", "holdout",
                        "--modality", "CT"});
        QVERIFY2(failedWithOneLine(r, "--split must be train, validation or test"),
                 qPrintable(r.err));
        QCOMPARE(r.exitCode, 2);
        r = runLogonet({"scan", "set", "--project", project_, "--scan", "2", "--modality", "PET"});
        QVERIFY2(failedWithOneLine(r, "--modality must be CT or MR"), qPrintable(r.err));
        QCOMPARE(listScans(project_)[1]["modality"].toString(), QString("MR"));
        r = runLogonet({"scan", "set", "--project", project_, "--scan", "9", "--split", "test"});
        QVERIFY2(failedWithOneLine(r, "no scan with id 9"), qPrintable(r.err));

        // Preparation follows each scan's modality: percentiles for the scan set to MR, the
        // Hounsfield window for the others.
        r = runLogonet({"prepare", "--project", project_, "--spacing", "3,3,4"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const auto& [id, modality] :
             QList<std::pair<QString, QString>>{{"1", "ct"}, {"2", "mr"}, {"3", "ct"}}) {
            QFile header(project_ + "/cache/scan_00000" + id + ".json");
            QVERIFY2(header.open(QIODevice::ReadOnly), qPrintable(header.fileName()));
            const QJsonObject settings =
                QJsonDocument::fromJson(header.readAll()).object()["settings"].toObject();
            QCOMPARE(settings["modality"].toString(), modality);
        }
    }

    void attachLabelsChecksTheGrid() {
        LogonetResult r = runLogonet({"scan", "attach-labels", "--project", project_, "--scan", "1",
                                      data_ + "/labelsTr/case_000.nii.gz"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("as ground-truth version"), qPrintable(r.out));
        QCOMPARE(listScans(project_)[0]["labeled"].toBool(), true);

        // The same labels moved 5 mm along x by nibabel.
        const QString shifted = dir_.filePath("shifted.nii.gz");
        QProcess python;
        python.start(LOGONET_PYTHON_EXECUTABLE,
                     {"-c",
                      "import sys, nibabel as nib\n"
                      "l = nib.load(sys.argv[1]); a = l.affine.copy(); a[0, 3] += 5\n"
                      "nib.save(nib.Nifti1Image(l.get_fdata().astype('uint8'), a), sys.argv[2])\n",
                      data_ + "/labelsTr/case_001.nii.gz", shifted});
        python.waitForFinished(60000);
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        r = runLogonet({"scan", "attach-labels", "--project", project_, "--scan", "2", shifted});
        QVERIFY2(failedWithOneLine(r, shifted + ": its grid does not match scan 2 (case_001)"),
                 qPrintable(r.err));
        QCOMPARE(r.err.count("origin ("), 2);
        QCOMPARE(r.err.count("direction ("), 2);
        QCOMPARE(r.err.count("spacing 1.5x1.5x2 mm"), 2);
        QCOMPARE(listScans(project_)[1]["labeled"].toBool(), false);

        // Another size: both sizes are named.
        QCOMPARE(runLogonet({"demo-data", "--out", dir_.filePath("small"), "--cases", "1", "--size",
                             "16,16,10"})
                     .exitCode,
                 0);
        r = runLogonet({"scan", "attach-labels", "--project", project_, "--scan", "2",
                        dir_.filePath("small/labelsTr/case_000.nii.gz")});
        QVERIFY2(failedWithOneLine(r, "the label file has size 16x16x10"), qPrintable(r.err));
        QVERIFY2(r.err.contains("the scan has size 16x16x8"), qPrintable(r.err));
    }

    void reimportWithLabelsAttachesThem() {
        QCOMPARE(runLogonet({"scan", "attach-labels", "--project", project_, "--scan", "1",
                             data_ + "/labelsTr/case_000.nii.gz"})
                     .exitCode,
                 0);
        const LogonetResult r = runLogonet({"import", data_, "--project", project_});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("skipped as a duplicate: same content as scan 1, which already "
                                "has these labels"),
                 qPrintable(r.out));
        QCOMPARE(r.out.count("its label file was attached as ground-truth version"), 2);
        QVERIFY2(r.out.contains("imported 0 scan(s), 1 duplicate(s), 0 failure(s)"),
                 qPrintable(r.out));
        for (const QJsonObject& scan : listScans(project_)) {
            QCOMPARE(scan["labeled"].toBool(), true);
        }
    }

    void removeAsksFirst() {
        const QString image = project_ + "/scans/000003_case_002.nii.gz";
        QVERIFY(QFile::exists(image));
        LogonetResult r = runLogonet({"scan", "remove", "--project", project_, "--scan", "3"});
        QVERIFY2(failedWithOneLine(r,
                                   "not removed without --yes: this would delete scan 3 "
                                   "(case_002): the image scans/000003_case_002.nii.gz, 0 "
                                   "label version(s)"),
                 qPrintable(r.err));
        QVERIFY(QFile::exists(image));
        QCOMPARE(listScans(project_).size(), 3);
        // Its prepared case goes too: the next scan may get id 3 again.
        QCOMPARE(runLogonet({"prepare", "--project", project_}).exitCode, 0);
        const QString cached = project_ + "/cache/scan_000003.json";
        QVERIFY(QFile::exists(cached));
        r = runLogonet({"scan", "remove", "--project", project_, "--scan", "3", "--yes"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!QFile::exists(image));
        QVERIFY(!QFile::exists(cached));
        QVERIFY(QFile::exists(project_ + "/cache/scan_000002.json"));
        const QList<QJsonObject> scans = listScans(project_);
        QCOMPARE(scans.size(), 2);
        QCOMPARE(scans[1]["id"].toInt(), 2);
    }

    void kFoldSplitIsDeterministic() {
        // Three more scans (another seed, other content) for six in all; one goes to test.
        QCOMPARE(runLogonet({"demo-data", "--out", dir_.filePath("more"), "--cases", "3", "--seed",
                             "9", "--size", "16,16,8"})
                     .exitCode,
                 0);
        QCOMPARE(runLogonet({"import", dir_.filePath("more/imagesTr"), "--project", project_,
                             "--unlabeled"})
                     .exitCode,
                 0);
        QCOMPARE(
            runLogonet({"scan", "set", "--project", project_, "--scan", "6", "--split", "test"})
                .exitCode,
            0);
        LogonetResult r =
            runLogonet({"split", "--project", project_, "--folds", "2", "--seed", "11"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("assigned 5 scan(s) to 2 folds (seed 11): 3, 2"),
                 qPrintable(r.out));
        QStringList first;
        QList<int> counts{0, 0};
        for (const QJsonObject& scan : listScans(project_)) {
            if (scan["split"].toString() == "test") {
                QVERIFY(scan["fold"].isNull());
                continue;
            }
            const int fold = scan["fold"].toInt(-1);
            QVERIFY(fold == 0 || fold == 1);
            ++counts[fold];
            first << QString::number(fold);
        }
        QCOMPARE(counts, (QList<int>{3, 2}));
        QVERIFY(
            runLogonet({"split", "--project", project_, "--folds", "2", "--seed", "11"}).exitCode ==
            0);
        QStringList again;
        for (const QJsonObject& scan : listScans(project_)) {
            if (!scan["fold"].isNull()) {
                again << QString::number(scan["fold"].toInt());
            }
        }
        QCOMPARE(again, first);

        r = runLogonet({"split", "--project", project_, "--folds", "6"});
        QVERIFY2(failedWithOneLine(r, "cannot make 6 folds of 5 non-test scan(s)"),
                 qPrintable(r.err));
        r = runLogonet({"split", "--project", project_, "--folds", "1"});
        QVERIFY2(failedWithOneLine(r, "--folds K is required, 2 to 100"), qPrintable(r.err));
    }

    void labelSetsInAndOut() {
        // Export as ITK-SNAP, rename a label in the file as a user would, import it back.
        const QString snap = dir_.filePath("labels.txt");
        LogonetResult r =
            runLogonet({"labels", "export", "--project", project_, "--format", "itksnap", snap});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile file(snap);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(file.readAll());
        file.close();
        QVERIFY2(text.contains("\"left adrenal gland\""), qPrintable(text));
        text.replace("\"spleen\"", "\"lien\"");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
        file.close();
        r = runLogonet({"labels", "import", "--project", project_, "--format", "itksnap", snap});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString slicer = dir_.filePath("labels.ctbl");
        r = runLogonet({"labels", "export", "--project", project_, "--format", "slicer", slicer});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile table(slicer);
        QVERIFY(table.open(QIODevice::ReadOnly));
        const QString tableText = QString::fromUtf8(table.readAll());
        QVERIFY2(tableText.contains("\n1 lien 145 30 180 255\n"), qPrintable(tableText));
        QVERIFY2(tableText.contains("\n13 left_adrenal_gland 0 128 128 255\n"),
                 qPrintable(tableText));

        // A malformed line is refused with its number, and the label set stays.
        const QString bad = dir_.filePath("bad.ctbl");
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("# ok\n1 liver 1 2 3 255\n2 kidney 1 2 300 255\n");
        badFile.close();
        r = runLogonet({"labels", "import", "--project", project_, "--format", "slicer", bad});
        QVERIFY2(failedWithOneLine(r, bad + ":3: blue component 300 is outside 0..255"),
                 qPrintable(r.err));

        // New projects: from the Slicer table, empty, or a dataset.json's names.
        for (const auto& [labels, expected] : QList<std::pair<QString, int>>{
                 {slicer, 13}, {"empty", 0}, {data_ + "/dataset.json", 6}}) {
            const QString other = dir_.filePath("other");
            QDir(other).removeRecursively();
            r = runLogonet({"project", "create", other, "--labels", labels});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.out.contains(QString("with %1 labels").arg(expected)), qPrintable(r.out));
        }
        // An empty project takes the names of the first dataset.json imported.
        const QString other = dir_.filePath("other");
        QDir(other).removeRecursively();
        QCOMPARE(runLogonet({"project", "create", other, "--labels", "empty"}).exitCode, 0);
        r = runLogonet({"import", data_, "--project", other});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("the project's label set is now the 6 labels of"),
                 qPrintable(r.out));
    }

    void preparationDefaultsLiveInTheProject() {
        LogonetResult r = runLogonet({"project", "settings", "--project", project_});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("preparation: modality auto, target spacing 1.5x1.5x2 mm "
                                "(built-in; nothing set yet)"),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains("the scans suggest: modality ct, target spacing 1.5x1.5x2 mm"),
                 qPrintable(r.out));
        r = runLogonet({"project", "settings", "--project", project_, "--modality", "mr",
                        "--spacing", "3,3,4"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("preparation: modality mr, target spacing 3x3x4 mm\n"),
                 qPrintable(r.out));
        r = runLogonet({"project", "settings", "--project", project_, "--modality", "pet"});
        QVERIFY2(failedWithOneLine(r, "unknown default modality 'pet'"), qPrintable(r.err));

        // prepare without options follows them.
        r = runLogonet({"prepare", "--project", project_});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile header(project_ + "/cache/scan_000001.json");
        QVERIFY(header.open(QIODevice::ReadOnly));
        const QJsonObject settings =
            QJsonDocument::fromJson(header.readAll()).object()["settings"].toObject();
        QCOMPARE(settings["modality"].toString(), QString("mr"));
        QCOMPARE(settings["spacing"].toArray(), (QJsonArray{3, 3, 4}));
    }

    void everyCommandHasHelp() {
        for (QStringList command : QList<QStringList>{{"scan", "set"},
                                                      {"scan", "attach-labels"},
                                                      {"scan", "remove"},
                                                      {"split"},
                                                      {"labels", "import"},
                                                      {"labels", "export"},
                                                      {"project", "settings"}}) {
            const QString name = command.join(' ');
            command << "--help";
            const LogonetResult r = runLogonet(command);
            QVERIFY2(r.exitCode == 0 && r.out.startsWith("usage: logonet " + name),
                     qPrintable(r.out));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliScans)
#include "test_cli_scans.moc"
