#pragma once

#include <string>

namespace logonet {

// What is wrong with the pixel data of one DICOM file, or "" when it is sound: a file cut short
// holds fewer pixel bytes than Rows x Columns x Samples x BitsAllocated x Frames, and GDCM would
// read the rest as garbage after a mere warning. Reads the header only, up to the pixel data.
// Encapsulated (compressed) pixel data is left to the decoder, which fails on its own.
std::string dicomSlicePayloadProblem(const std::string& file);

}  // namespace logonet
