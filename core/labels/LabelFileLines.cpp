#include "labels/LabelFileLines.h"

#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

#include "fs/DurableFile.h"
#include "labels/LabelFileError.h"

namespace logonet {

LabelFileLines::LabelFileLines(std::string path) : path_(std::move(path)) {
    std::ifstream in(path_);
    if (!in) {
        throw LabelFileError(path_ + ": cannot be read: " + std::strerror(errno));
    }
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();  // files written on Windows
        }
        lines_.push_back(line);
    }
}

bool LabelFileLines::next(std::string& line) {
    while (current_ < lines_.size()) {
        line = lines_[current_++];
        const size_t first = line.find_first_not_of(" \t");
        if (first != std::string::npos && line[first] != '#') {
            return true;
        }
    }
    return false;
}

void LabelFileLines::fail(const std::string& what) const {
    throw LabelFileError(path_ + ":" + std::to_string(current_) + ": " + what);
}

int64_t LabelFileLines::integer(const std::string& token, const std::string& what, int64_t low,
                                int64_t high) const {
    int64_t value = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (error != std::errc() || end != token.data() + token.size()) {
        fail(what + " '" + token + "' is not a whole number");
    }
    if (value < low || value > high) {
        fail(what + " " + token + " is outside " + std::to_string(low) + ".." +
             std::to_string(high));
    }
    return value;
}

double LabelFileLines::number(const std::string& token, const std::string& what, double low,
                              double high) const {
    double value = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (error != std::errc() || end != token.data() + token.size()) {
        fail(what + " '" + token + "' is not a number");
    }
    if (!(value >= low && value <= high)) {
        std::ostringstream range;
        range << low << ".." << high;
        fail(what + " " + token + " is outside " + range.str());
    }
    return value;
}

std::array<unsigned char, 3> LabelFileLines::colour(const std::vector<std::string>& tokens,
                                                    size_t first) const {
    std::array<unsigned char, 3> colour{};
    const char* const components[3] = {"red", "green", "blue"};
    for (size_t c = 0; c < 3; ++c) {
        colour[c] = static_cast<unsigned char>(
            integer(tokens[first + c], std::string(components[c]) + " component", 0, 255));
    }
    return colour;
}

void LabelFileLines::add(int64_t value, const std::string& name,
                         const std::array<unsigned char, 3>& colour) {
    if (value == 0) {
        return;
    }
    for (const LabelEntry& entry : entries_) {
        if (entry.value == value) {
            fail("value " + std::to_string(value) + " is listed twice");
        }
    }
    if (name.empty()) {
        fail("value " + std::to_string(value) + " has no name");
    }
    entries_.push_back({static_cast<LabelValue>(value), name, colour});
}

std::vector<std::string> splitWords(const std::string& text) {
    std::istringstream fields(text);
    std::vector<std::string> words;
    for (std::string word; fields >> word;) {
        words.push_back(word);
    }
    return words;
}

void writeLabelFile(const std::string& path, const std::string& text) {
    try {
        writeFileDurably(path, text);
    } catch (const DurableWriteError& error) {
        throw LabelFileError(error.what());
    }
}

}  // namespace logonet
