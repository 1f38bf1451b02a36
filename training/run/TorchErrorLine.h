#pragma once

#include <c10/util/Exception.h>

#include <string>

namespace logonet::training {

// The first line of a LibTorch error: its message carries a C++ backtrace after it, which a user
// reading an error of ours does not need.
std::string torchErrorLine(const c10::Error& error);

}  // namespace logonet::training
