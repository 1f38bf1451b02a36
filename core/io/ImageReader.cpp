#include "io/ImageReader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <limits>
#include <sstream>
#include <vector>

#include <itkImageIOBase.h>
#include <itkImageIOFactory.h>
#include <itkMetaImageIO.h>
#include <itkNiftiImageIO.h>
#include <itkNrrdImageIO.h>

#include "io/DicomSeriesScanner.h"
#include "io/FileSignature.h"
#include "io/ItkFactories.h"
#include "io/ItkMessage.h"
#include "io/VoxelPayload.h"

namespace logonet {

namespace {

namespace fs = std::filesystem;

std::string lowerCase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const char* const kImageExtensions[] = {".nii.gz", ".nii", ".nrrd", ".nhdr", ".mha", ".mhd"};

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
    throw ImageReadError(path + ": " + problem);
}

// Why ITK could not make sense of a file, in words a user can act on.
[[noreturn]] void failUnreadable(const std::string& path, const std::string& itkDetail) {
    if (endsWith(lowerCase(path), ".gz") && !gzipStreamIntact(path)) {
        fail(path, "truncated or corrupted gzip data");
    }
    const std::string picture = pictureFormatOf(path);
    if (!picture.empty()) {
        fail(path, "2D image (" + picture + "); a 3D scan is needed");
    }
    if (itkDetail.empty()) {
        fail(path, "not an image file that can be read (NIfTI, NRRD, MetaImage or a DICOM folder)");
    }
    fail(path, "cannot be read: " + itkDetail);
}

std::string itkProblem(const itk::ExceptionObject& error) {
    return oneLineItkMessage(error.GetDescription());
}

// The reader a file's extension names. Asking ITK's factory instead lets every reader probe
// the file, GDCM's too, which aborts the process on a .nii holding "DICM" at byte 128 (found
// by fuzz_image_read). The factory remains for files without an image extension.
itk::ImageIOBase::Pointer imageIoByExtension(const std::string& path) {
    const std::string lower = lowerCase(path);
    if (endsWith(lower, ".nii") || endsWith(lower, ".nii.gz")) {
        return itk::NiftiImageIO::New().GetPointer();
    }
    if (endsWith(lower, ".nrrd") || endsWith(lower, ".nhdr")) {
        return itk::NrrdImageIO::New().GetPointer();
    }
    if (endsWith(lower, ".mha") || endsWith(lower, ".mhd")) {
        return itk::MetaImageIO::New().GetPointer();
    }
    return nullptr;
}

itk::ImageIOBase::Pointer openImageIo(const std::string& path) {
    registerImageIoFactories();
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        fail(path, "no such file or folder");
    }
    if (fs::is_directory(path, ec)) {
        fail(path, "is a folder, not an image file");
    }
    itk::ImageIOBase::Pointer io = imageIoByExtension(path);
    if (io && !io->CanReadFile(path.c_str())) {
        failUnreadable(path, "");
    }
    if (!io) {
        io = itk::ImageIOFactory::CreateImageIO(path.c_str(), itk::IOFileModeEnum::ReadMode);
    }
    if (!io) {
        failUnreadable(path, "");
    }
    const std::string beforeItk = headerProblemBeforeItk(path);
    if (!beforeItk.empty()) {
        fail(path, beforeItk);
    }
    io->SetFileName(path);
    try {
        io->ReadImageInformation();
    } catch (const itk::ExceptionObject& error) {
        failUnreadable(path, itkProblem(error));
    }
    return io;
}

