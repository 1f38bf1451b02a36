#include "import/DatasetDescription.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "import/ImportPlanner.h"
#include "io/ImageReader.h"
#include "json/Json.h"
#include "labels/LabelPalette.h"

namespace logonet {

namespace {

namespace fs = std::filesystem;

bool isInteger(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
}

// nnU-Net normalises a channel named "CT" by the Hounsfield window and every other one by a
// per-scan z-score, as MR; the project's two modalities follow the same split.
std::string modalityOfChannel(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return name == "CT" ? "CT" : "MR";
}

// One case of an nnU-Net folder: its channel files by channel number.
struct CaseFiles {
    std::map<int, std::string> channels;
};

// imagesTr/<case>_0000<ending>, <case>_0001<ending>, ... grouped by case. A file without a
// four-digit channel suffix counts as channel 0 of a case of its own name.
std::map<std::string, CaseFiles> casesIn(const fs::path& folder, const std::string& ending) {
    std::map<std::string, CaseFiles> cases;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.' || name.size() <= ending.size() ||
            name.compare(name.size() - ending.size(), ending.size(), ending) != 0) {
            continue;
        }
        std::string base = name.substr(0, name.size() - ending.size());
        int channel = 0;
        if (base.size() > 5 && base[base.size() - 5] == '_' &&
            isInteger(base.substr(base.size() - 4))) {
            channel = std::stoi(base.substr(base.size() - 4));
            base = base.substr(0, base.size() - 5);
        }
        cases[base].channels[channel] = it->path().string();
    }
    return cases;
}

class DatasetReader {
  public:
    DatasetReader(const std::string& folder, const ImportOptions& options)
        : folder_(folder), options_(options) {
        description_.path = (fs::path(folder) / "dataset.json").string();
    }

    DatasetDescription read() {
        Json dataset;
        try {
            dataset = readJsonFile(description_.path);
        } catch (const std::exception& error) {
            problem(error.what());
            return description_;
        }
        if (!dataset.isObject()) {
            problem("not a JSON object");
            return description_;
        }
        readLabels(dataset);
        readChannels(dataset);
        if (dataset.contains("training") || dataset.contains("test")) {
            readLists(dataset);
        } else {
            readFolders(dataset);
        }
        if (description_.items.empty() && description_.problems.empty()) {
            problem("lists no training or test images, and imagesTr and imagesTs hold none");
        }
        return description_;
    }

  private:
    void problem(const std::string& what) {
        description_.problems.push_back(description_.path + ": " + what);
    }

    void readLabels(const Json& dataset) {
        std::vector<std::string> problems;
        description_.labels = datasetLabelSet(dataset, problems);
        for (const std::string& what : problems) {
            problem(what);
        }
    }

    void readChannels(const Json& dataset) {
        for (const char* key : {"channel_names", "modality"}) {
            if (!dataset.contains(key)) {
                continue;
            }
            const Json& channels = dataset.at(key);
            if (!channels.isObject() || !channels.contains("0") || !channels.at("0").isString()) {
                problem(std::string("\"") + key + "\" must be an object like {\"0\": \"CT\"}");
                return;
            }
            channelCount_ = channels.asObject().size();
            for (const auto& [number, name] : channels.asObject()) {
                channelNames_ += (channelNames_.empty() ? "" : ", ") +
                                 (name.isString() ? name.asString() : number);
            }
            description_.modality = modalityOfChannel(channels.at("0").asString());
            return;
        }
    }

