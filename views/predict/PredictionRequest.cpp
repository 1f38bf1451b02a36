#include "predict/PredictionRequest.h"

namespace logonet {
namespace views {

QStringList PredictionRequest::arguments() const {
    QStringList arguments;
    if (remoteHost) {
        // The engine there is the host settings' own (--remote-logonet), never the run's.
        arguments << QStringLiteral("remote") << QStringLiteral("infer")
                  << remoteHost->connectionArguments();
    } else {
        arguments << QStringLiteral("infer");
    }
    arguments << QStringLiteral("--run") << runDirectory << QStringLiteral("--project") << project
              << QStringLiteral("--device") << device << QStringLiteral("--json");
    for (const qint64 id : scanIds) {
        arguments << QStringLiteral("--scan") << QString::number(id);
    }
    return arguments;
}

}  // namespace views
}  // namespace logonet
