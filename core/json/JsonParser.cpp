#include <charconv>
#include <cstdint>
#include <string>
#include <system_error>

#include "json/Json.h"

namespace logonet {

namespace {

// Recursion is bounded by this many open arrays and objects, so that hostile input (a file of
// '[') is refused with a message instead of overflowing the stack. Our files nest a few levels.
constexpr int kMaxDepth = 256;

// Recursive-descent reader of one JSON document; errors name the line and column.
class Parser {
  public:
    explicit Parser(const std::string& text) : text_(text) {}

    Json parseDocument() {
        Json value = parseValue();
        skipSpace();
        if (pos_ != text_.size()) {
            fail("unexpected text after the JSON value");
        }
        return value;
    }

  private:
    [[noreturn]] void fail(const std::string& what) const { failAt(pos_, what); }

    [[noreturn]] void failAt(size_t offset, const std::string& what) const {
        size_t line = 1, column = 1;
        for (size_t n = 0; n < offset && n < text_.size(); ++n) {
            if (text_[n] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw JsonError(what + " at line " + std::to_string(line) + ", column " +
                        std::to_string(column) + " (offset " + std::to_string(offset) + ")");
    }

    // Counts the arrays and objects open around the value being read.
    class DepthGuard {
      public:
        explicit DepthGuard(Parser& parser) : parser_(parser) {
            if (++parser_.depth_ > kMaxDepth) {
                parser_.fail("arrays and objects nested " + std::to_string(parser_.depth_) +
                             " deep (the limit is " + std::to_string(kMaxDepth) + ")");
            }
        }
        ~DepthGuard() { --parser_.depth_; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;

      private:
        Parser& parser_;
    };

    bool isDigit(size_t at) const {
        return at < text_.size() && text_[at] >= '0' && text_[at] <= '9';
    }

    // ASCII only: <cctype> follows the C locale, which must not change what is read.
    static char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
    static bool isWordCharacter(char c) {
        return (lower(c) >= 'a' && lower(c) <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    // Case-insensitive match of `word` (lower case) at `at`, for naming the non-JSON spellings of
    // NaN and infinity that other writers produce.
    bool looksLike(size_t at, const char* word) const {
        for (size_t n = 0; word[n] != '\0'; ++n) {
            if (at + n >= text_.size() || lower(text_[at + n]) != word[n]) {
                return false;
            }
        }
        return true;
    }

    bool looksLikeNonFinite(size_t at) const {
        return looksLike(at, "nan") || looksLike(at, "inf");
    }

    // Names a character in a message; control and non-ASCII bytes would garble it.
    static std::string describe(char c) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7F) {
            return std::string("'") + c + "'";
        }
        static const char digits[] = "0123456789abcdef";
        return std::string("byte 0x") + digits[byte >> 4] + digits[byte & 0xF];
    }

    void skipSpace() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\r' || text_[pos_] == '\t')) {
            ++pos_;
        }
    }

    bool consume(const char* word) {
        size_t n = 0;
        while (word[n] != '\0') {
            if (pos_ + n >= text_.size() || text_[pos_ + n] != word[n]) {
                return false;
            }
            ++n;
        }
        pos_ += n;
        return true;
    }

    Json parseValue() {
        skipSpace();
        if (pos_ >= text_.size()) {
            fail("unexpected end of JSON");
        }
        const char c = text_[pos_];
        if (c == '{') {
            return parseObject();
        }
        if (c == '[') {
            return parseArray();
        }
        if (c == '"') {
            return Json(parseString());
        }
        if (consume("true")) {
            return Json(true);
        }
        if (consume("false")) {
            return Json(false);
        }
        if (consume("null")) {
            return Json();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return parseNumber();
        }
        if (c == '+') {
            fail("a number must not start with '+'");
        }
        if (looksLikeNonFinite(pos_)) {
            fail("NaN and infinity are not JSON numbers");
        }
        fail("unexpected " + describe(c));
    }

    // Reads exactly JSON's number grammar, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, and
    // converts it with std::from_chars: strtod would also take hex, "inf" and "nan", and it reads
    // the decimal separator of the C locale, so "0.1" became 0 under a German locale.
    Json parseNumber() {
        const size_t start = pos_;
        if (text_[pos_] == '-') {
            ++pos_;
            if (looksLikeNonFinite(pos_)) {
                failAt(start, "NaN and infinity are not JSON numbers");
            }
            if (!isDigit(pos_)) {
                fail("malformed number: expected a digit after '-'");
            }
        }
        // Decimal exponent of the first significant digit, to tell overflow from underflow.
        int64_t magnitude = 0;
        bool significant = false;
        if (text_[pos_] == '0') {
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == 'x' || text_[pos_] == 'X')) {
                failAt(start, "hexadecimal numbers are not JSON");
            }
            if (isDigit(pos_)) {
                fail("malformed number: leading zeros are not allowed");
            }
        } else {
            significant = true;
            while (isDigit(pos_)) {
                ++pos_;
                ++magnitude;
            }
        }
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            if (!isDigit(pos_)) {
                fail("malformed number: expected a digit after '.'");
            }
            while (isDigit(pos_)) {
                if (!significant && text_[pos_] == '0') {
                    --magnitude;
                } else {
                    significant = true;
                }
                ++pos_;
            }
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            bool negative = false;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
                negative = text_[pos_] == '-';
                ++pos_;
            }
            if (!isDigit(pos_)) {
                fail("malformed number: expected a digit in the exponent");
            }
            int64_t exponent = 0;
            while (isDigit(pos_)) {
                // Saturates: any exponent this large is far outside a double's range anyway.
                if (exponent < 1'000'000'000) {
                    exponent = exponent * 10 + (text_[pos_] - '0');
                }
                ++pos_;
            }
            magnitude += negative ? -exponent : exponent;
        }
        if (pos_ < text_.size() && (isWordCharacter(text_[pos_]) || text_[pos_] == '.')) {
            fail("malformed number: unexpected " + describe(text_[pos_]));
        }
        const char* first = text_.data() + start;
        const char* last = text_.data() + pos_;
        double value = 0.0;
        const auto [end, error] = std::from_chars(first, last, value);
        if (error == std::errc::result_out_of_range) {
            if (significant && magnitude > 0) {
                failAt(start, "number " + excerpt(start) + " is too large for a double");
            }
            // Closer to zero than the smallest double: zero is the nearest value, as strtod
            // would give.
            value = text_[start] == '-' ? -0.0 : 0.0;
        } else if (error != std::errc() || end != last) {
            failAt(start, "malformed number " + excerpt(start));
        }
        return Json(value);
    }

    // The number from `start` to the read position, shortened for a message.
    std::string excerpt(size_t start) const {
        constexpr size_t kLongest = 40;
        const size_t length = pos_ - start;
        if (length <= kLongest) {
            return text_.substr(start, length);
        }
        return text_.substr(start, kLongest) + "... (" + std::to_string(length) + " characters)";
    }

    static void appendUtf8(std::string& out, unsigned code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    unsigned parseHex4() {
        if (pos_ + 4 > text_.size()) {
            fail("truncated \\u escape");
        }
        unsigned code = 0;
        for (int n = 0; n < 4; ++n) {
            const char h = text_[pos_++];
            code <<= 4;
            if (h >= '0' && h <= '9') {
                code |= static_cast<unsigned>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                code |= static_cast<unsigned>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                code |= static_cast<unsigned>(h - 'A' + 10);
            } else {
                fail("bad \\u escape");
            }
        }
        return code;
    }

    std::string parseString() {
        ++pos_;  // opening quote
        std::string out;
        while (true) {
            if (pos_ >= text_.size()) {
                fail("unterminated string");
            }
            const char c = text_[pos_++];
            if (c == '"') {
                return out;
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size()) {
                fail("unterminated escape");
            }
            const char e = text_[pos_++];
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    unsigned code = parseHex4();
                    if (code >= 0xD800 && code < 0xDC00 && consume("\\u")) {
                        const unsigned low = parseHex4();
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    appendUtf8(out, code);
                    break;
                }
                default:
                    fail("unknown escape");
            }
        }
    }

    Json parseArray() {
        const DepthGuard guard(*this);
        ++pos_;
        Json result = Json::array();
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == ']') {
            ++pos_;
            return result;
        }
        while (true) {
            result.push_back(parseValue());
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] == ']') {
                ++pos_;
                return result;
            }
            fail("expected ',' or ']'");
        }
    }

    Json parseObject() {
        const DepthGuard guard(*this);
        ++pos_;
        Json result = Json::object();
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == '}') {
            ++pos_;
            return result;
        }
        while (true) {
            skipSpace();
            if (pos_ >= text_.size() || text_[pos_] != '"') {
                fail("expected a quoted key");
            }
            std::string key = parseString();
            skipSpace();
            if (pos_ >= text_.size() || text_[pos_] != ':') {
                fail("expected ':'");
            }
            ++pos_;
            result[key] = parseValue();
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] == '}') {
                ++pos_;
                return result;
            }
            fail("expected ',' or '}'");
        }
    }

    const std::string& text_;
    size_t pos_ = 0;
    int depth_ = 0;
};

}  // namespace

Json Json::parse(const std::string& text) {
    return Parser(text).parseDocument();
}

}  // namespace logonet
