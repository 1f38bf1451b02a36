#include "kmeans/KMeansAssignment.h"

#include <algorithm>

#include "kmeans/NearestCentroid.h"

namespace logonet::training {

KMeansAssignment assignRows(const RowSource& source, const torch::Tensor& centroids,
                            int64_t chunkRows) {
    torch::NoGradGuard noGrad;
    const int64_t rows = source.rows();
    chunkRows = std::max<int64_t>(1, chunkRows);
    KMeansAssignment result;
    result.cluster = torch::empty({rows}, torch::kInt64);
    result.distance = torch::empty({rows}, torch::kFloat32);
    const CentroidQuery query(centroids);
    double inertia = 0.0;
    for (int64_t begin = 0; begin < rows; begin += chunkRows) {
        const int64_t end = std::min(rows, begin + chunkRows);
        const auto chunk = source.range(begin, end).to(centroids.device());
        const auto nearest = nearestCentroid(chunk, query);
        result.cluster.slice(0, begin, end).copy_(nearest.cluster.cpu());
        const auto distance = nearest.distance(squaredRowNorms(chunk)).cpu();
        result.distance.slice(0, begin, end).copy_(distance);
        inertia += distance.sum(torch::kFloat64).item<double>();
    }
    result.inertia = inertia;
    return result;
}

}  // namespace logonet::training
