// Any bytes as a .nii, .nrrd or .mha file (the first byte picks which) through readImage, as an
// import reads a scan: an ImageReadError naming the file, or a volume; never a crash, and never
// an allocation beyond what the file holds (libFuzzer's -rss_limit_mb and ASan's
// allocation limit report one).
#include <cstdint>
#include <string>

#include "FuzzFile.h"
#include "io/ImageReader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) {
        return 0;
    }
    static const char* const extensions[] = {".nii", ".nrrd", ".mha"};
    const std::string path = fuzzFile(data + 1, size - 1, extensions[data[0] % 3]);
    try {
        logonet::readImage(path);
    } catch (const logonet::ImageReadError&) {
    }
    return 0;
}
