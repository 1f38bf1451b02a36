#pragma once

#include <stdexcept>
#include <string>

namespace logonet {

// A label description file that cannot be read or written; the message names the file and, for
// a malformed line, its number: "labels.txt:7: red component 300 is outside 0..255".
class LabelFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace logonet
