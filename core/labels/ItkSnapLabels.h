#pragma once

#include <string>

#include "labels/LabelSet.h"

namespace logonet {

// ITK-SNAP's label description file: '#' comments and one line per label,
//   IDX  -R-  -G-  -B-  -A--  VIS MSH  "LABEL"
// (index, colour 0..255, opacity 0..1, visibility and mesh flags 0/1, quoted name). Index 0, the
// clear label, is background and not part of a LabelSet. Throws LabelFileError naming the file
// and line of the first malformed line.
LabelSet readItkSnapLabels(const std::string& path);
void writeItkSnapLabels(const LabelSet& labels, const std::string& path);

}  // namespace logonet
