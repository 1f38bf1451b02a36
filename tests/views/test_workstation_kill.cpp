// The real main window SIGKILLed in the middle of painting (issue 15). This program is also the
// painter: started with --paint, it opens the project in a MainWindow, paints strokes with real
// mouse events and prints "stroke N" after each stroke is committed (and so journaled); every
// 10 strokes it saves the labels as a new version (a kill may land inside a save, between the
// version's commit and the emptying of the journal). The test kills it at a seeded random
// point, opens the project in a new window and checks that every printed stroke is back, each
// voxel compared with what that stroke painted.
#include <QAction>
#include <QApplication>
#include <QMouseEvent>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include "annotation/AnnotationSettings.h"
#include "integrity/ProjectCheck.h"
#include "mainwindow/DemoProject.h"
#include "mainwindow/MainWindow.h"
#include "project/Project.h"
#include "render3d/VolumeView3D.h"
#include "slices/SliceView.h"

using namespace logonet;
using namespace logonet::views;

namespace {

// 14 strokes per slice, rows 3 apart (a radius-1 brush never touches another's row), on 8
// slices from the one the window shows first.
constexpr int kRowsPerSlice = 14;
constexpr int kStrokes = kRowsPerSlice * 8;

int64_t strokeRow(int stroke) {
    return 3 + 3 * (stroke % kRowsPerSlice);
}

int64_t strokeSlice(int64_t firstSlice, int stroke) {
    return firstSlice + stroke / kRowsPerSlice;
}

// The label a stroke paints: one that differs from the saved map at the middle of its row, so
// that a lost stroke cannot pass unseen.
LabelValue strokeLabel(const LabelVolume& saved, int64_t firstSlice, int stroke) {
    const LabelValue there = saved.at(12, strokeRow(stroke), strokeSlice(firstSlice, stroke));
    const auto wanted = static_cast<LabelValue>(1 + stroke % 13);
    return wanted == there ? static_cast<LabelValue>(wanted % 13 + 1) : wanted;
}

std::unique_ptr<MainWindow> openWindow(const QString& project, int64_t scan) {
    auto window = std::make_unique<MainWindow>();
    window->setQuietErrors(true);
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !window->openProject(project) ||
        !window->showScan(scan)) {
        return nullptr;
    }
    window->activateWindow();
    return window;
}

int paint(const QString& project, int64_t scan) {
    std::unique_ptr<MainWindow> window = openWindow(project, scan);
    if (!window || !window->editAction()->isEnabled()) {
        std::fprintf(stderr, "painter: cannot open scan %lld for editing\n",
                     static_cast<long long>(scan));
        return 1;
    }
    window->editAction()->trigger();
    SliceView* view = window->sliceView(SliceOrientation::Axial);
    const int64_t firstSlice = view->sliceIndex();
    const LabelVolume saved = *window->labels();
    auto* settings = window->findChild<AnnotationSettings*>();
    BrushOptions brush;
    brush.radius = 1.0;
    brush.extent = BrushOptions::Extent::Slice;
    settings->setBrush(brush);
    settings->setTool(AnnotationSettings::Tool::Brush);
    auto at = [&](int64_t i, int64_t j) {
        return view->widgetPosition({i, j, view->sliceIndex()}).toPoint();
    };
    std::printf("slice %lld\n", static_cast<long long>(firstSlice));
    std::fflush(stdout);
    for (int stroke = 0; stroke < kStrokes; ++stroke) {
        if (stroke > 0 && stroke % kRowsPerSlice == 0) {
            view->stepSlice(1);
        }
        if (view->sliceIndex() != strokeSlice(firstSlice, stroke)) {
            std::fprintf(stderr, "painter: on slice %lld, not %lld\n",
                         static_cast<long long>(view->sliceIndex()),
                         static_cast<long long>(strokeSlice(firstSlice, stroke)));
            return 1;
        }
        settings->setActiveLabel(strokeLabel(saved, firstSlice, stroke));
        const int64_t row = strokeRow(stroke);
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, at(4, row));
        for (int64_t i = 5; i <= 20; ++i) {
            QMouseEvent move(QEvent::MouseMove, QPointF(at(i, row)),
                             view->mapToGlobal(QPointF(at(i, row))), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(view, &move);
        }
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, at(20, row));
        std::printf("stroke %d\n", stroke + 1);
        std::fflush(stdout);
        if ((stroke + 1) % 10 == 0) {
            if (!window->saveLabels()) {
                std::fprintf(stderr, "painter: save failed: %s\n",
                             window->lastError().toLocal8Bit().constData());
                return 1;
            }
            std::printf("saved %d\n", stroke + 1);
            std::fflush(stdout);
        }
    }
    // Paint on (a stroke in progress) until killed.
    QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, at(4, 1));
    for (;;) {
        QApplication::processEvents();
    }
}

}  // namespace