// Checks that the file holds one scalar 3D volume and returns its geometry.
ImageGeometry geometryOf(itk::ImageIOBase* io, const std::string& path) {
    const unsigned dims = io->GetNumberOfDimensions();
    // ITK throws from GetComponentSize() for a type it could not name (found by fuzz_image_read:
    // an .mha whose ElementType is garbage).
    if (io->GetComponentType() == itk::IOComponentEnum::UNKNOWNCOMPONENTTYPE) {
        fail(path, "unknown voxel type");
    }
    // No axes at all: GetDimensions(0) below would read past ITK's empty list (found by
    // fuzz_image_read: an .mha with NDims = 0).
    if (dims == 0) {
        fail(path, "the header names no axes");
    }
    // Before anything is sized by the header: a 400-byte file may claim 10^15 voxels.
    std::vector<uint64_t> dimensions;
    for (unsigned d = 0; d < dims; ++d) {
        dimensions.push_back(io->GetDimensions(d));
    }
    const std::optional<uint64_t> exact = rawPayloadBytes(path);
    const std::optional<uint64_t> bound = exact ? exact : payloadBytesAtMost(path);
    const std::string payloadProblem = voxelPayloadProblem(
        dimensions, io->GetComponentSize() * io->GetNumberOfComponents(), bound, !exact && bound);
    if (!payloadProblem.empty()) {
        fail(path, payloadProblem);
    }
    if (io->GetNumberOfComponents() != 1) {
        fail(path, std::to_string(io->GetNumberOfComponents()) +
                       " components per voxel (colour or vector image); a scalar scan is needed");
    }
    if (dims < 3 || (dims == 3 && io->GetDimensions(2) == 1)) {
        std::ostringstream size;
        size << io->GetDimensions(0) << "x" << (dims > 1 ? io->GetDimensions(1) : 1);
        fail(path, "2D image (" + size.str() + "); a 3D scan is needed");
    }
    size_t extraVolumes = 1;
    for (unsigned d = 3; d < dims; ++d) {
        extraVolumes *= io->GetDimensions(d);
    }
    if (extraVolumes > 1) {
        fail(path, std::to_string(dims) + "D image with " + std::to_string(extraVolumes) +
                       " volumes; only 3D scans can be imported");
    }
    ImageGeometry geometry;
    for (unsigned c = 0; c < 3; ++c) {
        geometry.size[c] = static_cast<int64_t>(io->GetDimensions(c));
        geometry.spacing[c] = io->GetSpacing(c);
        geometry.origin[c] = io->GetOrigin(c);
        const std::vector<double> column = io->GetDirection(c);
        for (unsigned r = 0; r < 3; ++r) {
            geometry.direction[r * 3 + c] = r < column.size() ? column[r] : (r == c ? 1.0 : 0.0);
        }
        if (!(geometry.spacing[c] > 0) || !std::isfinite(geometry.spacing[c])) {
            fail(path, "voxel spacing " + std::to_string(geometry.spacing[c]) + " along axis " +
                           std::to_string(c) + " is not a positive number");
        }
    }
    if (geometry.voxelCount() <= 0) {
        fail(path, "the image holds no voxels");
    }
    return geometry;
}

// Reads every voxel of the file and hands them to `convert(const Native*, count)`.
template <typename Out, typename Convert>
std::vector<Out> readVoxels(itk::ImageIOBase* io, const ImageGeometry& geometry,
                            const std::string& path, Convert convert) {
    const unsigned dims = io->GetNumberOfDimensions();
    itk::ImageIORegion region(dims);
    for (unsigned d = 0; d < dims; ++d) {
        region.SetIndex(d, 0);
        region.SetSize(d, io->GetDimensions(d));
    }
    io->SetIORegion(region);
    const size_t count = static_cast<size_t>(geometry.voxelCount());
    std::vector<Out> out(count);
    auto readInto = [&](void* buffer) {
        try {
            io->Read(buffer);
        } catch (const itk::ExceptionObject& error) {
            failUnreadable(path, itkProblem(error));
        }
    };
    auto readAs = [&](auto sample) {
        using Native = decltype(sample);
        if constexpr (std::is_same_v<Native, Out>) {
            readInto(out.data());
            convert(out.data(), out.data(), count);
        } else {
            std::vector<Native> native(count);
            readInto(native.data());
            convert(native.data(), out.data(), count);
        }
    };
    using C = itk::IOComponentEnum;
    switch (io->GetComponentType()) {
        case C::UCHAR:
            readAs(uint8_t{});
            break;
        case C::CHAR:
            readAs(int8_t{});
            break;
        case C::USHORT:
            readAs(uint16_t{});
            break;
        case C::SHORT:
            readAs(int16_t{});
            break;
        case C::UINT:
            readAs(uint32_t{});
            break;
        case C::INT:
            readAs(int32_t{});
            break;
        case C::ULONG:
            readAs(static_cast<unsigned long>(0));
            break;
        case C::LONG:
            readAs(static_cast<long>(0));
            break;
        case C::ULONGLONG:
            readAs(static_cast<unsigned long long>(0));
            break;
        case C::LONGLONG:
            readAs(static_cast<long long>(0));
            break;
        case C::FLOAT:
            readAs(float{});
            break;
        case C::DOUBLE:
            readAs(double{});
            break;
        default:
            fail(path, "unsupported voxel type " +
                           itk::ImageIOBase::GetComponentTypeAsString(io->GetComponentType()));
    }
    return out;
}

