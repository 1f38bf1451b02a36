// Not a test: saves the documentation's screenshots of the Runs panel (a finished run's curves),
// the Dice chart and the review mode, from a project with a trained and evaluated run (the one
// `logonet demo --dir DIR` makes). Usage: panel_screenshots PROJECT RUN OUTDIR
#include <QApplication>
#include <QDockWidget>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <cstdio>

#include "mainwindow/MainWindow.h"
#include "plots/DiceChart.h"
#include "plots/TrainingCurves.h"
#include "render3d/VolumeView3D.h"
#include "review/CaseReviewTable.h"
#include "runs/RunsPanel.h"

using namespace logonet::views;

int main(int argc, char** argv) {
    VolumeView3D::prepareSurfaceFormat();
    QApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: panel_screenshots PROJECT RUN OUTDIR\n");
        return 2;
    }
    const QString project = QString::fromLocal8Bit(argv[1]);
    const QString run = QString::fromLocal8Bit(argv[2]);
    const QString out = QString::fromLocal8Bit(argv[3]);
    MainWindow window;
    window.setQuietErrors(true);
    window.resize(1500, 950);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openProject(project)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(project));
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
    return ok ? 0 : 1;
}
