#include "io/DicomSlicePayload.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include <gdcmAttribute.h>
#include <gdcmReader.h>

namespace logonet {

namespace {

// A numeric attribute of the header, `fallback` when absent.
template <uint16_t Group, uint16_t Element>
uint64_t attributeOr(const gdcm::DataSet& data, uint64_t fallback) {
    if (!data.FindDataElement(gdcm::Tag(Group, Element))) {
        return fallback;
    }
    gdcm::Attribute<Group, Element> attribute;
    attribute.SetFromDataSet(data);
    const auto value = attribute.GetValue();
    return value > 0 ? static_cast<uint64_t>(value) : 0;
}

uint32_t littleEndian32(const char* bytes) {
    uint32_t value = 0;
    for (int n = 3; n >= 0; --n) {
        value = (value << 8) | static_cast<unsigned char>(bytes[n]);
    }
    return value;
}

// Offset of the first pixel byte: the first (7fe0,0010) element header in the file whose length
// is `declaredLength`, in explicit (tag, VR, 2 reserved, length) or implicit (tag, length) little
// endian. GDCM does not tell where the value starts, and the length makes a chance match inside
// an earlier value all but impossible. Reads only up to that header.
std::optional<uint64_t> pixelDataOffset(const std::string& file, uint32_t declaredLength) {
    std::ifstream in(file, std::ios::binary);
    const std::string tag("\xe0\x7f\x10\x00", 4);
    std::string window;
    uint64_t windowStart = 0;
    std::string chunk(64 * 1024, '\0');
    while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
        window.append(chunk.data(), static_cast<size_t>(in.gcount()));
        for (size_t at = window.find(tag); at != std::string::npos; at = window.find(tag, at + 1)) {
            if (at + 12 > window.size()) {
                break;  // the header continues in the next chunk
            }
            const bool explicitVr = std::isupper(static_cast<unsigned char>(window[at + 4])) &&
                                    std::isupper(static_cast<unsigned char>(window[at + 5])) &&
                                    window[at + 6] == 0 && window[at + 7] == 0;
            if (explicitVr && littleEndian32(window.data() + at + 8) == declaredLength) {
                return windowStart + at + 12;
            }
            if (littleEndian32(window.data() + at + 4) == declaredLength) {
                return windowStart + at + 8;
            }
        }
        // Keep the last bytes: a header may straddle two chunks.
        const size_t keep = std::min<size_t>(window.size(), 11);
        windowStart += window.size() - keep;
        window.erase(0, window.size() - keep);
    }
    return std::nullopt;
}

}  // namespace

std::string dicomSlicePayloadProblem(const std::string& file) {
    const gdcm::Tag pixelData(0x7fe0, 0x0010);
    gdcm::Reader reader;
    reader.SetFileName(file.c_str());
    if (!reader.ReadUpToTag(pixelData)) {
        return "not a DICOM file that can be read";
    }
    const gdcm::TransferSyntax syntax = reader.GetFile().GetHeader().GetDataSetTransferSyntax();
    const gdcm::DataSet& data = reader.GetFile().GetDataSet();
    if (!data.FindDataElement(pixelData)) {
        return "no pixel data";
    }
    const gdcm::VL declared = data.GetDataElement(pixelData).GetVL();
    if (syntax.IsEncapsulated() || declared.IsUndefined() ||
        syntax.GetSwapCode() != gdcm::SwapCode::LittleEndian) {
        return "";  // compressed or big endian: the decoder checks these itself
    }
    const uint64_t rows = attributeOr<0x0028, 0x0010>(data, 0);
    const uint64_t columns = attributeOr<0x0028, 0x0011>(data, 0);
    const uint64_t bits = attributeOr<0x0028, 0x0100>(data, 16);
    const uint64_t samples = std::min<uint64_t>(attributeOr<0x0028, 0x0002>(data, 1), 4);
    const uint64_t frames = std::min<uint64_t>(attributeOr<0x0028, 0x0008>(data, 1), 1u << 16);
    // Rows and columns are 16-bit, the other factors capped: no overflow.
    const uint64_t expected = rows * columns * samples * ((bits + 7) / 8) * frames;
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(file, ec);
    const std::optional<uint64_t> start = pixelDataOffset(file, static_cast<uint32_t>(declared));
    if (ec || !start) {
        return "";  // not where a plain file keeps it: left to the decoder
    }
    const uint64_t available = size > *start ? size - *start : 0;
    const uint64_t needed = std::max<uint64_t>(expected, static_cast<uint32_t>(declared));
    if (available < needed) {
        return "truncated: " + std::to_string(available) + " of the " + std::to_string(needed) +
               " pixel bytes of Rows " + std::to_string(rows) + " x Columns " +
               std::to_string(columns);
    }
    return "";
}

}  // namespace logonet
