#pragma once

#ifdef LOGONET_HAVE_STORAGE

#include <cstdint>
#include <string>

#include "project/Project.h"

namespace logonet::cli {

// Each scan's predicted labels stored as a 'prediction' label version named after the run, and
// what is reported about it: with --json the lines the workstation's PredictionJob follows
// ("started", one "predicted" per scan with scan, label_version, seconds, done, total,
// "finished"), otherwise a sentence per scan. `infer` and `remote infer` both store through here,
// so a remote prediction is stored and reported exactly as a local one.
class PredictionStore {
  public:
    PredictionStore(Project& project, std::string runName, std::string checkpoint, size_t total,
                    bool json);

    void started() const;
    // Stores `labels` (Project::addLabelVersion checks the grid and the values) and reports it;
    // returns the new version's id. `written`: a file also written (named in the sentence).
    int64_t store(int64_t scanId, const LabelVolume& labels, double seconds,
                  const std::string& written = "");
    void finished(const std::string& out = "") const;
    size_t done() const { return done_; }
    size_t total() const { return total_; }

  private:
    Project& project_;
    std::string runName_;
    std::string checkpoint_;
    size_t total_;
    bool json_;
    size_t done_ = 0;
    int64_t lastVersion_ = 0;
};

}  // namespace logonet::cli

#endif
