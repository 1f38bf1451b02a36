#include "kmeans/KMeansPlusPlus.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "kmeans/NearestCentroid.h"

namespace logonet::training {

namespace {

// Index drawn with probability proportional to weights[i]; uniform when all weights are zero
// (every remaining row coincides with a centre).
int64_t drawProportional(const std::vector<double>& cumulative, std::mt19937_64& random) {
    const double total = cumulative.back();
    if (!(total > 0.0)) {
        std::uniform_int_distribution<int64_t> uniform(0,
                                                       static_cast<int64_t>(cumulative.size()) - 1);
        return uniform(random);
    }
    std::uniform_real_distribution<double> uniform(0.0, total);
    const double target = uniform(random);
    const auto found = std::upper_bound(cumulative.begin(), cumulative.end(), target);
    return std::min<int64_t>(found - cumulative.begin(),
                             static_cast<int64_t>(cumulative.size()) - 1);
}

}  // namespace

torch::Tensor seedKMeansPlusPlus(const torch::Tensor& sample, int64_t k, std::mt19937_64& random,
                                 int64_t trials) {
    const int64_t rows = sample.size(0);
    if (k < 1 || k > rows) {
        throw std::invalid_argument("k-means++ needs 1 <= k <= rows, got k=" + std::to_string(k) +
                                    " for " + std::to_string(rows) + " rows");
    }
    if (trials <= 0) {
        trials = 2 + static_cast<int64_t>(std::log(static_cast<double>(k)));
    }
    torch::NoGradGuard noGrad;
    const auto norms = squaredRowNorms(sample);
    std::vector<int64_t> chosen;
    chosen.reserve(static_cast<size_t>(k));
    std::uniform_int_distribution<int64_t> uniform(0, rows - 1);
    chosen.push_back(uniform(random));

    auto firstIndex = torch::tensor({chosen[0]}, torch::kInt64).to(sample.device());
    auto closest = squaredDistances(sample, norms,
                                    CentroidQuery(sample.index_select(0, firstIndex),
                                                  norms.index_select(0, firstIndex)))
                       .squeeze(1)
                       .contiguous();
    std::vector<double> cumulative(static_cast<size_t>(rows));
    for (int64_t centre = 1; centre < k; ++centre) {
        const auto weights = closest.to(torch::kCPU, torch::kFloat64).contiguous();
        const double* w = weights.data_ptr<double>();
        double running = 0.0;
        for (int64_t i = 0; i < rows; ++i) {
            running += w[i];
            cumulative[static_cast<size_t>(i)] = running;
        }
        std::vector<int64_t> candidates(static_cast<size_t>(trials));
        for (auto& candidate : candidates) {
            candidate = drawProportional(cumulative, random);
        }
        const auto candidateIndex = torch::tensor(candidates, torch::kInt64).to(sample.device());
        // (rows, trials): one thin product for all candidates; it reads the whole sample, which
        // makes the seeding cost k passes over the sample.
        const auto toCandidates =
            squaredDistances(sample, norms,
                             CentroidQuery(sample.index_select(0, candidateIndex),
                                           norms.index_select(0, candidateIndex)));
        const auto updated = torch::minimum(toCandidates, closest.unsqueeze(1));
        const int64_t best = updated.sum(0).argmin().item<int64_t>();
        chosen.push_back(candidates[static_cast<size_t>(best)]);
        closest = updated.select(1, best).contiguous();
    }
    const auto index = torch::tensor(chosen, torch::kInt64).to(sample.device());
    return sample.index_select(0, index).clone();
}

}  // namespace logonet::training
