#pragma once

#include <stdexcept>

namespace logonet {

// A failure of the project layer (database, project folder, label versions). The message names the
// database file or project folder and says what went wrong.
class StorageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace logonet
