#include "commands/TrainingPhantomFiles.h"

#ifdef LOGONET_HAVE_STORAGE

#include <cstdio>

#include "io/ImageWriter.h"
#include "phantom/PhantomGenerator.h"
#include "phantom/PhantomVariety.h"

namespace logonet::cli {

namespace fs = std::filesystem;

void writePhantoms(const fs::path& images, const fs::path* labels, int64_t count,
                   uint64_t firstSeed, bool varyScanner) {
    fs::create_directories(images);
    if (labels != nullptr) {
        fs::create_directories(*labels);
    }
    for (int64_t n = 0; n < count; ++n) {
        const uint64_t seed = firstSeed + static_cast<uint64_t>(n);
        PhantomOptions options;
        options.seed = seed;
        if (varyScanner) {
            options = variedPhantomOptions(seed);
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
