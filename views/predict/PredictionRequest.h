#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

#include "remote/RemoteHost.h"

namespace logonet {
namespace views {

// What the Predict dialog asks of the engine: a run, the scans, the device, and where it runs,
// on this computer (`logonet infer`) or on a host from the user's host settings (`logonet remote
// infer`, which stores the predictions here just the same and prints the same progress lines).
struct PredictionRequest {
    QString project;
    QString runDirectory;
    QVector<qint64> scanIds;
    QString device = QStringLiteral("cpu");  // "cpu" or "cuda", there
    std::optional<RemoteHost> remoteHost;    // empty: this computer

    // The engine's arguments (after the program).
    QStringList arguments() const;
};

}  // namespace views
}  // namespace logonet
