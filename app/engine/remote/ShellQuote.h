#pragma once

#include <string>
#include <vector>

namespace logonet::remote {

// The one way a string (a path, a run name, a program) reaches the remote host's shell: inside
// single quotes, where the shell expands nothing; a single quote itself becomes '\''. Spaces,
// $, ;, backticks and newlines all stay literal.
std::string shellQuote(const std::string& text);

// Every word quoted, joined by spaces: a command line the remote shell runs as these words.
std::string shellCommand(const std::vector<std::string>& words);

}  // namespace logonet::remote
