#include "io/DicomSeriesWriter.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include <itkGDCMImageIO.h>
#include <itkImage.h>
#include <itkImageFileWriter.h>
#include <itkMetaDataObject.h>

#include "io/ImageWriter.h"
#include "io/ItkFactories.h"
#include "io/ItkMessage.h"

namespace logonet {

void writeDicomSeries(const ImageVolume& image, const std::string& folder,
                      const DicomSeriesTags& tags) {
    registerImageIoFactories();
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        throw ImageWriteError(folder + ": cannot create the folder: " + ec.message());
    }
    const ImageGeometry& geometry = image.geometry();
    // One slice at a time as a 3D image of depth 1, so that GDCM writes each slice's own
    // ImagePositionPatient from the slice origin.
    using Slice = itk::Image<int16_t, 3>;
    for (int64_t k = 0; k < geometry.size[2]; ++k) {
        auto slice = Slice::New();
        Slice::RegionType region;
        region.SetSize(0, static_cast<itk::SizeValueType>(geometry.size[0]));
        region.SetSize(1, static_cast<itk::SizeValueType>(geometry.size[1]));
        region.SetSize(2, 1);
        slice->SetRegions(region);
        slice->Allocate();
        const Vec3 origin = geometry.indexToWorld({0.0, 0.0, static_cast<double>(k)});
        Slice::PointType point;
        Slice::SpacingType spacing;
        Slice::DirectionType direction;
        for (unsigned c = 0; c < 3; ++c) {
            point[c] = origin[c];
            spacing[c] = geometry.spacing[c];
            for (unsigned r = 0; r < 3; ++r) {
                direction(r, c) = geometry.direction[r * 3 + c];
            }
        }
        slice->SetOrigin(point);
        slice->SetSpacing(spacing);
        slice->SetDirection(direction);
        int16_t* out = slice->GetBufferPointer();
        const size_t plane = static_cast<size_t>(geometry.size[0] * geometry.size[1]);
        for (size_t n = 0; n < plane; ++n) {
            const float v = image.data()[static_cast<size_t>(k) * plane + n];
            out[n] = static_cast<int16_t>(std::lround(std::clamp(v, -32768.0f, 32767.0f)));
        }
        itk::MetaDataDictionary& dictionary = slice->GetMetaDataDictionary();
        const std::string instance = std::to_string(k + 1);
        itk::EncapsulateMetaData<std::string>(dictionary, "0020|000e", tags.seriesUid);
        itk::EncapsulateMetaData<std::string>(dictionary, "0020|000d", tags.studyUid);
        itk::EncapsulateMetaData<std::string>(dictionary, "0008|0018",
                                              tags.seriesUid + "." + instance);
        itk::EncapsulateMetaData<std::string>(dictionary, "0008|103e", tags.description);
        itk::EncapsulateMetaData<std::string>(dictionary, "0008|0060", tags.modality);
        itk::EncapsulateMetaData<std::string>(dictionary, "0010|0010", tags.patientName);
        itk::EncapsulateMetaData<std::string>(dictionary, "0020|0013", instance);
        itk::EncapsulateMetaData<std::string>(dictionary, "0028|0004", "MONOCHROME2");
        // to_chars, not std::to_string: the latter writes "1,500000" under a German locale.
        char thickness[32];
        const auto written =
            std::to_chars(thickness, thickness + sizeof thickness, geometry.spacing[2]);
        itk::EncapsulateMetaData<std::string>(dictionary, "0018|0050",
                                              std::string(thickness, written.ptr));
        auto io = itk::GDCMImageIO::New();
        io->KeepOriginalUIDOn();
        char name[32];
        std::snprintf(name, sizeof name, "slice_%04lld.dcm", static_cast<long long>(k));
        const std::string path = (std::filesystem::path(folder) / name).string();
        auto writer = itk::ImageFileWriter<Slice>::New();
        writer->SetImageIO(io);
        writer->SetFileName(path);
        writer->SetInput(slice);
        try {
            writer->Update();
        } catch (const itk::ExceptionObject& error) {
            throw ImageWriteError(
                path + ": cannot be written: " + oneLineItkMessage(error.GetDescription()));
        }
    }
}

}  // namespace logonet
