#pragma once

#include <QString>

namespace logonet {
namespace views {

// Where the `logonet` engine executable is: $LOGONET_ENGINE, else next to the workstation's
// build folder (../logonet relative to app/workstation/), else beside the workstation binary,
// else "logonet" on PATH. The workstation starts runs through it and never links LibTorch.
QString engineProgram();

}  // namespace views
}  // namespace logonet
