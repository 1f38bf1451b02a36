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
// `atMost`: bytesInFile is only an upper bound (a compressed file), said so in the message.
std::string voxelPayloadProblem(const std::vector<uint64_t>& dimensions, uint64_t bytesPerVoxel,
                                std::optional<uint64_t> bytesInFile, bool atMost = false);

// Where rawPayloadBytes knows nothing: an upper bound of the voxel bytes a compressed file can
// give (deflate expands at most 1032:1: .nii.gz, NRRD "encoding: gzip", MetaImage
// "CompressedData = True"), or the size of a MetaImage's or NRRD's separate data file (0 when
// it is not there). Without it a 200-byte .mha naming a missing data file made the reader allocate
// 5 GB before ITK found the file missing (fuzz_image_read). std::nullopt when no bound is known.
std::optional<uint64_t> payloadBytesAtMost(const std::string& path);

// Bytes after the header of a file that stores its voxels raw in itself: an uncompressed .nii,
// a .nrrd with "encoding: raw" and no separate data file, a .mha with "ElementDataFile = LOCAL"
// and no compression. std::nullopt for anything else (.gz, .nhdr, .mhd, compressed encodings),
// where the size cannot be known without inflating. Reads at most the header of the file.
std::optional<uint64_t> rawPayloadBytes(const std::string& path);

// What in a header must not reach ITK at all, or "" when nothing: a MetaImage (.mha, .mhd)
// whose ElementDataFile is a LIST or a numbered pattern ("slice%03d.raw 1 10 0"); ITK 5.2's
// MetaIO divides by the pattern's step, and a step of 0 kills the process (found by
// fuzz_image_read). A scan is one file; such headers are refused. Also an NDims that is not
// 1 to 16, for which MetaIO would read values for ever. A NRRD whose data file is a list or a
// pattern of files, or whose encoding is bzip2 (no useful bound on its expansion).
std::string headerProblemBeforeItk(const std::string& path);
std::string headerProblemBeforeItkOf(const std::string& lowerCaseName, const std::string& head);

// The same from the file's first bytes (`head`, at most the first 64 KiB) and its total size:
// what rawPayloadBytes uses, kept apart so that it can be fed any bytes.
std::optional<uint64_t> rawPayloadBytesOf(const std::string& lowerCaseName, const std::string& head,
                                          uint64_t fileSize);

}  // namespace logonet
