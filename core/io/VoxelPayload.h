#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace logonet {

// The most voxels one scan may hold: 2^31 (8 GiB as float), far beyond any CT or MR volume. A
// header is only a claim; it is checked against this before anything is allocated for it.
constexpr uint64_t kMaxScanVoxels = uint64_t{1} << 31;

// What is wrong with the voxel payload a header claims, or "" when it is sound: a product of
// dimensions that overflows or passes kMaxScanVoxels, or (when `bytesInFile` is known) more
// voxel bytes than the file holds after its header.
std::string voxelPayloadProblem(const std::vector<uint64_t>& dimensions, uint64_t bytesPerVoxel,
                                std::optional<uint64_t> bytesInFile);

// Bytes after the header of a file that stores its voxels raw in itself: an uncompressed .nii,
// a .nrrd with "encoding: raw" and no separate data file, a .mha with "ElementDataFile = LOCAL"
// and no compression. std::nullopt for anything else (.gz, .nhdr, .mhd, compressed encodings),
// where the size cannot be known without inflating. Reads at most the header of the file.
std::optional<uint64_t> rawPayloadBytes(const std::string& path);

// What in a header must not reach ITK at all, or "" when nothing: a MetaImage (.mha, .mhd)
// whose ElementDataFile is a LIST or a numbered pattern ("slice%03d.raw 1 10 0"); ITK 5.2's
// MetaIO divides by the pattern's step, and a step of 0 kills the process (found by
// fuzz_image_read). A scan is one file; such headers are refused. Also an NDims that is not
// 1 to 16, for which MetaIO would read values for ever.
std::string headerProblemBeforeItk(const std::string& path);
std::string headerProblemBeforeItkOf(const std::string& lowerCaseName, const std::string& head);

// The same from the file's first bytes (`head`, at most the first 64 KiB) and its total size:
// what rawPayloadBytes uses, kept apart so that it can be fed any bytes.
std::optional<uint64_t> rawPayloadBytesOf(const std::string& lowerCaseName, const std::string& head,
                                          uint64_t fileSize);

}  // namespace logonet
