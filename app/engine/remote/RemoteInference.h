#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "remote/RemoteCommand.h"

namespace logonet::remote {

// One scan to predict there: its file relative to the project folder (copied as it is, so the
// remote engine reads exactly what a local `infer` reads) and the modality it is normalised by.
struct RemoteScan {
    int64_t id = 0;
    std::string file;      // relative to the project folder, e.g. scans/case_1.nii.gz
    std::string modality;  // "CT", "MR" or "" (left to the image)
};

struct RemoteInferenceOptions {
    std::string remoteDirectory = "logonet-runs";  // as for remote runs
    std::string remoteLogonet = "logonet";         // never from a run folder: the user's choice
    // Appended to each remote `logonet infer --image` (--device, --overlap, --tta, ...).
    std::vector<std::string> engineArguments;
    bool needsCuda = false;  // --device cuda: refused before any copy when the host has none
};

// `logonet infer --image FILE --out FILE` on a remote host for a project's scans: the run's
// config.json and chosen checkpoint and the scans' own files go to the project's remote folder
// (rsync, only what is missing), one ssh connection predicts them in turn, and each label map
// comes home as soon as it is written (rsync --no-links) into a private local folder, where
// `onPrediction` gets it. The remote side needs no project database and no copy of the project.
class RemoteInference {
  public:
    using Note = std::function<void(const std::string&)>;
    // scan id, the local path of its predicted label map (a regular file, never a link); it may
    // throw to refuse the map, which ends the job (predictions handed over before stay).
    using OnPrediction = std::function<void(int64_t, const std::string&)>;

    // `checkpoint` is relative to the run folder (checkpoints/best.pt).
    RemoteInference(SshTarget target, std::string projectDirectory, std::string runDirectory,
                    std::string checkpoint, RemoteInferenceOptions options);

    // Checks the host and its engine, copies, predicts. A set `stop` (SIGTERM) ends the remote
    // engine and returns 3 after the scan in flight; 0 when every scan came home.
    int run(const std::vector<RemoteScan>& scans, const OnPrediction& onPrediction,
            const std::atomic<bool>* stop, const Note& note);

  private:
    void checkEngine() const;
    void upload(const std::vector<RemoteScan>& scans) const;
    std::string fetchPrediction(int64_t scanId, const std::string& localFolder) const;
    void cancel() const;

    RemoteCommand shell_;
    std::string project_;
    std::string run_;
    std::string checkpoint_;
    RemoteInferenceOptions options_;
    std::string remoteRoot_;  // the staging place: <project's remote folder>/predict
    std::string remoteRun_;   // relative to remoteRoot_
    std::string job_;         // relative to remoteRoot_: this job's outputs, removed at its end
};

}  // namespace logonet::remote
