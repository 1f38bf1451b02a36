#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "database/Database.h"

namespace logonet {

// One row of run_metrics: a run's scores for one label of one scan.
struct RunMetricRow {
    int64_t scanId = 0;
    int64_t labelValue = 0;
    std::optional<double> dice;  // absent when not defined (label in neither map)
    std::optional<double> hd95;  // absent when infinite or undefined
};

// The runs and run_metrics tables of a project database: what the engine records about a
// training run so that the workstation can list runs and plot their per-organ scores.
class RunStore {
  public:
    explicit RunStore(Database& database) : database_(database) {}

    // Inserts the run or updates its kind, status and config; returns its id.
    int64_t recordRun(const std::string& name, const std::string& kind, const std::string& status,
                      const std::string& configJson);
    void setStatus(const std::string& name, const std::string& status);
    std::optional<int64_t> findRun(const std::string& name);
    std::string status(const std::string& name);

    // Replaces the run's scores for these scans and labels (one transaction).
    void storeMetrics(int64_t runId, const std::vector<RunMetricRow>& rows);
    std::vector<RunMetricRow> metrics(int64_t runId);

  private:
    Database& database_;
};

}  // namespace logonet
