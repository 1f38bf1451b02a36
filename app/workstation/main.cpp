// logonet-workstation: composition only. Parses the command line, installs the translation,
// creates the demo project when asked and opens the main window.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

#include "browser/ScanBrowser.h"
#include "browser/ScanTableModel.h"
#include "mainwindow/DemoProject.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/RunFocus.h"
#include "mainwindow/ScratchProject.h"
#include "project/Project.h"
#include "render3d/VolumeView3D.h"
#include "slices/SliceStepBenchmark.h"

namespace {

using logonet::views::MainWindow;

void installTranslations(QApplication& app, const QString& language) {
    const QString name = language.isEmpty() ? QLocale::system().name() : language;
    auto* ours = new QTranslator(&app);
    if (ours->load(QStringLiteral("logonet_") + name, QStringLiteral(":/translations"))) {
        QApplication::installTranslator(ours);
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + name,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qt);
    }
}

bool parseSize(const QString& text, logonet::Size3& size) {
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 3) {
        return false;
    }
    for (int a = 0; a < 3; ++a) {
        bool ok = false;
        size[static_cast<size_t>(a)] = parts[a].toLongLong(&ok);
        if (!ok || size[static_cast<size_t>(a)] < 2) {
            return false;
        }
    }
    return true;
}

int runSliceBenchmark(const QString& sizeText) {
    logonet::Size3 size{512, 512, 300};
    if (!sizeText.isEmpty() && !parseSize(sizeText, size)) {
        std::fprintf(stderr, "--size: expected X,Y,Z (each at least 2), got '%s'\n",
                     qPrintable(sizeText));
        return 2;
    }
    const auto times = logonet::views::benchmarkSliceStepping(size, 60);
    std::printf(
        "{\"benchmark\":\"slice-step\",\"size\":[%lld,%lld,%lld],\"steps\":%d,"
        "\"render_median_ms\":%.3f,\"redraw_median_ms\":%.3f,\"sagittal_render_median_ms\":%.3f,"
        "\"sagittal_render_worst_ms\":%.3f}\n",
        static_cast<long long>(size[0]), static_cast<long long>(size[1]),
        static_cast<long long>(size[2]), times.steps, times.renderMedianMs, times.redrawMedianMs,
        times.sagittalRenderMedianMs, times.sagittalRenderWorstMs);
    return 0;
}

QString ensureDemoProject() {
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/demo-project";
    if (!logonet::Project::exists(dir.toStdString())) {
        std::fprintf(stderr, "Creating the demo project in %s ...\n", qPrintable(dir));
        QDir().mkpath(QFileInfo(dir).absolutePath());
        logonet::views::createDemoProject(dir.toStdString());
    }
    return dir;
}

// Once a scan is shown and its surfaces are built (or after a time limit), saves the window.
void scheduleScreenshot(MainWindow& window, const QString& file) {
    auto save = [&window, file] {
        window.repaint();
        QApplication::processEvents();
        const bool ok = window.grab().save(file);
        if (!ok) {
            std::fprintf(stderr, "%s: cannot write the screenshot\n", qPrintable(file));
        }
        QApplication::exit(ok ? 0 : 1);
    };
    QObject::connect(&window, &MainWindow::meshesReady, &window,
                     [save] { QTimer::singleShot(300, save); });
    QObject::connect(&window, &MainWindow::scanShown, &window, [&window, save] {
        if (!window.labels()) {
            QTimer::singleShot(500, save);
        }
    });
    QTimer::singleShot(60000, &window, save);
}

}  // namespace

int main(int argc, char** argv) {
    // VTK needs a core profile context in every QOpenGLWidget; this must precede QApplication.
    logonet::views::VolumeView3D::prepareSurfaceFormat();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LoGoNet"));
    QApplication::setApplicationName(QStringLiteral("logonet-workstation"));
    QApplication::setApplicationVersion(QStringLiteral(LOGONET_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LoGoNet workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption project(QStringLiteral("project"), QStringLiteral("Open project DIR."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Create (once) and open the demo project."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the window to FILE.png once a scan is shown, then exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      QStringLiteral("User interface language (e.g. de)."),
                                      QStringLiteral("LANG"));
    const QCommandLineOption benchSlices(
        QStringLiteral("bench-slices"),
        QStringLiteral("Print the median redraw time of stepping one slice, then exit."));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Volume size for --bench-slices (X,Y,Z)."),
                                  QStringLiteral("X,Y,Z"));
    const QCommandLineOption run(
        QStringLiteral("run"),
        QStringLiteral("With --project: select run NAME in the Runs panel (curves, Dice chart) "
                       "and open its first prediction for review."),
        QStringLiteral("NAME"));
    const QCommandLineOption labels(
        QStringLiteral("labels"),
        QStringLiteral("With image files: FILE is the first image's label map."),
        QStringLiteral("FILE"));
    parser.addOptions({project, demo, screenshot, language, benchSlices, size, run, labels});
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QStringLiteral("Image files (NIfTI, NRRD, MHA) or DICOM folders to open in a new scratch "
                       "project (File > Keep scratch project as... keeps it)."),
        QStringLiteral("[files...]"));
    parser.process(app);

    installTranslations(app, parser.value(language));
    if (parser.isSet(benchSlices)) {
        return runSliceBenchmark(parser.value(size));
    }

    MainWindow window;
    const bool takeScreenshot = parser.isSet(screenshot);
    window.setQuietErrors(takeScreenshot);
    QString projectDir = parser.value(project);
    if (parser.isSet(demo)) {
        try {
            projectDir = ensureDemoProject();
        } catch (const std::exception& error) {
            std::fprintf(stderr, "Cannot create the demo project: %s\n", error.what());
            return 1;
        }
    }
    if (takeScreenshot) {
        scheduleScreenshot(window, parser.value(screenshot));
    }
    window.show();
    if (!parser.positionalArguments().isEmpty()) {
        auto* scratch = window.findChild<logonet::views::ScratchProject*>();
        if (!projectDir.isEmpty()) {
            std::fprintf(stderr, "give either image files or --project/--demo, not both\n");
            return 2;
        }
        if (scratch == nullptr ||
            !scratch->open(parser.positionalArguments(), parser.value(labels))) {
            std::fprintf(stderr, "Cannot open %s: %s\n",
                         qPrintable(parser.positionalArguments().join(QStringLiteral(", "))),
                         scratch != nullptr ? qPrintable(scratch->error()) : "");
            return 1;
        }
        return app.exec();
    }
    if (!projectDir.isEmpty()) {
        if (!window.openProject(projectDir) && takeScreenshot) {
            return 1;
        }
        const auto& scans = window.browser()->model()->scans();
        if (parser.isSet(run)) {
            if (!logonet::views::focusRun(window, parser.value(run))) {
                std::fprintf(stderr, "--run %s: no such run in %s\n", qPrintable(parser.value(run)),
                             qPrintable(projectDir));
                return 1;
            }
        } else if (!scans.empty()) {
            window.showScan(scans.front().id);
        } else if (takeScreenshot) {
            QTimer::singleShot(500, &window, [&window, file = parser.value(screenshot)] {
                QApplication::exit(window.grab().save(file) ? 0 : 1);
            });
        }
    } else if (takeScreenshot) {
        QTimer::singleShot(500, &window, [&window, file = parser.value(screenshot)] {
            QApplication::exit(window.grab().save(file) ? 0 : 1);
        });
    }
    return app.exec();
}
