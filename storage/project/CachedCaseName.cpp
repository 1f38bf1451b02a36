#include "project/CachedCaseName.h"

#include <cstdio>

namespace logonet {

std::string cachedCaseName(int64_t scanId) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "scan_%06lld", static_cast<long long>(scanId));
    return buffer;
}

}  // namespace logonet
