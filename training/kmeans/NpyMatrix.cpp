#include "kmeans/NpyMatrix.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <stdexcept>
#include <vector>

#include "fs/DurableFile.h"

namespace logonet::training {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw std::runtime_error(path + ": " + what);
}

// A matrix header is under 128 bytes; numpy itself refuses headers over 10000 bytes. The bound
// keeps a hostile length field from making us allocate gigabytes before reading anything.
constexpr uint32_t kMaxHeaderLength = 65536;

// The header as a message shows it: shortened, with bytes that are not printable ASCII escaped.
std::string printable(const std::string& header) {
    constexpr size_t kLongest = 200;
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (size_t n = 0; n < header.size() && n < kLongest; ++n) {
        const auto byte = static_cast<unsigned char>(header[n]);
        if (byte >= 0x20 && byte < 0x7F) {
            out += header[n];
        } else if (byte == '\n') {
            out += "\\n";
        } else {
            out += std::string("\\x") + digits[byte >> 4] + digits[byte & 0xF];
        }
    }
    if (header.size() > kLongest) {
        out += "...";
    }
    return out;
}

struct NpyHeader {
    std::string descr;
    bool fortranOrder = false;
    std::vector<int64_t> shape;
};

// Reads the header's Python dictionary literal, {'descr': '<f4', 'fortran_order': False,
// 'shape': (3, 4), }, by its grammar rather than by searching for substrings, so that a value
// hidden in another key, a repeated key or a negative or oversized dimension cannot pass.
class HeaderParser {
  public:
    HeaderParser(const std::string& path, const std::string& text) : path_(path), text_(text) {}

    NpyHeader parse() {
        NpyHeader header;
        bool seenDescr = false, seenOrder = false, seenShape = false;
        skipSpace();
        expect('{');
        skipSpace();
        while (!peek('}')) {
            const size_t keyAt = pos_;
            const std::string key = parseString();
            skipSpace();
            expect(':');
            skipSpace();
            if (key == "descr" && !seenDescr) {
                header.descr = parseString();
                seenDescr = true;
            } else if (key == "fortran_order" && !seenOrder) {
                header.fortranOrder = parseBool();
                seenOrder = true;
            } else if (key == "shape" && !seenShape) {
                header.shape = parseShape();
                seenShape = true;
            } else if (key == "descr" || key == "fortran_order" || key == "shape") {
                failAt(keyAt, "key '" + key + "' given twice");
            } else {
                failAt(keyAt, "unknown key '" + key + "'");
            }
            skipSpace();
            if (peek(',')) {
                ++pos_;
                skipSpace();
            } else if (!peek('}')) {
                fail("expected ',' or '}'");
            }
        }
        ++pos_;
        // numpy pads the header with spaces and ends it with a newline.
        skipSpace();
        if (pos_ != text_.size()) {
            fail("unexpected text after the dictionary");
        }
        if (!seenDescr || !seenOrder || !seenShape) {
            fail(std::string("missing key '") +
                 (!seenDescr   ? "descr"
                  : !seenOrder ? "fortran_order"
                               : "shape") +
                 "'");
        }
        return header;
    }

  private:
    [[noreturn]] void fail(const std::string& what) const { failAt(pos_, what); }

    [[noreturn]] void failAt(size_t at, const std::string& what) const {
        logonet::training::fail(path_, "bad .npy header: " + what + " at byte " +
                                           std::to_string(at) + " of the header (" +
                                           printable(text_) + ")");
    }

    bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

    void expect(char c) {
        if (!peek(c)) {
            fail(std::string("expected '") + c + "'");
        }
        ++pos_;
    }

