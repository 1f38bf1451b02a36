#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace logonet::cli {

// A mistake in how a command was called: printed as one line, exit code 2.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The arguments after the command name: `--name value`, `--name=value`, `--flag`, positionals.
// `flags` names the options that take no value; every other option takes one.
class CommandLine {
  public:
    CommandLine(const std::vector<std::string>& arguments, const std::set<std::string>& flags);

    bool flag(const std::string& name) const { return flags_.count(name) > 0; }
    bool has(const std::string& name) const { return values_.count(name) > 0 || flag(name); }
    std::optional<std::string> option(const std::string& name) const;
    std::string option(const std::string& name, const std::string& fallback) const;
    std::string required(const std::string& name) const;  // UsageError when missing
    double number(const std::string& name, double fallback) const;
    int64_t integer(const std::string& name, int64_t fallback) const;
    // A memory size given in gigabytes (10^9 bytes), as bytes: `fallback` when absent,
    // UsageError unless positive and below a million.
    int64_t gigabytes(const std::string& name, int64_t fallback) const;
    // "96" -> {96, 96, 96}; "96,64,32" -> {96, 64, 32}; `count` values expected.
    std::vector<int64_t> integers(const std::string& name, std::vector<int64_t> fallback,
                                  size_t count) const;
    std::vector<double> numbers(const std::string& name, std::vector<double> fallback,
                                size_t count) const;
    // An option given more than once (`--labels a --labels b`) keeps every value here.
    std::vector<std::string> all(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

    // UsageError for any option not in `known` (flags included): catches typos like --iter.
    void rejectUnknown(const std::set<std::string>& known) const;

  private:
    std::map<std::string, std::vector<std::string>> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positionals_;
};

}  // namespace logonet::cli
