#include "commands/TrainingPhantomFiles.h"

#ifdef LOGONET_HAVE_STORAGE

#include <cstdio>
#include <random>

#include "io/ImageWriter.h"
#include "phantom/PhantomGenerator.h"

namespace logonet::cli {

namespace fs = std::filesystem;

void writePhantoms(const fs::path& images, const fs::path* labels, int64_t count,
                   uint64_t firstSeed, bool varyScanner) {
    fs::create_directories(images);
    if (labels != nullptr) {
        fs::create_directories(*labels);
    }
    for (int64_t n = 0; n < count; ++n) {
        PhantomOptions options;
        options.seed = firstSeed + static_cast<uint64_t>(n);
        // Scanner variety from the case's own seed: noise 10-35 HU, in-plane spacing 1.5-1.9 mm
        // and slices 2.0-2.6 mm over the same voxel grid, so the field of view changes too. The
        // smallest still leaves the body 32 voxels or more at 3x3x4 mm, the fine-tuning crop
        // of the experiment (at 1.4 mm a body was 29 voxels deep).
        if (varyScanner) {
            std::mt19937_64 scanner(options.seed * 7919 + 17);
            options.noise = std::uniform_real_distribution<double>(10.0, 35.0)(scanner);
            const double inPlane = std::uniform_real_distribution<double>(1.5, 1.9)(scanner);
            options.spacing = {inPlane, inPlane,
                               std::uniform_real_distribution<double>(2.0, 2.6)(scanner)};
        }
        const PhantomCase phantom = generatePhantom(options);
        char name[32];
        std::snprintf(name, sizeof name, "case_%03lld.nii.gz", static_cast<long long>(n));
        writeImage(phantom.image, (images / name).string(), StoredPixelType::Int16);
        if (labels != nullptr) {
            writeLabelMap(phantom.labels, (*labels / name).string());
        }
    }
}

}  // namespace logonet::cli

#endif
