#pragma once

#include <string>

namespace logonet {

// Inflates the whole file and checks its CRC: false when the gzip stream is cut short or its data
// is corrupt (or the file cannot be opened).
bool gzipStreamIntact(const std::string& path);

// "PNG", "JPEG", "GIF" or "BMP" for files of formats that only ever hold 2D pictures, recognised
// by their first bytes; "" otherwise.
std::string pictureFormatOf(const std::string& path);

}  // namespace logonet
