#include "cache/CaseCache.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "cache/GeometryJson.h"
#include "fs/DurableFile.h"
#include "fs/NoFollowPath.h"

namespace logonet {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "logonet-cache-1";

bool hostIsLittleEndian() {
    const uint16_t probe = 1;
    unsigned char first = 0;
    std::memcpy(&first, &probe, 1);
    return first == 1;
}

void requireLittleEndian() {
    // Byte swapping is not worth its code until someone runs the engine on a big-endian host.
    if (!hostIsLittleEndian()) {
        throw std::runtime_error("the case cache needs a little-endian machine");
    }
}

}  // namespace

CaseCache::CaseCache(std::string directory) : directory_(std::move(directory)) {}

std::string CaseCache::headerPath(const std::string& id) const {
    const std::string path = (fs::path(directory_) / (id + ".json")).string();
    refuseLinksBelow(directory_, path);
    return path;
}

std::string CaseCache::dataPath(const std::string& id) const {
    const std::string path = (fs::path(directory_) / (id + ".bin")).string();
    refuseLinksBelow(directory_, path);
    return path;
}

std::optional<Json> CaseCache::header(const std::string& id) const {
    const std::string path = headerPath(id);
    if (!fs::exists(path)) {
        return std::nullopt;
    }
    try {
        Json json = readJsonFile(path);
        if (json.value("format", std::string()) != kFormat) {
            return std::nullopt;
        }
        return json;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

bool CaseCache::has(const std::string& id, const PreprocessSettings& settings,
                    const std::string& source) const {
    const std::optional<Json> json = header(id);
    if (!json || !fs::exists(dataPath(id))) {
        return false;
    }
    try {
        return PreprocessSettings::fromJson(json->at("settings")) == settings &&
               json->value("source", std::string()) == source;
    } catch (const JsonError&) {
        return false;
    }
}

std::vector<std::string> CaseCache::ids() const {
    std::vector<std::string> out;
    if (!fs::is_directory(directory_)) {
        return out;
    }
    for (const auto& entry : fs::directory_iterator(directory_)) {
        if (entry.path().extension() == ".json" && header(entry.path().stem().string())) {
            out.push_back(entry.path().stem().string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void CaseCache::write(const CachedCase& entry) const {
    requireLittleEndian();
    if (entry.labeled() && entry.labels.size() != entry.image.size()) {
        throw std::invalid_argument("case " + entry.id + ": labels and image differ in size");
    }
    fs::create_directories(directory_);
    const std::string data = dataPath(entry.id);
    writeFileDurably(data, [&](const std::string& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(entry.image.data()),
                  static_cast<std::streamsize>(entry.image.voxels().size() * sizeof(float)));
        if (entry.labeled()) {
            out.write(
                reinterpret_cast<const char*>(entry.labels.data()),
                static_cast<std::streamsize>(entry.labels.voxels().size() * sizeof(LabelValue)));
        }
        if (!out.flush()) {
            throw std::runtime_error(data + ": cannot write (disk full?)");
        }
    });
    Json header = Json::object();
    header["format"] = kFormat;
    header["id"] = entry.id;
    header["settings"] = entry.settings.toJson();
    header["geometry"] = geometryToJson(entry.image.geometry());
    header["original_geometry"] = geometryToJson(entry.originalGeometry);
    header["labeled"] = entry.labeled();
    header["source"] = entry.source;
    header["bytes"] = Json(static_cast<int64_t>(fs::file_size(data)));
    writeJsonFileAtomically(headerPath(entry.id), header);
}

CachedCase CaseCache::read(const std::string& id) const {
    requireLittleEndian();
    const std::string headerFile = headerPath(id);
    const std::optional<Json> json = header(id);
    if (!json) {
        throw std::runtime_error(headerFile + ": no prepared case '" + id +
                                 "' (run logonet prepare)");
    }
    CachedCase entry;
    entry.id = id;
    try {
        entry.settings = PreprocessSettings::fromJson(json->at("settings"));
        const ImageGeometry geometry = geometryFromJson(json->at("geometry"));
        entry.originalGeometry = geometryFromJson(json->at("original_geometry"));
        entry.source = json->value("source", std::string());
        const bool labeled = json->at("labeled").asBool();
        const std::string data = dataPath(id);
        const auto count = static_cast<size_t>(geometry.voxelCount());
        const size_t expected = count * sizeof(float) + (labeled ? count * sizeof(LabelValue) : 0);
        std::error_code error;
        const auto actual = fs::file_size(data, error);
        if (error || actual != expected) {
            throw std::runtime_error(data + ": " + std::to_string(error ? 0 : actual) +
                                     " bytes, expected " + std::to_string(expected) +
                                     " (truncated or stale; run logonet prepare again)");
        }
        std::ifstream in(data, std::ios::binary);
        std::vector<float> image(count);
        in.read(reinterpret_cast<char*>(image.data()),
                static_cast<std::streamsize>(count * sizeof(float)));
        entry.image = ImageVolume(geometry, std::move(image));
        if (labeled) {
            std::vector<LabelValue> labels(count);
            in.read(reinterpret_cast<char*>(labels.data()),
                    static_cast<std::streamsize>(count * sizeof(LabelValue)));
            entry.labels = LabelVolume(geometry, std::move(labels));
        }
        if (!in) {
            throw std::runtime_error(data + ": read failed");
        }
    } catch (const JsonError& problem) {
        throw std::runtime_error(headerFile + ": " + problem.what());
    }
    return entry;
}

}  // namespace logonet
