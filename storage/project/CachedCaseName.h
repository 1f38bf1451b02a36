#pragma once

#include <cstdint>
#include <string>

namespace logonet {

// The name of a scan's prepared case in the project's cache/ ("scan_000012": scan_000012.json
// and scan_000012.bin). One definition for the engine that writes the cache and for removing a
// scan, whose cached case must go with it: SQLite may give the next scan the same id, and a stale
// case under that name would be trained on as if it were the new scan.
std::string cachedCaseName(int64_t scanId);

}  // namespace logonet
