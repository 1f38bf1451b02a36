#pragma once

#include <string>
#include <vector>

namespace logonet::remote {

// Where a local run folder and the cache its config.json names go on the remote host. Both keep
// their places relative to their nearest common folder (a project: runs/<name> and cache/), so
// the config's relative cache path works there unchanged. That folder becomes
// REMOTE_DIR/<its name>-<hash of the workstation's id and its local path>: two projects with one
// name do not collide, nor do two workstations with a project at the same path, and `status`,
// `fetch` and `cancel` find the same place without asking the remote host.
struct RemoteLayout {
    std::string localRun;    // absolute
    std::string localCache;  // absolute
    // The cache files the run reads (<case>.json and <case>.bin), relative to the cache folder.
    std::vector<std::string> cacheFiles;
    // The engine command that trains the folder, from config.json's "command" (fine-tuning
    // configs name none): "train" or "pretrain".
    std::string command = "train";
    std::string remoteRoot;
    std::string remoteRun;
    std::string remoteCache;

    // Reads RUNDIR/config.json; throws std::runtime_error naming the file and the problem (no
    // config, no cache, a cache given as an absolute path, a command that is not a training).
    // `workstationId` is remote::workstationId() outside tests.
    static RemoteLayout of(const std::string& runDirectory, const std::string& remoteDirectory,
                           const std::string& workstationId);
};

// REMOTE_DIR/<name>-<hash>: the remote place of a local folder (a project), as above. `remote
// infer` stages a project's scans in it too, so a project has one place per workstation there.
std::string remoteFolderOf(const std::string& localFolder, const std::string& remoteDirectory,
                           const std::string& workstationId);

}  // namespace logonet::remote
