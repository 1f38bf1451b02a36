#pragma once

#include "Command.h"

namespace logonet::cli {

// `logonet device-info`: the engine's version and the devices LibTorch sees here; what
// `logonet remote check` runs on a remote host (ModelDeviceInfoCommand.cpp).
Command deviceInfoCommand();

}  // namespace logonet::cli
