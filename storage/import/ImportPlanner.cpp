#include "import/ImportPlanner.h"

#include <algorithm>
#include <filesystem>

#include "import/DatasetDescription.h"
#include "io/DicomSeriesScanner.h"
#include "io/ImageReader.h"

namespace logonet {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> imageFilesIn(const std::string& folder) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it->is_regular_file(ec) && name[0] != '.' && hasImageExtension(name)) {
            files.push_back(it->path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

bool isDatasetFolder(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(fs::path(path) / "dataset.json", ec);
}

std::string describeProblems(const std::vector<std::string>& problems) {
    if (problems.size() == 1) {
        return problems.front();
    }
    std::string text = std::to_string(problems.size()) + " problems, nothing imported:";
    for (const std::string& problem : problems) {
        text += "\n  " + problem;
    }
    return text;
}

std::string matchingLabelFile(const std::string& imagePath, const std::string& labelsDir) {
    if (labelsDir.empty()) {
        return {};
    }
    const std::vector<std::string> candidates = imageFilesIn(labelsDir);
    // nnU-Net names the image case_0000 and its labels case.
    for (const std::string& stem :
         {imageStem(imagePath), withoutChannelSuffix(imageStem(imagePath))}) {
        for (const char* suffix : {"", "_seg", "_label", "_labels", "_mask", "_gt"}) {
            for (const std::string& candidate : candidates) {
                if (imageStem(candidate) == stem + suffix) {
                    return candidate;
                }
            }
        }
    }
    return {};
}

std::string withoutChannelSuffix(const std::string& stem) {
    const std::string suffix = "_0000";
    if (stem.size() > suffix.size() &&
        stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return stem.substr(0, stem.size() - suffix.size());
    }
    return stem;
}

ImportItem ImportPlanner::itemFor(const std::string& image, const std::string& labelsDir) const {
    ImportItem item;
    item.name = withoutChannelSuffix(imageStem(image));
    item.imagePath = image;
    item.split = options_.split;
    if (!options_.unlabeled) {
        item.labelPath = matchingLabelFile(image, labelsDir);
    }
    return item;
}

std::vector<ImportItem> ImportPlanner::plan(const std::string& path) const {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw ImportError(path + ": no such file or folder");
    }
    if (!fs::is_directory(path, ec)) {
        return {itemFor(path, options_.labelsDir)};
    }
    if (isDatasetFolder(path)) {
        return planDecathlon(path);
    }
    std::vector<ImportItem> items = planFolder(path);
    if (items.empty() && DicomSeriesScanner::looksLikeDicomFolder(path)) {
        items = planDicom(path);
    }
    if (items.empty()) {
        throw ImportError(path +
                          ": holds no images (NIfTI, NRRD, MetaImage), no DICOM series and no "
                          "dataset.json");
    }
    return items;
}

std::vector<ImportItem> ImportPlanner::planFolder(const std::string& folder) const {
    std::vector<ImportItem> items;
    for (const std::string& image : imageFilesIn(folder)) {
        items.push_back(itemFor(image, options_.labelsDir));
    }
    return items;
}

std::vector<ImportItem> ImportPlanner::planDecathlon(const std::string& folder) const {
    const DatasetDescription dataset = describeDataset(folder, options_);
    if (!dataset.problems.empty()) {
        throw ImportError(describeProblems(dataset.problems));
    }
    return dataset.items;
}

std::vector<ImportItem> ImportPlanner::planDicom(const std::string& folder) const {
    std::vector<ImportItem> items;
    const std::vector<DicomSeriesInfo> series = DicomSeriesScanner(folder).scan();
    const std::string base = fs::path(folder).filename().string();
    for (size_t n = 0; n < series.size(); ++n) {
        ImportItem item;
        item.imagePath = folder;
        item.dicomSeriesUid = series[n].uid;
        item.split = options_.split;
        item.name = series[n].description.empty() ? base : series[n].description;
        if (series.size() > 1) {
            item.name += "_" + std::to_string(n + 1);
        }
        items.push_back(item);
    }
    return items;
}

}  // namespace logonet
