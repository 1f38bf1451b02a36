// Creates the project with one scan when there is none ("project created"), opens an edit
// journal of the project's first scan ("journal ready"), then saves in a loop into
// the project, as the workstation and the engine do, and prints one line after each save has
// returned: "saved label version <id> <hash>", "imported scan <id>
// <hash>", "checkpoint <n>". test_durability_kill SIGKILLs it at random points and checks that
// every printed save survived.
//
// usage: test_durability_helper <project> <sources folder> <first number> [rounds [shared]]
// (without rounds it runs until killed; test_save_order runs one round under strace; "shared"
// opens the project without its lock, as the engine does beside the workstation, so that two
// helpers can save into one project at the same time)
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "fs/DurableFile.h"
#include "import/ContentHash.h"
#include "import/ScanImporter.h"
#include "io/ImageWriter.h"
#include "journal/EditJournal.h"
#include "project/Project.h"
#include "test_durability_volumes.h"

int main(int argc, char** argv) {
    using namespace logonet;
    if (argc < 4 || argc > 6) {
        std::fprintf(
            stderr,
            "usage: test_durability_helper <project> <sources> <first number> [rounds [shared]]\n");
        return 2;
    }
    try {
        const std::string sources = argv[2];
        std::filesystem::create_directories(sources);
        if (!Project::exists(argv[1])) {
            Project created = Project::create(argv[1], LabelSet::btcv());
            const std::string first = sources + "/first.nii.gz";
            writeImage(durabilityTestScan(-1), first);
            ImportItem item;
            item.name = "first";
            item.imagePath = first;
            ScanImporter(created).importOne(item, ImportOptions{});
            std::printf("project created\n");
            std::fflush(stdout);
        }
        const bool shared = argc == 6 && std::string(argv[5]) == "shared";
        Project project =
            Project::open(argv[1], shared ? Project::Access::Shared : Project::Access::Exclusive);
        const ScanRecord scan = project.scans().front();
        const int64_t scanId = scan.id;
        // The first journal of a project creates labels/journal: both entries must be durable.
        const EditJournal journal(EditJournal::pathFor(project.path(), std::to_string(scanId),
                                                       std::string("helper") + argv[3]),
                                  scan.size);
        std::printf("journal ready\n");
        std::fflush(stdout);
        ScanImporter importer(project);
        const std::string checkpoint = project.absolutePath("runs/checkpoint.bin");
        const int64_t first = std::stoll(argv[3]);
        const int64_t rounds = argc >= 5 ? std::stoll(argv[4]) : -1;
        for (int64_t n = first; rounds < 0 || n < first + rounds; ++n) {
            const LabelVolume labels = durabilityTestLabels(n);
            const LabelVersionRecord version =
                project.addLabelVersion(scanId, "correction", labels, "", std::nullopt);
            std::printf("saved label version %lld %s\n", static_cast<long long>(version.id),
                        contentHash(labels).c_str());
            std::fflush(stdout);

            const ImageVolume image = durabilityTestScan(n);
            ImportItem item;
            item.name = "scan_" + std::to_string(n);
            item.imagePath = sources + "/scan_" + std::to_string(n) + ".nii.gz";
            writeImage(image, item.imagePath);
            const int64_t imported = importer.importOne(item, ImportOptions{});
            std::printf("imported scan %lld %s\n", static_cast<long long>(imported),
                        contentHash(image).c_str());
            std::fflush(stdout);

            writeFileDurably(checkpoint, durabilityTestCheckpoint(n));
            std::printf("checkpoint %lld\n", static_cast<long long>(n));
            std::fflush(stdout);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "test_durability_helper: %s\n", error.what());
        return 1;
    }
    return 0;
}
