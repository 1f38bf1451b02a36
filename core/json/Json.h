#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace logonet {

class JsonError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A small JSON value for config files, events and manifests. The engine must build with LibTorch
// alone (no Qt, no third-party JSON library on a bare GPU server), hence our own.
class Json {
  public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    using Array = std::vector<Json>;
    using Object = std::map<std::string, Json>;

    Json() = default;
    Json(std::nullptr_t) {}
    Json(bool value) : type_(Type::Bool), bool_(value) {}
    Json(int value) : type_(Type::Number), number_(value) {}
    Json(int64_t value) : type_(Type::Number), number_(static_cast<double>(value)) {}
    Json(size_t value) : type_(Type::Number), number_(static_cast<double>(value)) {}
    Json(double value) : type_(Type::Number), number_(value) {}
    Json(const char* value) : type_(Type::String), string_(value) {}
    Json(std::string value) : type_(Type::String), string_(std::move(value)) {}
    Json(Array value);
    Json(Object value);
    Json(const Json& other);
    Json(Json&& other) noexcept = default;
    Json& operator=(const Json& other);
    Json& operator=(Json&& other) noexcept = default;
    ~Json() = default;

    static Json array() { return Json(Array{}); }
    static Json object() { return Json(Object{}); }

    // Throws JsonError with the line, column and offset of the first problem. Files may come from
    // another machine, so the grammar is strict: numbers as RFC 8259 spells them (no hex, '+',
    // NaN or infinity; one too large for a double is refused), at most 256 nested arrays and
    // objects. Numbers are read the same in every locale.
    static Json parse(const std::string& text);
    // Compact single-line text (for JSON lines) or indented with `indent` spaces. Numbers are
    // written independently of the locale, in the shortest form that parses back to the same
    // double; NaN and infinity, which JSON cannot hold, become null.
    std::string dump(int indent = -1) const;

    Type type() const { return type_; }
    bool isNull() const { return type_ == Type::Null; }
    bool isBool() const { return type_ == Type::Bool; }
    bool isNumber() const { return type_ == Type::Number; }
    bool isString() const { return type_ == Type::String; }
    bool isArray() const { return type_ == Type::Array; }
    bool isObject() const { return type_ == Type::Object; }

    // Typed access; throws JsonError naming the expected type.
    bool asBool() const;
    double asNumber() const;
    int64_t asInt() const;
    const std::string& asString() const;
    const Array& asArray() const;
    Array& asArray();
    const Object& asObject() const;
    Object& asObject();

    // Object access. operator[] on a null value turns it into an object.
    Json& operator[](const std::string& key);
    const Json& at(const std::string& key) const;  // throws JsonError naming the missing key
    bool contains(const std::string& key) const;
    // Member or `fallback` when absent or null.
    double value(const std::string& key, double fallback) const;
    int64_t value(const std::string& key, int64_t fallback) const;
    int value(const std::string& key, int fallback) const;
    bool value(const std::string& key, bool fallback) const;
    std::string value(const std::string& key, const std::string& fallback) const;
    std::string value(const std::string& key, const char* fallback) const;

    // Array access.
    void push_back(Json value);
    size_t size() const;
    const Json& operator[](size_t index) const;

    bool operator==(const Json& other) const;
    bool operator!=(const Json& other) const { return !(*this == other); }

  private:
    void dumpTo(std::string& out, int indent, int depth) const;

    Type type_ = Type::Null;
    bool bool_ = false;
    double number_ = 0.0;
    std::string string_;
    // Owned (deep-copied) so that copies never alias.
    std::unique_ptr<Array> array_;
    std::unique_ptr<Object> object_;
};

// Reads and parses a whole file; errors name the file.
Json readJsonFile(const std::string& path);
// Writes to a temporary file beside `path`, flushes it and renames it (fs/DurableFile.h), so a
// reader never sees half a file and a power cut leaves the old or the new one.
void writeJsonFileAtomically(const std::string& path, const Json& value, int indent = 2);

}  // namespace logonet
