// Label sets in and out: ITK-SNAP label description files and 3D Slicer colour tables, and the
// label set a new project starts with.
#include <fstream>
#include <iostream>

#include "commands/ProjectCommandParts.h"
#include "import/DatasetDescription.h"
#include "labels/ItkSnapLabels.h"
#include "labels/LabelFileError.h"
#include "labels/SlicerColourTable.h"
#include "project/Project.h"

namespace logonet::cli {

namespace {

bool endsWith(const std::string& text, const std::string& end) {
    return text.size() >= end.size() &&
           text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// A .json is either the project's own label list or a Decathlon/nnU-Net dataset.json.
LabelSet labelSetFromJson(const std::string& path) {
    Json json;
    try {
        json = readJsonFile(path);
    } catch (const std::exception& error) {
        throw std::runtime_error(error.what());
    }
    if (json.isObject() && json.contains("labels") && json.at("labels").isObject()) {
        std::vector<std::string> problems;
        LabelSet labels = datasetLabelSet(json, problems);
        if (!problems.empty()) {
            throw std::runtime_error(path + ": " + problems.front());
        }
        return labels;
    }
    try {
        return LabelSet::fromJson(json);
    } catch (const JsonError& error) {
        throw std::runtime_error(path + ": not a label set: " + error.what());
    }
}

// ITK-SNAP files quote their names; Slicer tables do not.
bool looksLikeItkSnap(const std::string& path) {
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const size_t first = line.find_first_not_of(" \t\r");
        if (first != std::string::npos && line[first] != '#') {
            return line.find('"') != std::string::npos;
        }
    }
    return false;
}

LabelSet readLabelFile(const std::string& path, const std::string& format) {
    try {
        if (format == "itksnap") {
            return readItkSnapLabels(path);
        }
        if (format == "slicer") {
            return readSlicerColourTable(path);
        }
    } catch (const LabelFileError& error) {
        throw std::runtime_error(error.what());
    }
    throw UsageError("--format must be itksnap or slicer");
}

int runLabelsImport(const CommandLine& line) {
    line.rejectUnknown({"project", "format"});
    if (line.positionals().size() != 1) {
        throw UsageError("expected one label file");
    }
    const std::string file = line.positionals().front();
    const LabelSet labels = readLabelFile(file, line.required("format"));
    Project project = Project::open(line.required("project"));
    // Renaming and recolouring are free; dropping a value would orphan label maps that use it.
    if (project.database().queryInt("SELECT COUNT(*) FROM label_versions") > 0) {
        std::string dropped;
        for (const LabelEntry& entry : project.labelSet().entries()) {
            if (!labels.contains(entry.value)) {
                dropped +=
                    (dropped.empty() ? "" : ", ") + std::to_string(entry.value) + " " + entry.name;
            }
        }
        if (!dropped.empty()) {
            throw std::runtime_error(file +
                                     " lacks label values the project's label maps may use (" +
                                     dropped + "); add them to the file to keep them");
        }
    }
    project.setLabelSet(labels);
    std::cout << "the project's label set is now the " << labels.size() << " labels of " << file
              << "\n";
    return 0;
}

int runLabelsExport(const CommandLine& line) {
    line.rejectUnknown({"project", "format"});
    if (line.positionals().size() != 1) {
        throw UsageError("expected one output file");
    }
    const std::string format = line.required("format");
    if (format != "itksnap" && format != "slicer") {
        throw UsageError("--format must be itksnap or slicer");
    }
    const Project project = Project::open(line.required("project"), Project::Access::Shared);
    const std::string file = line.positionals().front();
    try {
        if (format == "itksnap") {
            writeItkSnapLabels(project.labelSet(), file);
        } else {
            writeSlicerColourTable(project.labelSet(), file);
        }
    } catch (const LabelFileError& error) {
        throw std::runtime_error(error.what());
    }
    std::cout << "wrote " << project.labelSet().size() << " labels to " << file << "\n";
    return 0;
}

}  // namespace

LabelSet labelSetFromChoice(const std::string& choice) {
    if (choice == "btcv") {
        return LabelSet::btcv();
    }
    if (choice == "empty") {
        return LabelSet();
    }
    if (endsWith(choice, ".json")) {
        return labelSetFromJson(choice);
    }
    return readLabelFile(choice, looksLikeItkSnap(choice) ? "itksnap" : "slicer");
}

void appendLabelCommands(std::vector<Command>& commands) {
    commands.push_back({"labels import",
                        "replace a project's label set with an ITK-SNAP or Slicer label file",
                        "usage: logonet labels import --project DIR --format itksnap|slicer FILE\n"
                        "  itksnap  ITK-SNAP label description: IDX R G B A VIS MSH \"LABEL\"\n"
                        "  slicer   3D Slicer colour table (.ctbl/.txt): value name R G B A\n"
                        "           (underscores in names read as spaces)\n"
                        "A malformed line is refused with its number. Values the project's label\n"
                        "maps may use cannot be dropped.",
                        {},
                        runLabelsImport});
    commands.push_back({"labels export",
                        "write a project's label set as an ITK-SNAP or Slicer label file",
                        "usage: logonet labels export --project DIR --format itksnap|slicer FILE",
                        {},
                        runLabelsExport});
}

}  // namespace logonet::cli
