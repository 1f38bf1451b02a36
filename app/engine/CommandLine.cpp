#include "CommandLine.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace logonet::cli {

namespace {

// std::from_chars reads "0.1" the same in every locale; strtod follows the C locale's decimal
// separator and read "0.1" as 0 under a German one. Only finite numbers: "nan" and "inf" would
// slip through every range check that follows.
std::optional<double> decimal(const std::string& text) {
    double value = 0.0;
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(text.data(), last, value);
    if (text.empty() || error != std::errc() || end != last || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<long long> whole(const std::string& text) {
    long long value = 0;
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(text.data(), last, value);
    if (text.empty() || error != std::errc() || end != last) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

CommandLine::CommandLine(const std::vector<std::string>& arguments,
                         const std::set<std::string>& flags) {
    for (size_t n = 0; n < arguments.size(); ++n) {
        const std::string& argument = arguments[n];
        if (argument.size() < 3 || argument.rfind("--", 0) != 0) {
            positionals_.push_back(argument);
            continue;
        }
        std::string name = argument.substr(2);
        std::optional<std::string> value;
        const auto equals = name.find('=');
        if (equals != std::string::npos) {
            value = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        if (flags.count(name) > 0) {
            if (value) {
                throw UsageError("--" + name + " takes no value");
            }
            flags_.insert(name);
            continue;
        }
        if (!value) {
            if (n + 1 >= arguments.size()) {
                throw UsageError("--" + name + " needs a value");
            }
            value = arguments[++n];
        }
        values_[name].push_back(*value);
    }
}

std::optional<std::string> CommandLine::option(const std::string& name) const {
    const auto found = values_.find(name);
    if (found == values_.end()) {
        return std::nullopt;
    }
    return found->second.back();
}

std::string CommandLine::option(const std::string& name, const std::string& fallback) const {
    return option(name).value_or(fallback);
}

std::string CommandLine::required(const std::string& name) const {
    const auto value = option(name);
    if (!value) {
        throw UsageError("--" + name + " is required");
    }
    return *value;
}

double CommandLine::number(const std::string& name, double fallback) const {
    const auto value = option(name);
    if (!value) {
        return fallback;
    }
    const auto parsed = decimal(*value);
    if (!parsed) {
        throw UsageError("--" + name + " expects a number, got '" + *value + "'");
    }
    return *parsed;
}

int64_t CommandLine::gigabytes(const std::string& name, int64_t fallback) const {
    if (!option(name)) {
        return fallback;
    }
    const double gb = number(name, 0.0);
    if (!(gb > 0.0 && gb < 1e6)) {
        throw UsageError("--" + name + " must be a positive number of gigabytes");
    }
    return static_cast<int64_t>(gb * 1e9);
}

int64_t CommandLine::integer(const std::string& name, int64_t fallback) const {
    const auto value = option(name);
    if (!value) {
        return fallback;
    }
    const auto parsed = whole(*value);
    if (!parsed) {
        throw UsageError("--" + name + " expects a whole number, got '" + *value + "'");
    }
    return *parsed;
}

std::vector<double> CommandLine::numbers(const std::string& name, std::vector<double> fallback,
                                         size_t count) const {
    const auto value = option(name);
    if (!value) {
        return fallback;
    }
    std::vector<double> parsed;
    std::stringstream stream(*value);
    std::string item;
    while (std::getline(stream, item, ',')) {
        const auto number = decimal(item);
        if (!number) {
            throw UsageError("--" + name + " expects numbers separated by commas, got '" + *value +
                             "'");
        }
        parsed.push_back(*number);
    }
    if (parsed.size() == 1 && count > 1) {
        parsed.assign(count, parsed.front());
    }
    if (parsed.size() != count) {
        throw UsageError("--" + name + " expects " + std::to_string(count) + " values, got '" +
                         *value + "'");
    }
    return parsed;
}

std::vector<int64_t> CommandLine::integers(const std::string& name, std::vector<int64_t> fallback,
                                           size_t count) const {
    std::vector<double> fallbackNumbers(fallback.begin(), fallback.end());
    const std::vector<double> parsed = numbers(name, fallbackNumbers, count);
    std::vector<int64_t> result;
    for (const double number : parsed) {
        if (number != static_cast<double>(static_cast<int64_t>(number))) {
            throw UsageError("--" + name + " expects whole numbers");
        }
        result.push_back(static_cast<int64_t>(number));
    }
    return result;
}

std::vector<std::string> CommandLine::all(const std::string& name) const {
    const auto found = values_.find(name);
    return found == values_.end() ? std::vector<std::string>{} : found->second;
}

void CommandLine::rejectUnknown(const std::set<std::string>& known) const {
    for (const auto& [name, unused] : values_) {
        if (known.count(name) == 0) {
            throw UsageError("unknown option --" + name);
        }
    }
    for (const auto& name : flags_) {
        if (known.count(name) == 0) {
            throw UsageError("unknown option --" + name);
        }
    }
}

}  // namespace logonet::cli
