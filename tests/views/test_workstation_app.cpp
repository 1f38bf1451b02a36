// The workstation program end to end: --demo creates the demo project in the user's data
// folder, --screenshot saves the window once a scan and its surfaces are shown and exits 0; a
// folder that is not a project exits non-zero with the folder named.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestWorkstationApp : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir home_;

    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_DATA_HOME", home_.filePath("data"));
        env.insert("XDG_CONFIG_HOME", home_.filePath("config"));
        return env;
    }

  private Q_SLOTS:
    void demoScreenshot() {
        QVERIFY(home_.isValid());
        const QString png = home_.filePath("shot.png");
        QProcess app;
        app.setProcessEnvironment(environment());
        app.start(LOGONET_WORKSTATION, {"--demo", "--lang", "de", "--screenshot", png});
        QVERIFY2(app.waitForStarted(), qPrintable(app.errorString()));
        QVERIFY(app.waitForFinished(120000));
        QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
        QVERIFY(QFile::exists(
            home_.filePath("data/LoGoNet/logonet-workstation/demo-project/project.db")));
        const QImage shot(png);
        QVERIFY(shot.width() > 800 && shot.height() > 500);
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 3) {
            for (int x = 0; x < shot.width(); x += 3) {
                colours.insert(shot.pixel(x, y));
            }
        }
        // Grey slices, coloured labels, a volume rendering: thousands of distinct colours.
        QVERIFY2(colours.size() > 1000, qPrintable(QString::number(colours.size())));
    }

    void notAProjectFails() {
        QProcess app;
        app.setProcessEnvironment(environment());
        const QString missing = home_.filePath("no-project-here");
        app.start(LOGONET_WORKSTATION,
                  {"--project", missing, "--screenshot", home_.filePath("x.png")});
        QVERIFY2(app.waitForStarted(), qPrintable(app.errorString()));
        QVERIFY(app.waitForFinished(60000));
        QVERIFY(app.exitCode() != 0);
        QVERIFY(QString::fromUtf8(app.readAllStandardError()).contains("no-project-here"));
    }
};

QTEST_GUILESS_MAIN(TestWorkstationApp)
#include "test_workstation_app.moc"
