// The Predict dialog's "Where" with the real engine and a real OpenSSH server on 127.0.0.1
// (issue 14): the host saved in the user's host settings is chosen, Predict is pressed, and both
// scans' predictions arrive from `logonet remote infer` as label versions named after the run,
// each announced while the dialog follows the engine. Without sshd, ssh or rsync: CTest skip (77).
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

#include "../app/SshServerForTest.h"
#include "PhantomProject.h"
#include "predict/PredictDialog.h"
#include "project/Project.h"
#include "remote/RemoteHostStore.h"

using namespace logonet;
using namespace logonet::views;

namespace {

SshServerFixture* server = nullptr;

QString runEngine(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(LOGONET_ENGINE_FOR_TESTS), arguments);
    if (!process.waitForFinished(240000) || process.exitCode() != 0) {
        return "logonet " + arguments.join(' ') + ": " +
               QString::fromUtf8(process.readAllStandardError());
    }
    return {};
}

}  // namespace

class TestPredictRemoteHost : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;

  private Q_SLOTS:
    void predictOnTheHostStoresBothScansHere() {
        QVERIFY(dir_.isValid());
        // The engines keep their workstation id and known_hosts here, not in the user's home.
        qputenv("XDG_CONFIG_HOME", dir_.filePath(QStringLiteral("config")).toUtf8());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
        const QString project = dir_.filePath(QStringLiteral("proj"));
        const QString engine = QStringLiteral(LOGONET_ENGINE_FOR_TESTS);
        QString problem =
            testing::preparePhantomProject(engine, project, dir_.filePath(QStringLiteral("data")));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem =
            runEngine({"train", "--project", project, "--run", "tiny", "--arch", "logonet-tiny",
                       "--iters", "2", "--crop", "32", "--batch", "2", "--threads", "1"});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Trusted once, as the Remote Hosts dialog's "Trust host key..." does.
        problem = runEngine({"remote", "trust", "--yes", "--host", server->host(), "--identity",
                             server->identity()});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        RemoteHost host;
        host.name = QStringLiteral("test sshd");
        host.host = server->host().section('@', 1).section(':', 0, 0);
        host.port = server->host().section(':', -1).toInt();
        host.user = server->host().section('@', 0, 0);
        host.identity = server->identity();
        host.remoteDirectory = dir_.filePath(QStringLiteral("remote side"));
        host.remoteLogonet = engine;
        RemoteHostStore::save({host});

        PredictDialog dialog;
        QVERIFY(dialog.setTask(engine, project, {1, 2}, {"one", "two"}));
        const int where = dialog.whereChoice()->findText(QStringLiteral("test sshd"));
        QVERIFY(where > 0);
        dialog.whereChoice()->setCurrentIndex(where);
        QSignalSpy predicted(&dialog, &PredictDialog::scanPredicted);
        QSignalSpy finished(&dialog, &PredictDialog::predictionFinished);
        QTest::mouseClick(dialog.predictButton(), Qt::LeftButton);
        QVERIFY(finished.wait(240000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(dialog.status()));
        QCOMPARE(predicted.size(), 2);
        const Project opened = Project::open(project.toStdString(), Project::Access::Shared);
        for (int n = 0; n < 2; ++n) {
            const qint64 scanId = predicted.at(n).at(0).toLongLong();
            QCOMPARE(scanId, qint64{n + 1});
            const LabelVersionRecord version =
                opened.labelVersion(predicted.at(n).at(1).toLongLong());
            QCOMPARE(version.scanId, scanId);
            QCOMPARE(QString::fromStdString(version.kind), QStringLiteral("prediction"));
            QCOMPARE(QString::fromStdString(version.runName), QStringLiteral("tiny"));
        }
        QCOMPARE(dialog.progressValue(), 100);
    }
};

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    QTemporaryDir keys(QDir::tempPath() + "/logonet-predict-sshd-XXXXXX");
    SshServerFixture fixture(keys.filePath(QStringLiteral("keys")));
    const QString whyNot = startSshServerOrSayWhyNot(fixture);
    if (!whyNot.isEmpty()) {
        std::printf("SKIP: %s\n", qPrintable(whyNot));
        return 77;
    }
    server = &fixture;
    TestPredictRemoteHost test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_predict_remote_host.moc"