    // The file a list entry names; nnU-Net v1 lists "imagesTr/x.nii.gz" for imagesTr/x_0000.nii.gz.
    std::string existingFile(const std::string& relative, const std::string& where, bool image) {
        const fs::path path = (fs::path(folder_) / relative).lexically_normal();
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) {
            return path.string();
        }
        if (image) {
            const std::string stem = imageStem(path.string());
            const std::string name = path.filename().string();
            const fs::path channel0 =
                path.parent_path() / (stem + "_0000" + name.substr(stem.size()));
            if (fs::is_regular_file(channel0, ec)) {
                return channel0.string();
            }
        }
        description_.problems.push_back(path.string() + ": missing (listed as " + where + " in " +
                                        description_.path + ")");
        return {};
    }

    std::string entryPath(const Json& entry, const char* key, const std::string& where) {
        if (entry.isString() && std::string(key) == "image") {
            return entry.asString();
        }
        if (!entry.isObject() || !entry.contains(key) || !entry.at(key).isString()) {
            problem(where + " has no \"" + key + "\" file name");
            return {};
        }
        return entry.at(key).asString();
    }

    void readLists(const Json& dataset) {
        for (const char* list : {"training", "test"}) {
            if (!dataset.contains(list)) {
                continue;
            }
            if (!dataset.at(list).isArray()) {
                problem(std::string("\"") + list + "\" must be a list");
                continue;
            }
            const bool training = std::string(list) == "training";
            const Json::Array& entries = dataset.at(list).asArray();
            for (size_t n = 0; n < entries.size(); ++n) {
                const std::string where = std::string(list) + "[" + std::to_string(n) + "]";
                const std::string image = entryPath(entries[n], "image", where);
                if (image.empty()) {
                    continue;
                }
                ImportItem item = newItem(existingFile(image, where + ".image", true), training);
                if (training && !options_.unlabeled && entries[n].isObject() &&
                    entries[n].contains("label")) {
                    const std::string label = entryPath(entries[n], "label", where);
                    item.labelPath =
                        label.empty() ? "" : existingFile(label, where + ".label", false);
                }
                if (!item.imagePath.empty()) {
                    description_.items.push_back(item);
                }
            }
        }
    }

    void readFolders(const Json& dataset) {
        std::string ending = ".nii.gz";
        if (dataset.contains("file_ending")) {
            if (!dataset.at("file_ending").isString()) {
                problem("\"file_ending\" must be a string like \".nii.gz\"");
                return;
            }
            ending = dataset.at("file_ending").asString();
        }
        const auto training = casesIn(fs::path(folder_) / "imagesTr", ending);
        if (dataset.contains("numTraining") && dataset.at("numTraining").isNumber() &&
            static_cast<size_t>(dataset.at("numTraining").asNumber()) != training.size()) {
            problem("\"numTraining\" is " + std::to_string(dataset.at("numTraining").asInt()) +
                    " but " + (fs::path(folder_) / "imagesTr").string() + " holds " +
                    std::to_string(training.size()) + " case(s)");
        }
        addCases(training, true, ending);
        addCases(casesIn(fs::path(folder_) / "imagesTs", ending), false, ending);
    }

    void addCases(const std::map<std::string, CaseFiles>& cases, bool training,
                  const std::string& ending) {
        for (const auto& [name, files] : cases) {
            ImportItem item = newItem(files.channels.begin()->second, training);
            item.name = name;
            if (files.channels.size() > 1 || channelCount_ > 1) {
                item.refusal = item.imagePath + ": case " + name + " has " +
                               std::to_string(std::max(files.channels.size(), channelCount_)) +
                               " channels" +
                               (channelNames_.empty() ? "" : " (" + channelNames_ + ")") +
                               "; the workstation imports single-channel scans";
            } else if (files.channels.count(0) == 0) {
                item.refusal =
                    item.imagePath + ": case " + name + " has no channel 0 (_0000" + ending + ")";
            }
            const fs::path label = fs::path(folder_) / "labelsTr" / (name + ending);
            std::error_code ec;
            if (training && !options_.unlabeled && fs::is_regular_file(label, ec)) {
                item.labelPath = label.string();
            }
            description_.items.push_back(item);
        }
    }

    ImportItem newItem(const std::string& image, bool training) {
        ImportItem item;
        item.imagePath = image;
        item.name = image.empty() ? std::string() : withoutChannelSuffix(imageStem(image));
        item.split = training ? options_.split : "test";
        item.modality = description_.modality;
        if (channelCount_ > 1) {
            item.refusal = image + ": has " + std::to_string(channelCount_) + " channels (" +
                           channelNames_ + "); the workstation imports single-channel scans";
        }
        return item;
    }

    std::string folder_;
    ImportOptions options_;
    DatasetDescription description_;
    size_t channelCount_ = 0;
    std::string channelNames_;
};

}  // namespace

LabelSet datasetLabelSet(const Json& dataset, std::vector<std::string>& problems) {
    if (!dataset.isObject() || !dataset.contains("labels")) {
        return {};
    }
    const Json& labels = dataset.at("labels");
    if (!labels.isObject()) {
        problems.push_back("\"labels\" must be an object of label values and names");
        return {};
    }
    std::vector<std::pair<LabelValue, std::string>> names;
    std::set<int64_t> seen;
    for (const auto& [key, value] : labels.asObject()) {
        int64_t number = 0;
        std::string name;
        if (isInteger(key) && value.isString()) {  // Decathlon: "1": "liver"
            number = std::stoll(key.substr(0, 6));
            name = value.asString();
        } else if (value.isNumber() && value.asNumber() == std::floor(value.asNumber())) {
            number = static_cast<int64_t>(value.asNumber());  // nnU-Net v2: "liver": 1
            name = key;
        } else if (value.isArray()) {
            problems.push_back("label \"" + key +
                               "\" is a region (a list of values); region-based labels are not "
                               "supported");
            continue;
        } else {
            problems.push_back("label \"" + key +
                               "\": expected \"value\": \"name\" (Decathlon) or \"name\": value "
                               "(nnU-Net)");
            continue;
        }
        if (number == 0) {
            continue;  // background
        }
        if (number < 0 || number > 65535) {
            problems.push_back("label \"" + name + "\" has value " + std::to_string(number) +
                               ", outside 1..65535");
            continue;
        }
        if (!seen.insert(number).second) {
            problems.push_back("label value " + std::to_string(number) + " is named twice");
            continue;
        }
        names.emplace_back(static_cast<LabelValue>(number), name);
    }
    std::sort(names.begin(), names.end());
    return paletteLabelSet(names);
}

DatasetDescription describeDataset(const std::string& folder, const ImportOptions& options) {
    return DatasetReader(folder, options).read();
}

}  // namespace logonet
