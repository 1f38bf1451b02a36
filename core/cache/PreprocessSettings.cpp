#include "cache/PreprocessSettings.h"

#include <cmath>
#include <cstdio>

namespace logonet {

Json PreprocessSettings::toJson() const {
    Json out = Json::object();
    out["spacing"] = Json(Json::Array{spacing[0], spacing[1], spacing[2]});
    out["window"] = Json(Json::Array{windowLow, windowHigh});
    out["modality"] = modality;
    out["orientation"] = orientation;
    return out;
}

PreprocessSettings PreprocessSettings::fromJson(const Json& json) {
    PreprocessSettings settings;
    const Json& spacing = json.at("spacing");
    const Json& window = json.at("window");
    if (spacing.size() != 3 || window.size() != 2) {
        throw JsonError("preprocessing settings need 3 spacing values and 2 window values");
    }
    for (size_t a = 0; a < 3; ++a) {
        settings.spacing[a] = spacing[a].asNumber();
    }
    settings.windowLow = window[0].asNumber();
    settings.windowHigh = window[1].asNumber();
    settings.modality = json.at("modality").asString();
    settings.orientation = json.value("orientation", std::string("RAS"));
    return settings;
}

PreprocessSettings PreprocessSettings::forScan(const std::string& scanModality) const {
    PreprocessSettings settings = *this;
    if (modality == "auto") {
        settings.modality = scanModality == "MR" ? "mr" : "ct";
    }
    return settings;
}

bool PreprocessSettings::accepts(const PreprocessSettings& prepared) const {
    if (modality == "auto" && (prepared.modality == "ct" || prepared.modality == "mr")) {
        return forScan(prepared.modality == "mr" ? "MR" : "CT") == prepared;
    }
    return *this == prepared;
}

std::string PreprocessSettings::describe() const {
    char buffer[200];
    if (modality == "auto") {
        std::snprintf(buffer, sizeof buffer,
                      "%gx%gx%g mm, per-scan modality (CT window [%g, %g], MR percentiles), %s",
                      spacing[0], spacing[1], spacing[2], windowLow, windowHigh,
                      orientation.c_str());
    } else if (modality == "ct") {
        std::snprintf(buffer, sizeof buffer, "%gx%gx%g mm, ct window [%g, %g], %s", spacing[0],
                      spacing[1], spacing[2], windowLow, windowHigh, orientation.c_str());
    } else {
        std::snprintf(buffer, sizeof buffer, "%gx%gx%g mm, %s percentiles, %s", spacing[0],
                      spacing[1], spacing[2], modality.c_str(), orientation.c_str());
    }
    return buffer;
}

bool PreprocessSettings::operator==(const PreprocessSettings& other) const {
    auto same = [](double a, double b) { return std::abs(a - b) <= 1e-9 * (1 + std::abs(a)); };
    for (int a = 0; a < 3; ++a) {
        if (!same(spacing[a], other.spacing[a])) {
            return false;
        }
    }
    return modality == other.modality && orientation == other.orientation &&
           (modality == "mr" ||
            (same(windowLow, other.windowLow) && same(windowHigh, other.windowHigh)));
}

}  // namespace logonet
