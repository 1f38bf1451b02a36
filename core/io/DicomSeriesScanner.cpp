#include "io/DicomSeriesScanner.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <locale>
#include <map>
#include <sstream>

#include <gdcmScanner.h>
#include <itkGDCMImageIO.h>
#include <itkImage.h>
#include <itkImageSeriesReader.h>

#include "io/DicomSlicePayload.h"
#include "io/ImageReader.h"
#include "io/ItkFactories.h"
#include "io/ItkMessage.h"

namespace logonet {

namespace {

namespace fs = std::filesystem;

const gdcm::Tag kSeriesUid(0x0020, 0x000e);
const gdcm::Tag kDescription(0x0008, 0x103e);
const gdcm::Tag kModality(0x0008, 0x0060);
const gdcm::Tag kPatientName(0x0010, 0x0010);
const gdcm::Tag kPosition(0x0020, 0x0032);
const gdcm::Tag kOrientation(0x0020, 0x0037);
const gdcm::Tag kRows(0x0028, 0x0010);
const gdcm::Tag kColumns(0x0028, 0x0011);

bool hasDicomPreamble(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[132] = {0};
    in.read(header, sizeof header);
    return in.gcount() == 132 && std::memcmp(header + 128, "DICM", 4) == 0;
}

std::vector<std::string> dicomFilesIn(const std::string& folder) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && hasDicomPreamble(it->path())) {
            files.push_back(it->path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string trimmed(const char* value) {
    std::string text = value ? value : "";
    while (!text.empty() && (text.back() == ' ' || text.back() == '\0')) {
        text.pop_back();
    }
    const auto first = text.find_first_not_of(' ');
    return first == std::string::npos ? std::string() : text.substr(first);
}

// "a\b\c" -> numbers; empty when the value is missing or malformed.
std::vector<double> numbersOf(const char* value) {
    std::vector<double> numbers;
    std::string text = trimmed(value);
    std::replace(text.begin(), text.end(), '\\', ' ');
    std::istringstream in(text);
    // The classic locale: a global German one would take '.' for a thousands separator.
    in.imbue(std::locale::classic());
    double number = 0;
    while (in >> number) {
        numbers.push_back(number);
    }
    return numbers;
}

struct Slice {
    std::string file;
    double position = 0;  // along the slice normal, mm
    std::vector<double> orientation;
    std::string rows, columns;
};

std::string format(double value) {
    std::ostringstream text;
    text.imbue(std::locale::classic());
    text.precision(4);
    text << value;
    return text.str();
}

// Sorts the slices along their normal and lists what would make the stack a wrong volume.
std::vector<std::string> orderAndCheck(std::vector<Slice>& slices) {
    std::vector<std::string> problems;
    if (slices.size() < 2) {
        problems.push_back("only one slice; a 3D scan needs several");
        return problems;
    }
    const std::vector<double>& o = slices.front().orientation;
    for (const Slice& slice : slices) {
        if (slice.orientation.size() != 6) {
            problems.push_back("slices without position or orientation (not an image stack)");
            return problems;
        }
        for (int n = 0; n < 6; ++n) {
            if (std::abs(slice.orientation[n] - o[n]) > 1e-4) {
                problems.push_back("slices have different orientations");
                return problems;
            }
        }
        if (slice.rows != slices.front().rows || slice.columns != slices.front().columns) {
            problems.push_back("slices have different sizes");
            return problems;
        }
    }
    std::sort(slices.begin(), slices.end(),
              [](const Slice& a, const Slice& b) { return a.position < b.position; });
    std::vector<double> gaps;
    for (size_t n = 1; n < slices.size(); ++n) {
        gaps.push_back(slices[n].position - slices[n - 1].position);
    }
    std::vector<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    const double typical = sorted[sorted.size() / 2];
    if (typical < 1e-4) {
        problems.push_back("several slices share one position (duplicated slices?)");
        return problems;
    }
    bool inconsistent = false;
    for (size_t n = 0; n < gaps.size(); ++n) {
        const double ratio = gaps[n] / typical;
        if (gaps[n] < 1e-4 * typical) {
            problems.push_back("two slices at position " + format(slices[n].position) + " mm");
        } else if (ratio > 1.5) {
            const long missing = std::lround(ratio) - 1;
            problems.push_back(std::to_string(std::max(missing, 1L)) +
                               " missing slice(s) between " + format(slices[n].position) + " and " +
                               format(slices[n + 1].position) + " mm (slice spacing " +
                               format(typical) + " mm)");
        } else if (std::abs(ratio - 1.0) > 0.1) {
            inconsistent = true;
        }
    }
    if (inconsistent) {
        problems.push_back("inconsistent slice spacing (" + format(sorted.front()) + " to " +
                           format(sorted.back()) + " mm)");
    }
    return problems;
}

}  // namespace

DicomSeriesScanner::DicomSeriesScanner(std::string folder) : folder_(std::move(folder)) {}

bool DicomSeriesScanner::looksLikeDicomFolder(const std::string& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        return false;
    }
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && hasDicomPreamble(it->path())) {
            return true;
        }
    }
    return false;
}

