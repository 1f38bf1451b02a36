#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "Command.h"

namespace {

void printOverview(const std::vector<logonet::cli::Command>& commands) {
    std::cout << "logonet: the LoGoNet engine (segmentation, pre-training, projects)\n\n"
                 "usage: logonet <command> [options]    logonet <command> --help\n\ncommands:\n";
    for (const auto& command : commands) {
        std::printf("  %-14s %s\n", command.name.c_str(), command.summary.c_str());
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<logonet::cli::Command> commands = logonet::cli::engineCommands();
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        printOverview(commands);
        return argc < 2 ? 2 : 0;
    }
    if (std::string(argv[1]) == "--version") {
        std::cout << "logonet " << LOGONET_VERSION << "\n";
        return 0;
    }
    // Two-word commands ("project create", "bench forward") match before one-word ones.
    std::string name = argv[1];
    int consumed = 2;
    if (argc > 2) {
        const std::string twoWords = name + " " + argv[2];
        for (const auto& command : commands) {
            if (command.name == twoWords) {
                name = twoWords;
                consumed = 3;
            }
        }
    }
    for (const auto& command : commands) {
        if (command.name != name) {
            continue;
        }
        const std::vector<std::string> arguments(argv + consumed, argv + argc);
        for (const auto& argument : arguments) {
            if (argument == "--help" || argument == "-h") {
                std::cout << command.usage << "\n";
                return 0;
            }
        }
        try {
            return command.run(logonet::cli::CommandLine(arguments, command.flags));
        } catch (const logonet::cli::UsageError& error) {
            std::cerr << "logonet " << name << ": " << error.what() << " (see logonet " << name
                      << " --help)\n";
            return 2;
        } catch (const std::exception& error) {
            std::cerr << "logonet " << name << ": " << error.what() << "\n";
            return 1;
        }
    }
    std::cerr << "logonet: unknown command '" << name << "' (see logonet --help)\n";
    // A family name alone ("logonet bench") lists its members.
    for (const auto& command : commands) {
        if (command.name.rfind(name + " ", 0) == 0) {
            std::cerr << "  logonet " << command.name << ": " << command.summary << "\n";
        }
    }
    return 2;
}
