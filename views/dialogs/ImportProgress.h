#pragma once

#include <QString>
#include <string>
#include <vector>

#include "import/ScanImporter.h"

class QWidget;

namespace logonet {
namespace views {

// Runs an import on a worker thread while a modal progress dialog with Cancel is shown; returns
// when the import finished or was cancelled (cancelling stops before the next scan, finished scans
// stay). The project must not be used by anyone else meanwhile, which the modal dialog ensures.
ImportReport importWithProgress(QWidget* parent, Project& project,
                                const std::vector<std::string>& paths,
                                const ImportOptions& options);

// "3 scans imported, 1 already in the project, 1 failed:\n<file>: <problem>" for a message box.
QString describeImportReport(const ImportReport& report);

}  // namespace views
}  // namespace logonet
