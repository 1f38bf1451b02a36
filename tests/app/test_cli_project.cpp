// `logonet` project commands end to end: demo-data, project create, import, list --json, export,
// with an independent reader (nibabel) checking that the exported mask lines up with its scan;
// and every failure exits non-zero with one line on stderr.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "LogonetRun.h"

using Result = LogonetResult;

class TestCliProject : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void wholeRoundTrip() {
        QTemporaryDir dir;
        const QString data = dir.filePath("demo");
        const QString project = dir.filePath("project");

        Result r = runLogonet(
            {"demo-data", "--out", data, "--cases", "2", "--seed", "3", "--size", "24,24,16"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(data + "/imagesTr/case_000.nii.gz"));
        QVERIFY(QFile::exists(data + "/labelsTr/case_001.nii.gz"));
        QVERIFY(QFile::exists(data + "/dataset.json"));

        r = runLogonet({"project", "create", project, "--labels", "btcv"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runLogonet({"project", "create", project});
        QVERIFY2(failedWithOneLine(r, "not empty"), qPrintable(r.err));

        r = runLogonet({"import", data, "--project", project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("imported 2 scan(s)"), qPrintable(r.out));
        r = runLogonet({"import", data, "--project", project});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("imported 0 scan(s), 2 duplicate(s)"), qPrintable(r.out));

        r = runLogonet({"list", "--project", project, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        for (int n = 0; n < 2; ++n) {
            const QJsonObject scan = QJsonDocument::fromJson(lines[n].toUtf8()).object();
            QCOMPARE(scan["id"].toInt(), n + 1);
            QCOMPARE(scan["name"].toString(), QString("case_00%1").arg(n));
            QCOMPARE(scan["labeled"].toBool(), true);
            QCOMPARE(scan["split"].toString(), QString("train"));
            QCOMPARE(scan["size"].toArray(), (QJsonArray{24, 24, 16}));
            QCOMPARE(scan["spacing"].toArray(), (QJsonArray{1.5, 1.5, 2.0}));
        }

        const QString mask = dir.filePath("out/mask.nii.gz");
        QDir().mkpath(dir.filePath("out"));
        r = runLogonet({"export", "--project", project, "--scan", "2", "--out", mask});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // nibabel: the same affine as the source image and the same voxel count per label.
        const QString script = QStringLiteral(
            "import sys, numpy as np, nibabel as nib\n"
            "mask, image, labels = (nib.load(p) for p in sys.argv[1:4])\n"
            "assert np.allclose(mask.affine, image.affine, atol=1e-4), (mask.affine, "
            "image.affine)\n"
            "assert int(mask.header['sform_code']) > 0 and int(mask.header['qform_code']) > 0\n"
            "m = np.asarray(mask.dataobj); l = np.asarray(labels.dataobj)\n"
            "assert m.shape == l.shape, (m.shape, l.shape)\n"
            "a = dict(zip(*np.unique(m, return_counts=True)))\n"
            "b = dict(zip(*np.unique(l, return_counts=True)))\n"
            "assert a == b, (a, b)\n"
            "assert len(a) >= 6, a\n"
            "print('ok', len(a))\n");
        QProcess python;
        python.start(LOGONET_PYTHON_EXECUTABLE,
                     {"-c", script, mask, data + "/imagesTr/case_001.nii.gz",
                      data + "/labelsTr/case_001.nii.gz"});
        python.waitForFinished(60000);
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QVERIFY(python.readAllStandardOutput().startsWith("ok"));
    }

    // Geometry an oracle knows independently of the code under test: nibabel writes a scan and
    // its labels with an oblique, left-right flipped affine; after import and export the mask's
    // qform and sform are that affine and its voxels those labels.
    void obliqueAndFlippedAffinesSurviveImportAndExport() {
        QTemporaryDir dir;
        const QString images = dir.filePath("images");
        const QString labels = dir.filePath("labels");
        const QString project = dir.filePath("project");
        QVERIFY(QDir().mkpath(images) && QDir().mkpath(labels));
        const QString write = QStringLiteral(
            "import sys, numpy as np, nibabel as nib\n"
            "t = np.radians(30.0)\n"
            "r = np.array([[np.cos(t), -np.sin(t), 0], [np.sin(t), np.cos(t), 0], [0, 0, 1]])\n"
            "r = r @ np.diag([-1.0, 1.0, 1.0])  # flipped: an improper rotation (qfac)\n"
            "a = np.eye(4); a[:3, :3] = r @ np.diag([0.8, 1.2, 2.5]); a[:3, 3] = [10, -20, 30]\n"
            "img = np.arange(10 * 12 * 8, dtype=np.int16).reshape(10, 12, 8) - 500\n"
            "lab = np.zeros((10, 12, 8), np.uint8); lab[2:5, 3:9, 1:4] = 1; lab[6:9, 1:3, 5:7] = "
            "6\n"
            "for data, path in ((img, sys.argv[1]), (lab, sys.argv[2])):\n"
            "    n = nib.Nifti1Image(data, a); n.set_qform(a, 1); n.set_sform(a, 1); "
            "nib.save(n, path)\n"
            "np.save(sys.argv[3], a)\n");
        QProcess python;
        python.start(LOGONET_PYTHON_EXECUTABLE,
                     {"-c", write, images + "/case.nii.gz", labels + "/case.nii.gz",
                      dir.filePath("affine.npy")});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());

        Result r = runLogonet({"project", "create", project, "--labels", "btcv"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runLogonet({"import", images, "--labels", labels, "--project", project});
        QVERIFY2(r.exitCode == 0 && r.out.contains("imported 1 scan(s)"),
                 qPrintable(r.err + r.out));
        const QString mask = dir.filePath("mask.nii.gz");
        r = runLogonet({"export", "--project", project, "--scan", "1", "--out", mask});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        const QString check = QStringLiteral(
            "import sys, numpy as np, nibabel as nib\n"
            "m = nib.load(sys.argv[1]); a = np.load(sys.argv[3])\n"
            "for name, got in (('qform', m.get_qform()), ('sform', m.get_sform()), "
            "('affine', m.affine)):\n"
            "    assert np.allclose(got, a, atol=1e-4), (name, got, a)\n"
            "assert np.array_equal(np.asarray(m.dataobj), "
            "np.asarray(nib.load(sys.argv[2]).dataobj))\n"
            "print('ok')\n");
        python.start(LOGONET_PYTHON_EXECUTABLE,
                     {"-c", check, mask, labels + "/case.nii.gz", dir.filePath("affine.npy")});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QVERIFY(python.readAllStandardOutput().startsWith("ok"));
    }

    void failuresExitNonZeroWithOneLine() {
        QTemporaryDir dir;
        const QString project = dir.filePath("project");
        QCOMPARE(runLogonet({"project", "create", project}).exitCode, 0);

        Result r = runLogonet({"import", dir.filePath("absent.nii.gz"), "--project", project});
        QVERIFY2(failedWithOneLine(r, "absent.nii.gz: no such file or folder"), qPrintable(r.err));

        const QString cut = dir.filePath("cut.nii.gz");
        QCOMPARE(runLogonet(
                     {"demo-data", "--out", dir.filePath("d"), "--cases", "1", "--size", "16,16,8"})
                     .exitCode,
                 0);
        QFile::copy(dir.filePath("d/imagesTr/case_000.nii.gz"), cut);
        QFile file(cut);
        QVERIFY(file.resize(file.size() / 2));
        r = runLogonet({"import", cut, "--project", project});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(cut + ": truncated or corrupted gzip data"), qPrintable(r.err));

        r = runLogonet({"list"});
        QVERIFY2(failedWithOneLine(r, "--project"), qPrintable(r.err));
        QCOMPARE(r.exitCode, 2);
        r = runLogonet(
            {"export", "--project", project, "--scan", "99", "--out", dir.filePath("x.nii.gz")});
        QVERIFY2(failedWithOneLine(r, "no scan with id 99"), qPrintable(r.err));
        r = runLogonet({"list", "--project", dir.filePath("nothing")});
        QVERIFY2(failedWithOneLine(r, "is not a project"), qPrintable(r.err));
        r = runLogonet({"import", project, "--project", project, "--split", "holdout"});
        QVERIFY2(failedWithOneLine(r, "--split"), qPrintable(r.err));
    }

    void everyCommandHasHelp() {
        const QList<QStringList> commands = {
            {"demo-data"},       {"project", "create"},    {"import"}, {"list"}, {"export"},
            {"bench", "import"}, {"bench", "project-open"}};
        for (QStringList command : commands) {
            command << "--help";
            const Result r = runLogonet(command);
            QVERIFY2(r.exitCode == 0, qPrintable(command.join(' ')));
            QVERIFY2(
                r.out.startsWith("usage: logonet " + command.mid(0, command.size() - 1).join(' ')),
                qPrintable(r.out));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliProject)
#include "test_cli_project.moc"
