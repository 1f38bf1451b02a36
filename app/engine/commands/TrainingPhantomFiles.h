#pragma once

#ifdef LOGONET_HAVE_STORAGE

#include <cstdint>
#include <filesystem>

namespace logonet::cli {

// Writes `count` phantom CTs (case_000.nii.gz, ...) seeded firstSeed, firstSeed + 1, ... into
// `images`, and their label maps into `labels` when given. The generator varies the anatomy
// with the seed; with `varyScanner` each case also draws its own scanner and protocol (noise,
// field of view, contrast phase, coverage: variedPhantomOptions), so that many phantoms are not
// copies of one another.
void writePhantoms(const std::filesystem::path& images, const std::filesystem::path* labels,
                   int64_t count, uint64_t firstSeed, bool varyScanner = false);

}  // namespace logonet::cli

#endif
