#include "pretrain/PretrainFiles.h"

#include "fs/DurableFile.h"
#include "run/TorchErrorLine.h"

#include <filesystem>
#include <stdexcept>
#include <vector>

namespace logonet::training {

namespace fs = std::filesystem;

namespace {

void writeTensor(const std::string& path, const std::string& key, const torch::Tensor& tensor) {
    fs::create_directories(fs::path(path).parent_path());
    torch::serialize::OutputArchive archive;
    archive.write(key, tensor.detach().cpu().contiguous());
    writeFileDurably(path, [&](const std::string& temporary) { archive.save_to(temporary); });
}

torch::Tensor readTensor(const std::string& path, const std::string& key, const std::string& what) {
    if (!fs::exists(path)) {
        throw std::runtime_error(path + ": missing (" + what + " of the pre-training run)");
    }
    torch::Tensor tensor;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        archive.read(key, tensor);
    } catch (const c10::Error& error) {
        throw std::runtime_error(path + ": not " + what + " (" + torchErrorLine(error) + ")");
    }
    return tensor;
}

std::string shapeText(const torch::Tensor& tensor) {
    std::string text;
    for (const int64_t size : tensor.sizes()) {
        text += (text.empty() ? "" : "x") + std::to_string(size);
    }
    return text.empty() ? "a scalar" : text;
}

}  // namespace

bool writePretrainCrop(const std::string& path, const torch::Tensor& volume) {
    if (fs::exists(path)) {
        try {
            if (torch::equal(readPretrainCrop(path, volume.size(0)), volume.cpu())) {
                return false;
            }
        } catch (const std::runtime_error&) {
            // Unreadable or another size: replaced below.
        }
    }
    writeTensor(path, "volume", volume.to(torch::kFloat32));
    return true;
}

torch::Tensor readPretrainCrop(const std::string& path, int64_t crop) {
    const torch::Tensor volume = readTensor(path, "volume", "a pre-training crop");
    if (volume.scalar_type() != torch::kFloat32 || volume.dim() != 3 ||
        volume.sizes() != torch::IntArrayRef({crop, crop, crop})) {
        throw std::runtime_error(path + ": a " + shapeText(volume) +
                                 " tensor where the run needs a float32 crop of " +
                                 std::to_string(crop) + "^3 voxels");
    }
    return volume;
}

void writePseudoLabels(const std::string& path, const torch::Tensor& labels) {
    writeTensor(path, "labels", labels.to(torch::kInt64));
}

torch::Tensor readPseudoLabels(const std::string& path, int64_t cases, int64_t slices,
                               int64_t clusterers) {
    const torch::Tensor labels = readTensor(path, "labels", "the pseudo-labels");
    if (labels.scalar_type() != torch::kInt64 ||
        labels.sizes() != torch::IntArrayRef({cases, slices, clusterers})) {
        throw std::runtime_error(
            path + ": " + shapeText(labels) + " pseudo-labels where the run's " +
            "config.json needs " + std::to_string(cases) + "x" + std::to_string(slices) + "x" +
            std::to_string(clusterers) + " (cases x slices x clusterers) int64");
    }
    return labels;
}

}  // namespace logonet::training
