// The Remote Hosts dialog: hosts saved with QSettings and restored by a new dialog (no password
// anywhere), the connection test's answer (version, CUDA, GPU memory) and failure shown, and the
// Runs panel's "where" choice turning a fine-tuning run into `logonet remote run`. A small shell
// script stands in for the engine (a real sshd is exercised by test_remote_run).
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "predict/PredictDialog.h"
#include "remote/RemoteEngineCall.h"
#include "remote/RemoteHostStore.h"
#include "remote/RemoteHostsDialog.h"
#include "runs/RunRequest.h"
#include "runs/RunsPanel.h"

using namespace logonet::views;

namespace {

QString writeFakeEngine(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("fake-logonet"));
    if (!QFile::copy(QStringLiteral(LOGONET_SOURCE_DIR "/tests/views/fake_logonet_remote.sh"),
                     path)) {
        return {};
    }
    QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                               QFileDevice::ExeOwner);
    return path;
}

}  // namespace

class TestRemoteHosts : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // The user's settings of this test live in the temporary folder.
        QCoreApplication::setOrganizationName(QStringLiteral("logonet-test"));
        QCoreApplication::setApplicationName(QStringLiteral("test_remote_hosts"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
    }

    void fieldsAreSavedAndRestored() {
        QSettings settings(dir_.filePath(QStringLiteral("hosts.ini")), QSettings::IniFormat);
        {
            RemoteHostsDialog dialog(QStringLiteral("logonet"), &settings);
            QCOMPARE(dialog.hosts().size(), 0);
            dialog.addHost();
            dialog.nameEdit()->setText(QStringLiteral("lab GPU"));
            dialog.hostEdit()->setText(QStringLiteral("gpu.lab.org"));
            dialog.portBox()->setValue(2222);
            dialog.userEdit()->setText(QStringLiteral("alice"));
            dialog.identityEdit()->setText(QStringLiteral("/home/alice/.ssh/id_lab"));
            dialog.remoteDirectoryEdit()->setText(QStringLiteral("/scratch/alice/runs"));
            dialog.remoteLogonetEdit()->setText(QStringLiteral("/opt/logonet/bin/logonet"));
            dialog.addHost();
            dialog.hostEdit()->setText(QStringLiteral("spare"));
            dialog.identityEdit()->clear();  // the ssh agent
            QCOMPARE(dialog.hosts().size(), 2);
            dialog.save();
        }
        RemoteHostsDialog again(QStringLiteral("logonet"), &settings);
        QCOMPARE(again.hosts().size(), 2);
        again.setCurrentIndex(0);
        QCOMPARE(again.nameEdit()->text(), QStringLiteral("lab GPU"));
        QCOMPARE(again.hostEdit()->text(), QStringLiteral("gpu.lab.org"));
        QCOMPARE(again.portBox()->value(), 2222);
        QCOMPARE(again.userEdit()->text(), QStringLiteral("alice"));
        QCOMPARE(again.identityEdit()->text(), QStringLiteral("/home/alice/.ssh/id_lab"));
        QCOMPARE(again.remoteDirectoryEdit()->text(), QStringLiteral("/scratch/alice/runs"));
        QCOMPARE(again.remoteLogonetEdit()->text(), QStringLiteral("/opt/logonet/bin/logonet"));
        again.setCurrentIndex(1);
        QCOMPARE(again.hostEdit()->text(), QStringLiteral("spare"));
        QCOMPARE(again.portBox()->value(), 22);
        QVERIFY(again.identityEdit()->text().isEmpty());
        // Nothing like a password reaches the settings file.
        QFile ini(settings.fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!QString::fromUtf8(ini.readAll())
                     .contains(QStringLiteral("pass"), Qt::CaseInsensitive));
        again.removeCurrentHost();
        again.save();
        QCOMPARE(RemoteHostStore::load(settings).size(), 1);
    }

    void connectionTestShowsVersionCudaAndMemory() {
        const QString engine = writeFakeEngine(dir_);
        QVERIFY(!engine.isEmpty());
        QSettings settings(dir_.filePath(QStringLiteral("test.ini")), QSettings::IniFormat);
        RemoteHostsDialog dialog(engine, &settings);
        dialog.addHost();
        dialog.hostEdit()->setText(QStringLiteral("gpu.lab.org"));
        dialog.userEdit()->setText(QStringLiteral("bob"));
        dialog.show();
        dialog.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.resultText().startsWith(QStringLiteral("Connected")),
                                 30000);
        const QString text = dialog.resultText();
        QVERIFY2(text.contains(QStringLiteral("logonet 0.1.0")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("CUDA: yes")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("NVIDIA H200, 143771 MiB")), qPrintable(text));
        QTest::qWait(50);
        const QPixmap shot = dialog.grab();
        QVERIFY(shot.save(dir_.filePath(QStringLiteral("remote_hosts.png"))));
        if (qEnvironmentVariableIsSet("LOGONET_SCREENSHOT_DIR")) {
            shot.save(qEnvironmentVariable("LOGONET_SCREENSHOT_DIR") +
                      QStringLiteral("/remote_hosts.png"));
        }

        dialog.hostEdit()->setText(QStringLiteral("unreachable"));
        dialog.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.resultText().contains(QStringLiteral("failed")), 30000);
        QVERIFY(dialog.resultText().contains(QStringLiteral("Connection refused")));

        dialog.hostEdit()->setText(QStringLiteral("bad host;rm"));
        dialog.testConnection();
        QVERIFY(dialog.resultText().contains(QStringLiteral("may hold only")));
        QVERIFY(!dialog.isTesting());
    }

    // The Trust host key button: the fingerprints are shown, Yes records the one shown.
    void trustHostKeyButtonAsksThenRecords() {
        QTemporaryDir own;
        const QString engine = writeFakeEngine(own);
        QVERIFY(!engine.isEmpty());
        const QString log = dir_.filePath(QStringLiteral("trusted.txt"));
        qputenv("FAKE_TRUST_LOG", log.toUtf8());
        QSettings settings(dir_.filePath(QStringLiteral("trust.ini")), QSettings::IniFormat);
        RemoteHostsDialog dialog(engine, &settings);
        dialog.addHost();
        dialog.hostEdit()->setText(QStringLiteral("newgpu.lab.org"));
        dialog.userEdit()->setText(QStringLiteral("bob"));
        dialog.show();
        QPushButton* trust = nullptr;
        for (QPushButton* button : dialog.findChildren<QPushButton*>()) {
            if (button->text().startsWith(QStringLiteral("Trust host key"))) {
                trust = button;
            }
        }
        QVERIFY(trust != nullptr);
        QString question;
        QTimer answer;
        connect(&answer, &QTimer::timeout, &dialog, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box != nullptr) {
                question = box->text();
                box->button(QMessageBox::Yes)->click();
            }
        });
        answer.start(50);
        QTest::mouseClick(trust, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.resultText().contains(QStringLiteral("now trusted")),
                                 30000);
        answer.stop();
        QVERIFY2(question.contains(QStringLiteral("SHA256:fakeKeyForTest")), qPrintable(question));
        QFile recorded(log);
        QVERIFY(recorded.open(QIODevice::ReadOnly));
        QCOMPARE(recorded.readAll().trimmed(), QByteArray("SHA256:fakeKeyForTest"));
        qunsetenv("FAKE_TRUST_LOG");
    }

    void deviceInfoWithoutCuda() {
        const QString text =
            RemoteEngineCall::describeDeviceInfo(QJsonObject{{"version", "0.1.0"},
                                                             {"torch", "1.13.1"},
                                                             {"cpu_cores", 2},
                                                             {"cuda", false},
                                                             {"devices", QJsonArray()}});
        QVERIFY(text.contains(QStringLiteral("CUDA: not available")));
    }

    // Picking a remote host turns Device to CUDA (a lab's hosts are its GPU servers); picking this
    // computer again gives back the device the user had chosen for it. Both Where boxes.
    void choosingAHostChoosesItsGpu() {
        RemoteHost host;
        host.name = QStringLiteral("lab GPU");
        host.host = QStringLiteral("gpu.lab.org");
        RemoteHostStore::save({host});
        RunsPanel panel;
        const QString project = dir_.filePath(QStringLiteral("proj-device"));
        QVERIFY(QDir().mkpath(project));
        panel.setProject(project);
        PredictDialog dialog;
        QVERIFY(dialog.setTask(QStringLiteral("logonet"), project, {1}, {QStringLiteral("one")}));
        auto* runsWhere = panel.findChild<QComboBox*>(QStringLiteral("where"));
        QVERIFY(runsWhere != nullptr);
        QComboBox* runsDevice = nullptr;
        for (auto* box : panel.findChildren<QComboBox*>()) {
            if (box->findText(QStringLiteral("cuda")) >= 0 && box->count() == 2) {
                runsDevice = box;
            }
        }
        QVERIFY(runsDevice != nullptr);
        const auto pick = [](QComboBox* box, int index) {
            box->setCurrentIndex(index);
            Q_EMIT box->activated(index);  // what a user's choice in the list emits
        };
        const auto device = [](QComboBox* box) { return box->currentText().toLower(); };
        for (const auto& [where, box] : {std::pair{runsWhere, runsDevice},
                                         std::pair{dialog.whereChoice(), dialog.deviceChoice()}}) {
            QCOMPARE(where->count(), 2);
            QVERIFY(device(box).startsWith(QStringLiteral("cpu")));
            pick(where, 1);
            QVERIFY2(device(box).contains(QStringLiteral("cuda")), qPrintable(device(box)));
            pick(where, 0);
            QVERIFY2(device(box).startsWith(QStringLiteral("cpu")), qPrintable(device(box)));
            // A local GPU chosen by the user survives a look at the host.
            box->setCurrentIndex(1);
            pick(where, 1);
            pick(where, 0);
            QVERIFY(device(box).contains(QStringLiteral("cuda")));
            // Set by the program (a run followed), the device stays as it is.
            box->setCurrentIndex(0);
            where->setCurrentIndex(1);
            QVERIFY(device(box).startsWith(QStringLiteral("cpu")));
            where->setCurrentIndex(0);
        }
    }

    void runsPanelOffersTheHostsAndRunsRemotely() {
        RemoteHost host;
        host.name = QStringLiteral("lab GPU");
        host.host = QStringLiteral("gpu.lab.org");
        host.port = 2222;
        host.user = QStringLiteral("alice");
        host.identity = QStringLiteral("/keys/id lab");
        RemoteHostStore::save({host});
        RunsPanel panel;
        const QString project = dir_.filePath(QStringLiteral("proj"));
        QVERIFY(QDir().mkpath(project));
        panel.setProject(project);
        auto* where = panel.findChild<QComboBox*>(QStringLiteral("where"));
        QVERIFY(where != nullptr);
        QCOMPARE(where->count(), 2);
        QCOMPARE(where->itemText(1), QStringLiteral("lab GPU"));
        RunRequest request;
        request.project = project;
        request.name = QStringLiteral("remote-1");
        request.crop = QStringLiteral("32");
        request.iterations = 7;
        request.onRemoteHost = true;
        request.remoteHost = host;
        panel.setRequest(request);
        const RunRequest shown = panel.request();
        QVERIFY(shown.onRemoteHost);
        QCOMPARE(shown.remoteHost.target(), QStringLiteral("alice@gpu.lab.org:2222"));
        const QStringList args = shown.arguments();
        QCOMPARE(args.mid(0, 4),
                 (QStringList{"remote", "run", "--host", "alice@gpu.lab.org:2222"}));
        QVERIFY(args.contains(QStringLiteral("/keys/id lab")));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--iters")) + 1), QStringLiteral("7"));
        QCOMPARE(args.mid(args.size() - 2), (QStringList{"--progress", "json"}));
        QVERIFY(panel.commandLineShown().contains(QStringLiteral("remote run --host")));

        request.resume = true;
        QVERIFY(request.arguments().contains(QStringLiteral("--resume")));
        request.resume = false;
        // Fine-tuning from a pre-trained run: the engine copies its weights into the run folder.
        request.initFrom = QStringLiteral("/data/proj/runs/pre");
        QStringList fromPre = request.arguments();
        QCOMPARE(fromPre.at(fromPre.indexOf(QStringLiteral("--init")) + 1), request.initFrom);
        QVERIFY(!fromPre.contains(QStringLiteral("--pretrain")));
        request.initFrom.clear();

        // Pre-training: its own options, none of fine-tuning's.
        request.kind = RunRequest::Kind::PreTraining;
        request.clusterers = 3;
        const QStringList pre = request.arguments();
        QCOMPARE(pre.mid(0, 2), (QStringList{"remote", "run"}));
        QVERIFY(pre.contains(QStringLiteral("--pretrain")));
        QCOMPARE(pre.at(pre.indexOf(QStringLiteral("--clusterers")) + 1), QStringLiteral("3"));
        QCOMPARE(pre.at(pre.indexOf(QStringLiteral("--run")) + 1), QStringLiteral("remote-1"));
        QVERIFY(!pre.contains(QStringLiteral("--crop")));
        QCOMPARE(pre.at(pre.indexOf(QStringLiteral("--lr")) + 1), QStringLiteral("0.0001"));
        QCOMPARE(pre.mid(pre.size() - 2), (QStringList{"--progress", "json"}));
        // The form's masking goes with it (the engine sets the run folder up with it).
        request.phi1 = 0.3;
        const QStringList masked = request.arguments();
        QCOMPARE(masked.at(masked.indexOf(QStringLiteral("--phi1")) + 1), QStringLiteral("0.3"));
        request.phi1 = 0.1;
        request.resume = true;
        const QStringList resumed = request.arguments();
        QVERIFY(resumed.contains(QStringLiteral("--pretrain")) &&
                resumed.contains(QStringLiteral("--resume")));
        request.resume = false;

        // Clustering and inference write the project: they stay here, and say why.
        for (const auto kind : {RunRequest::Kind::Clustering, RunRequest::Kind::Inference}) {
            request.kind = kind;
            try {
                request.arguments();
                QFAIL("a clustering or inference run was sent to a remote host");
            } catch (const std::invalid_argument& error) {
                const QString message = QString::fromUtf8(error.what());
                QVERIFY2(message.contains(QStringLiteral("This computer")), error.what());
                QVERIFY2(message.contains(kind == RunRequest::Kind::Clustering
                                              ? QStringLiteral("k-means")
                                              : QStringLiteral("predictions")),
                         error.what());
            }
        }
        request.kind = RunRequest::Kind::FineTuning;
        request.onRemoteHost = false;
        QCOMPARE(request.arguments().first(), QStringLiteral("train"));
    }
};

QTEST_MAIN(TestRemoteHosts)
#include "test_remote_hosts.moc"
