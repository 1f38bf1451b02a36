#include "remote/UserSettingsFolder.h"

#include <cstdlib>
#include <filesystem>

namespace logonet::remote {

std::string userSettingsFolder() {
    namespace fs = std::filesystem;
    const char* config = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    fs::path base;
    if (config != nullptr && config[0] == '/') {
        base = config;
    } else if (home != nullptr && home[0] != '\0') {
        base = fs::path(home) / ".config";
    } else {
        base = fs::current_path();
    }
    return (base / "logonet").string();
}

}  // namespace logonet::remote
