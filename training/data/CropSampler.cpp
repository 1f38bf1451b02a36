#include "data/CropSampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace logonet::training {

namespace {

std::string describeCrop(const Size3& crop) {
    return std::to_string(crop[0]) + "x" + std::to_string(crop[1]) + "x" + std::to_string(crop[2]);
}

// Copies the crop [begin, begin + crop) of a volume into a zero-initialised (Z, Y, X) buffer;
// voxels outside the volume stay zero (background, intensity floor).
template <typename T, typename Out>
void copyCrop(const Volume<T>& volume, const Size3& begin, const Size3& crop, Out* out) {
    const Size3& s = volume.size();
    for (int64_t z = 0; z < crop[2]; ++z) {
        const int64_t k = begin[2] + z;
        if (k < 0 || k >= s[2]) {
            continue;
        }
        for (int64_t y = 0; y < crop[1]; ++y) {
            const int64_t j = begin[1] + y;
            if (j < 0 || j >= s[1]) {
                continue;
            }
            const int64_t i0 = std::max<int64_t>(0, begin[0]);
            const int64_t i1 = std::min<int64_t>(s[0], begin[0] + crop[0]);
            Out* row = out + (z * crop[1] + y) * crop[0];
            for (int64_t i = i0; i < i1; ++i) {
                row[i - begin[0]] = static_cast<Out>(volume.at(i, j, k));
            }
        }
    }
}

}  // namespace

