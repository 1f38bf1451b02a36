// `logonet model-info` through the real program: at a crop where a batch-1 training step cannot
// run (logonet-tiny at 32^3: its deepest map is one voxel, and BatchNorm refuses one value per
// channel in training) it still reports the parameters and cost and says why there is no memory
// figure, instead of dying; at 64^3 it measures the memory.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

QJsonObject modelInfo(const QStringList& arguments, int* exitCode) {
    QProcess engine;
    engine.start(LOGONET_EXECUTABLE, QStringList{"model-info", "--json"} + arguments);
    if (!engine.waitForFinished(120000)) {
        *exitCode = -1;
        return {};
    }
    *exitCode = engine.exitCode();
    return QJsonDocument::fromJson(engine.readAllStandardOutput().trimmed()).object();
}

}  // namespace

class TestModelInfo : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aCropTooSmallToTrainSaysWhy() {
        int exitCode = 0;
        const QJsonObject small =
            modelInfo({"--arch", "logonet-tiny", "--roi", "32", "--threads", "1"}, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY(small.value("params").toInteger() > 0);
        QVERIFY(small.value("macs").toInteger() > 0);
        QVERIFY(small.value("activation_memory_bytes").isNull());
        QVERIFY2(small.value("activation_memory_error").toString().contains("per channel"),
                 qPrintable(small.value("activation_memory_error").toString()));

        const QJsonObject larger =
            modelInfo({"--arch", "logonet-tiny", "--roi", "64", "--threads", "1"}, &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(larger.value("params").toInteger(), small.value("params").toInteger());
        QVERIFY(larger.value("activation_memory_bytes").toDouble() > 0);
        QVERIFY(!larger.contains("activation_memory_error"));
    }
};

QTEST_GUILESS_MAIN(TestModelInfo)
#include "test_model_info.moc"
