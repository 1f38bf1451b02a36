#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "cache/CaseCache.h"
#include "data/CachedCaseSource.h"
#include "data/CropSampler.h"
#include "pretrain/PretrainCropDraw.h"

using namespace logonet;
using namespace logonet::training;

namespace {

// A prepared scan of random intensities, `seed` making each one different.
CachedCase randomCase(const std::string& id, const Size3& size, unsigned seed) {
    ImageGeometry g;
    g.size = size;
    g.spacing = {1.5, 1.5, 2.0};
    ImageVolume image(g, 0.0f);
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (float& v : image.voxels()) {
        v = unit(random);
    }
    CachedCase entry;
    entry.id = id;
    entry.image = image;
    return entry;
}

const Size3 kSize{12, 10, 9};
// Bytes one case takes as a pre-training case: float voxels plus a byte of class per voxel,
// counted here from the size, not from the source's own arithmetic.
const int64_t kCaseBytes = 12 * 10 * 9 * (4 + 1);

}  // namespace

// CachedCaseSource: cases read from the case cache when drawn, kept within a byte budget.
class CachedCaseSourceTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    std::vector<std::string> ids_{"scan_000001", "scan_000002", "scan_000003", "scan_000004"};

    CachedCaseSource source(int64_t budget) const {
        return CachedCaseSource(dir_.path().toStdString(), ids_, pretrainingCase, budget);
    }

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const CaseCache cache(dir_.path().toStdString());
        for (size_t n = 0; n < ids_.size(); ++n) {
            cache.write(randomCase(ids_[n], kSize, static_cast<unsigned>(n + 1)));
        }
    }

    void givesWhatTheCacheHolds() {
        const CachedCaseSource cases = source(int64_t{1} << 30);
        QCOMPARE(cases.count(), ids_.size());
        QCOMPARE(cases.reads(), int64_t{0});  // opening it reads headers only
        const CaseCache cache(dir_.path().toStdString());
        for (size_t n = 0; n < ids_.size(); ++n) {
            QCOMPARE(cases.id(n), ids_[n]);
            QVERIFY(cases.size(n) == kSize);
            const auto entry = cases.at(n);
            QCOMPARE(entry->id, ids_[n]);
            QVERIFY(entry->image.voxels() == cache.read(ids_[n]).image.voxels());
        }
        QCOMPARE(cases.heldBytes(), 4 * kCaseBytes);
    }

    void keepsTheMostRecentWithinTheBudget() {
        // Room for two and a half cases: the third read evicts the least recently used.
        const CachedCaseSource cases = source(kCaseBytes * 5 / 2);
        cases.at(0);
        cases.at(1);
        QCOMPARE(cases.reads(), int64_t{2});
        cases.at(0);  // held: no read, and now the most recent
        QCOMPARE(cases.reads(), int64_t{2});
        cases.at(2);  // evicts 1, the least recently used
        QCOMPARE(cases.reads(), int64_t{3});
        QCOMPARE(cases.heldBytes(), 2 * kCaseBytes);
        cases.at(0);
        QCOMPARE(cases.reads(), int64_t{3});
        cases.at(1);
        QCOMPARE(cases.reads(), int64_t{4});
        QVERIFY(cases.heldBytes() <= cases.budgetBytes());
    }

    void aZeroBudgetKeepsOnlyTheLastCase() {
        const CachedCaseSource cases = source(0);
        const auto first = cases.at(3);
        cases.at(3);
        QCOMPARE(cases.reads(), int64_t{1});
        cases.at(2);
        QCOMPARE(cases.heldBytes(), kCaseBytes);
        // The caller's pointer outlives the eviction.
        QCOMPARE(first->id, ids_[3]);
        QCOMPARE(first->image.voxels().size(), size_t{12 * 10 * 9});
        cases.at(3);
        QCOMPARE(cases.reads(), int64_t{3});
    }

    void aSamplerDrawsTheSameCropsAsFromHeldCases() {
        const CaseCache cache(dir_.path().toStdString());
        std::vector<std::shared_ptr<const TrainingCase>> held;
        for (const auto& id : ids_) {
            held.push_back(pretrainingCase(cache.read(id)));
        }
        CropSamplerOptions options;
        options.crop = {8, 8, 8};
        options.positiveFraction = 0.0;
        options.batch = 1;
        options.seed = 11;
        const CropSampler fromMemory(held, options);
        const auto cached =
            std::make_shared<CachedCaseSource>(dir_.path().toStdString(), ids_, pretrainingCase, 0);
        const CropSampler fromCache(cached, options);
        for (int64_t n = 0; n < 12; ++n) {
            const CropSample a = fromMemory.sample(n);
            const CropSample b = fromCache.sample(n);
            QCOMPARE(b.caseIndex, a.caseIndex);
            QVERIFY2(torch::equal(a.image, b.image), qPrintable(QString::number(n)));
        }
        QVERIFY(cached->reads() >= 4);  // one case held: the order changes case every draw
        // sampleFrom: sample n's random draw on a chosen case.
        const CropSample chosen = fromCache.sampleFrom(2, 5);
        QCOMPARE(chosen.caseIndex, int64_t{2});
        QVERIFY(torch::equal(chosen.image, fromMemory.sampleFrom(2, 5).image));
    }

    void threadsGetTheCaseTheyAskFor() {
        const CachedCaseSource cases = source(kCaseBytes);
        std::atomic<int> wrong{0};
        auto work = [&](size_t offset) {
            for (size_t n = 0; n < 60; ++n) {
                const size_t index = (n + offset) % ids_.size();
                if (cases.at(index)->id != ids_[index]) {
                    ++wrong;
                }
            }
        };
        std::thread a(work, 0);
        std::thread b(work, 1);
        a.join();
        b.join();
        QCOMPARE(wrong.load(), 0);
        QVERIFY(cases.heldBytes() <= kCaseBytes);
    }

    void aMissingOrTruncatedCaseIsNamed() {
        try {
            CachedCaseSource(dir_.path().toStdString(), {"scan_000001", "scan_000099"},
                             pretrainingCase, 0);
            QFAIL("a case that is not in the cache was accepted");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("scan_000099.json"), e.what());
        }
        QTemporaryDir other;
        const CaseCache cache(other.path().toStdString());
        cache.write(randomCase("scan_000007", kSize, 7));
        const CachedCaseSource cases(other.path().toStdString(), {"scan_000007"}, pretrainingCase,
                                     0);
        std::filesystem::resize_file(other.path().toStdString() + "/scan_000007.bin", 100);
        try {
            cases.at(0);
            QFAIL("a truncated case was read");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("scan_000007.bin"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(CachedCaseSourceTest)
#include "test_cached_case_source.moc"
