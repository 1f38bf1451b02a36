#include "labels/SlicerColourTable.h"

#include <algorithm>
#include <sstream>

#include "labels/LabelFileLines.h"

namespace logonet {

LabelSet readSlicerColourTable(const std::string& path) {
    LabelFileLines lines(path);
    std::string line;
    while (lines.next(line)) {
        const std::vector<std::string> tokens = splitWords(line);
        if (tokens.size() != 6) {
            lines.fail("expected 6 fields (value name R G B A), found " +
                       std::to_string(tokens.size()));
        }
        const int64_t value = lines.integer(tokens[0], "value", 0, 65535);
        const std::array<unsigned char, 3> colour = lines.colour(tokens, 2);
        lines.integer(tokens[5], "opacity", 0, 255);
        std::string name = tokens[1];
        std::replace(name.begin(), name.end(), '_', ' ');
        lines.add(value, name, colour);
    }
    return lines.labels();
}

void writeSlicerColourTable(const LabelSet& labels, const std::string& path) {
    std::ostringstream text;
    text << "# Color table file " << path << "\n"
         << "# " << labels.size() + 1 << " values\n"
         << "0 background 0 0 0 0\n";
    for (const LabelEntry& entry : labels.entries()) {
        std::string name = entry.name;
        std::replace(name.begin(), name.end(), ' ', '_');
        text << entry.value << " " << name << " " << int(entry.colour[0]) << " "
             << int(entry.colour[1]) << " " << int(entry.colour[2]) << " 255\n";
    }
    writeLabelFile(path, text.str());
}

}  // namespace logonet
