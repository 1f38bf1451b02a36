#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

// The readers under test take a path: each input is written to one file of this process (in
// /dev/shm when there is one, to spare the disk) and read back from there.
inline std::string fuzzFile(const uint8_t* data, size_t size, const std::string& extension) {
    static const std::string base =
        (access("/dev/shm", W_OK) == 0 ? std::string("/dev/shm") : std::string("/tmp")) +
        "/logonet-fuzz-" + std::to_string(getpid());
    const std::string path = base + extension;
    FILE* file = std::fopen(path.c_str(), "wb");
    if (file != nullptr) {
        std::fwrite(data, 1, size, file);
        std::fclose(file);
    }
    return path;
}
