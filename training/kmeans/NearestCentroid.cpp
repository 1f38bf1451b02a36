#include "kmeans/NearestCentroid.h"

namespace logonet::training {

torch::Tensor squaredRowNorms(const torch::Tensor& rows) {
    return rows.pow(2).sum(1);
}

torch::Tensor squaredDistances(const torch::Tensor& rows, const torch::Tensor& centroids,
                               const torch::Tensor& centroidNorms) {
    auto distances = torch::addmm(centroidNorms.unsqueeze(0), rows, centroids.t(), 1.0, -2.0);
    distances.add_(squaredRowNorms(rows).unsqueeze(1));
    return distances.clamp_min_(0.0);
}

NearestCentroid nearestCentroid(const torch::Tensor& rows, const torch::Tensor& centroids,
                                const torch::Tensor& centroidNorms) {
    // The row norm does not change which centroid is nearest: add it after the minimum.
    const auto partial = torch::addmm(centroidNorms.unsqueeze(0), rows, centroids.t(), 1.0, -2.0);
    auto [minimum, index] = partial.min(1);
    auto distance = minimum.add_(squaredRowNorms(rows)).clamp_min_(0.0);
    return {index, distance};
}

}  // namespace logonet::training
