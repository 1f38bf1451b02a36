// Import from the GUI: runs on a worker thread behind a progress dialog and reports imported,
// duplicate and failed files with the file named.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "dialogs/ImportProgress.h"
#include "io/ImageWriter.h"
#include "phantom/PhantomGenerator.h"
#include "project/Project.h"

using namespace logonet;
using namespace logonet::views;

class TestImportProgress : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void importsAFolderWithLabels() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir().mkpath(dir.filePath("images"));
        QDir().mkpath(dir.filePath("labels"));
        for (int n = 0; n < 2; ++n) {
            PhantomOptions options;
            options.size = {32, 32, 24};
            options.spacing = {4.0, 4.0, 5.0};
            options.seed = 11 + n;
            const PhantomCase phantom = generatePhantom(options);
            const QString name = QString("case_%1.nii.gz").arg(n);
            writeImage(phantom.image, dir.filePath("images/" + name).toStdString());
            writeLabelMap(phantom.labels, dir.filePath("labels/" + name).toStdString());
        }
        Project project = Project::create(dir.filePath("project").toStdString(), LabelSet::btcv());
        ImportOptions options;
        options.labelsDir = dir.filePath("labels").toStdString();
        options.split = "val";
        const ImportReport report =
            importWithProgress(nullptr, project, {dir.filePath("images").toStdString()}, options);
        QCOMPARE(report.imported.size(), size_t{2});
        QVERIFY(report.failures.empty());
        const auto scans = project.scans();
        QCOMPARE(scans.size(), size_t{2});
        QVERIFY(scans[0].labeled);
        QCOMPARE(QString::fromStdString(scans[1].split), QString("val"));
        QVERIFY(describeImportReport(report).startsWith("2 scan(s) imported."));
        QVERIFY2(describeImportReport(report).contains("2 labeled, 0 unlabeled."),
                 qPrintable(describeImportReport(report)));

        // The same folder again: recognised, nothing new.
        const ImportReport again =
            importWithProgress(nullptr, project, {dir.filePath("images").toStdString()}, options);
        QCOMPARE(again.imported.size(), size_t{0});
        QCOMPARE(again.duplicates.size(), size_t{2});
        QCOMPARE(project.scans().size(), size_t{2});

        // A file that is not an image fails with its name in the message; nothing is added.
        QFile junk(dir.filePath("junk.nii.gz"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a NIfTI file");
        junk.close();
        const ImportReport bad =
            importWithProgress(nullptr, project, {junk.fileName().toStdString()}, {});
        QCOMPARE(bad.imported.size(), size_t{0});
        QCOMPARE(bad.failures.size(), size_t{1});
        const QString text = describeImportReport(bad);
        QVERIFY2(text.contains("junk.nii.gz"), qPrintable(text));
        QCOMPARE(project.scans().size(), size_t{2});
    }
};

QTEST_MAIN(TestImportProgress)
#include "test_import_progress.moc"
