#include "network/InputCheck.h"

#include <sstream>
#include <stdexcept>

namespace logonet::model {

void checkNetworkInput(const torch::Tensor& input, const std::string& network, int64_t channels,
                       int64_t divisor) {
    if (!input.defined()) {
        throw std::invalid_argument(network + " got an empty tensor");
    }
    if (input.dim() != 5) {
        std::ostringstream message;
        message << network << " needs a 5D input (batch, channels, depth, height, width); got "
                << input.dim() << "D " << input.sizes();
        throw std::invalid_argument(message.str());
    }
    if (input.size(1) != channels) {
        std::ostringstream message;
        message << network << " was built for " << channels << " input channel"
                << (channels == 1 ? "" : "s") << "; got " << input.size(1);
        throw std::invalid_argument(message.str());
    }
    const bool divisible = input.size(2) > 0 && input.size(3) > 0 && input.size(4) > 0 &&
                           input.size(2) % divisor == 0 && input.size(3) % divisor == 0 &&
                           input.size(4) % divisor == 0;
    if (!divisible) {
        std::ostringstream message;
        message << network << " needs every spatial size divisible by " << divisor << "; got "
                << input.size(2) << "x" << input.size(3) << "x" << input.size(4);
        throw std::invalid_argument(message.str());
    }
}

}  // namespace logonet::model