    void skipSpace() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\r' || text_[pos_] == '\t')) {
            ++pos_;
        }
    }

    // A quoted string without escapes: numpy's keys and dtype strings never hold any.
    std::string parseString() {
        if (!peek('\'') && !peek('"')) {
            fail("expected a quoted string");
        }
        const char quote = text_[pos_++];
        const size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != quote) {
            if (text_[pos_] == '\\' || static_cast<unsigned char>(text_[pos_]) < 0x20) {
                fail("unexpected character in a string");
            }
            ++pos_;
        }
        if (pos_ >= text_.size()) {
            failAt(start - 1, "unterminated string");
        }
        return text_.substr(start, pos_++ - start);
    }

    bool parseBool() {
        if (text_.compare(pos_, 4, "True") == 0) {
            pos_ += 4;
            return true;
        }
        if (text_.compare(pos_, 5, "False") == 0) {
            pos_ += 5;
            return false;
        }
        fail("expected True or False");
    }

    // A tuple of non-negative integers: (), (5,), (5, 3) or (5, 3,).
    std::vector<int64_t> parseShape() {
        expect('(');
        std::vector<int64_t> shape;
        bool comma = false;
        skipSpace();
        while (!peek(')')) {
            if (shape.size() >= 32) {
                fail("more than 32 dimensions");
            }
            shape.push_back(parseDimension());
            skipSpace();
            comma = peek(',');
            if (comma) {
                ++pos_;
                skipSpace();
            } else if (!peek(')')) {
                fail("expected ',' or ')' in the shape");
            }
        }
        // Python writes a one-element tuple as (5,): "(5)" is an integer, not a shape.
        if (shape.size() == 1 && !comma) {
            fail("expected a tuple for the shape");
        }
        ++pos_;
        return shape;
    }

    int64_t parseDimension() {
        const size_t start = pos_;
        if (pos_ >= text_.size() || text_[pos_] < '0' || text_[pos_] > '9') {
            fail("expected a non-negative integer dimension");
        }
        int64_t value = 0;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
            const int digit = text_[pos_] - '0';
            if (value > (std::numeric_limits<int64_t>::max() - digit) / 10) {
                failAt(start, "dimension too large");
            }
            value = value * 10 + digit;
            ++pos_;
        }
        return value;
    }

    const std::string& path_;
    const std::string& text_;
    size_t pos_ = 0;
};

std::optional<int64_t> multiply(int64_t a, int64_t b) {
    int64_t product = 0;
    if (__builtin_mul_overflow(a, b, &product)) {
        return std::nullopt;
    }
    return product;
}

}  // namespace

