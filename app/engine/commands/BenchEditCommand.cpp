#include "commands/Commands.h"

namespace logonet::cli {

void appendEditBenchmarks(std::vector<Command>& commands) { (void)commands; }

}  // namespace logonet::cli
