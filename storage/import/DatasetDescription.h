#pragma once

#include <string>
#include <vector>

#include "import/ScanImporter.h"
#include "json/Json.h"
#include "labels/LabelSet.h"

namespace logonet {

// What a dataset folder's dataset.json says, in either layout labs exchange:
//  - Medical Segmentation Decathlon (and nnU-Net v1): "labels" {"0": "background", "1": "liver"},
//    "modality" {"0": "CT"}, "training" [{"image", "label"}], "test" [paths];
//  - nnU-Net v2: "labels" {"background": 0, "liver": 1}, "channel_names" {"0": "CT"},
//    "file_ending", images as imagesTr/<case>_0000.nii.gz with labels labelsTr/<case>.nii.gz.
// Every problem is collected (not only the first), each naming its file, so a user can mend the
// dataset in one go; an import with problems copies nothing.
struct DatasetDescription {
    std::string path;      // the dataset.json
    LabelSet labels;       // the labels it names, background left out, coloured from the palette
    std::string modality;  // "CT" or "MR" from its first channel; "" when it names none
    std::vector<ImportItem> items;
    std::vector<std::string> problems;
};

// The label set a dataset.json names, in either layout; problems are added to `problems` (without
// the file name, which the caller knows).
LabelSet datasetLabelSet(const Json& dataset, std::vector<std::string>& problems);

DatasetDescription describeDataset(const std::string& folder, const ImportOptions& options);

}  // namespace logonet
