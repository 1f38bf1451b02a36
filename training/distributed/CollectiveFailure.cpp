#include "distributed/CollectiveFailure.h"

#include <c10/util/Exception.h>

namespace logonet::training {

std::string causeOf(const std::exception& error) {
    const auto* torchError = dynamic_cast<const c10::Error*>(&error);
    std::string text = torchError != nullptr ? torchError->what_without_backtrace() : error.what();
    text = text.substr(0, text.find('\n'));
    if (!text.empty() && text.front() == '[') {
        const size_t close = text.find("] ");
        if (close != std::string::npos && text.rfind(':', close) != std::string::npos) {
            text = text.substr(close + 2);
        }
    }
    return text;
}

}  // namespace logonet::training
