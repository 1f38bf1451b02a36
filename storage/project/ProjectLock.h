#pragma once

#include <string>

namespace logonet {

// An advisory lock on <project>/project.lock (flock), holding the pid and host of its owner so that
// a refused second open can say who holds it. The kernel drops the lock when the holder dies, so a
// crashed workstation never leaves a project locked.
class ProjectLock {
  public:
    // Throws StorageError "project X is already open in another workstation (pid N on host H)".
    explicit ProjectLock(const std::string& projectDir);
    ProjectLock(const ProjectLock&) = delete;
    ProjectLock& operator=(const ProjectLock&) = delete;
    ~ProjectLock();

  private:
    int fd_ = -1;
};

}  // namespace logonet
