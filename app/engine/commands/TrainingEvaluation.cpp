#include "commands/TrainingEvaluation.h"

#ifdef LOGONET_HAVE_STORAGE

#include <stdexcept>
#include <vector>

#include "evaluation/EvaluationSummary.h"
#include "metrics/SegmentationMetrics.h"
#include "run/RunFolder.h"
#include "runs/RunStore.h"

namespace logonet::cli {

RunEvaluation evaluateRun(Project& project, const std::string& runDirectory,
                          const std::string& split, const training::RunInferenceOptions& options,
                          const ScanScored& scored) {
    const training::RunInference inference(runDirectory, options);
    const auto& config = inference.config();
    std::vector<LabelValue> values(config.classValues.begin() + 1, config.classValues.end());
    std::vector<std::string> names(config.classNames.begin() + 1, config.classNames.end());
    training::EvaluationSummary summary(values, names);
    std::vector<RunMetricRow> rows;
    std::vector<std::pair<ScanRecord, int64_t>> scoredScans;  // the scan and its truth version
    for (const ScanRecord& scan : project.scans()) {
        if (scan.split != split || !scan.labeled) {
            continue;
        }
        if (const auto truthVersion = project.currentLabels(scan.id)) {
            scoredScans.emplace_back(scan, truthVersion->id);
        }
    }
    const int total = static_cast<int>(scoredScans.size());
    int evaluated = 0;
    for (const auto& [scan, truthId] : scoredScans) {
        const LabelVolume truth = project.loadLabels(truthId);
        const LabelVolume predicted = inference.predict(project.loadImage(scan.id), scan.modality);
        project.addLabelVersion(scan.id, "prediction", predicted, inference.runName());
        for (const LabelValue value : values) {
            const ClassScore score = scoreClass(predicted, truth, value);
            summary.add(scan.name, value, score);
            if (score.present) {
                rows.push_back({scan.id, value, score.dice, score.hd95});
            }
        }
        ++evaluated;
        if (scored) {
            scored(scan.name, evaluated, total);
        }
    }
    if (evaluated == 0) {
        throw std::runtime_error("no labeled scans in split '" + split + "' of " + project.path());
    }
    RunEvaluation evaluation;
    evaluation.result = summary.toJson();
    evaluation.result["split"] = split;
    evaluation.result["run"] = inference.runName();
    evaluation.result["checkpoint"] = inference.checkpointPath();
    evaluation.table = summary.table();
    evaluation.cases = evaluated;
    const training::RunFolder folder(runDirectory);
    writeJsonFileAtomically(folder.file("evaluation.json"), evaluation.result);
    RunStore runs(project.database());
    const int64_t runId = runs.recordRun(
        inference.runName(), "finetune",
        runs.status(inference.runName()).empty() ? "finished" : runs.status(inference.runName()),
        config.toJson().dump());
    runs.storeMetrics(runId, rows);
    return evaluation;
}

}  // namespace logonet::cli

#endif
