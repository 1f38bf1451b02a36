#include <cstdio>
#include <fstream>
#include <sstream>

#include "fs/NoFollowPath.h"
#include "json/Json.h"

namespace logonet {

Json readJsonFile(const std::string& path) {
    std::string text;
    try {
        // Never through a link: a run folder from elsewhere could point config.json anywhere.
        text = readFileNoFollow(path);
    } catch (const SymbolicLinkError& error) {
        throw JsonError(error.what());
    } catch (const std::runtime_error&) {
        throw JsonError(path + ": cannot be opened");
    }
    try {
        return Json::parse(text);
    } catch (const JsonError& error) {
        throw JsonError(path + ": invalid JSON: " + error.what());
    }
}

void writeJsonFileAtomically(const std::string& path, const Json& value, int indent) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            throw JsonError(path + ": cannot be written");
        }
        out << value.dump(indent) << '\n';
        out.flush();
        if (!out) {
            throw JsonError(path + ": write failed (disk full?)");
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw JsonError(path + ": cannot replace the file");
    }
}

}  // namespace logonet