std::vector<DicomSeriesInfo> DicomSeriesScanner::scan() const {
    const std::vector<std::string> files = dicomFilesIn(folder_);
    if (files.empty()) {
        return {};
    }
    gdcm::Scanner scanner;
    for (const gdcm::Tag& tag : {kSeriesUid, kDescription, kModality, kPatientName, kPosition,
                                 kOrientation, kRows, kColumns}) {
        scanner.AddTag(tag);
    }
    if (!scanner.Scan(files)) {
        throw ImageReadError(folder_ + ": the DICOM files cannot be scanned");
    }
    std::map<std::string, std::vector<std::string>> filesBySeries;
    for (const std::string& file : files) {
        if (scanner.IsKey(file.c_str())) {
            filesBySeries[trimmed(scanner.GetValue(file.c_str(), kSeriesUid))].push_back(file);
        }
    }
    std::vector<DicomSeriesInfo> result;
    for (auto& [uid, seriesFiles] : filesBySeries) {
        DicomSeriesInfo info;
        info.uid = uid;
        const char* first = seriesFiles.front().c_str();
        info.description = trimmed(scanner.GetValue(first, kDescription));
        info.modality = trimmed(scanner.GetValue(first, kModality));
        info.patientName = trimmed(scanner.GetValue(first, kPatientName));
        std::vector<Slice> slices;
        for (const std::string& file : seriesFiles) {
            Slice slice;
            slice.file = file;
            slice.orientation = numbersOf(scanner.GetValue(file.c_str(), kOrientation));
            const std::vector<double> position =
                numbersOf(scanner.GetValue(file.c_str(), kPosition));
            slice.rows = trimmed(scanner.GetValue(file.c_str(), kRows));
            slice.columns = trimmed(scanner.GetValue(file.c_str(), kColumns));
            if (position.size() != 3) {
                slice.orientation.clear();
            } else if (slice.orientation.size() == 6) {
                const std::vector<double>& o = slice.orientation;
                const std::array<double, 3> normal{o[1] * o[5] - o[2] * o[4],
                                                   o[2] * o[3] - o[0] * o[5],
                                                   o[0] * o[4] - o[1] * o[3]};
                slice.position =
                    position[0] * normal[0] + position[1] * normal[1] + position[2] * normal[2];
            }
            slices.push_back(slice);
        }
        if (uid.empty()) {
            info.problems.push_back("files without a SeriesInstanceUID");
        }
        const std::vector<std::string> problems = orderAndCheck(slices);
        info.problems.insert(info.problems.end(), problems.begin(), problems.end());
        for (const Slice& slice : slices) {
            info.files.push_back(slice.file);
        }
        info.sliceCount = static_cast<int>(info.files.size());
        result.push_back(std::move(info));
    }
    return result;
}

ImageVolume DicomSeriesScanner::read(const DicomSeriesInfo& series) const {
    const std::string name = folder_ + " (series " +
                             (series.description.empty() ? series.uid : series.description) + ")";
    if (!series.problems.empty()) {
        throw ImageReadError(name + ": " + series.problems.front());
    }
    if (series.sliceCount < 2) {
        throw ImageReadError(name + ": only one slice; a 3D scan needs several");
    }
    // GDCM reads a slice cut short with a warning and garbage for the missing pixels.
    for (const std::string& file : series.files) {
        const std::string problem = dicomSlicePayloadProblem(file);
        if (!problem.empty()) {
            throw ImageReadError(file + ": " + problem);
        }
    }
    registerImageIoFactories();
    using Image = itk::Image<float, 3>;
    auto reader = itk::ImageSeriesReader<Image>::New();
    reader->SetImageIO(itk::GDCMImageIO::New());
    reader->SetFileNames(series.files);
    try {
        reader->Update();
    } catch (const itk::ExceptionObject& error) {
        throw ImageReadError(name +
                             ": cannot be read: " + oneLineItkMessage(error.GetDescription()));
    }
    Image::Pointer image = reader->GetOutput();
    ImageGeometry geometry;
    const auto size = image->GetLargestPossibleRegion().GetSize();
    for (unsigned c = 0; c < 3; ++c) {
        geometry.size[c] = static_cast<int64_t>(size[c]);
        geometry.spacing[c] = image->GetSpacing()[c];
        geometry.origin[c] = image->GetOrigin()[c];
        for (unsigned r = 0; r < 3; ++r) {
            geometry.direction[r * 3 + c] = image->GetDirection()(r, c);
        }
    }
    const float* buffer = image->GetBufferPointer();
    return ImageVolume(
        geometry, std::vector<float>(buffer, buffer + static_cast<size_t>(geometry.voxelCount())));
}

}  // namespace logonet
