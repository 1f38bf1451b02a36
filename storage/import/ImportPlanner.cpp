#include "import/ImportPlanner.h"

#include <algorithm>
#include <filesystem>

#include "io/DicomSeriesScanner.h"
#include "io/ImageReader.h"
#include "json/Json.h"

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

// dataset.json paths look like "./imagesTr/x.nii.gz", relative to the dataset folder.
std::string resolve(const std::string& folder, const std::string& relative) {
    return (fs::path(folder) / fs::path(relative)).lexically_normal().string();
}

}  // namespace

std::string matchingLabelFile(const std::string& imagePath, const std::string& labelsDir) {
    if (labelsDir.empty()) {
        return {};
    }
    const std::string stem = imageStem(imagePath);
    const std::vector<std::string> candidates = imageFilesIn(labelsDir);
    for (const char* suffix : {"", "_seg", "_label", "_labels", "_mask", "_gt"}) {
        for (const std::string& candidate : candidates) {
            if (imageStem(candidate) == stem + suffix) {
                return candidate;
            }
        }
    }
    return {};
}

ImportItem ImportPlanner::itemFor(const std::string& image, const std::string& labelsDir) const {
    ImportItem item;
    item.name = imageStem(image);
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
    if (fs::is_regular_file(fs::path(path) / "dataset.json", ec)) {
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
    const std::string datasetPath = (fs::path(folder) / "dataset.json").string();
    std::vector<ImportItem> items;
    try {
        const Json dataset = readJsonFile(datasetPath);
        if (dataset.contains("training")) {
            for (const Json& entry : dataset.at("training").asArray()) {
                ImportItem item;
                item.imagePath = resolve(folder, entry.at("image").asString());
                item.name = imageStem(item.imagePath);
                item.split = options_.split;
                if (!options_.unlabeled && entry.contains("label")) {
                    item.labelPath = resolve(folder, entry.at("label").asString());
                }
                items.push_back(item);
            }
        }
        if (dataset.contains("test")) {
            for (const Json& entry : dataset.at("test").asArray()) {
                ImportItem item;
                item.imagePath = resolve(
                    folder, entry.isString() ? entry.asString() : entry.at("image").asString());
                item.name = imageStem(item.imagePath);
                item.split = "test";
                items.push_back(item);
            }
        }
    } catch (const JsonError& error) {
        throw ImportError(datasetPath + ": " + error.what());
    }
    if (items.empty()) {
        // A dataset.json without lists: fall back to the folder layout itself.
        const std::string imagesTr = (fs::path(folder) / "imagesTr").string();
        const std::string labelsTr = (fs::path(folder) / "labelsTr").string();
        for (const std::string& image : imageFilesIn(imagesTr)) {
            items.push_back(itemFor(image, labelsTr));
        }
        for (const std::string& image : imageFilesIn((fs::path(folder) / "imagesTs").string())) {
            ImportItem item = itemFor(image, "");
            item.split = "test";
            items.push_back(item);
        }
    }
    if (items.empty()) {
        throw ImportError(datasetPath + ": lists no training or test images");
    }
    return items;
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
