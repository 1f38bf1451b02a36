#include "io/FileSignature.h"

#include <cstring>
#include <fstream>
#include <vector>

#include <zlib.h>

namespace logonet {

bool gzipStreamIntact(const std::string& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) {
        return false;
    }
    std::vector<char> buffer(1 << 20);
    int got = 0;
    while ((got = gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
    }
    int code = Z_OK;
    gzerror(file, &code);
    gzclose(file);
    return got == 0 && (code == Z_OK || code == Z_STREAM_END);
}

std::string pictureFormatOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char magic[8] = {0};
    in.read(reinterpret_cast<char*>(magic), sizeof magic);
    if (in.gcount() < 4) {
        return {};
    }
    if (std::memcmp(magic, "\x89PNG", 4) == 0) {
        return "PNG";
    }
    if (magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF) {
        return "JPEG";
    }
    if (std::memcmp(magic, "GIF8", 4) == 0) {
        return "GIF";
    }
    if (magic[0] == 'B' && magic[1] == 'M') {
        return "BMP";
    }
    return {};
}

}  // namespace logonet
