#include "kmeans/ClusterSums.h"

#include <ATen/Parallel.h>

namespace logonet::training {

namespace {

// Columns per task: large enough to amortise starting a task, small enough to split 9216.
constexpr int64_t kColumnGrain = 1024;

}  // namespace

void addRowsToClusters(torch::Tensor& sums, const torch::Tensor& cluster,
                       const torch::Tensor& rows) {
    if (!sums.device().is_cpu() || sums.scalar_type() != torch::kFloat32 ||
        rows.scalar_type() != torch::kFloat32 || !sums.is_contiguous() || sums.dim() != 2) {
        sums.index_add_(0, cluster, rows);
        return;
    }
    const auto source = rows.contiguous();
    const auto index = cluster.to(torch::kInt64).contiguous();
    const int64_t count = source.size(0);
    const int64_t columns = source.size(1);
    TORCH_CHECK(columns == sums.size(1) && index.numel() == count,
                "addRowsToClusters: rows, clusters and sums do not match");
    if (count > 0) {
        TORCH_CHECK(index.min().item<int64_t>() >= 0 && index.max().item<int64_t>() < sums.size(0),
                    "addRowsToClusters: a cluster index is out of range");
    }
    const float* in = source.data_ptr<float>();
    const int64_t* which = index.data_ptr<int64_t>();
    float* out = sums.data_ptr<float>();
    at::parallel_for(0, columns, kColumnGrain, [&](int64_t begin, int64_t end) {
        for (int64_t i = 0; i < count; ++i) {
            float* __restrict target = out + which[i] * columns;
            const float* __restrict row = in + i * columns;
            for (int64_t j = begin; j < end; ++j) {
                target[j] += row[j];
            }
        }
    });
}

}  // namespace logonet::training
