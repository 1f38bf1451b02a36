#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "project/Project.h"

namespace logonet {

// One scan that failed to import; the message names the file and the problem.
class ImportError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct ImportOptions {
    // A folder of label maps matched to the images by file name (case_001.nii.gz <->
    // case_001.nii.gz or case_001_seg.nii.gz / case_001_label.nii.gz).
    std::string labelsDir;
    bool unlabeled = false;       // ignore any labels: an unlabeled collection
    std::string split = "train";  // "train", "val" or "test" (MSD imagesTs always go to "test")
    std::vector<std::string> tags;
};

// One unit of work: an image (a file or a DICOM series) and perhaps its label map.
struct ImportItem {
    std::string name;            // the scan's name in the project
    std::string imagePath;       // a file, or a DICOM folder
    std::string dicomSeriesUid;  // set when imagePath is a DICOM folder
    std::string labelPath;       // "" when unlabeled
    std::string split = "train";
    std::string modality;  // from a dataset.json; "" lets DICOM or the intensities decide
    std::string refusal;   // set when the plan already knows this item cannot be imported
};

struct ImportReport {
    std::vector<int64_t> imported;         // new scan ids
    std::vector<int64_t> importedLabeled;  // those of them that came with labels
    struct Duplicate {
        std::string source;
        int64_t existingScanId = 0;
        std::string reason;  // why nothing was added, e.g. "it already has these labels"
    };
    std::vector<Duplicate> duplicates;  // recognised by content hash, not imported again
    // A scan already in the project, imported again with a label file: the labels become a new
    // ground-truth version of the existing scan instead of being dropped.
    struct LabelsAttached {
        std::string source;
        int64_t scanId = 0;
        int64_t versionId = 0;
    };
    std::vector<LabelsAttached> labelsAttached;
    // Set when a dataset.json's label names became (or extended) the project's label set.
    std::string labelSetNote;
    struct Failure {
        std::string source;
        std::string message;
    };
    std::vector<Failure> failures;
    bool cancelled = false;
};

// Called before each item with the number done so far; returning false cancels the import (the
// item in progress is not started; finished items stay).
using ImportProgress = std::function<bool(int done, int total, const std::string& name)>;

// Imports scans into a project: single files, a folder of images (with a folder of labels), the
// Medical Segmentation Decathlon layout (dataset.json, imagesTr, labelsTr, imagesTs) and DICOM
// folders (each series its own scan). Images are stored as scans/<id>_<name>.nii.gz and labels
// as labels/<id>_gt.nii.gz. Each scan is atomic: on any failure neither its row nor its files stay.
class ScanImporter {
  public:
    explicit ScanImporter(Project& project);

    // Works out the layout of each path and lists what would be imported (throws ImportError for a
    // path that does not exist or holds nothing importable).
    std::vector<ImportItem> plan(const std::vector<std::string>& paths,
                                 const ImportOptions& options) const;

    // Imports every item; a failing item is reported and the others go on.
    ImportReport importPaths(const std::vector<std::string>& paths, const ImportOptions& options,
                             const ImportProgress& progress = {});
    ImportReport importItems(const std::vector<ImportItem>& items, const ImportOptions& options,
                             const ImportProgress& progress = {});

    // Imports one item; returns the new scan id, or the existing id (with `duplicate` true) when a
    // scan with the same content is already there. Throws ImportError.
    int64_t importOne(const ImportItem& item, const ImportOptions& options,
                      bool* duplicate = nullptr);
    // As importOne, and records the outcome (with its reason) in `report`.
    void importInto(const ImportItem& item, const ImportOptions& options, ImportReport& report);

    // For tests of atomicity: called with the stage name ("files-written", "row-inserted",
    // "labels-inserted") during each import; throwing from it simulates a failure there.
    void setFaultInjector(std::function<void(const std::string& stage)> injector) {
        faultInjector_ = std::move(injector);
    }

  private:
    Project& project_;
    std::function<void(const std::string& stage)> faultInjector_;
};

}  // namespace logonet
