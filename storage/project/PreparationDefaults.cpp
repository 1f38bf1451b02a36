#include "project/PreparationDefaults.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "database/StorageError.h"

namespace logonet {

namespace {

std::optional<std::string> metaValue(Database& database, const char* key) {
    Statement query = database.prepare("SELECT value FROM meta WHERE key = ?");
    query.bind(1, key);
    if (!query.step()) {
        return std::nullopt;
    }
    return query.columnText(0);
}

void setMetaValue(Database& database, const char* key, const std::string& value) {
    Statement upsert = database.prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
        "excluded.value");
    upsert.bind(1, key).bind(2, value).run();
}

// "1.5,1.5,2": with from_chars, which no locale turns into "1,5".
bool parseSpacing(const std::string& text, Vec3& spacing) {
    const char* position = text.data();
    const char* const end = text.data() + text.size();
    for (int a = 0; a < 3; ++a) {
        const auto [next, error] = std::from_chars(position, end, spacing[a]);
        if (error != std::errc() || (a < 2 && (next == end || *next != ','))) {
            return false;
        }
        position = next + (a < 2 ? 1 : 0);
    }
    return position == end;
}

}  // namespace

PreparationDefaults suggestedDefaults(const Project& project) {
    PreparationDefaults defaults;
    const std::vector<ScanRecord> scans = project.scans();
    if (scans.empty()) {
        return defaults;
    }
    const bool allCt = std::all_of(scans.begin(), scans.end(),
                                   [](const ScanRecord& scan) { return scan.modality == "CT"; });
    const bool allMr = std::all_of(scans.begin(), scans.end(),
                                   [](const ScanRecord& scan) { return scan.modality == "MR"; });
    defaults.modality = allCt ? "ct" : allMr ? "mr" : "auto";
    for (int a = 0; a < 3; ++a) {
        std::vector<double> spacings;
        for (const ScanRecord& scan : scans) {
            spacings.push_back(scan.spacing[a]);
        }
        std::sort(spacings.begin(), spacings.end());
        const size_t middle = spacings.size() / 2;
        defaults.spacing[a] = spacings.size() % 2 == 1
                                  ? spacings[middle]
                                  : 0.5 * (spacings[middle - 1] + spacings[middle]);
    }
    return defaults;
}

PreparationDefaults preparationDefaults(Project& project) {
    PreparationDefaults defaults;
    Database& database = project.database();
    const auto modality = metaValue(database, "default_modality");
    const auto spacing = metaValue(database, "target_spacing");
    if (modality) {
        defaults.modality = *modality;
        defaults.stored = true;
    }
    if (spacing && parseSpacing(*spacing, defaults.spacing)) {
        defaults.stored = true;
    }
    return defaults;
}

void setPreparationDefaults(Project& project, const PreparationDefaults& defaults) {
    if (defaults.modality != "auto" && defaults.modality != "ct" && defaults.modality != "mr") {
        throw StorageError("unknown default modality '" + defaults.modality + "' (auto, ct or mr)");
    }
    for (const double s : defaults.spacing) {
        if (!(s > 0.0)) {
            throw StorageError("target spacing values must be positive");
        }
    }
    std::string spacing;
    for (int a = 0; a < 3; ++a) {
        char number[32];
        const auto end = std::to_chars(number, number + sizeof number, defaults.spacing[a]).ptr;
        spacing += (a ? "," : "") + std::string(number, end);
    }
    Transaction transaction(project.database());
    setMetaValue(project.database(), "default_modality", defaults.modality);
    setMetaValue(project.database(), "target_spacing", spacing);
    transaction.commit();
}

}  // namespace logonet
