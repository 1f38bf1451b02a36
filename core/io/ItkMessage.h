#pragma once

#include <string>

namespace logonet {

// ITK exception descriptions run over several lines with source file names; a user needs the
// last non-empty line only, on one line (the CLI prints errors as one line).
std::string oneLineItkMessage(const std::string& description);

}  // namespace logonet
