#pragma once

#include <cstring>
#include <fstream>
#include <string>
#include <vector>

// A minimal uncompressed NIfTI-1 file written byte by byte, independent of the reader under
// test: int16 voxels, the given dims, then `dataBytes` bytes of voxel data (value 7), however
// many voxels the header claims.
inline void writeHandWrittenNifti(const std::string& path, const std::vector<short>& dims,
                                  size_t dataBytes) {
    char header[352] = {0};
    const int sizeofHdr = 348;
    std::memcpy(header, &sizeofHdr, 4);
    short dim[8] = {static_cast<short>(dims.size()), 1, 1, 1, 1, 1, 1, 1};
    for (size_t n = 0; n < dims.size(); ++n) {
        dim[n + 1] = dims[n];
    }
    std::memcpy(header + 40, dim, sizeof dim);
    const short datatype = 4, bitpix = 16;
    std::memcpy(header + 70, &datatype, 2);
    std::memcpy(header + 72, &bitpix, 2);
    const float pixdim[8] = {1, 1, 1, 1, 1, 0, 0, 0};
    std::memcpy(header + 76, pixdim, sizeof pixdim);
    const float voxOffset = 352;
    std::memcpy(header + 108, &voxOffset, 4);
    std::memcpy(header + 344, "n+1\0", 4);
    std::ofstream out(path, std::ios::binary);
    out.write(header, sizeof header);
    const std::vector<short> data((dataBytes + 1) / 2, 7);
    out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(dataBytes));
}
