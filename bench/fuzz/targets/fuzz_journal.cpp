// The edit journal reader on any file: read() and replay() either throw std::runtime_error or
// return complete records whose deltas stay inside the label map.
#include <cstdint>
#include <stdexcept>

#include "FuzzFile.h"
#include "journal/EditJournal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzzFile(data, size, ".journal");
    const logonet::Size3 size3{6, 5, 4};
    try {
        logonet::EditJournal::read(path, size3);
    } catch (const std::runtime_error&) {
    }
    logonet::ImageGeometry geometry;
    geometry.size = size3;
    logonet::LabelVolume labels(geometry, 0);
    try {
        logonet::EditJournal::replay(path, labels);
    } catch (const std::runtime_error&) {
    }
    return 0;
}
