#include "journal/EditJournal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "fs/DurableFile.h"
#include "fs/NoFollowPath.h"
#include "journal/Crc32.h"

namespace logonet {

namespace {

constexpr char kFileMagic[8] = {'L', 'G', 'N', 'J', 'R', 'N', 'L', '1'};
constexpr uint32_t kFormat = 1;
constexpr int64_t kFileHeaderBytes = 48;
constexpr uint32_t kRecordMagic = 0x4c524543u;  // "CERL" on disk
constexpr int64_t kRecordHeaderBytes = 24;

void put16(std::vector<uint8_t>& out, uint16_t value) {
    out.push_back(static_cast<uint8_t>(value));
    out.push_back(static_cast<uint8_t>(value >> 8));
}
void put32(std::vector<uint8_t>& out, uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) {
        out.push_back(static_cast<uint8_t>(value >> shift));
    }
}
void put64(std::vector<uint8_t>& out, uint64_t value) {
    for (int shift = 0; shift < 64; shift += 8) {
        out.push_back(static_cast<uint8_t>(value >> shift));
    }
}
uint64_t get(const uint8_t* bytes, int count) {
    uint64_t value = 0;
    for (int n = 0; n < count; ++n) {
        value |= static_cast<uint64_t>(bytes[n]) << (8 * n);
    }
    return value;
}

std::string systemError(const std::string& what, const std::string& path) {
    return path + ": " + what + " (" + std::strerror(errno) + ")";
}

std::string sizeText(const Size3& size) {
    return std::to_string(size[0]) + "x" + std::to_string(size[1]) + "x" + std::to_string(size[2]);
}

std::vector<uint8_t> fileHeader(const Size3& size) {
    std::vector<uint8_t> header(kFileMagic, kFileMagic + 8);
    put32(header, kFormat);
    put32(header, 0);
    for (int64_t extent : size) {
        put64(header, static_cast<uint64_t>(extent));
    }
    put32(header, Crc32::of(header.data(), header.size()));
    put32(header, 0);
    return header;
}

// Never through a link (SymbolicLinkError names it); a file that is not there is an empty journal.
std::vector<uint8_t> readFile(const std::string& path) {
    std::string bytes;
    try {
        bytes = readFileNoFollow(path);
    } catch (const SymbolicLinkError&) {
        throw;
    } catch (const std::runtime_error&) {
        return {};
    }
    return std::vector<uint8_t>(bytes.begin(), bytes.end());
}

// Whether `bytes` start with a complete header; throws when they are a journal of another kind
// or size.
bool checkHeader(const std::vector<uint8_t>& bytes, const std::string& path, const Size3& size) {
    if (bytes.size() < static_cast<size_t>(kFileHeaderBytes)) {
        // A crash while the journal was being created: nothing was recorded yet.
        return false;
    }
    if (std::memcmp(bytes.data(), kFileMagic, 8) != 0) {
        throw std::runtime_error(path + " is not a label edit journal");
    }
    if (get(bytes.data() + 40, 4) != Crc32::of(bytes.data(), 40)) {
        throw std::runtime_error(path + ": the journal's header is damaged");
    }
    if (get(bytes.data() + 8, 4) != kFormat) {
        throw std::runtime_error(path + ": journal format " +
                                 std::to_string(get(bytes.data() + 8, 4)) +
                                 " is newer than this program understands");
    }
    const Size3 written{static_cast<int64_t>(get(bytes.data() + 16, 8)),
                        static_cast<int64_t>(get(bytes.data() + 24, 8)),
                        static_cast<int64_t>(get(bytes.data() + 32, 8))};
    if (written != size) {
        throw std::runtime_error(path + " holds edits of a " + sizeText(written) +
                                 " label map, not of this " + sizeText(size) + " one");
    }
    return true;
}

}  // namespace

std::string EditJournal::pathFor(const std::string& projectFolder, const std::string& scan,
                                 const std::string& version) {
    const std::string path = (std::filesystem::path(projectFolder) / "labels" / "journal" /
                              (scan + "-" + version + ".journal"))
                                 .string();
    refuseLinksBelow(projectFolder, path);  // labels/ or labels/journal/ pointing elsewhere
    return path;
}

EditJournal::Contents EditJournal::read(const std::string& path, const Size3& size) {
    Contents contents;
    const std::vector<uint8_t> bytes = readFile(path);
    if (!checkHeader(bytes, path, size)) {
        contents.ignoredBytes = static_cast<int64_t>(bytes.size());
        return contents;
    }
    const int64_t total = static_cast<int64_t>(bytes.size());
    int64_t at = kFileHeaderBytes;
    while (at + kRecordHeaderBytes <= total) {
        const uint8_t* header = bytes.data() + at;
        if (get(header, 4) != kRecordMagic) {
            break;
        }
        const int64_t nameLength = static_cast<int64_t>(get(header + 6, 2));
        const int64_t payloadLength = static_cast<int64_t>(get(header + 8, 4));
        const int64_t recordEnd = at + kRecordHeaderBytes + nameLength + payloadLength;
        if (recordEnd > total) {
            break;  // cut short by a crash
        }
        Crc32 crc;
        crc.update(header, 20);
        crc.update(header + kRecordHeaderBytes, static_cast<size_t>(nameLength + payloadLength));
        const uint8_t action = header[4];
        if (crc.value() != get(header + 20, 4) ||
            (action != static_cast<uint8_t>(Action::Apply) &&
             action != static_cast<uint8_t>(Action::Revert))) {
            break;
        }
        Entry entry;
        entry.action = static_cast<Action>(action);
        entry.sequence = get(header + 12, 8);
        const uint8_t* name = header + kRecordHeaderBytes;
        entry.name.assign(reinterpret_cast<const char*>(name), static_cast<size_t>(nameLength));
        try {
            entry.delta = LabelDelta::fromBytes(
                std::vector<uint8_t>(name + nameLength, name + nameLength + payloadLength), size);
        } catch (const std::runtime_error&) {
            break;  // intact checksum over bytes that do not decode: treat as damage
        }
        contents.entries.push_back(std::move(entry));
        at = recordEnd;
    }
    contents.validBytes = at;
    contents.ignoredBytes = total - at;
    return contents;
}

