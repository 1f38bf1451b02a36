#pragma once

#include <string>

#include "import/DatasetDescription.h"
#include "project/Project.h"

namespace logonet {

// Makes the project's label set agree with the label names of a dataset.json before its scans
// are imported, so that value 1 of a liver dataset is called "liver", not the project's "spleen".
//  - Names that agree (case aside): nothing changes.
//  - A project without any label version yet takes the dataset's label set as it is.
//  - Otherwise values the project lacks are added; a value the project already names otherwise
//    is refused (ImportError naming both), since relabelling would rename existing label maps.
// Returns a sentence for the import report, "" when nothing changed.
std::string reconcileDatasetLabels(Project& project, const DatasetDescription& dataset);

}  // namespace logonet
