#pragma once

#include <string>

#include "labels/LabelSet.h"

namespace logonet {

// 3D Slicer's colour table (.ctbl, .txt): '#' comments and one line per label,
//   value name R G B A
// Names cannot hold spaces there; Slicer writes them as underscores, so reading turns
// underscores back into spaces and writing does the reverse. Value 0 is background and not part
// of a LabelSet. Throws LabelFileError naming the file and line of the first malformed line.
LabelSet readSlicerColourTable(const std::string& path);
void writeSlicerColourTable(const LabelSet& labels, const std::string& path);

}  // namespace logonet
