// The Predict dialog on a remote host (issue 14): "Where" lists this computer and each host of the
// user's host settings (those the Runs panel offers), a host makes the dialog start `logonet
// remote infer` with the host's connection options, and its progress lines, time left and Cancel
// work as for a local prediction. A stand-in engine records its arguments and prints the lines
// `logonet remote infer --json` prints (test_remote_infer checks the real engine prints them).
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "predict/PredictDialog.h"
#include "remote/RemoteHostStore.h"

using namespace logonet::views;

namespace {

void writeFile(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

QString readText(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

}  // namespace

class TestPredictRemote : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString project_;
    QString engine_;
    RemoteHost host_;

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("logonet-test"));
        QCoreApplication::setApplicationName(QStringLiteral("test_predict_remote"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
        host_.name = QStringLiteral("lab GPU");
        host_.host = QStringLiteral("gpu.lab.org");
        host_.port = 2222;
        host_.user = QStringLiteral("alice");
        host_.identity = QStringLiteral("/keys/id lab");
        host_.remoteLogonet = QStringLiteral("/opt/logonet/bin/logonet");
        RemoteHost other;
        other.host = QStringLiteral("spare.lab.org");
        RemoteHostStore::save({host_, other});

        // A trained run as the dialog finds it: a segmentation config and a best checkpoint.
        project_ = dir_.filePath(QStringLiteral("proj"));
        writeFile(project_ + "/runs/tiny/config.json", R"({"classes": ["background", "liver"]})");
        writeFile(project_ + "/runs/tiny/checkpoints/best.pt", "weights");

        // Records its arguments; predicts scan after scan, each after $FAKE_DELAY seconds.
        engine_ = dir_.filePath(QStringLiteral("fake-logonet.sh"));
        writeFile(engine_,
                  "#!/bin/sh\n"
                  "printf '%s\\n' \"$@\" >\"$FAKE_ARGS\"\n"
                  "trap 'echo stopped >>\"$FAKE_ARGS.stop\"; exit 3' TERM\n"
                  "n=0; total=0\n"
                  "for a in \"$@\"; do [ \"$a\" = --scan ] && total=$((total+1)); done\n"
                  "echo '{\"event\":\"started\",\"total\":'$total'}'\n"
                  "prev=''\n"
                  "for a in \"$@\"; do\n"
                  "  if [ \"$prev\" = --scan ]; then\n"
                  "    sleep \"${FAKE_DELAY:-0}\" & wait $!\n"
                  "    n=$((n+1))\n"
                  "    echo '{\"event\":\"predicted\",\"scan\":'$a',\"label_version\":'$((a+10))',"
                  "\"done\":'$n',\"total\":'$total'}'\n"
                  "  fi\n"
                  "  prev=$a\n"
                  "done\n"
                  "echo '{\"event\":\"finished\",\"done\":'$n'}'\n");
        QFile(engine_).setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void whereListsThisComputerAndTheConfiguredHosts() {
        PredictDialog dialog;
        QVERIFY(dialog.setTask(engine_, project_, {1, 2}, {"a", "b"}));
        QComboBox* where = dialog.findChild<QComboBox*>(QStringLiteral("predictWhere"));
        QVERIFY(where == dialog.whereChoice());
        QCOMPARE(where->count(), 3);
        QCOMPARE(where->itemText(0), QStringLiteral("This computer"));
        QCOMPARE(where->itemText(1), QStringLiteral("lab GPU"));
        QCOMPARE(where->itemText(2), QStringLiteral("spare.lab.org:22"));
        QCOMPARE(dialog.runChoice()->count(), 1);
        // This computer: plain `infer`, no connection options.
        where->setCurrentIndex(0);
        const QStringList local = dialog.request().arguments();
        QCOMPARE(local.first(), QStringLiteral("infer"));
        QVERIFY(!local.contains(QStringLiteral("--host")));
    }

    void aHostRunsRemoteInferWithItsConnectionAndFollowsIt() {
        const QString args = dir_.filePath(QStringLiteral("args remote"));
        qputenv("FAKE_ARGS", args.toUtf8());
        qputenv("FAKE_DELAY", "0");
        PredictDialog dialog;
        QVERIFY(dialog.setTask(engine_, project_, {3, 5}, {"a", "b"}));
        dialog.whereChoice()->setCurrentIndex(1);
        dialog.deviceChoice()->setCurrentIndex(dialog.deviceChoice()->findData("cuda"));
        QSignalSpy predicted(&dialog, &PredictDialog::scanPredicted);
        QSignalSpy finished(&dialog, &PredictDialog::predictionFinished);
        QTest::mouseClick(dialog.predictButton(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        const QStringList given = readText(args).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(given.mid(0, 4),
                 (QStringList{"remote", "infer", "--host", "alice@gpu.lab.org:2222"}));
        QCOMPARE(given.at(given.indexOf("--identity") + 1), QStringLiteral("/keys/id lab"));
        // The engine there is the host settings' one.
        QCOMPARE(given.at(given.indexOf("--remote-logonet") + 1),
                 QStringLiteral("/opt/logonet/bin/logonet"));
        QCOMPARE(given.at(given.indexOf("--run") + 1), project_ + "/runs/tiny");
        QCOMPARE(given.at(given.indexOf("--project") + 1), project_);
        QCOMPARE(given.at(given.indexOf("--device") + 1), QStringLiteral("cuda"));
        QVERIFY(given.contains(QStringLiteral("--json")));
        QCOMPARE(given.mid(given.size() - 4), (QStringList{"--scan", "3", "--scan", "5"}));
        QCOMPARE(predicted.size(), 2);
        QCOMPARE(predicted.at(1).at(0).toLongLong(), qint64{5});
        QCOMPARE(predicted.at(1).at(1).toLongLong(), qint64{15});
        QCOMPARE(dialog.progressValue(), 100);
        QVERIFY2(dialog.status().contains(QStringLiteral("2 prediction")),
                 qPrintable(dialog.status()));
    }

    void cancelStopsARemotePredictionKeepingTheScansDone() {
        const QString args = dir_.filePath(QStringLiteral("args cancel"));
        qputenv("FAKE_ARGS", args.toUtf8());
        qputenv("FAKE_DELAY", "1");
        PredictDialog dialog;
        QVERIFY(dialog.setTask(engine_, project_, {1, 2, 3, 4}, {"a", "b", "c", "d"}));
        dialog.whereChoice()->setCurrentIndex(1);
        QSignalSpy predicted(&dialog, &PredictDialog::scanPredicted);
        QSignalSpy finished(&dialog, &PredictDialog::predictionFinished);
        QTest::mouseClick(dialog.predictButton(), Qt::LeftButton);
        QVERIFY(!dialog.whereChoice()->isEnabled());
        QVERIFY(predicted.wait(20000));
        // One of four done: the time left is shown from the time per scan so far.
        QProgressBar* bar = dialog.findChild<QProgressBar*>();
        QVERIFY(bar != nullptr);
        QTRY_VERIFY(bar->format().contains(QStringLiteral("left")));
        QVERIFY(dialog.cancelButton()->isEnabled());
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(predicted.size() < 4);
        QVERIFY2(dialog.status().startsWith(QStringLiteral("Cancelled after")),
                 qPrintable(dialog.status()));
        QCOMPARE(readText(args + ".stop"), QStringLiteral("stopped\n"));  // SIGTERM, not a kill
        QVERIFY(readText(args).startsWith(QStringLiteral("remote\ninfer\n")));
        QVERIFY(dialog.whereChoice()->isEnabled());
    }
};

QTEST_MAIN(TestPredictRemote)
#include "test_predict_remote.moc"
