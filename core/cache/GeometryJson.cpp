#include "cache/GeometryJson.h"

namespace logonet {

namespace {

template <typename Values>
Json arrayOf(const Values& values) {
    Json out = Json::array();
    for (const auto value : values) {
        out.push_back(Json(static_cast<double>(value)));
    }
    return out;
}

template <typename Values>
void readInto(const Json& json, const std::string& key, Values& values) {
    const Json& array = json.at(key);
    if (!array.isArray() || array.size() != values.size()) {
        throw JsonError("geometry member '" + key + "' must be an array of " +
                        std::to_string(values.size()) + " numbers");
    }
    for (size_t n = 0; n < values.size(); ++n) {
        values[n] = static_cast<typename Values::value_type>(array[n].asNumber());
    }
}

}  // namespace

Json geometryToJson(const ImageGeometry& geometry) {
    Json out = Json::object();
    out["size"] = arrayOf(geometry.size);
    out["spacing"] = arrayOf(geometry.spacing);
    out["origin"] = arrayOf(geometry.origin);
    out["direction"] = arrayOf(geometry.direction);
    return out;
}

ImageGeometry geometryFromJson(const Json& json) {
    ImageGeometry geometry;
    readInto(json, "size", geometry.size);
    readInto(json, "spacing", geometry.spacing);
    readInto(json, "origin", geometry.origin);
    readInto(json, "direction", geometry.direction);
    return geometry;
}

}  // namespace logonet
