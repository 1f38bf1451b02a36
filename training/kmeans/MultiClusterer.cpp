#include "kmeans/MultiClusterer.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

namespace logonet::training {

MultiClusterer::MultiClusterer(MultiClustererOptions options) : options_(std::move(options)) {
    if (options_.clusterers < 1) {
        throw std::invalid_argument("need at least one clusterer");
    }
    if (options_.kMin < 2 || options_.kMax < options_.kMin) {
        throw std::invalid_argument("need 2 <= k-min <= k-max, got k-min " +
                                    std::to_string(options_.kMin) + " and k-max " +
                                    std::to_string(options_.kMax));
    }
    if (!(options_.subset > 0.0) || options_.subset > 1.0) {
        throw std::invalid_argument("the subset fraction must lie in (0, 1]");
    }
}

std::vector<FittedClusterer> MultiClusterer::fit(const RowSource& source,
                                                 const MultiClustererProgress& progress) const {
    const int64_t rows = source.rows();
    if (rows < 2) {
        throw std::invalid_argument("clustering needs at least two slices, got " +
                                    std::to_string(rows));
    }
    if (rows < options_.kMax) {
        // Clipping K to the slice count would make the labels nearly slice identities: refuse.
        throw std::invalid_argument(
            "clustering draws K from [" + std::to_string(options_.kMin) + ", " +
            std::to_string(options_.kMax) + "] but there are only " + std::to_string(rows) +
            " slices: add scans or lower the largest K (--k-max) below " + std::to_string(rows));
    }
    std::mt19937_64 random(options_.seed);
    std::uniform_int_distribution<int64_t> drawK(options_.kMin, options_.kMax);
    const int64_t subsetRows =
        std::max<int64_t>(1, static_cast<int64_t>(std::ceil(options_.subset * rows)));
    std::vector<FittedClusterer> fitted;
    for (int64_t index = 0; index < options_.clusterers; ++index) {
        KMeansOptions kmeans;
        kmeans.clusters = drawK(random);
        kmeans.batchRows = std::min(options_.batchRows, subsetRows);
        kmeans.iterations = options_.iterations;
        kmeans.chunkRows = options_.chunkRows;
        kmeans.seed = random();
        kmeans.device = options_.device;
        MiniBatchKMeans clusterer(kmeans);
        clusterer.fit(source, [&](int64_t done, int64_t total) {
            return !progress || progress(index, done, total);
        });
        FittedClusterer result;
        result.k = kmeans.clusters;
        result.centroids = clusterer.centroids().cpu();
        result.inertia = clusterer.assign(source).inertia;
        result.seed = kmeans.seed;
        result.batchRows = kmeans.batchRows;
        fitted.push_back(std::move(result));
    }
    return fitted;
}

KMeansAssignment MultiClusterer::assign(const RowSource& source, const FittedClusterer& clusterer,
                                        const torch::Device& device, int64_t chunkRows) {
    return assignRows(source, clusterer.centroids.to(device), chunkRows);
}

}  // namespace logonet::training
