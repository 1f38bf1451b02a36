#pragma once

#include <string>

namespace logonet {

// Current time as ISO 8601 UTC ("2026-11-25T19:40:00Z"): the one format of every created,
// imported and reviewed column of the project, so that they sort as text.
std::string utcNow();

}  // namespace logonet
