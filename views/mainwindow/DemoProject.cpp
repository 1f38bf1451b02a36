#include "mainwindow/DemoProject.h"

#include <cstdio>
#include <filesystem>

#include "import/ScanImporter.h"
#include "io/ImageWriter.h"
#include "phantom/PhantomGenerator.h"
#include "project/Project.h"

namespace logonet {
namespace views {

namespace fs = std::filesystem;

void createDemoProject(const std::string& dir, const DemoProjectOptions& options) {
    // The phantoms are written next to the project first and imported from there, so the demo
    // goes through the same import path (hashing, geometry checks) as real data.
    const fs::path staging =
        fs::path(dir).parent_path() / (fs::path(dir).filename().string() + ".staging");
    fs::remove_all(staging);
    fs::create_directories(staging / "images");
    fs::create_directories(staging / "labels");
    struct StagingCleanup {
        fs::path path;
        ~StagingCleanup() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    } cleanup{staging};

    Project project = Project::create(dir, LabelSet::btcv());
    ScanImporter importer(project);
    for (int n = 0; n < options.cases; ++n) {
        PhantomOptions phantom;
        phantom.size = options.size;
        for (size_t a = 0; a < 3; ++a) {
            phantom.spacing[a] = options.fieldOfViewMm[a] / static_cast<double>(options.size[a]);
        }
        phantom.seed = options.seed + static_cast<uint64_t>(n);
        const PhantomCase generated = generatePhantom(phantom);
        char name[32];
        std::snprintf(name, sizeof name, "phantom_%03d", n + 1);
        const std::string image = (staging / "images" / (std::string(name) + ".nii.gz")).string();
        const std::string labels = (staging / "labels" / (std::string(name) + ".nii.gz")).string();
        writeImage(generated.image, image);
        writeLabelMap(generated.labels, labels);

        ImportItem item;
        item.name = name;
        item.imagePath = image;
        const bool unlabeled = options.cases >= 3 && n == options.cases - 2;
        item.labelPath = unlabeled ? std::string() : labels;
        item.split = n == options.cases - 1 && options.cases > 1 ? "test" : "train";
        ImportOptions importOptions;
        importOptions.unlabeled = unlabeled;
        importOptions.split = item.split;
        importer.importOne(item, importOptions);
    }
}

}  // namespace views
}  // namespace logonet
