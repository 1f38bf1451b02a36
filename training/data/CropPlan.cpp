#include "data/CropPlan.h"

#include <algorithm>
#include <stdexcept>

#include "cache/CaseCache.h"
#include "cache/GeometryJson.h"

namespace logonet::training {

Size3 planCrop(const std::vector<Size3>& caseSizes, const CropPlanOptions& options) {
    if (caseSizes.empty()) {
        throw std::invalid_argument("cannot plan a crop without prepared cases");
    }
    if (options.multiple < 1) {
        throw std::invalid_argument("crop multiple must be positive");
    }
    Size3 crop{};
    for (int a = 0; a < 3; ++a) {
        std::vector<int64_t> sizes;
        sizes.reserve(caseSizes.size());
        for (const Size3& size : caseSizes) {
            sizes.push_back(size[a]);
        }
        // The lower median: at least half of the cases fill the crop along this axis.
        std::nth_element(sizes.begin(), sizes.begin() + (sizes.size() - 1) / 2, sizes.end());
        const int64_t median = sizes[(sizes.size() - 1) / 2];
        const int64_t rounded = median / options.multiple * options.multiple;
        const int64_t cap =
            std::max(options.multiple, options.largest[a] / options.multiple * options.multiple);
        crop[a] = std::clamp(rounded, options.multiple, cap);
    }
    return crop;
}

std::vector<Size3> preparedCaseSizes(const std::string& cacheDirectory,
                                     const std::vector<std::string>& caseIds) {
    const CaseCache cache(cacheDirectory);
    std::vector<Size3> sizes;
    sizes.reserve(caseIds.size());
    for (const std::string& id : caseIds) {
        const std::optional<Json> header = cache.header(id);
        if (!header) {
            throw std::runtime_error(cache.headerPath(id) + ": no prepared case '" + id + "'");
        }
        try {
            sizes.push_back(geometryFromJson(header->at("geometry")).size);
        } catch (const std::exception& error) {
            throw std::runtime_error(cache.headerPath(id) + ": " + error.what());
        }
    }
    return sizes;
}

}  // namespace logonet::training
