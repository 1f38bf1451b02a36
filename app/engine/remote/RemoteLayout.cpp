#include "remote/RemoteLayout.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include "json/Json.h"

namespace logonet::remote {

namespace fs = std::filesystem;

namespace {

std::string hashText(const std::string& text) {
    uint64_t hash = 1469598103934665603ull;  // FNV-1a
    for (const unsigned char c : text) {
        hash = (hash ^ c) * 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return std::string(hex, 8);
}

// The remote folder's own name stays readable but plain; the remote shell sees it quoted anyway.
std::string plainName(const std::string& name) {
    std::string plain;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        plain += ok ? c : '_';
    }
    return plain.empty() || plain[0] == '.' ? "run" + plain : plain;
}

fs::path commonAncestor(const fs::path& a, const fs::path& b) {
    fs::path common;
    auto i = a.begin();
    auto j = b.begin();
    for (; i != a.end() && j != b.end() && *i == *j; ++i, ++j) {
        common /= *i;
    }
    return common;
}

std::string joinRemote(const std::string& base, const fs::path& relative) {
    const std::string tail = relative.generic_string();
    if (tail.empty() || tail == ".") {
        return base;
    }
    return base + "/" + tail;
}

}  // namespace

RemoteLayout RemoteLayout::of(const std::string& runDirectory, const std::string& remoteDirectory,
                              const std::string& workstationId) {
    fs::path run = fs::absolute(runDirectory).lexically_normal();
    if (!run.has_filename()) {
        run = run.parent_path();  // "runs/r1/"
    }
    const fs::path configPath = run / "config.json";
    if (!fs::exists(configPath)) {
        throw std::runtime_error(run.string() + ": not a run folder (no config.json)");
    }
    const Json config = readJsonFile(configPath.string());
    if (!config.contains("cache") || !config.at("cache").isString()) {
        throw std::runtime_error(configPath.string() + ": no 'cache' folder named");
    }
    const fs::path cacheEntry(config.at("cache").asString());
    if (cacheEntry.is_absolute()) {
        throw std::runtime_error(configPath.string() + ": the cache '" + cacheEntry.string() +
                                 "' is an absolute path; a remote run needs it relative to the "
                                 "run folder");
    }
    RemoteLayout layout;
    layout.localRun = run.string();
    const fs::path cache = (run / cacheEntry).lexically_normal();
    layout.localCache = cache.string();
    // Fine-tuning reads prepared cases (header + voxels); so does a pre-training that draws
    // random crops (its config names centroids), an older one one tensor per fixed crop.
    const std::vector<const char*> preparedCase = {".json", ".bin"};
    const std::vector<std::pair<const char*, std::vector<const char*>>> lists = {
        {"train_cases", preparedCase},
        {"val_cases", preparedCase},
        {"pretrain_cases",
         config.contains("centroids") ? preparedCase : std::vector<const char*>{".pt"}}};
    for (const auto& [list, extensions] : lists) {
        if (!config.contains(list)) {
            continue;
        }
        for (const auto& entry : config.at(list).asArray()) {
            for (const char* extension : extensions) {
                layout.cacheFiles.push_back(entry.asString() + extension);
            }
        }
    }
    layout.command = config.value("command", std::string("train"));
    if (layout.command != "train" && layout.command != "pretrain") {
        throw std::runtime_error(configPath.string() + ": command '" + layout.command +
                                 "' (a remote run is `train` or `pretrain`)");
    }
    const fs::path root = commonAncestor(run, cache);
    layout.remoteRoot = remoteFolderOf(root.string(), remoteDirectory, workstationId);
    layout.remoteRun = joinRemote(layout.remoteRoot, run.lexically_relative(root));
    layout.remoteCache = joinRemote(layout.remoteRoot, cache.lexically_relative(root));
    return layout;
}

std::string remoteFolderOf(const std::string& localFolder, const std::string& remoteDirectory,
                           const std::string& workstationId) {
    fs::path local = fs::absolute(localFolder).lexically_normal();
    if (!local.has_filename()) {
        local = local.parent_path();
    }
    std::string base = remoteDirectory.empty() ? std::string("logonet-runs") : remoteDirectory;
    // "~/x" is what a person types; quoted, the remote shell would not expand the tilde, and
    // ssh starts in the home folder anyway.
    if (base.rfind("~/", 0) == 0) {
        base = base.substr(2);
    }
    while (base.size() > 1 && base.back() == '/') {
        base.pop_back();
    }
    return base + "/" + plainName(local.filename().string()) + "-" +
           hashText(workstationId + "\n" + local.string());
}

}  // namespace logonet::remote
