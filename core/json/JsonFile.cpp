#include <cstdio>
#include <fstream>
#include <sstream>

#include "fs/DurableFile.h"
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
    const std::string text = value.dump(indent) + '\n';
    try {
        writeFileDurably(path, text);
    } catch (const DurableWriteError& error) {
        throw JsonError(error.what());
    }
}

}  // namespace logonet
