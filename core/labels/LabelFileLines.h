#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "labels/LabelSet.h"

namespace logonet {

// What the two label file formats share: reading numbered lines, numbers in a range, and
// collecting entries with their values checked once.
class LabelFileLines {
  public:
    explicit LabelFileLines(std::string path);  // throws LabelFileError when unreadable

    // The next line that is neither blank nor a '#' comment; false at the end.
    bool next(std::string& line);
    // LabelFileError "path:N: what" for the current line.
    [[noreturn]] void fail(const std::string& what) const;
    int64_t integer(const std::string& token, const std::string& what, int64_t low,
                    int64_t high) const;
    double number(const std::string& token, const std::string& what, double low, double high) const;
    // Three components 0..255 from tokens[first], [first + 1], [first + 2].
    std::array<unsigned char, 3> colour(const std::vector<std::string>& tokens, size_t first) const;
    // Adds an entry (value 0 is background and skipped); a repeated value fails.
    void add(int64_t value, const std::string& name, const std::array<unsigned char, 3>& colour);
    LabelSet labels() const { return LabelSet(entries_); }

  private:
    std::string path_;
    std::vector<std::string> lines_;
    size_t current_ = 0;  // 1-based number of the line last returned
    std::vector<LabelEntry> entries_;
};

// The whitespace-separated words of `text`.
std::vector<std::string> splitWords(const std::string& text);

// Writes `text` to `path`, failing with LabelFileError naming the file.
void writeLabelFile(const std::string& path, const std::string& text);

}  // namespace logonet
