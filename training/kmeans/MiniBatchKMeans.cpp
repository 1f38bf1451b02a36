#include "kmeans/MiniBatchKMeans.h"

#include <algorithm>
#include <string>
#include <vector>

#include "kmeans/ClusterSums.h"
#include "kmeans/KMeansPlusPlus.h"
#include "kmeans/NearestCentroid.h"
#include "kmeans/RowSampler.h"

namespace logonet::training {

MiniBatchKMeans::MiniBatchKMeans(KMeansOptions options)
    : options_(std::move(options)), random_(options_.seed) {
    if (options_.clusters < 1) {
        throw std::invalid_argument("k-means needs at least one cluster");
    }
    if (options_.batchRows < 1) {
        throw std::invalid_argument("k-means needs a batch of at least one row");
    }
}

void MiniBatchKMeans::setState(const torch::Tensor& centroids, const torch::Tensor& counts) {
    centroids_ = centroids.to(options_.device, torch::kFloat32).clone();
    counts_ = counts.to(options_.device, torch::kFloat32).clone();
    options_.clusters = centroids_.size(0);
}

void MiniBatchKMeans::seed(const RowSource& source) {
    const int64_t rows = source.rows();
    if (rows < options_.clusters) {
        throw std::invalid_argument("cannot form " + std::to_string(options_.clusters) +
                                    " clusters from " + std::to_string(rows) + " rows");
    }
    const int64_t seedRows = options_.seedRows > 0
                                 ? options_.seedRows
                                 : std::max(options_.batchRows, 3 * options_.clusters);
    const auto sample =
        source.select(sampleRows(rows, std::clamp(seedRows, options_.clusters, rows), random_))
            .to(options_.device);
    centroids_ = seedKMeansPlusPlus(sample, options_.clusters, random_);
    counts_ = torch::zeros({options_.clusters}, centroids_.options());
    rowsSinceReassignment_ = 0;
}

void MiniBatchKMeans::step(const torch::Tensor& batch) {
    torch::NoGradGuard noGrad;
    const auto nearest = nearestCentroid(batch, CentroidQuery(centroids_));
    const auto won = torch::bincount(nearest.cluster, {}, options_.clusters).to(counts_.dtype());
    if (!sums_.defined() || !sums_.sizes().equals(centroids_.sizes()) ||
        sums_.device() != centroids_.device()) {
        sums_ = torch::zeros_like(centroids_);
    } else {
        sums_.zero_();
    }
    addRowsToClusters(sums_, nearest.cluster, batch);
    counts_.add_(won);
    // c <- c + (sum - n c) / count: the running mean of everything the centre has won, i.e. a
    // per-centre learning rate that shrinks as the centre settles. Centres that won nothing stay.
    const auto rate = counts_.clamp_min(1.0).reciprocal().unsqueeze(1);
    sums_.addcmul_(centroids_, won.unsqueeze(1), -1.0).mul_(rate);
    centroids_.add_(sums_);

    rowsSinceReassignment_ += batch.size(0);
    if (options_.reassignmentRatio > 0.0 && rowsSinceReassignment_ >= 10 * options_.clusters) {
        reassignSmallClusters(batch);
        rowsSinceReassignment_ = 0;
    }
}

void MiniBatchKMeans::reassignSmallClusters(const torch::Tensor& batch) {
    const auto small = counts_ < options_.reassignmentRatio * counts_.max();
    auto smallIndex = small.nonzero().squeeze(1).cpu();
    int64_t moving = smallIndex.size(0);
    if (moving == 0 || moving == options_.clusters) {
        return;
    }
    // Never move more centres than half a batch: the batch must still hold enough distinct rows.
    moving = std::min(moving, std::max<int64_t>(1, batch.size(0) / 2));
    smallIndex = smallIndex.slice(0, 0, moving);
    // New centres on rows of the batch drawn uniformly without replacement, as scikit-learn
    // does. (Drawing far rows instead, in proportion to their distance, put centres on outlier
    // slices and ended 2-5% higher in inertia on real MRI slices.)
    const auto picked = sampleRows(batch.size(0), moving, random_);
    smallIndex = smallIndex.to(centroids_.device());
    const auto rowIndex = torch::tensor(picked, torch::kInt64).to(batch.device());
    centroids_.index_copy_(0, smallIndex, batch.index_select(0, rowIndex));
    // A moved centre starts with the weight of the least busy settled centre, so it neither
    // freezes nor gets dragged away by the next batch.
    const auto settled = counts_.masked_select(~small);
    counts_.index_fill_(0, smallIndex, settled.min().item<float>());
}

void MiniBatchKMeans::lloydPass(const RowSource& source) {
    torch::NoGradGuard noGrad;
    const int64_t rows = source.rows();
    const CentroidQuery query(centroids_);
    auto sums = torch::zeros_like(centroids_);
    auto won = torch::zeros_like(counts_);
    for (int64_t begin = 0; begin < rows; begin += options_.chunkRows) {
        const int64_t end = std::min(rows, begin + options_.chunkRows);
        const auto chunk = source.range(begin, end).to(options_.device);
        const auto nearest = nearestCentroid(chunk, query);
        addRowsToClusters(sums, nearest.cluster, chunk);
        won.add_(torch::bincount(nearest.cluster, {}, options_.clusters).to(won.dtype()));
    }
    const auto occupied = (won > 0).unsqueeze(1);
    centroids_ = torch::where(occupied, sums / won.clamp_min(1.0).unsqueeze(1), centroids_);
    counts_ = torch::maximum(counts_, won);
}

void MiniBatchKMeans::fit(const RowSource& source, const KMeansProgress& progress) {
    seed(source);
    refine(source, progress);
}

void MiniBatchKMeans::refine(const RowSource& source, const KMeansProgress& progress) {
    if (!centroids_.defined()) {
        throw std::logic_error("k-means: refine() before seed()");
    }
    const int64_t total = options_.iterations + options_.lloydPasses;
    const int64_t batchRows = std::min(options_.batchRows, source.rows());
    torch::Tensor batch;  // one buffer for every step (see RowSource::selectInto)
    for (int64_t iteration = 0; iteration < options_.iterations; ++iteration) {
        source.selectInto(sampleRows(source.rows(), batchRows, random_), batch);
        step(batch.to(options_.device));
        if (progress && !progress(iteration + 1, total)) {
            throw ClusteringCancelled();
        }
    }
    for (int64_t pass = 0; pass < options_.lloydPasses; ++pass) {
        lloydPass(source);
        if (progress && !progress(options_.iterations + pass + 1, total)) {
            throw ClusteringCancelled();
        }
    }
}

KMeansAssignment MiniBatchKMeans::assign(const RowSource& source) const {
    return assignRows(source, centroids_, options_.chunkRows);
}

}  // namespace logonet::training
