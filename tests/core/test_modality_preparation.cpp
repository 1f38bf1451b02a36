// Each scan normalised by its own modality: a CT scan by the Hounsfield window, an MR scan by its
// 0.5/99.5 percentiles; "auto" settings pick per scan (the project's modality, else a guess from
// the intensities) and accept cached cases of either form. The checks count voxels saturated at
// the window's ceiling, which an MR scan windowed as CT shows in bulk.
#include <QtTest>

#include <algorithm>

#include "cache/CasePreparation.h"
#include "phantom/PhantomGenerator.h"
#include "volume/ModalityGuess.h"

using namespace logonet;

namespace {

PhantomCase phantom() {
    PhantomOptions options;
    options.size = {24, 24, 12};
    options.seed = 3;
    return generatePhantom(options);
}

// The phantom as an MR scanner might store it: non-negative arbitrary units, tissue up to ~2000.
ImageVolume asMr(const ImageVolume& ct) {
    ImageVolume mr = ct;
    for (float& v : mr.voxels()) {
        v = std::max(0.0f, (v + 1000.0f) * 1.5f);
    }
    return mr;
}

double fractionAtOne(const ImageVolume& image) {
    const auto& voxels = image.voxels();
    return static_cast<double>(
               std::count_if(voxels.begin(), voxels.end(), [](float v) { return v >= 1.0f; })) /
           static_cast<double>(voxels.size());
}

PreprocessSettings settingsOf(const std::string& modality) {
    PreprocessSettings settings;
    settings.modality = modality;
    return settings;
}

}  // namespace

class TestModalityPreparation : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void guessFromIntensities() {
        const PhantomCase ct = phantom();
        QCOMPARE(guessModality(ct.image), std::string("CT"));
        QCOMPARE(guessModality(asMr(ct.image)), std::string("MR"));
    }

    void settingsForEachScan() {
        const PreprocessSettings automatic = settingsOf("auto");
        QCOMPARE(automatic.forScan("MR").modality, std::string("mr"));
        QCOMPARE(automatic.forScan("CT").modality, std::string("ct"));
        QCOMPARE(automatic.forScan("").modality, std::string("ct"));
        QCOMPARE(settingsOf("ct").forScan("MR").modality, std::string("ct"));  // fixed stays
        QVERIFY(automatic.accepts(settingsOf("ct")));
        QVERIFY(automatic.accepts(settingsOf("mr")));
        PreprocessSettings otherWindow = settingsOf("ct");
        otherWindow.windowHigh = 400;
        QVERIFY(!automatic.accepts(otherWindow));
        QVERIFY(!settingsOf("ct").accepts(settingsOf("mr")));
        QVERIFY(automatic.describe().find("per-scan modality") != std::string::npos);
        QVERIFY(PreprocessSettings::fromJson(automatic.toJson()) == automatic);
    }

    void mrIsNotWindowedAsCt() {
        const ImageVolume mr = asMr(phantom().image);
        const CachedCase asCt = prepareCase("a", mr, LabelVolume(), settingsOf("ct"));
        const CachedCase asMrCase = prepareCase("b", mr, LabelVolume(), settingsOf("mr"));
        const CachedCase automatic = prepareCase("c", mr, LabelVolume(), settingsOf("auto"));
        // Windowed as CT, every tissue voxel (>= 250 "HU") saturates at 1: half the crop.
        QVERIFY2(fractionAtOne(asCt.image) > 0.4,
                 qPrintable(QString::number(fractionAtOne(asCt.image))));
        QVERIFY2(fractionAtOne(asMrCase.image) < 0.02,
                 qPrintable(QString::number(fractionAtOne(asMrCase.image))));
        // "auto" on an MR-looking scan is the MR normalisation, voxel for voxel.
        QCOMPARE(automatic.settings.modality, std::string("mr"));
        QVERIFY(automatic.image.voxels() == asMrCase.image.voxels());
    }

    void ctStaysWindowed() {
        const ImageVolume ct = phantom().image;
        const CachedCase fixed = prepareCase("a", ct, LabelVolume(), settingsOf("ct"));
        const CachedCase automatic = prepareCase("b", ct, LabelVolume(), settingsOf("auto"));
        QCOMPARE(automatic.settings.modality, std::string("ct"));
        QVERIFY(automatic.image.voxels() == fixed.image.voxels());
    }
};

QTEST_GUILESS_MAIN(TestModalityPreparation)
#include "test_modality_preparation.moc"