torch::Tensor readNpyMatrix(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail(path, "cannot open the file");
    }
    in.seekg(0, std::ios::end);
    const std::streamoff fileSize = in.tellg();
    in.seekg(0, std::ios::beg);
    if (fileSize < 0 || !in) {
        fail(path, "cannot read the file's size");
    }
    char magic[8] = {};
    in.read(magic, 8);
    if (!in || std::memcmp(magic, "\x93NUMPY", 6) != 0) {
        fail(path, "not a .npy file (bad magic bytes)");
    }
    const int major = static_cast<unsigned char>(magic[6]);
    const int minor = static_cast<unsigned char>(magic[7]);
    uint32_t headerLength = 0;
    int lengthBytes = 0;
    if (major == 1 && minor == 0) {
        unsigned char bytes[2] = {};
        in.read(reinterpret_cast<char*>(bytes), 2);
        headerLength = bytes[0] | (bytes[1] << 8);
        lengthBytes = 2;
    } else if ((major == 2 || major == 3) && minor == 0) {
        unsigned char bytes[4] = {};
        in.read(reinterpret_cast<char*>(bytes), 4);
        headerLength = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (uint32_t(bytes[3]) << 24);
        lengthBytes = 4;
    } else {
        fail(path,
             "unsupported .npy version " + std::to_string(major) + "." + std::to_string(minor));
    }
    if (!in) {
        fail(path, "truncated header length");
    }
    const int64_t dataOffset = 8 + lengthBytes + static_cast<int64_t>(headerLength);
    if (headerLength > kMaxHeaderLength) {
        fail(path, "header length " + std::to_string(headerLength) + " is over the limit of " +
                       std::to_string(kMaxHeaderLength) + " bytes");
    }
    if (dataOffset > fileSize) {
        fail(path, "truncated header: it claims " + std::to_string(headerLength) +
                       " bytes but the file has " + std::to_string(fileSize) + " bytes in all");
    }
    std::string text(headerLength, '\0');
    in.read(text.data(), headerLength);
    if (!in) {
        fail(path, "truncated header");
    }
    const NpyHeader header = HeaderParser(path, text).parse();
    if (header.descr != "<f4") {
        fail(path,
             "expected float32 data ('<f4'), the file holds '" + printable(header.descr) + "'");
    }
    if (header.fortranOrder) {
        fail(path, "expected C-order data (save with numpy.ascontiguousarray)");
    }
    if (header.shape.size() != 2) {
        fail(path, "expected a 2-D matrix, the shape has " + std::to_string(header.shape.size()) +
                       " dimensions");
    }
    const int64_t rows = header.shape[0];
    const int64_t columns = header.shape[1];
    const std::string size = std::to_string(rows) + " x " + std::to_string(columns);
    // Checked against the file before allocating, so that a header cannot request more memory
    // than the data the file really holds.
    const auto count = multiply(rows, columns);
    const auto bytes = count ? multiply(*count, int64_t{sizeof(float)}) : std::nullopt;
    if (!bytes || *bytes > std::numeric_limits<int64_t>::max() - dataOffset) {
        fail(path, "shape " + size + " is too large (the element count overflows)");
    }
    const int64_t expectedSize = dataOffset + *bytes;
    if (fileSize < expectedSize) {
        fail(path, "truncated data: the shape " + size + " needs " + std::to_string(*bytes) +
                       " bytes of float32 values but the file has " +
                       std::to_string(fileSize - dataOffset));
    }
    if (fileSize > expectedSize) {
        fail(path, std::to_string(fileSize - expectedSize) +
                       " unexpected bytes after the data of the shape " + size);
    }
    auto matrix = torch::empty({rows, columns}, torch::kFloat32);
    in.read(reinterpret_cast<char*>(matrix.data_ptr<float>()),
            static_cast<std::streamsize>(*bytes));
    if (in.gcount() != static_cast<std::streamsize>(*bytes)) {
        fail(path, "truncated data: expected " + size + " float32 values");
    }
    return matrix;
}

void writeNpyMatrix(const std::string& path, const torch::Tensor& matrix) {
    const auto data = matrix.to(torch::kCPU, torch::kFloat32).contiguous();
    if (data.dim() != 2) {
        throw std::invalid_argument("writeNpyMatrix needs a 2-D tensor");
    }
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" +
                         std::to_string(data.size(0)) + ", " + std::to_string(data.size(1)) +
                         "), }";
    // Data starts on a 64-byte boundary: 10 bytes of preamble, header padded with spaces + '\n'.
    const size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header.push_back('\n');
    writeFileDurably(path, [&](const std::string& temporary) {
        std::ofstream out(temporary, std::ios::binary);
        if (!out) {
            fail(path, "cannot create the file");
        }
        out.write("\x93NUMPY\x01\x00", 8);
        const uint16_t length = static_cast<uint16_t>(header.size());
        const unsigned char bytes[2] = {static_cast<unsigned char>(length & 0xff),
                                        static_cast<unsigned char>(length >> 8)};
        out.write(reinterpret_cast<const char*>(bytes), 2);
        out.write(header.data(), static_cast<std::streamsize>(header.size()));
        out.write(reinterpret_cast<const char*>(data.data_ptr<float>()),
                  static_cast<std::streamsize>(data.numel() * sizeof(float)));
        out.close();
        if (!out) {
            fail(path, "write failed");
        }
    });
}

}  // namespace logonet::training