EditJournal::Contents EditJournal::replay(const std::string& path, LabelVolume& labels) {
    Contents contents = read(path, labels.size());
    for (const Entry& entry : contents.entries) {
        if (entry.action == Action::Apply) {
            entry.delta.apply(labels);
        } else {
            entry.delta.revert(labels);
        }
    }
    return contents;
}

EditJournal::EditJournal(std::string path, const Size3& size)
    : path_(std::move(path)), size_(size) {
    const std::filesystem::path file(path_);
    if (file.has_parent_path()) {
        std::error_code error;
        std::filesystem::create_directories(file.parent_path(), error);
        if (error) {
            throw std::runtime_error(file.parent_path().string() +
                                     ": cannot create the journal folder (" + error.message() +
                                     ")");
        }
    }
    descriptor_ = openNoFollow(path_, O_RDWR | O_CREAT);
    if (descriptor_ < 0) {
        throw std::runtime_error(systemError("cannot open the edit journal", path_));
    }
    // Two windows journaling the same label map would interleave their strokes.
    if (::flock(descriptor_, LOCK_EX | LOCK_NB) != 0) {
        ::close(descriptor_);
        throw std::runtime_error(path_ + ": these labels are being edited by another process");
    }
    try {
        const Contents contents = read(path_, size_);
        if (contents.validBytes == 0) {
            writeAll(fileHeader(size_), 0);
            end_ = kFileHeaderBytes;
            if (::ftruncate(descriptor_, end_) != 0) {
                throw std::runtime_error(systemError("cannot write the edit journal", path_));
            }
            sync();
            // The new file's directory entry must survive a crash too, and so must the entry of
            // the journal folder itself, which the first journal of a project creates.
            const std::filesystem::path folder =
                file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
            syncFolder(folder.string());
            syncFolder(folder.has_parent_path() ? folder.parent_path().string() : ".");
        } else {
            end_ = contents.validBytes;
            recordCount_ = contents.entries.size();
            nextSequence_ = contents.entries.empty() ? 1 : contents.entries.back().sequence + 1;
            if (contents.ignoredBytes > 0) {
                if (::ftruncate(descriptor_, end_) != 0) {
                    throw std::runtime_error(
                        systemError("cannot cut the torn journal tail", path_));
                }
                sync();
            }
        }
    } catch (...) {
        ::close(descriptor_);
        throw;
    }
}

EditJournal::~EditJournal() {
    if (descriptor_ >= 0) {
        ::close(descriptor_);
    }
}

void EditJournal::writeAll(const std::vector<uint8_t>& bytes, int64_t at) {
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t count = ::pwrite(descriptor_, bytes.data() + written, bytes.size() - written,
                                       static_cast<off_t>(at + static_cast<int64_t>(written)));
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count <= 0) {
            throw std::runtime_error(systemError("cannot write the edit journal", path_));
        }
        written += static_cast<size_t>(count);
    }
}

void EditJournal::sync() {
    if (::fdatasync(descriptor_) != 0) {
        throw std::runtime_error(systemError("cannot flush the edit journal to disk", path_));
    }
}

void EditJournal::append(Action action, const std::string& name, const LabelDelta& delta) {
    if (delta.volumeSize() != size_ && !delta.empty()) {
        throw std::invalid_argument(path_ + ": an edit of a " + sizeText(delta.volumeSize()) +
                                    " label map does not belong in this journal");
    }
    const std::string shortName = name.substr(0, 0xffff);
    const std::vector<uint8_t>& payload = delta.bytes();
    if (payload.size() > 0xffffffffu) {
        throw std::runtime_error(path_ + ": one edit of over 4 GB cannot be journaled");
    }
    std::vector<uint8_t> record;
    record.reserve(static_cast<size_t>(kRecordHeaderBytes) + shortName.size() + payload.size());
    put32(record, kRecordMagic);
    record.push_back(static_cast<uint8_t>(action));
    record.push_back(0);
    put16(record, static_cast<uint16_t>(shortName.size()));
    put32(record, static_cast<uint32_t>(payload.size()));
    put64(record, nextSequence_);
    Crc32 crc;
    crc.update(record.data(), record.size());
    crc.update(shortName.data(), shortName.size());
    crc.update(payload.data(), payload.size());
    put32(record, crc.value());
    record.insert(record.end(), shortName.begin(), shortName.end());
    record.insert(record.end(), payload.begin(), payload.end());
    try {
        writeAll(record, end_);
        sync();
    } catch (...) {
        // A half-written record must not stay in front of the next one.
        if (::ftruncate(descriptor_, end_) != 0) {
            // The tail stays torn; read() and the next open ignore it.
        }
        throw;
    }
    end_ += static_cast<int64_t>(record.size());
    ++nextSequence_;
    ++recordCount_;
}

void EditJournal::clear() {
    if (::ftruncate(descriptor_, kFileHeaderBytes) != 0) {
        throw std::runtime_error(systemError("cannot empty the edit journal", path_));
    }
    sync();
    end_ = kFileHeaderBytes;
    recordCount_ = 0;
}

}  // namespace logonet
