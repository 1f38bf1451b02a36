#pragma once

#include "geometry/ImageGeometry.h"
#include "json/Json.h"

namespace logonet {

// {"size": [..], "spacing": [..], "origin": [..], "direction": [9 values]}: how cache headers
// and run files record a grid, exactly enough to map a prediction back onto it.
Json geometryToJson(const ImageGeometry& geometry);
// Throws JsonError naming the missing or malformed member.
ImageGeometry geometryFromJson(const Json& json);

}  // namespace logonet
