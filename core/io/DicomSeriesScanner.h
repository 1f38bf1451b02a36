#pragma once

#include <string>
#include <vector>

#include "volume/Volume.h"

namespace logonet {

// One DICOM series found in a folder.
struct DicomSeriesInfo {
    std::string uid;  // SeriesInstanceUID
    std::string description;
    std::string modality;
    std::string patientName;
    int sliceCount = 0;
    std::vector<std::string> files;  // ordered by slice position along the stack
    // What makes this series unsafe to import as a volume, e.g. "slice gap of 5 mm where the
    // spacing is 2.5 mm (1 missing slice near z = 10 mm)" or "inconsistent slice spacing".
    std::vector<std::string> problems;

    bool usable() const { return problems.empty() && sliceCount >= 2; }
};

// Lists and reads the DICOM series of a folder (searched recursively) through GDCM.
class DicomSeriesScanner {
  public:
    explicit DicomSeriesScanner(std::string folder);

    // True when `folder` holds at least one DICOM file (looks at the files' headers).
    static bool looksLikeDicomFolder(const std::string& folder);

    // Every series of the folder with its problems; an empty list when there is none.
    std::vector<DicomSeriesInfo> scan() const;

    // Reads one series as a volume ordered by slice position (LPS geometry from the headers).
    // Throws ImageReadError naming the folder and the series when it has problems.
    ImageVolume read(const DicomSeriesInfo& series) const;

    const std::string& folder() const { return folder_; }

  private:
    std::string folder_;
};

}  // namespace logonet
