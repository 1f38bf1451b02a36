#include "io/ItkMessage.h"

#include <cctype>

namespace logonet {

std::string oneLineItkMessage(const std::string& description) {
    std::string text = description;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.pop_back();
    }
    const auto newline = text.find_last_of('\n');
    std::string line = newline == std::string::npos ? text : text.substr(newline + 1);
    for (char& c : line) {
        if (c == '\r' || c == '\t') {
            c = ' ';
        }
    }
    return line.empty() ? "unknown ITK error" : line;
}

}  // namespace logonet
