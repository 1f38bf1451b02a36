#include "common/NoFollowFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "fs/NoFollowPath.h"

namespace logonet {
namespace views {

bool openForReadingNoFollow(QFile& file, const QString& path, QString* problem) {
    int descriptor = -1;
    try {
        descriptor = openNoFollow(path.toStdString(), O_RDONLY);
    } catch (const SymbolicLinkError& error) {
        if (problem != nullptr) {
            *problem = QString::fromUtf8(error.what());
        }
        return false;
    }
    if (descriptor < 0) {
        if (problem != nullptr) {
            *problem = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(std::strerror(errno)));
        }
        return false;
    }
    if (!file.open(descriptor, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(descriptor);
        if (problem != nullptr) {
            *problem = QStringLiteral("%1: %2").arg(path, file.errorString());
        }
        return false;
    }
    return true;
}

}  // namespace views
}  // namespace logonet
