#include "io/ItkReadTiming.h"

#include <chrono>

#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkImageIOFactory.h>

#include "io/ImageReader.h"
#include "io/ItkFactories.h"
#include "io/ItkMessage.h"

namespace logonet {

namespace {

template <typename T>
double timeRead(const std::string& path) {
    const auto start = std::chrono::steady_clock::now();
    auto reader = itk::ImageFileReader<itk::Image<T, 3>>::New();
    reader->SetFileName(path);
    reader->Update();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

double timeItkRead(const std::string& path) {
    registerImageIoFactories();
    itk::ImageIOBase::Pointer io =
        itk::ImageIOFactory::CreateImageIO(path.c_str(), itk::IOFileModeEnum::ReadMode);
    if (!io) {
        throw ImageReadError(path + ": not an image file ITK can read");
    }
    try {
        io->SetFileName(path);
        io->ReadImageInformation();
        using C = itk::IOComponentEnum;
        switch (io->GetComponentType()) {
            case C::UCHAR:
                return timeRead<uint8_t>(path);
            case C::SHORT:
                return timeRead<int16_t>(path);
            case C::USHORT:
                return timeRead<uint16_t>(path);
            case C::INT:
                return timeRead<int32_t>(path);
            case C::DOUBLE:
                return timeRead<double>(path);
            default:
                return timeRead<float>(path);
        }
    } catch (const itk::ExceptionObject& error) {
        throw ImageReadError(path + ": " + oneLineItkMessage(error.GetDescription()));
    }
}

}  // namespace logonet
