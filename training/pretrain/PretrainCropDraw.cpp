#include "pretrain/PretrainCropDraw.h"

#include "kmeans/NearestCentroid.h"

namespace logonet::training {

std::shared_ptr<const TrainingCase> pretrainingCase(const CachedCase& entry) {
    auto out = std::make_shared<TrainingCase>();
    out->id = entry.id;
    out->image = entry.image;
    out->classes = Volume<uint8_t>(entry.image.geometry(), uint8_t{0});
    return out;
}

torch::Tensor drawPretrainCrops(const CropSampler& sampler, int64_t index) {
    // The sampler's (B, 1, Z, Y, X) turned to the (X, Y, Z) voxel order of pre-training crops.
    return sampler.batch(index).image.permute({0, 1, 4, 3, 2}).contiguous();
}

torch::Tensor drawPretrainCropFrom(const CropSampler& sampler, size_t caseIndex, int64_t index) {
    return sampler.sampleFrom(caseIndex, index)
        .image.unsqueeze(0)
        .permute({0, 1, 4, 3, 2})
        .contiguous();
}

torch::Tensor cropSliceRows(const torch::Tensor& crops, SliceAxis axis) {
    const auto volumes = crops.select(1, 0);  // (B, X, Y, Z)
    return volumes.movedim(1 + static_cast<int64_t>(axis), 1)
        .reshape({volumes.size(0), volumes.size(1 + static_cast<int64_t>(axis)), -1})
        .contiguous();
}

torch::Tensor nearestCentroidLabels(const torch::Tensor& crops,
                                    const std::vector<torch::Tensor>& centroids, SliceAxis axis) {
    const auto rows = cropSliceRows(crops, axis);
    const auto flat = rows.reshape({-1, rows.size(2)}).to(torch::kFloat32);
    std::vector<torch::Tensor> labels;
    for (const auto& c : centroids) {
        const CentroidQuery query(c.to(flat.device(), torch::kFloat32));
        labels.push_back(
            nearestCentroid(flat, query).cluster.reshape({rows.size(0), rows.size(1)}));
    }
    return torch::stack(labels, 2);
}

}  // namespace logonet::training
