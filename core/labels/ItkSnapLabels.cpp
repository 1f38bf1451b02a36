#include "labels/ItkSnapLabels.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "labels/LabelFileLines.h"

namespace logonet {

LabelSet readItkSnapLabels(const std::string& path) {
    LabelFileLines lines(path);
    std::string line;
    while (lines.next(line)) {
        // The name is the quoted rest of the line and may hold spaces: split it off first.
        const size_t open = line.find('"');
        const size_t close = open == std::string::npos ? open : line.find('"', open + 1);
        if (open == std::string::npos || close == std::string::npos) {
            lines.fail("expected IDX R G B A VIS MSH \"LABEL\" (the name in double quotes)");
        }
        if (line.find_first_not_of(" \t", close + 1) != std::string::npos) {
            lines.fail("text after the quoted label name");
        }
        const std::vector<std::string> tokens = splitWords(line.substr(0, open));
        if (tokens.size() != 7) {
            lines.fail("expected 7 numbers (IDX R G B A VIS MSH) before the name, found " +
                       std::to_string(tokens.size()));
        }
        const int64_t value = lines.integer(tokens[0], "index", 0, 65535);
        const std::array<unsigned char, 3> colour = lines.colour(tokens, 1);
        lines.number(tokens[4], "opacity", 0.0, 1.0);
        lines.integer(tokens[5], "visibility", 0, 1);
        lines.integer(tokens[6], "mesh visibility", 0, 1);
        lines.add(value, line.substr(open + 1, close - open - 1), colour);
    }
    return lines.labels();
}

void writeItkSnapLabels(const LabelSet& labels, const std::string& path) {
    std::string text =
        "################################################\n"
        "# ITK-SnAP Label Description File\n"
        "# File format:\n"
        "# IDX   -R-  -G-  -B-  -A--  VIS MSH  LABEL\n"
        "# Written by LoGoNet\n"
        "################################################\n"
        "    0     0    0    0        0  0  0    \"Clear Label\"\n";
    for (const LabelEntry& entry : labels.entries()) {
        char row[64];
        std::snprintf(row, sizeof row, "%5d   %3d  %3d  %3d        1  1  1    \"",
                      static_cast<int>(entry.value), entry.colour[0], entry.colour[1],
                      entry.colour[2]);
        // The format has no escape for a double quote inside a name.
        std::string name = entry.name;
        std::replace(name.begin(), name.end(), '"', '\'');
        text += row + name + "\"\n";
    }
    writeLabelFile(path, text);
}

}  // namespace logonet