uint64_t mixSeed(uint64_t seed, uint64_t index) {
    uint64_t z = seed * 0x9E3779B97F4A7C15ULL + index + 0x632BE59BD9B4E019ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

CropSampler::CropSampler(std::vector<std::shared_ptr<const TrainingCase>> cases,
                         CropSamplerOptions options)
    : CropSampler(std::make_shared<HeldCaseSource>(std::move(cases)), options) {}

CropSampler::CropSampler(std::shared_ptr<const CaseSource> cases, CropSamplerOptions options)
    : cases_(std::move(cases)), options_(options) {
    if (!cases_ || cases_->count() == 0) {
        throw std::invalid_argument("no labeled cases to train on");
    }
    // A case smaller than the crop is padded, as nnU-Net pads (one 31-slice case must still train
    // at 32^3); a crop that would be mostly padding for every case is a mistake worth naming.
    bool fits = false;
    for (size_t c = 0; c < cases_->count(); ++c) {
        const Size3 s = cases_->size(c);
        fits = fits || (2 * s[0] >= options_.crop[0] && 2 * s[1] >= options_.crop[1] &&
                        2 * s[2] >= options_.crop[2]);
    }
    if (!fits) {
        throw std::invalid_argument("crop " + describeCrop(options_.crop) +
                                    " is larger than every training case, more than twice along "
                                    "an axis (" +
                                    cases_->id(0) + " is " + describeCrop(cases_->size(0)) +
                                    " after preprocessing): choose a smaller --crop, or auto");
    }
    if (options_.batch < 1) {
        throw std::invalid_argument("batch size must be at least 1");
    }
}

bool CropSampler::isPositive(int64_t index) const {
    const double f = std::clamp(options_.positiveFraction, 0.0, 1.0);
    return std::floor(static_cast<double>(index + 1) * f) >
           std::floor(static_cast<double>(index) * f);
}

int64_t CropSampler::caseFor(int64_t index) const {
    const int64_t n = static_cast<int64_t>(cases_->count());
    const int64_t pass = index / n;
    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(mixSeed(options_.seed ^ 0x5EEDULL, static_cast<uint64_t>(pass)));
    std::shuffle(order.begin(), order.end(), random);
    return order[static_cast<size_t>(index % n)];
}

Size3 CropSampler::pickCentre(const TrainingCase& entry, bool positive,
                              std::mt19937_64& random) const {
    const Size3& s = entry.image.size();
    auto fromOffset = [&](int64_t offset) {
        return Size3{offset % s[0], (offset / s[0]) % s[1], offset / (s[0] * s[1])};
    };
    if (positive && !entry.classVoxels.empty()) {
        // Class first, then a voxel of it: picking among all labelled voxels would centre most
        // positive crops on the largest organ and starve the small ones.
        std::uniform_int_distribution<size_t> pickClass(0, entry.classVoxels.size() - 1);
        const std::vector<uint32_t>& voxels = entry.classVoxels[pickClass(random)].second;
        std::uniform_int_distribution<size_t> pick(0, voxels.size() - 1);
        return fromOffset(voxels[pick(random)]);
    }
    // Negative: a background voxel, found by rejection (background is most of a scan).
    std::uniform_int_distribution<int64_t> pick(0, entry.image.voxelCount() - 1);
    int64_t offset = pick(random);
    for (int attempt = 0; attempt < 32 && entry.classes.voxels()[offset] != 0; ++attempt) {
        offset = pick(random);
    }
    return fromOffset(offset);
}

CropSample CropSampler::sample(int64_t index) const {
    return sampleFrom(static_cast<size_t>(caseFor(index)), index);
}

CropSample CropSampler::sampleFrom(size_t caseIndex, int64_t index) const {
    std::mt19937_64 random(mixSeed(options_.seed, static_cast<uint64_t>(index)));
    CropSample out;
    out.caseIndex = static_cast<int64_t>(caseIndex);
    out.positive = isPositive(index);
    const std::shared_ptr<const TrainingCase> held = cases_->at(static_cast<size_t>(out.caseIndex));
    const TrainingCase& entry = *held;
    out.centre = pickCentre(entry, out.positive, random);
    const Size3& s = entry.image.size();
    const Size3& crop = options_.crop;
    Size3 begin;
    for (int a = 0; a < 3; ++a) {
        if (s[a] >= crop[a]) {
            begin[a] = std::clamp<int64_t>(out.centre[a] - crop[a] / 2, 0, s[a] - crop[a]);
        } else {
            begin[a] = -(crop[a] - s[a]) / 2;  // pad evenly around a case smaller than the crop
        }
    }
    out.image = torch::zeros({1, crop[2], crop[1], crop[0]}, torch::kFloat);
    out.labels = torch::zeros({crop[2], crop[1], crop[0]}, torch::kLong);
    copyCrop(entry.image, begin, crop, out.image.data_ptr<float>());
    copyCrop(entry.classes, begin, crop, out.labels.data_ptr<int64_t>());
    if (options_.augment) {
        augment(out, random);
    }
    return out;
}

void CropSampler::augment(CropSample& sample, std::mt19937_64& random) const {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    // Tensor dims: image (1, Z, Y, X), labels (Z, Y, X).
    for (int axis = 0; axis < 3; ++axis) {
        if (unit(random) < 0.2) {
            sample.image = sample.image.flip({axis + 1});
            sample.labels = sample.labels.flip({axis});
        }
    }
    if (unit(random) < 0.2 && options_.crop[0] == options_.crop[1]) {
        const int64_t turns = 1 + static_cast<int64_t>(unit(random) * 3.0) % 3;
        sample.image = torch::rot90(sample.image, turns, {2, 3});
        sample.labels = torch::rot90(sample.labels, turns, {1, 2});
    }
    if (unit(random) < 0.1) {
        sample.image = sample.image * (1.0 + (unit(random) * 0.2 - 0.1));
    }
    if (unit(random) < 0.1) {
        sample.image = sample.image + (unit(random) * 0.2 - 0.1);
    }
    sample.image = sample.image.contiguous();
    sample.labels = sample.labels.contiguous();
}

TrainingBatch CropSampler::batch(int64_t batchIndex) const {
    std::vector<torch::Tensor> images, labels;
    for (int64_t b = 0; b < options_.batch; ++b) {
        CropSample s = sample(batchIndex * options_.batch + b);
        images.push_back(s.image);
        labels.push_back(s.labels);
    }
    return {batchIndex, torch::stack(images), torch::stack(labels)};
}

}  // namespace logonet::training
