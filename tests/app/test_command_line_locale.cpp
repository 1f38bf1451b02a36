// Command-line numbers are read the same in every locale: under a German one (decimal comma),
// strtod used to stop at the '.' of "--lr 0.1" and the engine refused the option.
#include <clocale>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "CommandLine.h"

using logonet::cli::CommandLine;
using logonet::cli::UsageError;

namespace {

int failures = 0;

void check(bool condition, const std::string& what) {
    if (!condition) {
        std::fprintf(stderr, "FAIL: %s\n", what.c_str());
        ++failures;
    }
}

CommandLine line(const std::vector<std::string>& arguments) {
    return CommandLine(arguments, {});
}

bool refuses(const std::vector<std::string>& arguments, const std::string& name) {
    try {
        line(arguments).number(name, 0.0);
    } catch (const UsageError&) {
        return true;
    }
    return false;
}

}  // namespace

int main() {
    const char* german = nullptr;
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE"}) {
        if (std::setlocale(LC_ALL, name) != nullptr &&
            std::strcmp(std::localeconv()->decimal_point, ",") == 0) {
            german = name;
            break;
        }
    }
    if (german == nullptr) {
        std::printf("SKIP: no German locale installed (locales-all)\n");
        return 77;
    }
    check(line({"--lr", "0.1"}).number("lr", 0.0) == 0.1, "--lr 0.1 reads as 0.1");
    check(line({"--lr=2.5e-4"}).number("lr", 0.0) == 2.5e-4, "--lr=2.5e-4 reads as 2.5e-4");
    check(line({"--spacing", "1.5,0.75,2"}).numbers("spacing", {}, 3) ==
              std::vector<double>({1.5, 0.75, 2.0}),
          "--spacing 1.5,0.75,2 reads as three numbers");
    check(line({"--steps", "1200"}).integer("steps", 0) == 1200, "--steps 1200");
    // The locale's own spelling is not a number on the command line either.
    check(refuses({"--lr", "0,1"}, "lr"), "--lr 0,1 is refused");
    check(refuses({"--lr", "nan"}, "lr"), "--lr nan is refused");
    check(refuses({"--lr", "inf"}, "lr"), "--lr inf is refused");
    check(refuses({"--lr", "0.1x"}, "lr"), "--lr 0.1x is refused");
    check(refuses({"--lr", ""}, "lr"), "an empty --lr is refused");
    std::printf("%s: %d failure(s)\n", german, failures);
    return failures == 0 ? 0 : 1;
}
