#pragma once

#include <string>

namespace logonet {

// Seconds plain ITK (ImageFileReader in the file's own pixel type, no conversion, no checks)
// takes to read `path`: the yardstick for `logonet bench import`. Throws ImageReadError.
double timeItkRead(const std::string& path);

}  // namespace logonet
