#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <torch/torch.h>

#include <stdexcept>

#include "network/ComputeDevice.h"

using namespace logonet::model;

// What a build and a machine offer, as the engine reports it, and the refusal of a device that
// is not there, with the reason a user can act on.
class TestComputeDevice : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void reportMatchesThisBuild() {
        const ComputeDeviceReport report = describeComputeDevices();
        QVERIFY2(report.torchVersion.rfind("2.", 0) == 0, report.torchVersion.c_str());
        QVERIFY(report.cpuThreads >= 1);
        QVERIFY(!report.cpuCapability.empty());
        if (report.cudaCompiled) {
            // "13.2", "12.8": a major and a minor number.
            QVERIFY2(QRegularExpression("^[0-9]+\\.[0-9]+$")
                         .match(QString::fromStdString(report.cudaVersion))
                         .hasMatch(),
                     report.cudaVersion.c_str());
            QVERIFY2(report.depthwiseCudaKernels, "a CUDA build compiles the depthwise kernels");
        } else {
            QVERIFY(report.cudaVersion.empty());
            QVERIFY(report.gpus.empty());
            QVERIFY(!report.depthwiseCudaKernels);
        }
    }

    void cudaIsRefusedWithItsReason() {
        QCOMPARE(resolveComputeDevice("cpu"), torch::Device(torch::kCPU));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, resolveComputeDevice("tpu"));
        const ComputeDeviceReport report = describeComputeDevices();
        if (!report.gpus.empty()) {
            QCOMPARE(resolveComputeDevice("cuda").type(), torch::kCUDA);
            QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                     resolveComputeDevice("cuda", int(report.gpus.size())));
            return;
        }
        try {
            resolveComputeDevice("cuda");
            QFAIL("--device cuda accepted on a machine without a GPU");
        } catch (const std::runtime_error& error) {
            // Which of the two is missing: CUDA in the build, or a GPU on the machine.
            const QString message = error.what();
            QVERIFY2(report.cudaCompiled ? message.contains("shows no GPU")
                                         : message.contains("has no CUDA"),
                     error.what());
        }
    }

    void engineReportsTheFieldsAsJson() {
        QProcess engine;
        engine.start(LOGONET_EXECUTABLE, {"device-info", "--json"});
        QVERIFY(engine.waitForFinished(120000));
        QCOMPARE(engine.exitCode(), 0);
        QJsonParseError error{};
        const QJsonDocument document =
            QJsonDocument::fromJson(engine.readAllStandardOutput().trimmed(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject info = document.object();
        QVERIFY(info.value("torch_version").isString());
        QVERIFY(info.value("cuda_compiled").isBool());
        QVERIFY(info.value("depthwise_cuda_kernels").isBool());
        QVERIFY(info.value("devices").isArray());
        const ComputeDeviceReport report = describeComputeDevices();
        QCOMPARE(info.value("cuda_compiled").toBool(), report.cudaCompiled);
        QCOMPARE(info.value("torch_version").toString().toStdString(), report.torchVersion);
        QCOMPARE(info.value("devices").toArray().size(), qsizetype(report.gpus.size()));
        if (report.cudaCompiled) {
            QCOMPARE(info.value("cuda_version").toString().toStdString(), report.cudaVersion);
            QVERIFY(info.value("cudnn_version").isString() || info.value("cudnn_version").isNull());
        } else {
            QVERIFY(info.value("cuda_version").isNull());
        }
    }
};

QTEST_GUILESS_MAIN(TestComputeDevice)
#include "test_compute_device.moc"