bool isDicomFolder(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

// ITK reads exactly the voxel bytes of a .gz and never reaches the gzip trailer, so a truncated or
// corrupted file can come back as silent garbage. The whole stream (with its CRC) is therefore
// inflated once more on a second thread while ITK reads: on two cores this costs little wall time.
class GzipCheck {
  public:
    explicit GzipCheck(const std::string& path) : path_(path) {
        if (endsWith(lowerCase(path), ".gz")) {
            intact_ = std::async(std::launch::async, gzipStreamIntact, path);
        }
    }
    void require() {
        if (intact_.valid() && !intact_.get()) {
            fail(path_, "truncated or corrupted gzip data");
        }
    }

  private:
    std::string path_;
    std::future<bool> intact_;
};

ImageVolume readDicomFolder(const std::string& path) {
    DicomSeriesScanner scanner(path);
    const std::vector<DicomSeriesInfo> series = scanner.scan();
    if (series.empty()) {
        fail(path, "folder holds no DICOM series");
    }
    if (series.size() > 1) {
        fail(path, "folder holds " + std::to_string(series.size()) +
                       " DICOM series; import the folder to get each as its own scan");
    }
    return scanner.read(series.front());
}

}  // namespace

std::string imageStem(const std::string& path) {
    std::string name = fs::path(path).filename().string();
    const std::string lower = lowerCase(name);
    for (const char* extension : kImageExtensions) {
        if (endsWith(lower, extension)) {
            return name.substr(0, name.size() - std::strlen(extension));
        }
    }
    return fs::path(name).stem().string();
}

bool hasImageExtension(const std::string& path) {
    const std::string lower = lowerCase(fs::path(path).filename().string());
    for (const char* extension : kImageExtensions) {
        if (endsWith(lower, extension)) {
            return true;
        }
    }
    return false;
}

ImageGeometry readImageGeometry(const std::string& path) {
    if (isDicomFolder(path)) {
        return readDicomFolder(path).geometry();
    }
    itk::ImageIOBase::Pointer io = openImageIo(path);
    return geometryOf(io.GetPointer(), path);
}

std::string readPixelType(const std::string& path) {
    if (isDicomFolder(path)) {
        return "int16";
    }
    itk::ImageIOBase::Pointer io = openImageIo(path);
    using C = itk::IOComponentEnum;
    switch (io->GetComponentType()) {
        case C::UCHAR:
            return "uint8";
        case C::CHAR:
            return "int8";
        case C::USHORT:
            return "uint16";
        case C::SHORT:
            return "int16";
        case C::UINT:
            return "uint32";
        case C::INT:
            return "int32";
        case C::FLOAT:
            return "float";
        case C::DOUBLE:
            return "double";
        default:
            return itk::ImageIOBase::GetComponentTypeAsString(io->GetComponentType());
    }
}

ImageVolume readImage(const std::string& path) {
    if (isDicomFolder(path)) {
        return readDicomFolder(path);
    }
    GzipCheck gzipCheck(path);
    itk::ImageIOBase::Pointer io = openImageIo(path);
    const ImageGeometry geometry = geometryOf(io.GetPointer(), path);
    std::vector<float> voxels = readVoxels<float>(
        io.GetPointer(), geometry, path, [](const auto* in, float* out, size_t count) {
            using Native = std::remove_cv_t<std::remove_pointer_t<decltype(in)>>;
            if constexpr (!std::is_same_v<Native, float>) {
                for (size_t n = 0; n < count; ++n) {
                    out[n] = static_cast<float>(in[n]);
                }
            }
        });
    gzipCheck.require();
    return ImageVolume(geometry, std::move(voxels));
}

LabelVolume readLabelMap(const std::string& path) {
    if (isDicomFolder(path)) {
        fail(path, "a DICOM folder cannot be a label map");
    }
    GzipCheck gzipCheck(path);
    itk::ImageIOBase::Pointer io = openImageIo(path);
    const ImageGeometry geometry = geometryOf(io.GetPointer(), path);
    std::vector<LabelValue> voxels = readVoxels<LabelValue>(
        io.GetPointer(), geometry, path, [&](const auto* in, LabelValue* out, size_t count) {
            using Native = std::remove_cv_t<std::remove_pointer_t<decltype(in)>>;
            if constexpr (std::is_same_v<Native, LabelValue>) {
                return;
            } else {
                for (size_t n = 0; n < count; ++n) {
                    const Native v = in[n];
                    const bool whole = std::is_integral_v<Native> ||
                                       std::floor(static_cast<double>(v)) == static_cast<double>(v);
                    if (!whole || static_cast<double>(v) < 0 || static_cast<double>(v) > 65535) {
                        std::ostringstream text;
                        text << "voxel value " << static_cast<double>(v)
                             << " is not a label (whole numbers 0..65535 expected)";
                        fail(path, text.str());
                    }
                    out[n] = static_cast<LabelValue>(v);
                }
            }
        });
    gzipCheck.require();
    return LabelVolume(geometry, std::move(voxels));
}

}  // namespace logonet
