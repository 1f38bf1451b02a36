#pragma once

#include <exception>
#include <stdexcept>
#include <string>

namespace logonet::training {

// A collective (all-reduce, broadcast, barrier) that did not complete: another rank died, hangs
// or cannot be reached. Its own type so that a failure of the exchange inside a backward pass
// can be told apart from an error of the computation itself.
class CollectiveFailure : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// What went wrong, in one line: LibTorch's message without its C++ backtrace, and without the
// "[gloo/transport/tcp/pair.cc:534] " source location Gloo puts in front.
std::string causeOf(const std::exception& error);

}  // namespace logonet::training
