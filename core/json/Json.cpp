#include "json/Json.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

namespace logonet {

namespace {

const char* typeName(Json::Type type) {
    switch (type) {
        case Json::Type::Null:
            return "null";
        case Json::Type::Bool:
            return "a boolean";
        case Json::Type::Number:
            return "a number";
        case Json::Type::String:
            return "a string";
        case Json::Type::Array:
            return "an array";
        case Json::Type::Object:
            return "an object";
    }
    return "?";
}

void dumpString(std::string& out, const std::string& s) {
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

// std::to_chars ignores the locale (printf would write "0,1" under a German one) and gives the
// shortest text that reads back as the same double.
void dumpNumber(std::string& out, double number) {
    if (!std::isfinite(number)) {
        out += "null";  // JSON has no NaN or infinity
        return;
    }
    char buffer[32];
    std::to_chars_result written;
    // Whole numbers (counts, steps, sizes) stay plain digits rather than "1e+15"; -0.0 takes the
    // double path so that its sign survives.
    const bool negativeZero = number == 0.0 && std::signbit(number);
    if (number == std::floor(number) && std::abs(number) < 9.0e15 && !negativeZero) {
        written = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(number));
    } else {
        written = std::to_chars(buffer, buffer + sizeof buffer, number);
    }
    // 32 bytes hold any double's shortest form (at most 24 characters).
    if (written.ec != std::errc()) {
        throw JsonError("cannot write a number");
    }
    out.append(buffer, written.ptr);
}

void newline(std::string& out, int indent, int depth) {
    if (indent >= 0) {
        out += '\n';
        out.append(static_cast<size_t>(indent * depth), ' ');
    }
}

}  // namespace

Json::Json(Array value) : type_(Type::Array), array_(std::make_unique<Array>(std::move(value))) {}
Json::Json(Object value)
    : type_(Type::Object), object_(std::make_unique<Object>(std::move(value))) {}

Json::Json(const Json& other)
    : type_(other.type_), bool_(other.bool_), number_(other.number_), string_(other.string_) {
    if (other.array_) {
        array_ = std::make_unique<Array>(*other.array_);
    }
    if (other.object_) {
        object_ = std::make_unique<Object>(*other.object_);
    }
}

Json& Json::operator=(const Json& other) {
    if (this != &other) {
        Json copy(other);
        *this = std::move(copy);
    }
    return *this;
}

std::string Json::dump(int indent) const {
    std::string out;
    dumpTo(out, indent, 0);
    return out;
}

void Json::dumpTo(std::string& out, int indent, int depth) const {
    switch (type_) {
        case Type::Null:
            out += "null";
            break;
        case Type::Bool:
            out += bool_ ? "true" : "false";
            break;
        case Type::Number:
            dumpNumber(out, number_);
            break;
        case Type::String:
            dumpString(out, string_);
            break;
        case Type::Array: {
            out += '[';
            bool first = true;
            for (const Json& item : *array_) {
                if (!first) {
                    out += ',';
                }
                first = false;
                newline(out, indent, depth + 1);
                item.dumpTo(out, indent, depth + 1);
            }
            if (!array_->empty()) {
                newline(out, indent, depth);
            }
            out += ']';
            break;
        }
        case Type::Object: {
            out += '{';
            bool first = true;
            for (const auto& [key, item] : *object_) {
                if (!first) {
                    out += ',';
                }
                first = false;
                newline(out, indent, depth + 1);
                dumpString(out, key);
                out += indent >= 0 ? ": " : ":";
                item.dumpTo(out, indent, depth + 1);
            }
            if (!object_->empty()) {
                newline(out, indent, depth);
            }
            out += '}';
            break;
        }
    }
}

bool Json::asBool() const {
    if (type_ != Type::Bool) {
        throw JsonError(std::string("expected a boolean, found ") + typeName(type_));
    }
    return bool_;
}

double Json::asNumber() const {
    if (type_ != Type::Number) {
        throw JsonError(std::string("expected a number, found ") + typeName(type_));
    }
    return number_;
}

int64_t Json::asInt() const {
    return static_cast<int64_t>(std::llround(asNumber()));
}

const std::string& Json::asString() const {
    if (type_ != Type::String) {
        throw JsonError(std::string("expected a string, found ") + typeName(type_));
    }
    return string_;
}

const Json::Array& Json::asArray() const {
    if (type_ != Type::Array) {
        throw JsonError(std::string("expected an array, found ") + typeName(type_));
    }
    return *array_;
}

Json::Array& Json::asArray() {
    if (type_ != Type::Array) {
        throw JsonError(std::string("expected an array, found ") + typeName(type_));
    }
    return *array_;
}

const Json::Object& Json::asObject() const {
    if (type_ != Type::Object) {
        throw JsonError(std::string("expected an object, found ") + typeName(type_));
    }
    return *object_;
}

Json::Object& Json::asObject() {
    if (type_ != Type::Object) {
        throw JsonError(std::string("expected an object, found ") + typeName(type_));
    }
    return *object_;
}

Json& Json::operator[](const std::string& key) {
    if (type_ == Type::Null) {
        *this = object();
    }
    return asObject()[key];
}

const Json& Json::at(const std::string& key) const {
    const Object& members = asObject();
    const auto found = members.find(key);
    if (found == members.end()) {
        throw JsonError("missing key \"" + key + "\"");
    }
    return found->second;
}

bool Json::contains(const std::string& key) const {
    return type_ == Type::Object && object_->count(key) > 0;
}

double Json::value(const std::string& key, double fallback) const {
    return contains(key) && !at(key).isNull() ? at(key).asNumber() : fallback;
}
int64_t Json::value(const std::string& key, int64_t fallback) const {
    return contains(key) && !at(key).isNull() ? at(key).asInt() : fallback;
}
int Json::value(const std::string& key, int fallback) const {
    return static_cast<int>(value(key, static_cast<int64_t>(fallback)));
}
bool Json::value(const std::string& key, bool fallback) const {
    return contains(key) && !at(key).isNull() ? at(key).asBool() : fallback;
}
std::string Json::value(const std::string& key, const std::string& fallback) const {
    return contains(key) && !at(key).isNull() ? at(key).asString() : fallback;
}
std::string Json::value(const std::string& key, const char* fallback) const {
    return value(key, std::string(fallback));
}

void Json::push_back(Json value) {
    if (type_ == Type::Null) {
        *this = array();
    }
    asArray().push_back(std::move(value));
}

size_t Json::size() const {
    if (type_ == Type::Array) {
        return array_->size();
    }
    if (type_ == Type::Object) {
        return object_->size();
    }
    return 0;
}

const Json& Json::operator[](size_t index) const {
    const Array& items = asArray();
    if (index >= items.size()) {
        throw JsonError("array index " + std::to_string(index) + " out of range");
    }
    return items[index];
}

bool Json::operator==(const Json& other) const {
    if (type_ != other.type_) {
        return false;
    }
    switch (type_) {
        case Type::Null:
            return true;
        case Type::Bool:
            return bool_ == other.bool_;
        case Type::Number:
            return number_ == other.number_;
        case Type::String:
            return string_ == other.string_;
        case Type::Array:
            return *array_ == *other.array_;
        case Type::Object:
            return *object_ == *other.object_;
    }
    return false;
}

}  // namespace logonet
