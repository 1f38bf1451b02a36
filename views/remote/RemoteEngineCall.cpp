#include "remote/RemoteEngineCall.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace logonet {
namespace views {

RemoteEngineCall::RemoteEngineCall(QObject* parent) : QObject(parent) {
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            Q_EMIT finished(false, {},
                            tr("Cannot start the engine '%1': %2")
                                .arg(process_.program(), process_.errorString()));
        }
    });
    connect(&process_, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this](int exitCode, QProcess::ExitStatus status) {
                const QByteArray out = process_.readAllStandardOutput();
                const QString err = QString::fromUtf8(process_.readAllStandardError()).trimmed();
                const QJsonDocument document = QJsonDocument::fromJson(out.trimmed());
                if (status == QProcess::NormalExit && exitCode == 0 && document.isObject()) {
                    Q_EMIT finished(true, document.object(), QString());
                    return;
                }
                Q_EMIT finished(
                    false, {},
                    err.isEmpty() ? tr("The engine ended with exit code %1.").arg(exitCode) : err);
            });
}

void RemoteEngineCall::start(const QString& engine, const QStringList& arguments) {
    process_.start(engine, arguments);
}

QString RemoteEngineCall::describeDeviceInfo(const QJsonObject& info) {
    QStringList lines;
    lines << tr("logonet %1 (LibTorch %2), %3 CPU cores")
                 .arg(info.value(QStringLiteral("version")).toString(),
                      info.value(QStringLiteral("torch")).toString())
                 .arg(info.value(QStringLiteral("cpu_cores")).toInt());
    const QJsonArray devices = info.value(QStringLiteral("devices")).toArray();
    if (!info.value(QStringLiteral("cuda")).toBool() || devices.isEmpty()) {
        lines << tr("CUDA: not available (training runs on the CPU there)");
    } else {
        lines << tr("CUDA: yes, GPUs: %1").arg(devices.size());
        for (const auto& value : devices) {
            const QJsonObject device = value.toObject();
            QString line =
                tr("GPU %1: %2, %3 MiB")
                    .arg(device.value(QStringLiteral("index")).toInt())
                    .arg(device.value(QStringLiteral("name")).toString())
                    .arg(qRound64(device.value(QStringLiteral("memory_total_mb")).toDouble()));
            if (device.contains(QStringLiteral("memory_free_mb"))) {
                line +=
                    tr(" (%1 MiB free)")
                        .arg(qRound64(device.value(QStringLiteral("memory_free_mb")).toDouble()));
            }
            lines << line;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace views
}  // namespace logonet
