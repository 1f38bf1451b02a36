// The Masked Sequences panel against the real `logonet masks` for the same scan and seed: the
// same masked slices, patch sizes and zeroed patches, and bit-identical voxels of the masked
// crop, which is the centre of the scan's prepared case (the engine's cache) as pre-training's
// crops are; its controls redraw at once.
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <set>

#include "cache/CaseCache.h"
#include "io/ImageReader.h"
#include "mainwindow/DemoProject.h"
#include "masking/MaskedSequenceView.h"
#include "masking/MaskedSequencesPanel.h"
#include "project/CachedCaseName.h"
#include "project/Project.h"

using namespace logonet;
using namespace logonet::views;

namespace {

constexpr int kCrop = 24;

}  // namespace

class TestMaskedSequences : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString projectDir_;
    qint64 scanId_ = 0;
    std::unique_ptr<MaskedSequencesPanel> panel_;

    // Runs `logonet masks` with the panel's settings; the manifest and the masked crop.
    bool runEngine(QJsonObject& manifest, ImageVolume& masked, const QString& name) {
        const QString engine = qEnvironmentVariable("LOGONET_ENGINE", LOGONET_ENGINE_FOR_TESTS);
        const QString out = dir_.filePath(name);
        QProcess masks;
        masks.start(engine, {"masks", "--project", projectDir_, "--scan", QString::number(scanId_),
                             "--seed", QString::number(panel_->seed()), "--phi1",
                             QString::number(panel_->options().phi1, 'g', 17), "--phi2",
                             QString::number(panel_->options().phi2, 'g', 17), "--length",
                             QString::number(panel_->options().length), "--axis",
                             QString::fromStdString(sliceAxisName(panel_->options().axis)),
                             "--crop", QString::number(panel_->cropSize()), "--out", out});
        if (!masks.waitForFinished(120000) || masks.exitCode() != 0) {
            qWarning("%s", masks.readAllStandardError().constData());
            return false;
        }
        QFile file(out + "/masks.json");
        if (!file.open(QIODevice::ReadOnly)) {
            return false;
        }
        manifest = QJsonDocument::fromJson(file.readAll()).object();
        masked = readImage((out + "/masked.nii.gz").toStdString());
        return true;
    }

    void compareWithEngine(const QString& name) {
        QJsonObject manifest;
        ImageVolume engine;
        QVERIFY(runEngine(manifest, engine, name));
        const QJsonArray slices = manifest["masked_slices"].toArray();
        const CropMaskingPlan& plan = panel_->plan();
        QVERIFY(!plan.masked.empty());
        QCOMPARE(slices.size(), qsizetype(plan.masked.size()));
        for (qsizetype n = 0; n < slices.size(); ++n) {
            const QJsonObject slice = slices[n].toObject();
            const MaskedSlice& mine = plan.masked[static_cast<size_t>(n)];
            QCOMPARE(slice["index"].toInteger(), mine.index);
            QCOMPARE(slice["patch_size"].toInteger(), mine.patchSize);
            QCOMPARE(slice["patches"].toInteger(), mine.patches);
            QCOMPARE(slice["zeroed"].toInteger(), mine.zeroed);
        }
        // Voxel for voxel, bit for bit, on the same grid.
        const ImageVolume& shown = panel_->maskedCrop();
        QCOMPARE(engine.size(), shown.size());
        QVERIFY(engine.geometry().sameGrid(shown.geometry(), 1e-4));
        int64_t differing = 0;
        int64_t zeroed = 0;
        for (size_t v = 0; v < shown.voxels().size(); ++v) {
            differing += engine.voxels()[v] != shown.voxels()[v];
            zeroed += shown.voxels()[v] == 0.0f && panel_->crop().voxels()[v] != 0.0f;
        }
        QCOMPARE(differing, int64_t{0});
        QVERIFY(zeroed > 0);
    }

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        projectDir_ = dir_.filePath("demo");
        DemoProjectOptions options;
        options.cases = 2;
        options.size = {40, 36, 30};
        createDemoProject(projectDir_.toStdString(), options);
        const QString engine = qEnvironmentVariable("LOGONET_ENGINE", LOGONET_ENGINE_FOR_TESTS);
        QVERIFY2(QFileInfo(engine).isExecutable(),
                 qPrintable("build the logonet target first: " + engine));
        scanId_ =
            Project::open(projectDir_.toStdString(), Project::Access::Shared).scans().front().id;
        panel_ = std::make_unique<MaskedSequencesPanel>();
        panel_->resize(1200, 800);
        panel_->cropBox()->setValue(kCrop);
        panel_->setProject(projectDir_);
        panel_->setScan(scanId_);
        QVERIFY(!panel_->hasCrop());  // hidden: nothing is read yet
        QSignalSpy loaded(panel_.get(), &MaskedSequencesPanel::cropLoaded);
        panel_->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
        QTRY_VERIFY_WITH_TIMEOUT(panel_->hasCrop(), 30000);
        QCOMPARE(panel_->crop().size(), (Size3{kCrop, kCrop, kCrop}));
    }

    void defaultsMatchTheEngine() {
        panel_->seedBox()->setValue(5);
        panel_->phi1Box()->setValue(0.2);  // floor(0.2 * 24) = 4 runs
        compareWithEngine("defaults");
        QCOMPARE(panel_->plan().runEnds.size(), size_t{4});
    }

    void cropIsTheCentreOfThePreparedCase() {
        // `logonet masks` (run by defaultsMatchTheEngine) left the prepared case in the cache:
        // the panel's crop is its centred kCrop^3 window, at the project's spacing, not the
        // whole scan squeezed to kCrop^3.
        Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        const CachedCase prepared =
            CaseCache(project.absolutePath("cache")).read(cachedCaseName(scanId_));
        const ImageVolume& crop = panel_->crop();
        for (int a = 0; a < 3; ++a) {
            QCOMPARE(crop.geometry().spacing[a], prepared.image.geometry().spacing[a]);
        }
        const Size3 size = prepared.image.size();
        QVERIFY2(size[0] > kCrop && size[1] > kCrop, "the phantom is wider than the crop in-plane");
        int64_t begin[3];
        for (int a = 0; a < 3; ++a) {
            begin[a] = size[a] >= kCrop ? (size[a] - kCrop) / 2 : -((kCrop - size[a]) / 2);
        }
        int64_t differing = 0;
        for (int64_t k = 0; k < kCrop; ++k) {
            for (int64_t j = 0; j < kCrop; ++j) {
                for (int64_t i = 0; i < kCrop; ++i) {
                    const int64_t x = i + begin[0], y = j + begin[1], z = k + begin[2];
                    const bool inside =
                        x >= 0 && y >= 0 && z >= 0 && x < size[0] && y < size[1] && z < size[2];
                    const float expected = inside ? prepared.image.at(x, y, z) : 0.0f;
                    differing += std::abs(crop.at(i, j, k) - expected) > 1e-6f;
                }
            }
        }
        QCOMPARE(differing, int64_t{0});
    }

    void controlsRedrawAtOnce() {
        QSignalSpy redrawn(panel_.get(), &MaskedSequencesPanel::redrawn);
        const auto before = panel_->plan().runEnds;
        panel_->seedBox()->setValue(panel_->seedBox()->value() + 1);
        QCOMPARE(redrawn.count(), 1);  // synchronously: no child process, no thread
        QVERIFY(panel_->plan().runEnds != before);
        panel_->lengthBox()->setValue(3);
        QCOMPARE(redrawn.count(), 2);
        for (const auto& run : panel_->view()->runs()) {
            QCOMPARE(run.size(), qsizetype(3));
            QVERIFY(panel_->plan().find(run.front()) != nullptr);
            QVERIFY(panel_->plan().find(run.back()) != nullptr);
        }
        panel_->phi1Box()->setValue(0.0);
        QVERIFY(panel_->plan().masked.empty());
        QVERIFY(panel_->view()->runs().isEmpty());
        panel_->phi1Box()->setValue(0.25);
        QCOMPARE(panel_->view()->runs().size(),
                 qsizetype(
                     std::set<int64_t>(panel_->plan().runEnds.begin(), panel_->plan().runEnds.end())
                         .size()));
    }

    void otherSettingsMatchTheEngineToo() {
        panel_->seedBox()->setValue(11);
        panel_->phi2Box()->setValue(0.45);
        panel_->lengthBox()->setValue(4);
        panel_->axisBox()->setCurrentIndex(panel_->axisBox()->findText("coronal"));
        QCOMPARE(panel_->options().axis, SliceAxis::Coronal);
        compareWithEngine("coronal");
        panel_->axisBox()->setCurrentIndex(panel_->axisBox()->findText("sagittal"));
        compareWithEngine("sagittal");
    }

    void viewShowsBeforeAndAfter() {
        MaskedSequenceView* view = panel_->view();
        QVERIFY(!view->runs().isEmpty());
        const QImage shot = view->grab().toImage();
        // The "after" tile of a masked slice has more black pixels than its "before" tile.
        const auto black = [&](const QRect& rect) {
            int count = 0;
            for (int y = rect.top(); y <= rect.bottom(); ++y) {
                for (int x = rect.left(); x <= rect.right(); ++x) {
                    count += qGray(shot.pixel(x, y)) == 0;
                }
            }
            return count;
        };
        int beforeBlack = 0;
        int afterBlack = 0;
        for (int slot = 0; slot < view->runs().front().size(); ++slot) {
            beforeBlack += black(view->beforeRect(0, slot));
            afterBlack += black(view->afterRect(0, slot));
        }
        QVERIFY2(afterBlack > beforeBlack,
                 qPrintable(QString("%1 vs %2").arg(afterBlack).arg(beforeBlack)));
        const QString out = qEnvironmentVariable("LOGONET_PANEL_SCREENSHOTS");
        if (!out.isEmpty()) {
            QVERIFY(panel_->grab().save(out + "/masked-sequences-test.png"));
        }
    }

    void unreadableScanGivesAClearMessage() {
        Project project = Project::open(projectDir_.toStdString(), Project::Access::Shared);
        const ScanRecord scan = project.scans().back();
        const QString file = QString::fromStdString(project.absolutePath(scan.path));
        QVERIFY(QFile::remove(file));
        panel_->setScan(scan.id);
        QTRY_VERIFY_WITH_TIMEOUT(panel_->status().contains(QFileInfo(file).fileName()), 30000);
        QVERIFY(!panel_->hasCrop());
    }

    void cleanupTestCase() { panel_.reset(); }
};

QTEST_MAIN(TestMaskedSequences)
#include "test_masked_sequences.moc"
