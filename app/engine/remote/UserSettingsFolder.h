#pragma once

#include <string>

namespace logonet::remote {

// Where the engine keeps the user's own remote settings (known host keys, this workstation's
// id): $XDG_CONFIG_HOME/logonet, else ~/.config/logonet, else ./logonet when neither is set.
std::string userSettingsFolder();

}  // namespace logonet::remote
