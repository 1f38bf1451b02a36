#include "run/TorchErrorLine.h"

namespace logonet::training {

std::string torchErrorLine(const c10::Error& error) {
    const std::string text = error.what_without_backtrace();
    return text.substr(0, text.find('\n'));
}

}  // namespace logonet::training
