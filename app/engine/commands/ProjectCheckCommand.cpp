#include <iostream>

#include "commands/ProjectCommandParts.h"
#include "integrity/ProjectCheck.h"
#include "project/Project.h"

namespace logonet::cli {

namespace {

int runCheck(const CommandLine& line) {
    line.rejectUnknown({"project", "json"});
    // Shared: the check only reads, and must be able to run beside an open workstation.
    Project project = Project::open(line.required("project"), Project::Access::Shared);
    const ProjectCheckReport report = checkProject(project);
    if (line.flag("json")) {
        std::cout << report.toJson().dump() << "\n";
        return report.sound() ? 0 : 1;
    }
    for (const ProjectCheckFinding& problem : report.problems) {
        std::cout << "problem: " << problem.file << ": " << problem.what << "\n";
    }
    for (const ProjectCheckFinding& leftover : report.leftovers) {
        std::cout << "leftover (removable): " << leftover.file << ": " << leftover.what << "\n";
    }
    std::cout << (report.sound() ? "sound: " : "NOT sound: ") << report.scansChecked << " scans, "
              << report.labelVersionsChecked << " label versions, " << report.journalsChecked
              << " edit journals checked; " << report.problems.size() << " problems, "
              << report.leftovers.size() << " leftovers\n";
    if (report.labelVersionsWithoutHash > 0) {
        std::cout << report.labelVersionsWithoutHash
                  << " label versions saved before hashes were stored: checked to load only\n";
    }
    return report.sound() ? 0 : 1;
}

}  // namespace

void appendProjectCheckCommand(std::vector<Command>& commands) {
    commands.push_back(
        {"check",
         "check a project's files against its database",
         "usage: logonet check --project DIR [--json]\n"
         "Reads every scan and label version the database names and compares it with the hash\n"
         "stored when it was saved, looks for files in scans/ and labels/ that no row names, and\n"
         "reads every edit journal. Leftovers of interrupted writes (temporary files, saves that\n"
         "never committed) are listed as removable (once nothing writes to the project); they are\n"
         "not losses. Changes no file (opening an older project upgrades its database, as every\n"
         "command does).\n"
         "Exit status 0 when the project is sound, 1 with one line per problem.\n"
         "  --json  one JSON object: sound, counts, problems and leftovers ({file, problem})",
         {"json"},
         runCheck});
}

}  // namespace logonet::cli
