#include <QtTest/QtTest>

#include <cmath>
#include <fstream>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include "kmeans/ClusterSums.h"
#include "kmeans/KMeansPlusPlus.h"
#include "kmeans/MiniBatchKMeans.h"
#include "kmeans/MultiClusterer.h"
#include "kmeans/NpyMatrix.h"
#include "kmeans/RowProducts.h"
#include "kmeans/RowSampler.h"

using namespace logonet::training;

namespace {

// `groups` Gaussian blobs of `perGroup` rows in `dims` dimensions, centres far apart.
torch::Tensor blobs(int64_t groups, int64_t perGroup, int64_t dims, uint64_t seed) {
    torch::manual_seed(seed);
    const auto centres = torch::randn({groups, dims}) * 20.0;
    return (centres.repeat_interleave(perGroup, 0) + torch::randn({groups * perGroup, dims}))
        .contiguous();
}

// Writes a .npy file byte by byte: magic, version `major`.0, the header length (`claimedLength`
// or the real one), `header` padded like numpy pads it, then `dataBytes` bytes of data.
void writeRawNpy(const std::string& path, std::string header, int64_t dataBytes, int major = 1,
                 int64_t claimedLength = -1) {
    const size_t lengthBytes = major == 1 ? 2 : 4;
    const size_t total = 8 + lengthBytes + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header.push_back('\n');
    const auto length = static_cast<uint32_t>(claimedLength >= 0 ? claimedLength : header.size());
    std::string bytes = std::string("\x93NUMPY", 6) + char(major) + char(0);
    for (size_t n = 0; n < lengthBytes; ++n) {
        bytes.push_back(static_cast<char>((length >> (8 * n)) & 0xFF));
    }
    bytes += header;
    bytes.append(static_cast<size_t>(dataBytes), '\0');
    std::ofstream(path, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The message of the std::runtime_error that reading `path` throws, or "" when it reads.
std::string npyError(const std::string& path) {
    try {
        readNpyMatrix(path);
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "";
}

}  // namespace

class KMeansTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void sampledRowsAreDistinctAndSorted() {
        std::mt19937_64 random(3);
        const auto rows = sampleRows(1000, 100, random);
        QCOMPARE(rows.size(), size_t{100});
        QVERIFY(std::is_sorted(rows.begin(), rows.end()));
        QCOMPARE(std::set<int64_t>(rows.begin(), rows.end()).size(), size_t{100});
        QVERIFY(rows.front() >= 0 && rows.back() < 1000);
        QCOMPARE(sampleRows(5, 9, random).size(), size_t{5});
    }

    void plusPlusSeedsLandInSeparateGroups() {
        // Two tight groups 10 apart: the second seed is drawn proportional to squared distance,
        // so it falls into the other group (the chance of not doing so is about 1e-4).
        const auto points = torch::tensor({0.0f, 0.1f, 0.2f, 10.0f, 10.1f, 10.2f}).view({6, 1});
        for (uint64_t seed = 0; seed < 20; ++seed) {
            std::mt19937_64 random(seed);
            const auto centres = seedKMeansPlusPlus(points, 2, random);
            QCOMPARE(centres.size(0), int64_t{2});
            const float a = centres[0][0].item<float>();
            const float b = centres[1][0].item<float>();
            QVERIFY2((a < 5.0f) != (b < 5.0f), "both seeds fell into one group");
        }
        std::mt19937_64 random(0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, seedKMeansPlusPlus(points, 7, random));
    }

    void miniBatchStepByHand() {
        KMeansOptions options;
        options.clusters = 2;
        options.reassignmentRatio = 0.0;
        MiniBatchKMeans kmeans(options);
        kmeans.setState(torch::tensor({0.0f, 10.0f}).view({2, 1}), torch::tensor({1.0f, 1.0f}));
        // 2 and 4 go to centre 0: (0*1 + 2 + 4) / 3 = 2; 12 goes to centre 1: (10 + 12) / 2 = 11.
        kmeans.step(torch::tensor({2.0f, 4.0f, 12.0f}).view({3, 1}));
        QVERIFY(torch::allclose(kmeans.centroids().view({2}), torch::tensor({2.0f, 11.0f})));
        QVERIFY(torch::allclose(kmeans.counts(), torch::tensor({3.0f, 2.0f})));
        // 8 is nearer 11 than 2: centre 1 becomes (11 * 2 + 8) / 3 = 10; centre 0 stays.
        kmeans.step(torch::tensor({8.0f}).view({1, 1}));
        QVERIFY(torch::allclose(kmeans.centroids().view({2}), torch::tensor({2.0f, 10.0f})));
        QVERIFY(torch::allclose(kmeans.counts(), torch::tensor({3.0f, 3.0f})));
    }

    void lloydPassMovesCentresToMeans() {
        KMeansOptions options;
        options.clusters = 2;
        options.chunkRows = 2;  // several chunks must add up like one
        MiniBatchKMeans kmeans(options);
        kmeans.setState(torch::tensor({0.0f, 10.0f}).view({2, 1}), torch::zeros({2}));
        const TensorRowSource source(torch::tensor({1.0f, 2.0f, 3.0f, 9.0f, 13.0f}).view({5, 1}));
        kmeans.lloydPass(source);
        QVERIFY(torch::allclose(kmeans.centroids().view({2}), torch::tensor({2.0f, 11.0f})));
        const auto assignment = kmeans.assign(source);
        // (1 + 0 + 1) + (4 + 4)
        QVERIFY(std::abs(assignment.inertia - 10.0) < 1e-5);
        QCOMPARE(assignment.cluster[3].item<int64_t>(), int64_t{1});
        QVERIFY(std::abs(assignment.distance[4].item<float>() - 4.0f) < 1e-5f);
    }

    void fittingNeverWorsensTheSeeding() {
        const TensorRowSource source(blobs(6, 50, 8, 1));
        for (uint64_t seed = 0; seed < 3; ++seed) {
            KMeansOptions options;
            options.clusters = 6;
            options.batchRows = 64;
            options.iterations = 30;
            options.lloydPasses = 1;
            options.seed = seed;
            MiniBatchKMeans seeded(options);
            seeded.seed(source);
            const double seedInertia = seeded.assign(source).inertia;
            MiniBatchKMeans fitted(options);
            fitted.fit(source);
            const double fitInertia = fitted.assign(source).inertia;
            QVERIFY2(
                fitInertia <= seedInertia * (1.0 + 1e-6),
                qPrintable(QString("seed %1: %2 > %3").arg(seed).arg(fitInertia).arg(seedInertia)));
        }
    }

    void wellSeparatedBlobsAreFound() {
        const int64_t groups = 4;
        const int64_t perGroup = 60;
        const TensorRowSource source(blobs(groups, perGroup, 16, 7));
        KMeansOptions options;
        options.clusters = groups;
        options.batchRows = 32;
        options.iterations = 40;
        options.seed = 5;
        MiniBatchKMeans kmeans(options);
        kmeans.fit(source);
        const auto assignment = kmeans.assign(source);
        std::set<int64_t> used;
        for (int64_t g = 0; g < groups; ++g) {
            const auto labels = assignment.cluster.slice(0, g * perGroup, (g + 1) * perGroup);
            const int64_t first = labels[0].item<int64_t>();
            QVERIFY2((labels == first).all().item<bool>(), "a blob was split");
            used.insert(first);
        }
        QCOMPARE(used.size(), size_t{groups});
        // Unit-variance noise in 16 dimensions: about 16 per row once the blobs are found.
        QVERIFY(assignment.inertia / (groups * perGroup) < 20.0);
    }

    void assignmentDoesNotDependOnTheChunkSize() {
        const TensorRowSource source(blobs(3, 40, 5, 2));
        const auto centroids = torch::randn({7, 5});
        const auto whole = assignRows(source, centroids, 4096);
        const auto chunked = assignRows(source, centroids, 7);
        QVERIFY(torch::equal(whole.cluster, chunked.cluster));
        QVERIFY(torch::allclose(whole.distance, chunked.distance, 1e-4, 1e-3));
        // Against the direct definition.
        const auto direct = torch::cdist(source.matrix(), centroids).pow(2).min(1);
        QVERIFY(torch::equal(std::get<1>(direct), whole.cluster));
        QVERIFY(torch::allclose(std::get<0>(direct), whole.distance, 1e-3, 1e-2));
    }

    void cancellingStopsTheFit() {
        const TensorRowSource source(blobs(2, 20, 3, 3));
        KMeansOptions options;
        options.clusters = 2;
        options.iterations = 100;
        MiniBatchKMeans kmeans(options);
        int64_t calls = 0;
        QVERIFY_THROWS_EXCEPTION(ClusteringCancelled,
                                 kmeans.fit(source, [&](int64_t, int64_t) { return ++calls < 5; }));
        QCOMPARE(calls, int64_t{5});
    }

    void multiClustererDrawsKAndLabelsEveryRow() {
        const TensorRowSource source(blobs(5, 30, 6, 4));
        MultiClustererOptions options;
        options.clusterers = 3;
        options.kMin = 4;
        options.kMax = 9;
        options.iterations = 20;
        options.batchRows = 64;
        options.seed = 11;
        const auto fitted = MultiClusterer(options).fit(source);
        QCOMPARE(fitted.size(), size_t{3});
        for (const auto& clusterer : fitted) {
            QVERIFY(clusterer.k >= 4 && clusterer.k <= 9);
            QCOMPARE(clusterer.centroids.size(0), clusterer.k);
            // A 10% subset of 150 rows: 15 rows per step.
            QCOMPARE(clusterer.batchRows, int64_t{15});
            const auto assignment = MultiClusterer::assign(source, clusterer, torch::kCPU);
            QCOMPARE(assignment.cluster.size(0), source.rows());
            QVERIFY(assignment.cluster.max().item<int64_t>() < clusterer.k);
            QVERIFY(std::abs(assignment.inertia - clusterer.inertia) < 1e-3 * clusterer.inertia);
        }
        // Fewer slices than the largest K: refused with both numbers, never clipped.
        MultiClustererOptions tooMany = options;
        tooMany.kMin = 100;
        tooMany.kMax = 200;
        try {
            MultiClusterer(tooMany).fit(source);
            QFAIL("K larger than the slice count was accepted");
        } catch (const std::invalid_argument& error) {
            const std::string message = error.what();
            QVERIFY2(message.find("[100, 200]") != std::string::npos &&
                         message.find("only 150 slices") != std::string::npos,
                     error.what());
        }
        // Different seeds per clusterer: not all clusterers are the same.
        QVERIFY(fitted[0].k != fitted[1].k || fitted[1].k != fitted[2].k ||
                !torch::equal(fitted[0].centroids, fitted[1].centroids));
    }

    void rowProductsMatchTheMatrixProduct() {
        // Row counts with and without a remainder of 16, output counts padded and not, one row.
        torch::manual_seed(11);
        for (const auto& [rows, columns, outputs] :
             std::vector<std::tuple<int64_t, int64_t, int64_t>>{
                 {1, 3, 2}, {37, 5, 6}, {64, 40, 8}, {250, 300, 100}, {16, 7, 70}}) {
            const auto x = torch::randn({rows, columns});
            const auto w = torch::randn({outputs, columns});
            const auto b = torch::randn({outputs});
            const auto expected = torch::addmm(b.to(torch::kFloat64).unsqueeze(0),
                                               x.to(torch::kFloat64), w.to(torch::kFloat64).t());
            const auto got = rowProducts(x, w, b);
            QCOMPARE(got.sizes().vec(), (std::vector<int64_t>{rows, outputs}));
            QVERIFY2(torch::allclose(got.to(torch::kFloat64), expected, 1e-4, 1e-3),
                     qPrintable(QString("%1 x %2 by %3").arg(rows).arg(columns).arg(outputs)));
        }
        QCOMPARE(rowProducts(torch::zeros({0, 4}), torch::ones({3, 4}), torch::zeros({3})).size(0),
                 int64_t{0});
    }

    void clusterSumsMatchIndexAdd() {
        torch::manual_seed(12);
        const auto rows = torch::randn({300, 2500});
        const auto cluster = torch::randint(0, 7, {300}, torch::kInt64);
        auto sums = torch::ones({7, 2500});
        addRowsToClusters(sums, cluster, rows);
        const auto expected = torch::ones({7, 2500}).index_add_(0, cluster, rows);
        QVERIFY(torch::allclose(sums, expected, 1e-5, 1e-4));
        auto wrong = torch::zeros({3, 2500});
        QVERIFY_THROWS_EXCEPTION(c10::Error, addRowsToClusters(wrong, cluster, rows));
    }

    void npyRoundTrip() {
        QTemporaryDir folder;
        const std::string path = folder.filePath("m.npy").toStdString();
        const auto matrix = torch::randn({5, 3});
        writeNpyMatrix(path, matrix);
        QVERIFY(torch::equal(readNpyMatrix(path), matrix));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 readNpyMatrix(folder.filePath("missing.npy").toStdString()));
    }

    void npyHeadersWrittenByOthersAreRead() {
        QTemporaryDir folder;
        const std::string path = folder.filePath("m.npy").toStdString();
        // numpy's own spelling (trailing comma), then double quotes, no trailing comma, version 2.
        writeRawNpy(path, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 24);
        QCOMPARE(readNpyMatrix(path).sizes().vec(), (std::vector<int64_t>{2, 3}));
        writeRawNpy(path, R"({"shape":(4,1),"fortran_order":False,"descr":"<f4"})", 16, 2);
        QCOMPARE(readNpyMatrix(path).sizes().vec(), (std::vector<int64_t>{4, 1}));
        writeNpyMatrix(path, torch::zeros({0, 3}));
        QCOMPARE(readNpyMatrix(path).sizes().vec(), (std::vector<int64_t>{0, 3}));
    }

    void npyHostileHeadersAreRefusedBeforeAllocating_data() {
        QTest::addColumn<QString>("header");
        QTest::addColumn<qint64>("dataBytes");
        QTest::addColumn<int>("major");
        QTest::addColumn<qint64>("claimedLength");
        QTest::addColumn<QString>("message");
        const QString f4 = "{'descr': '<f4', 'fortran_order': False, 'shape': %1, }";
        // 2^62 x 4 float32 values: the byte count overflows int64.
        QTest::newRow("count overflow")
            << f4.arg("(4611686018427387904, 4)") << qint64{0} << 1 << qint64{-1}
            << "is too large (the element count overflows)";
        // 4e16 bytes promised by a file of a few dozen: refused, not allocated.
        QTest::newRow("huge shape, tiny file")
            << f4.arg("(100000000, 100000000)") << qint64{16} << 1 << qint64{-1}
            << "truncated data: the shape 100000000 x 100000000 needs 40000000000000000 bytes";
        QTest::newRow("dimension past int64")
            << f4.arg("(123456789012345678901234567890, 1)") << qint64{0} << 1 << qint64{-1}
            << "dimension too large";
        QTest::newRow("negative dimension") << f4.arg("(-1, 3)") << qint64{0} << 1 << qint64{-1}
                                            << "expected a non-negative integer dimension";
        QTest::newRow("signed dimension") << f4.arg("(+2, 3)") << qint64{24} << 1 << qint64{-1}
                                          << "expected a non-negative integer dimension";
        QTest::newRow("three dimensions") << f4.arg("(2, 3, 4)") << qint64{96} << 1 << qint64{-1}
                                          << "expected a 2-D matrix, the shape has 3 dimensions";
        QTest::newRow("not a tuple")
            << f4.arg("(6)") << qint64{24} << 1 << qint64{-1} << "expected a tuple for the shape";
        QTest::newRow("float64") << "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"
                                 << qint64{48} << 1 << qint64{-1}
                                 << "expected float32 data ('<f4'), the file holds '<f8'";
        QTest::newRow("big-endian") << "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3)}"
                                    << qint64{24} << 1 << qint64{-1} << "the file holds '>f4'";
        // The old reader searched for "'descr': '<f4'" anywhere in the text.
        QTest::newRow("dtype hidden in another key")
            << "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), "
               "'x': \"'descr': '<f4'\"}"
            << qint64{24} << 1 << qint64{-1} << "unknown key 'x'";
        QTest::newRow("repeated key")
            << "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'descr': '<f8'}"
            << qint64{24} << 1 << qint64{-1} << "key 'descr' given twice";
        QTest::newRow("fortran order")
            << "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }" << qint64{24} << 1
            << qint64{-1} << "expected C-order data";
        QTest::newRow("missing shape") << "{'descr': '<f4', 'fortran_order': False}" << qint64{24}
                                       << 1 << qint64{-1} << "missing key 'shape'";
        QTest::newRow("text after the dictionary")
            << f4.arg("(2, 3)") + " junk" << qint64{24} << 1 << qint64{-1}
            << "unexpected text after the dictionary";
        QTest::newRow("not a dictionary") << "[1, 2]" << qint64{24} << 1 << qint64{-1}
                                          << "bad .npy header: expected '{' at byte 0";
        QTest::newRow("header length 4 GiB")
            << f4.arg("(2, 3)") << qint64{24} << 2 << qint64{0xFFFFFFF0}
            << "header length 4294967280 is over the limit";
        QTest::newRow("header length past the end")
            << f4.arg("(2, 3)") << qint64{0} << 2 << qint64{60000} << "truncated header: it claims";
        QTest::newRow("version 1.1")
            << f4.arg("(2, 3)") << qint64{24} << 11 << qint64{-1} << "unsupported .npy version";
        QTest::newRow("short data") << f4.arg("(2, 3)") << qint64{20} << 1 << qint64{-1}
                                    << "truncated data: the shape 2 x 3 needs 24 bytes";
        QTest::newRow("bytes after the data") << f4.arg("(2, 3)") << qint64{28} << 1 << qint64{-1}
                                              << "4 unexpected bytes after the data";
    }

    void npyHostileHeadersAreRefusedBeforeAllocating() {
        QFETCH(QString, header);
        QFETCH(qint64, dataBytes);
        QFETCH(int, major);
        QFETCH(qint64, claimedLength);
        QFETCH(QString, message);
        QTemporaryDir folder;
        const std::string path = folder.filePath("hostile.npy").toStdString();
        if (major == 11) {
            // Version 1.1 does not exist: same layout as 1.0, minor byte 1.
            writeRawNpy(path, header.toStdString(), dataBytes, 1, claimedLength);
            std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
            file.seekp(7);
            file.put(1);
        } else {
            writeRawNpy(path, header.toStdString(), dataBytes, major, claimedLength);
        }
        const std::string error = npyError(path);
        QVERIFY2(!error.empty(), "the file was read");
        QVERIFY2(error.rfind(path + ": ", 0) == 0, error.c_str());
        QVERIFY2(error.find(message.toStdString()) != std::string::npos, error.c_str());
    }

    void npyTruncatedPreambleIsRefused() {
        QTemporaryDir folder;
        const std::string path = folder.filePath("short.npy").toStdString();
        std::ofstream(path, std::ios::binary).write("\x93NUMPY\x01\x00\x40", 9);
        const std::string error = npyError(path);
        QVERIFY2(error.find("truncated header length") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(KMeansTest)
#include "test_kmeans.moc"
