// Not a test: saves the documentation's screenshots of the Runs panel (a finished run's curves),
// the Dice chart and the review mode, from a project with a trained and evaluated run (the one
// `logonet demo --dir DIR` makes), and of the Remote Hosts dialog with one host and the answer of
// its connection test. Usage: panel_screenshots PROJECT RUN OUTDIR, or
// panel_screenshots --remote-hosts OUTDIR for the dialog alone, or
// panel_screenshots --pretraining-experiment PROJECT OUTDIR for the Runs panel's chart of the
// project's `logonet experiment pretraining` results, or
// panel_screenshots --predict-dialog PROJECT OUTDIR for the Predict dialog with a remote host
// chosen as where to predict scans 1 and 2.
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

#include "clusters/ClusterBrowser.h"
#include "clusters/SliceThumbnails.h"
#include "mainwindow/MainWindow.h"
#include "masking/MaskedSequencesPanel.h"
#include "plots/DiceChart.h"
#include "plots/PretrainingChart.h"
#include "plots/TrainingCurves.h"
#include "predict/PredictDialog.h"
#include "remote/RemoteHostStore.h"
#include "remote/RemoteHostsDialog.h"
#include "render3d/VolumeView3D.h"
#include "review/CaseReviewTable.h"
#include "runs/RunsPanel.h"

using namespace logonet::views;

namespace {

// The dialog as a lab fills it in, tested against a port of this machine where nothing listens:
// the real engine's `remote check` and ssh's own refusal, as a user sees a host that is down.
// The host lives in a settings file of its own, so the user's hosts are neither read nor changed.
bool saveRemoteHostsShot(const QString& engine, QWidget* parent, const QString& file) {
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("hosts.ini")), QSettings::IniFormat);
    RemoteHostsDialog dialog(engine, &settings, parent);
    dialog.addHost();
    dialog.nameEdit()->setText(QStringLiteral("lab GPU"));
    dialog.hostEdit()->setText(QStringLiteral("127.0.0.1"));
    dialog.portBox()->setValue(9);  // the discard port: closed on a desktop
    dialog.userEdit()->setText(QStringLiteral("alice"));
    dialog.identityEdit()->clear();  // the ssh agent: a key file would have to exist here
    dialog.remoteDirectoryEdit()->setText(QStringLiteral("/scratch/alice/logonet"));
    dialog.remoteLogonetEdit()->setText(QStringLiteral("/opt/logonet/bin/logonet"));
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog)) {
        return false;
    }
    dialog.testConnection();
    for (int waited = 0; dialog.isTesting() && waited < 30000; waited += 100) {
        QTest::qWait(100);
    }
    QTest::qWait(200);
    if (dialog.isTesting()) {
        std::fprintf(stderr, "the connection test did not end\n");
        return false;
    }
    dialog.hostEdit()->deselect();  // a new host's name is selected for typing over
    std::printf("Remote hosts: %s\n", qPrintable(dialog.resultText()));
    return dialog.grab().save(file);
}

// The Runs panel with its "Pre-training experiment" tab in front, and that chart alone.
bool savePretrainingExperimentShots(const QString& project, const QString& out) {
    RunsPanel runs;
    runs.setProject(project);
    runs.resize(760, 1000);
    runs.show();
    if (!QTest::qWaitForWindowExposed(&runs)) {
        return false;
    }
    if (auto* splitter = runs.findChild<QSplitter*>()) {
        splitter->setSizes({300, 700});
    }
    auto* tabs = qobject_cast<QTabWidget*>(runs.experimentChart()->parentWidget()->parentWidget());
    tabs->setCurrentWidget(runs.experimentChart());
    QTest::qWait(500);
    if (!runs.experimentChart()->message().isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(runs.experimentChart()->message()));
    }
    // The chart alone at the size of a floating window.
    PretrainingChart chart;
    chart.setProject(project);
    chart.resize(820, 640);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart)) {
        return false;
    }
    QTest::qWait(300);
    return runs.grab().save(out + "/runs-pretraining-experiment.png") &&
           chart.grab().save(out + "/pretraining-experiment.png");
}

