#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace logonet {

// A file that matters (a label version, an imported scan, a checkpoint, a JSON file) is either
// there whole, with its new contents, after a power cut, or not replaced at all. The recipe:
// write to a unique temporary name in the same folder, fsync the file, rename it over the target,
// fsync the folder (the rename itself lives in the folder's data).

class DurableWriteError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// ".tmp-<name>-<pid>-<counter>-<random>" beside `target`: unique between the threads of a process,
// between processes (the workstation and the engine save into one project) and between runs. The
// extension of `target` is kept at the end, since ITK and others choose the format from it.
std::string uniqueTemporaryPath(const std::string& target);
// True for names uniqueTemporaryPath makes: what an interrupted write leaves behind.
bool isTemporaryName(const std::string& fileName);

// Forces a file written by someone else (ITK, LibTorch, std::ofstream) to disk.
void syncFile(const std::string& path);
// Forces a folder's entries (creations, renames) to disk.
void syncFolder(const std::string& folder);

// fsyncs `temporary`, renames it over `target` and fsyncs the folder. On failure `temporary` is
// removed and DurableWriteError names `target`.
void publishDurably(const std::string& temporary, const std::string& target);

// Lets `write` create the file at a unique temporary path, then publishes it durably. When
// `write` throws, the temporary file is removed and the exception passes through unchanged.
void writeFileDurably(const std::string& target,
                      const std::function<void(const std::string& temporary)>& write);
void writeFileDurably(const std::string& target, std::string_view bytes);

}  // namespace logonet
