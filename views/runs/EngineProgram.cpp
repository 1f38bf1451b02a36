#include "runs/EngineProgram.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace logonet {
namespace views {

QString engineProgram() {
    const QString fromEnvironment = qEnvironmentVariable("LOGONET_ENGINE");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    const QDir binary(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {binary.filePath(QStringLiteral("../engine/logonet")),
                                     binary.filePath(QStringLiteral("../logonet")),
                                     binary.filePath(QStringLiteral("logonet"))}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable()) {
            return info.canonicalFilePath();
        }
    }
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("logonet"));
    return onPath.isEmpty() ? QStringLiteral("logonet") : onPath;
}

}  // namespace views
}  // namespace logonet
