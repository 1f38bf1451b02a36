#pragma once

#include <QFile>
#include <QString>

namespace logonet {
namespace views {

// Opens a file of a project or run folder for reading without following a symbolic link as its
// last component (core/fs/NoFollowPath, as the engine opens them): a run folder received from
// someone else must not make the window read, and show, a file outside it. False when the file
// is absent, unreadable or a link; `problem` (when given) then says which, naming the file.
bool openForReadingNoFollow(QFile& file, const QString& path, QString* problem = nullptr);

}  // namespace views
}  // namespace logonet
