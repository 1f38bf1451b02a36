#include "io/VoxelPayload.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace logonet {

namespace {

constexpr size_t kHeadBytes = 64 * 1024;

// MetaIO takes ':' for '=' too ("ElementDataFile : x"; found by fuzz_image_read).
constexpr const char* kMetaSeparators = "=:";

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string trimmedLower(std::string text) {
    const size_t first = text.find_first_not_of(" \t\r");
    const size_t last = text.find_last_not_of(" \t\r");
    text = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Without surrounding blanks (and a DOS line end), case kept: header values as written.
std::string trimmedValue(const std::string& value) {
    const size_t first = value.find_first_not_of(" \t");
    const size_t last = value.find_last_not_of(" \t\r");
    return first == std::string::npos ? "" : value.substr(first, last - first + 1);
}

// The first characters of a header line for a message, other bytes as '?'.
std::string printableStart(const std::string& line) {
    std::string shown;
    for (const char c : line.substr(0, 40)) {
        shown += c >= 0x20 && c < 0x7f ? c : '?';
    }
    return line.size() > 40 ? shown + "..." : shown;
}

std::optional<uint64_t> remainder(uint64_t fileSize, uint64_t headerBytes) {
    return headerBytes <= fileSize ? std::optional<uint64_t>(fileSize - headerBytes)
                                   : std::optional<uint64_t>(0);
}

// NIfTI-1 (sizeof_hdr 348, vox_offset a float at byte 108) or NIfTI-2 (540, an int64 at 168), in
// either byte order.
std::optional<uint64_t> niftiPayload(const std::string& head, uint64_t fileSize) {
    if (head.size() < 348) {
        return std::nullopt;
    }
    auto swapped = [](auto value) {
        auto bytes = reinterpret_cast<unsigned char*>(&value);
        std::reverse(bytes, bytes + sizeof value);
        return value;
    };
    int32_t sizeofHdr = 0;
    std::memcpy(&sizeofHdr, head.data(), 4);
    const bool swap = sizeofHdr != 348 && sizeofHdr != 540;
    if (swap) {
        sizeofHdr = swapped(sizeofHdr);
    }
    if (sizeofHdr == 348) {
        float offset = 0;
        std::memcpy(&offset, head.data() + 108, 4);
        offset = swap ? swapped(offset) : offset;
        // A vox_offset below the header's end means "right after it" to the readers. One that
        // is nonsense here (NIfTI readers take the byte order from dim[0], not from sizeof_hdr,
        // so they may read another number) still leaves at most the bytes after the header:
        // trusting it to be refused later let a 349-byte file claim 1.7 GB (fuzz_image_read).
        if (!std::isfinite(offset) || offset < 0 || offset > 1e18f) {
            offset = 0;
        }
        return remainder(fileSize, std::max<uint64_t>(352, static_cast<uint64_t>(offset)));
    }
    if (sizeofHdr == 540 && head.size() >= 540) {
        int64_t offset = 0;
        std::memcpy(&offset, head.data() + 168, 8);
        offset = swap ? swapped(offset) : offset;
        return remainder(
            fileSize, std::max<uint64_t>(544, static_cast<uint64_t>(std::max<int64_t>(offset, 0))));
    }
    return std::nullopt;
}

// A header's lines one by one. A last line without its newline counts: MetaIO and NRRD readers
// read a value up to the end of the file.
class HeaderLines {
  public:
    explicit HeaderLines(const std::string& head) : head_(head) {}

    bool next(std::string& line) {
        if (start_ >= head_.size()) {
            return false;
        }
        size_t end = head_.find('\n', start_);
        ended_ = end != std::string::npos;
        end = ended_ ? end : head_.size();
        line = head_.substr(start_, end - start_);
        start_ = end + 1;
        return true;
    }

    // Where the bytes after the line read last start; none when its newline was not read.
    std::optional<size_t> after() const {
        return ended_ ? std::optional<size_t>(start_) : std::nullopt;
    }

  private:
    const std::string& head_;
    size_t start_ = 0;
    bool ended_ = false;
};

// A NRRD header: its "key: value" fields up to the first empty line ("key:=value" pairs and
// comments are not fields), as {lower-case key, value as written} (a data file's name keeps its
// case), and where the voxels start (after that empty line; none when the header goes on beyond
// what was read).
struct NrrdHeader {
    std::vector<std::pair<std::string, std::string>> fields;
    std::optional<size_t> dataOffset;
};

NrrdHeader nrrdHeader(const std::string& head) {
    NrrdHeader header;
    HeaderLines lines(head);
    std::string line;
    while (lines.next(line)) {
        if (trimmedLower(line).empty()) {
            header.dataOffset = lines.after();
            break;
        }
        const size_t colon = line.find(':');
        if (colon == std::string::npos || line[0] == '#' ||
            (colon + 1 < line.size() && line[colon + 1] == '=')) {
            continue;
        }
        header.fields.emplace_back(trimmedLower(line.substr(0, colon)),
                                   trimmedValue(line.substr(colon + 1)));
    }
    return header;
}

// Voxels follow the header's empty line in a .nrrd stored raw in itself.
std::optional<uint64_t> nrrdPayload(const std::string& head, uint64_t fileSize) {
    const NrrdHeader header = nrrdHeader(head);
    if (!header.dataOffset) {
        return std::nullopt;  // header longer than what was read
    }
    bool raw = false;
    for (const auto& [key, value] : header.fields) {
        if (key == "encoding") {
            raw = trimmedLower(value) == "raw";
        } else if (key == "data file" || key == "datafile" || key == "line skip" ||
                   key == "lineskip" || key == "byte skip" || key == "byteskip") {
            return std::nullopt;  // voxels elsewhere or at an offset ITK works out
        }
    }
    return raw ? remainder(fileSize, *header.dataOffset) : std::nullopt;
}

// A MetaImage header: its lines up to ElementDataFile (blank ones left out), each with its
// lower-case key and its value as written (a data file's name keeps its case), and where the voxels
// start (after the ElementDataFile line; none when that line's end was not read). A line without a
// separator has none and no key: the refusals name such lines, the readers pass over them.
struct MetaImageLine {
    std::string text;
    size_t separator = std::string::npos;
    std::string key;
    std::string value;
};

struct MetaImageHeader {
    std::vector<MetaImageLine> lines;
    std::optional<size_t> dataOffset;
};

MetaImageHeader metaImageHeader(const std::string& head) {
    MetaImageHeader header;
    HeaderLines lines(head);
    std::string text;
    while (lines.next(text)) {
        if (trimmedLower(text).empty()) {
            continue;
        }
        MetaImageLine line;
        line.text = text;
        line.separator = line.text.find_first_of(kMetaSeparators);
        if (line.separator != std::string::npos) {
            line.key = trimmedLower(line.text.substr(0, line.separator));
            line.value = trimmedValue(line.text.substr(line.separator + 1));
        }
        header.lines.push_back(std::move(line));
        if (header.lines.back().key == "elementdatafile") {
            header.dataOffset = lines.after();
            break;
        }
    }
    return header;
}

// Voxels follow the ElementDataFile line of a .mha that stores them uncompressed in itself.
std::optional<uint64_t> metaImagePayload(const std::string& head, uint64_t fileSize) {
    const MetaImageHeader header = metaImageHeader(head);
    bool compressed = false;
    for (const MetaImageLine& line : header.lines) {
        const std::string value = trimmedLower(line.value);
        if (line.key == "compresseddata") {
            compressed = value == "true";
        } else if (line.key == "headersize") {
            return std::nullopt;  // voxels at an offset ITK works out
        } else if (line.key == "elementdatafile") {
            if (value != "local" || compressed || !header.dataOffset) {
                return std::nullopt;
            }
            return remainder(fileSize, *header.dataOffset);
        }
    }
    return std::nullopt;
}

}  // namespace

std::string voxelPayloadProblem(const std::vector<uint64_t>& dimensions, uint64_t bytesPerVoxel,
                                std::optional<uint64_t> bytesInFile, bool atMost) {
    uint64_t voxels = 1;
    std::string size;
    for (const uint64_t dimension : dimensions) {
        size += (size.empty() ? "" : "x") + std::to_string(dimension);
    }
    bool overflow = false;
    for (const uint64_t dimension : dimensions) {
        overflow = overflow || __builtin_mul_overflow(voxels, dimension, &voxels);
    }
    if (overflow || voxels > kMaxScanVoxels) {
        return "the header claims " + size + " voxels, more than the " +
               std::to_string(kMaxScanVoxels) + " a scan may hold";
    }
    uint64_t bytes = 0;
    if (__builtin_mul_overflow(voxels, bytesPerVoxel, &bytes)) {
        return "the header claims " + size + " voxels, too many to hold";
    }
    if (bytesInFile && *bytesInFile < bytes) {
        return "truncated: the header describes " + size + " voxels (" + std::to_string(bytes) +
               " bytes) but the file holds " + (atMost ? "at most " : "") +
               std::to_string(*bytesInFile) + " bytes of them";
    }
    return "";
}

std::optional<uint64_t> rawPayloadBytesOf(const std::string& lowerCaseName, const std::string& head,
                                          uint64_t fileSize) {
    if (endsWith(lowerCaseName, ".nii")) {
        return niftiPayload(head, fileSize);
    }
    if (endsWith(lowerCaseName, ".nrrd")) {
        return nrrdPayload(head, fileSize);
    }
    if (endsWith(lowerCaseName, ".mha")) {
        return metaImagePayload(head, fileSize);
    }
    return std::nullopt;
}

namespace {

struct Head {
    std::string lowerCaseName;
    std::string bytes;
};

Head headOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    Head head{std::filesystem::path(path).filename().string(), std::string(kHeadBytes, '\0')};
    in.read(head.bytes.data(), static_cast<std::streamsize>(head.bytes.size()));
    head.bytes.resize(static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
    std::transform(head.lowerCaseName.begin(), head.lowerCaseName.end(), head.lowerCaseName.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return head;
}

// A NRRD whose voxels cannot be bounded before ITK allocates for them: a list or a numbered
// pattern of data files (a scan here is one file), or bzip2, whose expansion has no useful bound.
std::string nrrdProblem(const std::string& head) {
    for (const auto& [key, written] : nrrdHeader(head).fields) {
        const std::string value = trimmedLower(written);
        if ((key == "data file" || key == "datafile") &&
            (value.rfind("list", 0) == 0 || value.find('%') != std::string::npos ||
             value.find(' ') != std::string::npos)) {
            return "data file '" + value.substr(0, 80) +
                   "' names a list or a pattern of files; a scan is read from one file";
        }
        if (key == "encoding" && (value == "bzip2" || value == "bz2")) {
            return "bzip2 encoding: its size cannot be checked before reading; save the scan "
                   "with gzip or raw encoding";
        }
    }
    return "";
}

}  // namespace

std::optional<uint64_t> rawPayloadBytes(const std::string& path) {
    std::error_code ec;
    const uint64_t fileSize = std::filesystem::file_size(path, ec);
    if (ec) {
        return std::nullopt;
    }
    const Head head = headOf(path);
    return rawPayloadBytesOf(head.lowerCaseName, head.bytes, fileSize);
}

std::string headerProblemBeforeItkOf(const std::string& lowerCaseName, const std::string& head) {
    if (endsWith(lowerCaseName, ".nrrd") || endsWith(lowerCaseName, ".nhdr")) {
        return nrrdProblem(head);
    }
    if (!endsWith(lowerCaseName, ".mha") && !endsWith(lowerCaseName, ".mhd")) {
        return "";
    }
    for (const MetaImageLine& line : metaImageHeader(head).lines) {
        // MetaIO copies keys and values into fixed buffers of 255 bytes without a bound: a
        // longer one overflows it (found by fuzz_image_read). Real headers hold short
        // "Key = Value" lines only, up to ElementDataFile, after which the voxels follow.
        if (line.separator == std::string::npos || line.text.find('\0') != std::string::npos) {
            return "header line '" + printableStart(line.text) + "' is not 'Key = Value'";
        }
        if (line.separator > 64 || line.text.size() - line.separator > 200) {
            return "header line '" + printableStart(line.text) + "' is too long (" +
                   std::to_string(line.text.size()) + " characters)";
        }
        const std::string& key = line.key;
        const std::string value = trimmedLower(line.value);
        if (key == "ndims") {
            // MetaIO reads that many values for every per-axis field: an NDims of 10^19 makes
            // it loop for ever (found by fuzz_image_read).
            int dims = 0;
            const auto [end, error] =
                std::from_chars(value.data(), value.data() + value.size(), dims);
            if (error != std::errc() || end != value.data() + value.size() || dims < 1 ||
                dims > 16) {
                return "NDims '" + value.substr(0, 40) + "' is not a number of axes (1 to 16)";
            }
            continue;
        }
        if (key == "elementdatafile" && (value == "list" || value.rfind("list ", 0) == 0 ||
                                         value.find('%') != std::string::npos)) {
            return "ElementDataFile '" + value.substr(0, 80) +
                   "' names a list or a pattern of files; a scan is read from one file";
        }
    }
    return "";
}

std::string headerProblemBeforeItk(const std::string& path) {
    const Head head = headOf(path);
    return headerProblemBeforeItkOf(head.lowerCaseName, head.bytes);
}

namespace {

constexpr uint64_t kDeflateRatio = 1032;

uint64_t timesDeflate(uint64_t bytes) {
    uint64_t bound = 0;
    return __builtin_mul_overflow(bytes, kDeflateRatio, &bound) ? UINT64_MAX : bound;
}

}  // namespace

std::optional<uint64_t> payloadBytesAtMost(const std::string& path) {
    std::error_code ec;
    const uint64_t fileSize = std::filesystem::file_size(path, ec);
    if (ec) {
        return std::nullopt;
    }
    const Head head = headOf(path);
    const std::string& name = head.lowerCaseName;
    if (endsWith(name, ".gz")) {
        return timesDeflate(fileSize);
    }
    if (endsWith(name, ".nrrd") || endsWith(name, ".nhdr")) {
        bool gzip = false;
        std::optional<std::string> dataFile;
        for (const auto& [key, value] : nrrdHeader(head.bytes).fields) {
            const std::string lower = trimmedLower(value);
            gzip = gzip || (key == "encoding" && (lower == "gzip" || lower == "gz"));
            if (key == "data file" || key == "datafile") {
                dataFile = value;
            }
        }
        if (dataFile) {
            // One detached data file (a list or pattern is refused before): its size bounds the
            // voxels, 0 when it is not there.
            std::error_code missing;
            const uint64_t size = std::filesystem::file_size(
                std::filesystem::path(path).parent_path() / *dataFile, missing);
            return missing ? 0 : gzip ? timesDeflate(size) : size;
        }
        return gzip ? std::optional<uint64_t>(timesDeflate(fileSize)) : std::nullopt;
    }
    if (!endsWith(name, ".mha") && !endsWith(name, ".mhd")) {
        return std::nullopt;
    }
    bool compressed = false;
    for (const MetaImageLine& line : metaImageHeader(head.bytes).lines) {
        if (line.key == "compresseddata") {
            compressed = trimmedLower(line.value) == "true";
        } else if (line.key == "elementdatafile") {
            if (trimmedLower(line.value) == "local") {
                return compressed ? std::optional<uint64_t>(timesDeflate(fileSize)) : std::nullopt;
            }
            const std::filesystem::path data =
                std::filesystem::path(path).parent_path() / line.value;
            const uint64_t size = std::filesystem::file_size(data, ec);
            if (ec) {
                return 0;  // not there: no voxels at all
            }
            return compressed ? timesDeflate(size) : size;
        }
    }
    return std::nullopt;
}

}  // namespace logonet
