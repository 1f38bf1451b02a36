#include "import/ScanImporter.h"
#include "database/UtcTime.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "database/StorageError.h"
#include "fs/DurableFile.h"
#include "import/ContentHash.h"
#include "import/DatasetDescription.h"
#include "import/DatasetLabels.h"
#include "import/ImportPlanner.h"
#include "import/LabelAttachment.h"
#include "io/DicomSeriesScanner.h"
#include "io/ImageReader.h"
#include "io/ImageWriter.h"
#include "versions/LabelVersionStore.h"
#include "volume/ModalityGuess.h"

namespace logonet {

namespace {

namespace fs = std::filesystem;

bool isNiftiGz(const std::string& path) {
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.size() > 7 && lower.compare(lower.size() - 7, 7, ".nii.gz") == 0;
}

// File names keep letters, digits, '-' and '_' so a scan name cannot escape scans/.
std::string safeFileName(const std::string& name) {
    std::string safe;
    for (const char c : name) {
        safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    }
    return safe.substr(0, 80);
}

std::string temporaryName(const std::string& folder, const std::string& what) {
    return uniqueTemporaryPath((fs::path(folder) / (what + ".nii.gz")).string());
}

// A .nii.gz is stored byte for byte (no re-compression, the header exactly as the scanner wrote
// it); other formats are converted. A failure names what was being stored and where, since the
// temporary file's own name means nothing to a user.
template <typename Write>
void storeFile(const std::string& source, const std::string& target, const std::string& what,
               Write write) {
    const std::string folder = fs::path(target).parent_path().string();
    if (isNiftiGz(source)) {
        std::error_code ec;
        fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
        if (ec) {
            throw ImportError(source + ": cannot be copied into " + folder + ": " + ec.message() +
                              " (is the disk full?)");
        }
        try {
            syncFile(target);
        } catch (const DurableWriteError& error) {
            throw ImportError(error.what());
        }
        return;
    }
    try {
        write();
    } catch (const std::exception& error) {
        throw ImportError("the " + what + " cannot be written into " + folder + ": " +
                          error.what() + " (is the disk full?)");
    }
}

ImageVolume readItemImage(const ImportItem& item) {
    if (item.dicomSeriesUid.empty()) {
        return readImage(item.imagePath);
    }
    DicomSeriesScanner scanner(item.imagePath);
    for (const DicomSeriesInfo& series : scanner.scan()) {
        if (series.uid == item.dicomSeriesUid) {
            return scanner.read(series);
        }
    }
    throw ImportError(item.imagePath + ": DICOM series " + item.dicomSeriesUid + " is gone");
}

std::string dicomModality(const ImportItem& item) {
    if (item.dicomSeriesUid.empty()) {
        return {};
    }
    for (const DicomSeriesInfo& series : DicomSeriesScanner(item.imagePath).scan()) {
        if (series.uid == item.dicomSeriesUid) {
            return series.modality;
        }
    }
    return {};
}

}  // namespace

ScanImporter::ScanImporter(Project& project) : project_(project) {}

std::vector<ImportItem> ScanImporter::plan(const std::vector<std::string>& paths,
                                           const ImportOptions& options) const {
    checkSplit(options.split);
    ImportPlanner planner(options);
    std::vector<ImportItem> items;
    for (const std::string& path : paths) {
        std::vector<ImportItem> found = planner.plan(path);
        items.insert(items.end(), found.begin(), found.end());
    }
    return items;
}

ImportReport ScanImporter::importPaths(const std::vector<std::string>& paths,
                                       const ImportOptions& options,
                                       const ImportProgress& progress) {
    checkSplit(options.split);
    // Every path is planned, and every dataset.json checked, before anything is copied: a
    // problem anywhere imports nothing, and all problems are reported together.
    ImportPlanner planner(options);
    std::vector<ImportItem> items;
    std::vector<DatasetDescription> datasets;
    std::vector<std::string> problems;
    for (const std::string& path : paths) {
        try {
            if (isDatasetFolder(path)) {
                datasets.push_back(describeDataset(path, options));
                const DatasetDescription& dataset = datasets.back();
                problems.insert(problems.end(), dataset.problems.begin(), dataset.problems.end());
                items.insert(items.end(), dataset.items.begin(), dataset.items.end());
            } else {
                const std::vector<ImportItem> found = planner.plan(path);
                items.insert(items.end(), found.begin(), found.end());
            }
        } catch (const ImportError& error) {
            problems.push_back(error.what());
        }
    }
    if (!problems.empty()) {
        throw ImportError(describeProblems(problems));
    }
    std::string labelSetNote;
    if (!options.unlabeled) {
        for (const DatasetDescription& dataset : datasets) {
            const std::string note = reconcileDatasetLabels(project_, dataset);
            labelSetNote += (labelSetNote.empty() || note.empty() ? "" : "; ") + note;
        }
    }
    ImportReport report = importItems(items, options, progress);
    report.labelSetNote = labelSetNote;
    return report;
}

ImportReport ScanImporter::importItems(const std::vector<ImportItem>& items,
                                       const ImportOptions& options,
                                       const ImportProgress& progress) {
    ImportReport report;
    const int total = static_cast<int>(items.size());
    for (int n = 0; n < total; ++n) {
        const ImportItem& item = items[static_cast<size_t>(n)];
        if (progress && !progress(n, total, item.name)) {
            report.cancelled = true;
            return report;
        }
        try {
            importInto(item, options, report);
        } catch (const std::exception& error) {
            report.failures.push_back({item.imagePath, error.what()});
        }
    }
    if (progress) {
        progress(total, total, "");
    }
    return report;
}

void ScanImporter::importInto(const ImportItem& item, const ImportOptions& options,
                              ImportReport& report) {
    bool duplicate = false;
    const int64_t id = importOne(item, options, &duplicate);
    const bool labeled = !item.labelPath.empty() && !options.unlabeled;
    if (!duplicate) {
        report.imported.push_back(id);
        if (labeled) {
            report.importedLabeled.push_back(id);
        }
        return;
    }
    const std::string same = "same content as scan " + std::to_string(id);
    if (!labeled) {
        report.duplicates.push_back({item.imagePath, id, same + "; no label file came with it"});
        return;
    }
    LabelVolume labels;
    try {
        labels = readLabelMap(item.labelPath);
    } catch (const ImageReadError& error) {
        throw ImportError(error.what());
    }
    for (const LabelVersionRecord& version : project_.labelVersions(id)) {
        if (version.kind == "ground-truth" &&
            project_.loadLabels(version.id).voxels() == labels.voxels()) {
            report.duplicates.push_back({item.imagePath, id,
                                         same + ", which already has these labels (version " +
                                             std::to_string(version.id) + ")"});
            return;
        }
    }
    const LabelVersionRecord added = attachLabelFile(project_, id, item.labelPath);
    report.labelsAttached.push_back({item.imagePath, id, added.id});
}

int64_t ScanImporter::importOne(const ImportItem& item, const ImportOptions& options,
                                bool* duplicate) {
    checkSplit(item.split);
    if (!item.refusal.empty()) {
        throw ImportError(item.refusal);
    }
    ImageVolume image;
    LabelVolume labels;
    const bool labeled = !item.labelPath.empty() && !options.unlabeled;
    try {
        image = readItemImage(item);
        if (labeled) {
            labels = readLabelMap(item.labelPath);
        }
    } catch (const ImageReadError& error) {
        throw ImportError(error.what());
    }
    const std::string hash = contentHash(image);
    if (const auto existing = project_.findScanByHash(hash)) {
        if (duplicate) {
            *duplicate = true;
        }
        return existing->id;
    }
    if (labeled) {
        const std::string mismatch = LabelVersionStore::geometryMismatch(
            item.labelPath, labels.geometry(), image.geometry());
        if (!mismatch.empty()) {
            throw ImportError(mismatch + " (" + item.imagePath + ")");
        }
        const std::vector<LabelValue> unknown =
            LabelVersionStore::unknownValues(labels, project_.labelSet());
        if (!unknown.empty()) {
            std::string list;
            for (const LabelValue value : unknown) {
                list += (list.empty() ? "" : ", ") + std::to_string(value);
            }
            throw ImportError(item.labelPath + ": label values " + list +
                              " are not in the project's label set");
        }
    }

    const std::string scansDir = project_.absolutePath("scans");
    const std::string labelsDir = project_.absolutePath("labels");
    std::error_code ec;
    fs::create_directories(scansDir, ec);
    fs::create_directories(labelsDir, ec);
    // Everything this import creates, so a failure anywhere removes exactly that.
    std::vector<std::string> created;
    auto cleanUp = [&] {
        std::error_code ignored;
        for (const std::string& path : created) {
            fs::remove(path, ignored);
        }
    };
    try {
        const std::string imageTemp = temporaryName(scansDir, "scan");
        created.push_back(imageTemp);
        storeFile(item.dicomSeriesUid.empty() ? item.imagePath : std::string(), imageTemp,
                  "scan " + item.name, [&] { writeImage(image, imageTemp); });
        std::string labelTemp;
        if (labeled) {
            labelTemp = temporaryName(labelsDir, "labels");
            created.push_back(labelTemp);
            storeFile(item.labelPath, labelTemp, "label map of " + item.name,
                      [&] { writeLabelMap(labels, labelTemp); });
        }
        if (faultInjector_) {
            faultInjector_("files-written");
        }

        Database& database = project_.database();
        Transaction transaction(database);
        Statement insert = database.prepare(
            "INSERT INTO scans (name, path, content_hash, modality, source_path, pixel_type, "
            "size_x, size_y, size_z, spacing_x, spacing_y, spacing_z, labeled, split, tags, "
            "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?)");
        const ImageGeometry& g = image.geometry();
        std::string modality = item.modality.empty() ? dicomModality(item) : item.modality;
        if (modality.empty()) {
            modality = guessModality(image);
        }
        insert.bind(1, item.name).bind(2, imageTemp).bind(3, hash).bind(4, modality);
        insert.bind(5, fs::absolute(item.imagePath).string()).bind(6, readPixelType(imageTemp));
        for (int a = 0; a < 3; ++a) {
            insert.bind(7 + a, g.size[a]).bind(10 + a, g.spacing[a]);
        }
        insert.bind(13, labeled ? 1 : 0).bind(14, item.split).bind(15, utcNow());
        insert.run();
        const int64_t id = database.lastInsertId();
        char prefix[16];
        std::snprintf(prefix, sizeof prefix, "%06lld_", static_cast<long long>(id));
        const std::string imageRelative =
            std::string("scans/") + prefix + safeFileName(item.name) + ".nii.gz";
        Statement setPath = database.prepare("UPDATE scans SET path = ? WHERE id = ?");
        setPath.bind(1, imageRelative).bind(2, id).run();
        if (faultInjector_) {
            faultInjector_("row-inserted");
        }
        std::string labelRelative;
        if (labeled) {
            Statement version = database.prepare(
                "INSERT INTO label_versions (scan_id, kind, run_name, path, created, "
                "content_hash) VALUES (?, 'ground-truth', '', ?, ?, ?)");
            version.bind(1, id).bind(2, labelTemp).bind(3, utcNow()).bind(4, contentHash(labels));
            version.run();
            const int64_t versionId = database.lastInsertId();
            labelRelative =
                "labels/" + std::to_string(id) + "_v" + std::to_string(versionId) + ".nii.gz";
            Statement setLabelPath =
                database.prepare("UPDATE label_versions SET path = ? WHERE id = ?");
            setLabelPath.bind(1, labelRelative).bind(2, versionId).run();
            if (faultInjector_) {
                faultInjector_("labels-inserted");
            }
        }
        created.push_back(project_.absolutePath(imageRelative));
        // Both files are flushed under their final names before the row commits (durably), so
        // a crash before the commit leaves only files without rows: leftovers `logonet check`
        // reports as removable, never a row without its file.
        publishDurably(imageTemp, project_.absolutePath(imageRelative));
        if (labeled) {
            created.push_back(project_.absolutePath(labelRelative));
            publishDurably(labelTemp, project_.absolutePath(labelRelative));
        }
        transaction.commit();
        if (duplicate) {
            *duplicate = false;
        }
        return id;
    } catch (const fs::filesystem_error& error) {
        cleanUp();
        throw ImportError(item.imagePath +
                          ": cannot store the scan in the project: " + error.code().message());
    } catch (const ImageWriteError& error) {
        cleanUp();
        throw ImportError(error.what());
    } catch (const DurableWriteError& error) {
        cleanUp();
        throw ImportError(item.imagePath +
                          ": cannot store the scan in the project: " + error.what());
    } catch (...) {
        cleanUp();
        throw;
    }
}

}  // namespace logonet