// The Predict dialog as a user meets it with one lab host configured and chosen; the host lives
// in a settings folder of its own, so the user's hosts are neither read nor changed.
bool savePredictDialogShot(const QString& engine, const QString& project, const QString& out) {
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    RemoteHost host;
    host.name = QStringLiteral("lab GPU");
    host.host = QStringLiteral("gpu01.lab.example");
    host.user = QStringLiteral("alice");
    host.remoteDirectory = QStringLiteral("/scratch/alice/logonet");
    host.remoteLogonet = QStringLiteral("/opt/logonet/bin/logonet");
    RemoteHostStore::save({host});
    PredictDialog dialog;
    if (!dialog.setTask(engine, project, {1, 2},
                        {QStringLiteral("case_000"), QStringLiteral("case_001")})) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(project), qPrintable(dialog.status()));
        return false;
    }
    const int where = dialog.whereChoice()->findText(host.name);
    dialog.whereChoice()->setCurrentIndex(where);
    Q_EMIT dialog.whereChoice()->activated(where);  // as the user's pick, which turns Device
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog)) {
        return false;
    }
    QTest::qWait(300);
    return dialog.grab().save(out + "/predict-dialog.png");
}

// The main window at the screenshots' size, shown, with `project` open.
bool showWithProject(MainWindow& window, const QString& project) {
    window.setQuietErrors(true);
    window.resize(1500, 950);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openProject(project)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(project));
        return false;
    }
    return true;
}

// The dock `name` shown floating and large beside the window, as a user reviewing pre-training
// data would have it, with the first scan that opens as the current scan.
QDockWidget* floatDockOnFirstScan(MainWindow& window, const QString& name) {
    auto* dock = window.findChild<QDockWidget*>(name);
    if (!dock) {
        return nullptr;
    }
    dock->show();
    for (qint64 id = 1; id < 1000 && !window.showScan(id); ++id) {
    }
    dock->setFloating(true);
    dock->resize(1250, 760);
    return dock;
}

// The Cluster Browser on a clustered project, its strip showing the current scan: what the
// README shows of the pseudo-labels.
bool saveClusterBrowserShot(const QString& project, const QString& out) {
    MainWindow window;
    if (!showWithProject(window, project) ||
        !floatDockOnFirstScan(window, QStringLiteral("clusters"))) {
        return false;
    }
    ClusterBrowser* browser = window.clusterBrowser();
    if (!QTest::qWaitFor([&] { return browser->clusterGrid()->count() > 0; }, 20000)) {
        std::fprintf(stderr, "%s: no clustering to show\n", qPrintable(project));
        return false;
    }
    QTest::qWaitFor([&] { return !browser->thumbnails()->busy(); }, 60000);
    QTest::qWait(500);
    return browser->grab().save(out + "/cluster-browser.png");
}

// The Masked Sequences panel on the current scan.
bool saveMaskedSequencesShot(const QString& project, const QString& out) {
    MainWindow window;
    QDockWidget* dock = nullptr;
    if (!showWithProject(window, project) ||
        !(dock = floatDockOnFirstScan(window, QStringLiteral("masked-sequences")))) {
        return false;
    }
    MaskedSequencesPanel* panel = window.maskedSequences();
    if (!QTest::qWaitFor([&] { return panel->hasCrop(); }, 60000)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(project), qPrintable(panel->status()));
        return false;
    }
    QTest::qWait(300);
    return dock->grab().save(out + "/masked-sequences.png");
}

}  // namespace

