#pragma once

#include <string>
#include <vector>

#include "import/ScanImporter.h"

namespace logonet {

// Works out what a path holds (an image file, a folder of images, a Medical Segmentation
// Decathlon or nnU-Net folder with dataset.json, a DICOM folder) and lists the scans to import
// from it.
class ImportPlanner {
  public:
    explicit ImportPlanner(const ImportOptions& options) : options_(options) {}

    // Throws ImportError for a path that does not exist or holds nothing importable.
    std::vector<ImportItem> plan(const std::string& path) const;

  private:
    std::vector<ImportItem> planFolder(const std::string& folder) const;
    std::vector<ImportItem> planDecathlon(const std::string& folder) const;
    std::vector<ImportItem> planDicom(const std::string& folder) const;
    ImportItem itemFor(const std::string& image, const std::string& labelsDir) const;

    ImportOptions options_;
};

// True for a folder with a dataset.json (Decathlon or nnU-Net layout).
bool isDatasetFolder(const std::string& path);

// One problem as it is; several as "N problems, nothing imported:" and one line each.
std::string describeProblems(const std::vector<std::string>& problems);

// "case_0000" -> "case": nnU-Net's channel-0 suffix is not part of a case's name.
std::string withoutChannelSuffix(const std::string& stem);

// The label map in `labelsDir` for `imagePath`: the same stem (or the stem without nnU-Net's
// _0000), or that with _seg, _label, _labels, _mask or _gt; "" when there is none.
std::string matchingLabelFile(const std::string& imagePath, const std::string& labelsDir);

}  // namespace logonet
