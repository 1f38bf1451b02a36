#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cache/CachedCase.h"

namespace logonet {

// A folder of cached cases: `<id>.json` (header: settings, grids, byte layout) beside `<id>.bin`
// (the image as little-endian float32, then the labels as little-endian uint16). The header is
// written last, by rename, so a case is either complete or absent; loading is two reads and
// needs no ITK.
class CaseCache {
  public:
    explicit CaseCache(std::string directory);

    const std::string& directory() const { return directory_; }
    // The header of a complete case, or nothing.
    std::optional<Json> header(const std::string& id) const;
    // True when the case is complete and was prepared with exactly these settings from `source`.
    bool has(const std::string& id, const PreprocessSettings& settings,
             const std::string& source = "") const;
    std::vector<std::string> ids() const;

    void write(const CachedCase& entry) const;
    // Throws std::runtime_error naming the file for a missing, truncated or malformed case.
    CachedCase read(const std::string& id) const;
    std::string headerPath(const std::string& id) const;

  private:
    std::string dataPath(const std::string& id) const;

    std::string directory_;
};

}  // namespace logonet