int main(int argc, char** argv) {
    VolumeView3D::prepareSurfaceFormat();
    QApplication app(argc, argv);
    const QString engine = qEnvironmentVariable("LOGONET_ENGINE", LOGONET_ENGINE_FOR_SCREENSHOTS);
    // The dialog needs no project: its shot alone is quick to take again.
    if (argc == 3 && QString::fromLocal8Bit(argv[1]) == QLatin1String("--remote-hosts")) {
        const QString file = QString::fromLocal8Bit(argv[2]) + QStringLiteral("/remote-hosts.png");
        return saveRemoteHostsShot(engine, nullptr, file) ? 0 : 1;
    }
    if (argc == 4 && QString::fromLocal8Bit(argv[1]) == QLatin1String("--predict-dialog")) {
        return savePredictDialogShot(engine, QString::fromLocal8Bit(argv[2]),
                                     QString::fromLocal8Bit(argv[3]))
                   ? 0
                   : 1;
    }
    // The shots of one panel on a given project: `--NAME PROJECT OUTDIR`.
    const std::pair<QLatin1String, bool (*)(const QString&, const QString&)> projectShots[] = {
        {QLatin1String("--pretraining-experiment"), savePretrainingExperimentShots},
        {QLatin1String("--masked-sequences"), saveMaskedSequencesShot},
        {QLatin1String("--cluster-browser"), saveClusterBrowserShot}};
    for (const auto& [flag, save] : projectShots) {
        if (argc == 4 && QString::fromLocal8Bit(argv[1]) == flag) {
            return save(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3])) ? 0 : 1;
        }
    }
    if (argc != 4) {
        std::fprintf(stderr,
                     "usage: panel_screenshots PROJECT RUN OUTDIR\n"
                     "       panel_screenshots --remote-hosts OUTDIR\n"
                     "       panel_screenshots --pretraining-experiment PROJECT OUTDIR\n"
                     "       panel_screenshots --predict-dialog PROJECT OUTDIR\n"
                     "       panel_screenshots --cluster-browser PROJECT OUTDIR\n"
                     "       panel_screenshots --masked-sequences PROJECT OUTDIR\n");
        return 2;
    }
    const QString project = QString::fromLocal8Bit(argv[1]);
    const QString run = QString::fromLocal8Bit(argv[2]);
    const QString out = QString::fromLocal8Bit(argv[3]);
    MainWindow window;
    if (!showWithProject(window, project)) {
        return 1;
    }
    auto* runs = window.findChild<RunsPanel*>();
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("runs"));
    dock->setFloating(true);
    dock->resize(760, 1000);
    dock->show();
    runs->selectRuns({run});
    // The plots get half the panel (the form needs less than its default share).
    if (auto* splitter = runs->findChild<QSplitter*>()) {
        splitter->setSizes({470, 470});
    }
    auto* tabs = qobject_cast<QTabWidget*>(runs->curves()->parentWidget()->parentWidget());
    tabs->setCurrentWidget(runs->curves());
    QTest::qWait(500);
    bool ok = dock->grab().save(out + "/runs.png");
    tabs->setCurrentWidget(runs->diceChart());
    QTest::qWait(300);
    ok = runs->diceChart()->grab().save(out + "/dice.png") && ok;
    tabs->setCurrentWidget(runs->reviewTable());
    QTest::qWait(300);
    QTableWidget* cells = runs->reviewTable()->table();
    // The worst case's mean column (all organs): the jump into the review mode.
    const int mean = cells->columnCount() - 2;
    QTest::mouseClick(cells->viewport(), Qt::LeftButton, {},
                      cells->visualItemRect(cells->item(0, mean)).center());
    dock->setFloating(false);
    dock->hide();
    auto* review = window.findChild<QDockWidget*>(QStringLiteral("review"));
    window.resizeDocks({review}, {560}, Qt::Vertical);
    QTest::qWait(1500);
    ok = window.grab().save(out + "/review.png") && ok;
    ok = saveRemoteHostsShot(engine, &window, out + "/remote-hosts.png") && ok;
    return ok ? 0 : 1;
}
