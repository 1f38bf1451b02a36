#include "io/ImageWriter.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <system_error>

#include <itkImage.h>
#include <itkImageFileWriter.h>
#include <itkImageIOFactory.h>

#include "fs/DurableFile.h"
#include "io/ItkFactories.h"
#include "io/ItkMessage.h"

namespace logonet {

namespace {

namespace fs = std::filesystem;

bool endsWith(std::string text, const std::string& suffix) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

template <typename T>
void writeVoxels(const ImageGeometry& geometry, const T* voxels, const std::string& path) {
    registerImageIoFactories();
    const fs::path folder = fs::absolute(path).parent_path();
    std::error_code missing;
    if (!fs::is_directory(folder, missing)) {
        throw ImageWriteError(path + ": cannot be written: folder " + folder.string() +
                              " does not exist");
    }
    using Image = itk::Image<T, 3>;
    auto image = Image::New();
    typename Image::RegionType region;
    typename Image::PointType origin;
    typename Image::SpacingType spacing;
    typename Image::DirectionType direction;
    for (unsigned c = 0; c < 3; ++c) {
        region.SetSize(c, static_cast<itk::SizeValueType>(geometry.size[c]));
        origin[c] = geometry.origin[c];
        spacing[c] = geometry.spacing[c];
        for (unsigned r = 0; r < 3; ++r) {
            direction(r, c) = geometry.direction[r * 3 + c];
        }
    }
    image->SetRegions(region);
    image->SetOrigin(origin);
    image->SetSpacing(spacing);
    image->SetDirection(direction);
    // ITK only reads the buffer while writing; it does not take ownership.
    image->GetPixelContainer()->SetImportPointer(const_cast<T*>(voxels),
                                                 static_cast<size_t>(geometry.voxelCount()), false);

    // Two-file formats name their data file inside the header, so renaming would break them.
    const bool twoFiles = endsWith(path, ".mhd") || endsWith(path, ".nhdr");
    // The temporary name keeps the extension: ITK picks the format and the compression from it.
    const std::string target = twoFiles ? path : uniqueTemporaryPath(path);
    itk::ImageIOBase::Pointer io =
        itk::ImageIOFactory::CreateImageIO(target.c_str(), itk::IOFileModeEnum::WriteMode);
    if (!io) {
        throw ImageWriteError(path + ": unknown image format (use .nii.gz, .nii, .nrrd or .mha)");
    }
    auto writer = itk::ImageFileWriter<Image>::New();
    writer->SetImageIO(io);
    writer->SetFileName(target);
    writer->SetInput(image);
    writer->SetUseCompression(endsWith(path, ".gz"));
    try {
        writer->Update();
    } catch (const itk::ExceptionObject& error) {
        std::error_code ignored;
        fs::remove(target, ignored);
        const std::string detail = oneLineItkMessage(error.GetDescription());
        const bool full = std::errc::no_space_on_device == std::errc(errno);
        throw ImageWriteError(path + ": cannot be written" +
                              (full ? std::string(" (the disk is full)") : ": " + detail));
    }
    try {
        if (twoFiles) {
            syncFile(path);
            syncFolder(fs::absolute(path).parent_path().string());
        } else {
            publishDurably(target, path);
        }
    } catch (const DurableWriteError& error) {
        throw ImageWriteError(error.what());
    }
}

template <typename Out, typename In>
std::vector<Out> convertVoxels(const std::vector<In>& in) {
    std::vector<Out> out(in.size());
    for (size_t n = 0; n < in.size(); ++n) {
        out[n] = static_cast<Out>(in[n]);
    }
    return out;
}

StoredPixelType automaticType(const ImageVolume& image) {
    bool fitsUInt8 = true;
    for (const float v : image.voxels()) {
        if (v != std::floor(v) || v < -32768.0f || v > 32767.0f) {
            return StoredPixelType::Float;
        }
        fitsUInt8 = fitsUInt8 && v >= 0.0f && v <= 255.0f;
    }
    return fitsUInt8 ? StoredPixelType::UInt8 : StoredPixelType::Int16;
}

}  // namespace

void writeImage(const ImageVolume& image, const std::string& path, StoredPixelType type) {
    if (image.empty()) {
        throw ImageWriteError(path + ": cannot write an empty image");
    }
    if (type == StoredPixelType::Automatic) {
        type = automaticType(image);
    }
    switch (type) {
        case StoredPixelType::UInt8:
            writeVoxels(image.geometry(), convertVoxels<uint8_t>(image.voxels()).data(), path);
            break;
        case StoredPixelType::Int16:
            writeVoxels(image.geometry(), convertVoxels<int16_t>(image.voxels()).data(), path);
            break;
        default:
            writeVoxels(image.geometry(), image.data(), path);
            break;
    }
}

void writeLabelMap(const LabelVolume& labels, const std::string& path) {
    if (labels.empty()) {
        throw ImageWriteError(path + ": cannot write an empty label map");
    }
    const auto& voxels = labels.voxels();
    const LabelValue maxValue = *std::max_element(voxels.begin(), voxels.end());
    if (maxValue <= 255) {
        writeVoxels(labels.geometry(), convertVoxels<uint8_t>(voxels).data(), path);
    } else {
        writeVoxels(labels.geometry(), labels.data(), path);
    }
}

}  // namespace logonet
