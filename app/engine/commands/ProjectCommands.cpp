#include <iostream>
#include <sstream>

#include "commands/Commands.h"
#include "commands/ProjectCommandParts.h"
#include "import/ScanImporter.h"
#include "io/ImageWriter.h"
#include "json/Json.h"
#include "project/Project.h"

namespace logonet::cli {

namespace {

int runProjectCreate(const CommandLine& line) {
    line.rejectUnknown({"labels"});
    if (line.positionals().size() != 1) {
        throw UsageError("expected one project folder");
    }
    const std::string dir = line.positionals().front();
    const Project project = Project::create(dir, labelSetFromChoice(line.option("labels", "btcv")));
    std::cout << "created project " << dir << " with " << project.labelSet().size() << " labels\n";
    return 0;
}

int runImport(const CommandLine& line) {
    line.rejectUnknown({"project", "labels", "unlabeled", "split", "json"});
    if (line.positionals().empty()) {
        throw UsageError("expected at least one file or folder to import");
    }
    ImportOptions options;
    options.labelsDir = line.option("labels", "");
    options.unlabeled = line.flag("unlabeled");
    options.split = line.option("split", "train");
    if (options.split == "validation") {
        options.split = "val";  // as logonet scan set accepts it
    }
    if (options.split != "train" && options.split != "val" && options.split != "test") {
        throw UsageError("--split must be train, val (validation) or test");
    }
    Project project = Project::open(line.required("project"));
    ScanImporter importer(project);
    const bool json = line.flag("json");
    const ImportReport report = importer.importPaths(
        line.positionals(), options, [&](int done, int total, const std::string& name) {
            if (json) {
                Json event = Json::object();
                event["event"] = "progress";
                event["done"] = done;
                event["total"] = total;
                event["name"] = name;
                std::cout << event.dump() << std::endl;
            }
            return true;
        });
    for (const auto& duplicate : report.duplicates) {
        std::cout << duplicate.source << ": skipped as a duplicate: "
                  << (duplicate.reason.empty()
                          ? "same content as scan " + std::to_string(duplicate.existingScanId)
                          : duplicate.reason)
                  << "\n";
    }
    if (!report.labelSetNote.empty()) {
        std::cout << report.labelSetNote << "\n";
    }
    for (const auto& attached : report.labelsAttached) {
        std::cout << attached.source << ": already in the project as scan " << attached.scanId
                  << "; its label file was attached as ground-truth version " << attached.versionId
                  << "\n";
    }
    std::cout << "imported " << report.imported.size() << " scan(s), " << report.duplicates.size()
              << " duplicate(s), " << report.failures.size() << " failure(s) ("
              << report.importedLabeled.size() << " labeled, "
              << report.imported.size() - report.importedLabeled.size() << " unlabeled; "
              << report.labelsAttached.size() << " label file(s) attached to existing scans)\n";
    if (!report.failures.empty()) {
        // One line per failed scan; the last one (printed by main) says how many failed.
        for (size_t n = 1; n < report.failures.size(); ++n) {
            std::cerr << report.failures[n].message << "\n";
        }
        const size_t total =
            report.imported.size() + report.duplicates.size() + report.failures.size();
        throw std::runtime_error(report.failures.front().message +
                                 (report.failures.size() > 1
                                      ? " (and " + std::to_string(report.failures.size() - 1) +
                                            " more of " + std::to_string(total) + " scans failed)"
                                      : std::string()));
    }
    if (report.cancelled) {
        throw std::runtime_error("import cancelled");
    }
    return 0;
}

int runList(const CommandLine& line) {
    line.rejectUnknown({"project", "json"});
    const Project project = Project::open(line.required("project"), Project::Access::Shared);
    const bool json = line.flag("json");
    for (const ScanRecord& scan : project.scans()) {
        if (json) {
            std::cout << scanJson(scan).dump() << "\n";
        } else {
            std::ostringstream row;
            row << scan.id << "\t" << scan.name << "\t" << (scan.labeled ? "labeled" : "unlabeled")
                << "\t" << scan.split << "\t"
                << (scan.modality.empty() ? std::string("?") : scan.modality) << "\t"
                << (scan.fold < 0 ? std::string("-") : "fold " + std::to_string(scan.fold)) << "\t"
                << scan.size[0] << "x" << scan.size[1] << "x" << scan.size[2] << "\t"
                << scan.spacing[0] << "x" << scan.spacing[1] << "x" << scan.spacing[2] << " mm";
            std::cout << row.str() << "\n";
        }
    }
    return 0;
}

int runExport(const CommandLine& line) {
    line.rejectUnknown({"project", "scan", "version", "out"});
    const Project project = Project::open(line.required("project"), Project::Access::Shared);
    const int64_t scanId = line.integer("scan", -1);
    if (scanId < 0) {
        throw UsageError("--scan ID is required");
    }
    const ScanRecord scan = project.scan(scanId);
    int64_t versionId = line.integer("version", -1);
    if (versionId < 0) {
        const auto current = project.currentLabels(scanId);
        if (!current) {
            throw std::runtime_error("scan " + std::to_string(scanId) + " (" + scan.name +
                                     ") has no labels to export");
        }
        versionId = current->id;
    } else if (project.labelVersion(versionId).scanId != scanId) {
        throw std::runtime_error("label version " + std::to_string(versionId) +
                                 " belongs to another scan than " + std::to_string(scanId));
    }
    const std::string out = line.required("out");
    // The label file already has its scan's exact grid; reading and writing it again gives the
    // requested format and a compact pixel type.
    writeLabelMap(project.loadLabels(versionId), out);
    std::cout << "exported label version " << versionId << " of scan " << scanId << " to " << out
              << "\n";
    return 0;
}

}  // namespace

Json scanJson(const ScanRecord& scan) {
    Json object = Json::object();
    object["id"] = scan.id;
    object["name"] = scan.name;
    object["labeled"] = scan.labeled;
    object["split"] = scan.split;
    object["modality"] = scan.modality;
    object["fold"] = scan.fold < 0 ? Json() : Json(scan.fold);
    object["size"] = Json(Json::Array{scan.size[0], scan.size[1], scan.size[2]});
    object["spacing"] = Json(Json::Array{scan.spacing[0], scan.spacing[1], scan.spacing[2]});
    return object;
}

void appendProjectCommands(std::vector<Command>& commands) {
    commands.push_back(
        {"project create",
         "create an empty project folder",
         "usage: logonet project create DIR [--labels btcv|empty|FILE]\n"
         "Creates DIR (absent or empty) with project.db, scans/, labels/, cache/ and runs/.\n"
         "  --labels  the label set: btcv (the 13 BTCV organs, default), empty (labels come\n"
         "            with the first dataset.json imported), a Decathlon/nnU-Net dataset.json,\n"
         "            an ITK-SNAP label file, a Slicer colour table, or a JSON file\n"
         "            {\"labels\": [{\"value\": 1, \"name\": \"liver\", \"colour\": [r, g, b]}]}",
         {},
         runProjectCreate});
    commands.push_back(
        {"import",
         "import scans (files, folders, MSD and nnU-Net datasets, DICOM) into a project",
         "usage: logonet import PATH... --project DIR [--labels LABELDIR] [--unlabeled]\n"
         "                      [--split train|val|test] [--json]\n"
         "PATH is an image file (.nii.gz, .nii, .nrrd, .mha, .mhd), a folder of them, a Medical\n"
         "Segmentation Decathlon or nnU-Net raw folder (dataset.json, imagesTr, labelsTr,\n"
         "imagesTs; label names and modality are taken from dataset.json) or a DICOM\n"
         "folder (each series becomes a scan). Scans already in the project are recognised by\n"
         "content and skipped.\n"
         "  --labels     folder of label maps matched to the images by file name\n"
         "  --unlabeled  import images only, ignoring any labels\n"
         "  --split      train (default), val or test (MSD imagesTs always go to test)\n"
         "  --json       progress as JSON lines on stdout",
         {"unlabeled", "json"},
         runImport});
    commands.push_back({"list",
                        "list the scans of a project",
                        "usage: logonet list --project DIR [--json]\n"
                        "  --json  one JSON object per line and scan: id, name, labeled, split,\n"
                        "          modality, fold (null without folds), size, spacing",
                        {"json"},
                        runList});
    commands.push_back(
        {"export",
         "export a scan's label map to NIfTI",
         "usage: logonet export --project DIR --scan ID [--version V] --out FILE.nii.gz\n"
         "Writes the label map with its scan's exact geometry (qform and sform).\n"
         "  --version  a label version id (default: the newest correction, else the ground truth)",
         {},
         runExport});
    appendDemoDataCommand(commands);
    appendProjectBenchmarks(commands);
    appendProjectCheckCommand(commands);
    appendSaveBenchmark(commands);
    appendScanCommands(commands);
    appendLabelCommands(commands);
    appendSettingsCommand(commands);
}

}  // namespace logonet::cli