class TestWorkstationKill : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        VolumeView3D::prepareSurfaceFormat();
    }

    void everyFinishedStrokeSurvivesSigkill() {
        std::mt19937 random(151203u);
        for (int round = 0; round < 8; ++round) {
            QTemporaryDir dir;
            const QString project = dir.filePath("demo");
            DemoProjectOptions options;
            options.cases = 1;
            options.size = {48, 48, 32};
            createDemoProject(project.toStdString(), options);
            int64_t scan = 0;
            LabelVolume saved;
            {
                const Project opened = Project::open(project.toStdString());
                scan = opened.scans().front().id;
                saved = opened.loadLabels(opened.currentLabels(scan)->id);
            }
            QProcess painter;
            painter.setProcessChannelMode(QProcess::SeparateChannels);
            painter.start(QCoreApplication::applicationFilePath(),
                          {"--paint", project, QString::number(scan)});
            QVERIFY2(painter.waitForStarted(20000), qPrintable(painter.errorString()));
            const int wanted = 1 + static_cast<int>(random() % kStrokes);
            int printed = 0;
            int64_t slice = -1;
            QByteArray pending;
            while (printed < wanted) {
                QVERIFY2(painter.waitForReadyRead(60000),
                         qPrintable("painter: " + painter.readAllStandardError()));
                pending += painter.readAllStandardOutput();
                int newline;
                while ((newline = pending.indexOf('\n')) >= 0) {
                    const QByteArray line = pending.left(newline);
                    pending.remove(0, newline + 1);
                    if (line.startsWith("stroke ")) {
                        printed = line.mid(7).toInt();
                    } else if (line.startsWith("slice ")) {
                        slice = line.mid(6).toLongLong();
                    }
                }
            }
            std::this_thread::sleep_for(std::chrono::microseconds(random() % 5000));
            QCOMPARE(::kill(static_cast<pid_t>(painter.processId()), SIGKILL), 0);
            QVERIFY(painter.waitForFinished(20000));
            QCOMPARE(painter.exitStatus(), QProcess::CrashExit);
            pending += painter.readAllStandardOutput();
            for (const QByteArray& line : pending.split('\n')) {
                if (line.startsWith("stroke ")) {
                    printed = std::max(printed, line.mid(7).toInt());
                }
            }
            QVERIFY(slice >= 0);

            // A new window on the project restores the journaled strokes when the scan opens.
            std::unique_ptr<MainWindow> window = openWindow(project, scan);
            QVERIFY(window != nullptr);
            // Strokes after the last save come from the journal, the others from saved versions.
            const LabelVolume& restored = *window->labels();
            int back = 0;
            for (int stroke = 0; stroke < kStrokes; ++stroke) {
                const LabelValue value = strokeLabel(saved, slice, stroke);
                bool whole = true;
                for (int64_t i = 4; i <= 20; ++i) {
                    whole = whole &&
                            restored.at(i, strokeRow(stroke), strokeSlice(slice, stroke)) == value;
                }
                if (stroke < printed) {
                    QVERIFY2(whole, qPrintable(QString("round %1: stroke %2 of %3 printed is lost")
                                                   .arg(round)
                                                   .arg(stroke + 1)
                                                   .arg(printed)));
                }
                back += whole ? 1 : 0;
            }
            qInfo("round %d: killed after %d printed strokes; %d strokes restored", round, printed,
                  back);
            // And the project passes `logonet check`, whatever the kill interrupted.
            Project checked = Project::open(project.toStdString(), Project::Access::Shared);
            const ProjectCheckReport report = checkProject(checked);
            QVERIFY2(report.sound(), report.toJson().dump().c_str());
        }
    }
};

int main(int argc, char** argv) {
    if (argc == 4 && QByteArray(argv[1]) == "--paint") {
        QStandardPaths::setTestModeEnabled(true);
        VolumeView3D::prepareSurfaceFormat();
        QApplication app(argc, argv);
        return paint(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong());
    }
    QApplication app(argc, argv);
    TestWorkstationKill test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_workstation_kill.moc"
