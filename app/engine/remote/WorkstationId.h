#pragma once

#include <string>

namespace logonet::remote {

// This workstation's id among all that use one GPU host: 16 random hex digits, made once and
// kept in the user's settings (userSettingsFolder()/workstation-id). It is part of every remote
// work folder's name, so two workstations whose projects sit at the same path never share, nor
// clear, each other's results. Throws std::runtime_error naming the file when it can be neither
// read nor made.
std::string workstationId();

}  // namespace logonet::remote
