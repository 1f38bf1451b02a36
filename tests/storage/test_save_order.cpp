// The order of a durable save, seen from outside the process: test_durability_helper runs one
// round (a label version, an import, a checkpoint-like file) under strace, and for each save the
// trace must show, before the line the helper prints when the save returned:
//   fsync(temporary file) < rename(temporary -> final name) < fsync(folder)
// and, for the two saves the database records, then an fsync of the database's WAL (the commit
// made durable) after the folder's. Creating the project flushes its folder and the folder's
// parent after making its subfolders. Creating the first edit journal makes labels/journal, whose
// entry in labels/ is flushed before the journal is ready. Exit 77 (a CTest skip) when strace
// cannot trace here.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

int failures = 0;

void expect(bool condition, const std::string& what) {
    if (!condition) {
        std::cerr << "FAIL: " << what << "\n";
        ++failures;
    }
}

struct Call {
    std::string name;  // fsync, rename, write, mkdir
    std::string a;     // fsync: the file (strace -y); rename: source; write(1): the text
    std::string b;     // rename: destination
};

std::vector<Call> readTrace(const std::string& path) {
    static const std::regex fsyncCall(R"re((?:fsync|fdatasync)\(\d+<([^>]*)>\) = 0)re");
    static const std::regex renameCall(
        R"re(rename(?:at2?)?\((?:AT_FDCWD<?[^,]*, )?"([^"]*)", (?:AT_FDCWD<?[^,]*, )?"([^"]*)".*= 0)re");
    static const std::regex stdoutWrite(R"re(write\(1<?[^,]*, "([^"]*))re");
    static const std::regex mkdirCall(R"re(mkdir(?:at)?\((?:AT_FDCWD<?[^,]*, )?"([^"]*)".*= 0)re");
    std::vector<Call> calls;
    std::ifstream in(path);
    std::string line;
    std::smatch match;
    while (std::getline(in, line)) {
        if (std::regex_search(line, match, fsyncCall)) {
            calls.push_back({"fsync", match[1], ""});
        } else if (std::regex_search(line, match, renameCall)) {
            calls.push_back({"rename", match[1], match[2]});
        } else if (std::regex_search(line, match, stdoutWrite)) {
            calls.push_back({"write", match[1], ""});
        } else if (std::regex_search(line, match, mkdirCall)) {
            calls.push_back({"mkdir", match[1], ""});
        }
    }
    return calls;
}

std::string fileName(const std::string& path) {
    return fs::path(path).filename().string();
}

// Checks one save that ends with the stdout line starting `printed` and renames into `folder`.
void checkSave(const std::vector<Call>& calls, const std::string& printed,
               const std::string& folder, const std::string& wal) {
    size_t end = calls.size();
    for (size_t n = 0; n < calls.size(); ++n) {
        if (calls[n].name == "write" && calls[n].a.rfind(printed, 0) == 0) {
            end = n;
            break;
        }
    }
    expect(end < calls.size(), "the helper printed \"" + printed + "\"");
    if (end == calls.size()) {
        return;
    }
    // The last rename into the folder before the line: the save's publication.
    size_t rename = end;
    for (size_t n = end; n-- > 0;) {
        if (calls[n].name == "write") {
            break;  // the previous save's line
        }
        if (calls[n].name == "rename" && fs::path(calls[n].b).parent_path() == folder &&
            fileName(calls[n].a).rfind(".tmp-", 0) == 0) {
            rename = n;
            break;
        }
    }
    expect(rename < end, printed + ": a rename of a .tmp- file into " + folder);
    if (rename == end) {
        return;
    }
    const std::string temporary = calls[rename].a;
    bool fileSynced = false;
    for (size_t n = 0; n < rename; ++n) {
        fileSynced = fileSynced || (calls[n].name == "fsync" && calls[n].a == temporary);
    }
    expect(fileSynced, printed + ": " + temporary + " fsync'd before its rename");
    size_t folderSync = end;
    for (size_t n = rename + 1; n < end; ++n) {
        if (calls[n].name == "fsync" && calls[n].a == folder) {
            folderSync = n;
            break;
        }
    }
    expect(folderSync < end, printed + ": " + folder + " fsync'd after the rename");
    if (!wal.empty()) {
        bool committed = false;
        for (size_t n = folderSync + 1; n < end; ++n) {
            committed = committed || (calls[n].name == "fsync" && calls[n].a == wal);
        }
        expect(committed, printed + ": the database commit (" + wal +
                              " fsync'd) after the folder's fsync and before returning");
    }
}

// The project's folders are made, then the project folder and its parent flushed, before
// "project created".
void checkProjectFolder(const std::vector<Call>& calls, const std::string& projectDir) {
    size_t made = calls.size();
    for (size_t n = 0; n < calls.size(); ++n) {
        if (calls[n].name == "mkdir" && calls[n].a == projectDir + "/runs") {
            made = n;
        }
        if (calls[n].name == "write" && calls[n].a.rfind("project created", 0) == 0) {
            bool folder = false;
            bool parent = false;
            for (size_t m = made + 1; m < n && made < calls.size(); ++m) {
                folder = folder || (calls[m].name == "fsync" && calls[m].a == projectDir);
                parent = parent || (calls[m].name == "fsync" &&
                                    calls[m].a == fs::path(projectDir).parent_path().string());
            }
            expect(made < n, projectDir + "/runs made before the project is created");
            expect(folder, projectDir + " fsync'd after its folders were made");
            expect(parent, "the parent of " + projectDir + " fsync'd");
            return;
        }
    }
    expect(false, "the helper printed \"project created\"");
}

// The journal folder is made, and then its parent (labels/) flushed, before "journal ready".
void checkJournalFolder(const std::vector<Call>& calls, const std::string& labels) {
    size_t made = calls.size();
    for (size_t n = 0; n < calls.size(); ++n) {
        if (calls[n].name == "mkdir" && calls[n].a == labels + "/journal") {
            made = n;
        }
        if (calls[n].name == "write" && calls[n].a.rfind("journal ready", 0) == 0) {
            bool flushed = false;
            for (size_t m = made + 1; m < n && made < calls.size(); ++m) {
                flushed = flushed || (calls[m].name == "fsync" && calls[m].a == labels);
            }
            expect(made < n, "labels/journal made before the journal is ready");
            expect(flushed, labels + " fsync'd after labels/journal was made");
            return;
        }
    }
    expect(false, "the helper printed \"journal ready\"");
}

}  // namespace

int main() {
    if (std::system("strace -V > /dev/null 2>&1") != 0) {
        std::cout << "strace is not installed: skipped\n";
        return 77;
    }
    const fs::path root = fs::temp_directory_path() /
                          ("logonet-save-order-" + std::to_string(static_cast<long>(::getpid())));
    fs::remove_all(root);
    fs::create_directories(root);
    // The helper creates the project itself, under strace.
    const std::string projectDir = fs::canonical(root).string() + "/project";
    const std::string trace = (root / "trace.txt").string();
    const std::string command =
        "strace -f -qq -y -s 120 -e "
        "trace=fsync,fdatasync,rename,renameat,renameat2,write,mkdir,mkdirat -o '" +
        trace + "' '" DURABILITY_HELPER "' '" + projectDir + "' '" + (root / "sources").string() +
        "' 0 1 > '" + (root / "out.txt").string() + "' 2>&1";
    const int status = std::system(command.c_str());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::ifstream out(root / "out.txt");
        std::cout << "strace cannot trace the helper here (" << out.rdbuf() << "): skipped\n";
        fs::remove_all(root);
        return 77;
    }
    const std::vector<Call> calls = readTrace(trace);
    const std::string wal = projectDir + "/project.db-wal";
    checkProjectFolder(calls, projectDir);
    checkJournalFolder(calls, projectDir + "/labels");
    checkSave(calls, "saved label version", projectDir + "/labels", wal);
    checkSave(calls, "imported scan", projectDir + "/scans", wal);
    checkSave(calls, "checkpoint", projectDir + "/runs", "");
    if (failures == 0) {
        fs::remove_all(root);
        std::cout << "every save: file fsync, rename, folder fsync, then a durable commit\n";
        return 0;
    }
    std::cerr << "trace kept in " << trace << "\n";
    return 1;
}
