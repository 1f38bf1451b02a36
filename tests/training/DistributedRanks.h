#pragma once

// Two-rank `logonet train` jobs on 127.0.0.1 for test_distributed: the processes, their
// output and what they leave in the run folder.

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>

#include <signal.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "EngineProcess.h"
#include "FreePort.h"
#include "registry/ModelRegistry.h"
#include "run/Checkpoint.h"

namespace distributed_fixtures {

using namespace logonet;
using namespace logonet::training;
namespace fs = std::filesystem;

// Parameters of a checkpoint of any registry architecture.
inline std::vector<torch::Tensor> parametersOf(const std::string& checkpoint) {
    const CheckpointInfo info = readCheckpointInfo(checkpoint);
    model::Network network = model::createNetwork(info.architecture, info.networkOptions);
    loadCheckpoint(checkpoint, *network, nullptr);
    std::vector<torch::Tensor> out;
    for (const auto& p : network->parameters()) {
        out.push_back(p.detach().clone());
    }
    return out;
}

// Buffers (BatchNorm's running statistics) of a checkpoint of any registry architecture, by name.
inline std::vector<std::pair<std::string, torch::Tensor>> buffersOf(const std::string& checkpoint) {
    const CheckpointInfo info = readCheckpointInfo(checkpoint);
    model::Network network = model::createNetwork(info.architecture, info.networkOptions);
    loadCheckpoint(checkpoint, *network, nullptr);
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto& b : network->named_buffers()) {
        out.emplace_back(b.key(), b.value().detach().clone());
    }
    return out;
}

inline double largestDifference(const std::vector<torch::Tensor>& a,
                                const std::vector<torch::Tensor>& b) {
    if (a.size() != b.size()) {
        return 1e30;
    }
    double largest = 0;
    for (size_t n = 0; n < a.size(); ++n) {
        largest = std::max(largest, (a[n] - b[n]).abs().max().item<double>());
    }
    return largest;
}

// The step of the run's last checkpoint; -1 while there is none (or it is being replaced).
inline int64_t checkpointStep(const std::string& path) {
    try {
        return fs::exists(path) ? readCheckpointInfo(path).step : -1;
    } catch (const std::exception&) {
        return -1;
    }
}

// One `logonet train` rank of a two-rank job on 127.0.0.1.
struct Rank {
    QProcess process;
    QByteArray out;
    QByteArray errors;
    void start(int rank, int port, const QString& run, const QString& weights,
               const QStringList& extra = {}, int worldSize = 2) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("WORLD_SIZE", QString::number(worldSize));
        environment.insert("RANK", QString::number(rank));
        environment.insert("LOCAL_RANK", QString::number(rank));
        environment.insert("MASTER_ADDR", "127.0.0.1");
        environment.insert("MASTER_PORT", QString::number(port));
        environment.insert("LOGONET_FINAL_WEIGHTS_DIR", weights);
        process.setProcessEnvironment(environment);
        process.start(enginePath(),
                      QStringList{"train", "--run", run, "--progress", "json"} + extra);
    }
    int finish(int timeoutMs = 300000) {
        const bool done = process.waitForFinished(timeoutMs);
        if (!done) {
            process.kill();
            process.waitForFinished();
        }
        read();
        if (!done) {
            return -100;
        }
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    void read() {
        out += process.readAllStandardOutput();
        errors += process.readAllStandardError();
    }
    QString err() {
        read();
        return QString::fromUtf8(errors);
    }
    bool exited() const { return process.state() == QProcess::NotRunning; }
    // Its progress output (JSON lines) so far, the events named `name`.
    QList<QJsonObject> events(const QString& name) {
        read();
        QList<QJsonObject> found;
        for (const QByteArray& line : out.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.value("event").toString() == name) {
                found.append(event);
            }
        }
        return found;
    }
    bool reportedAStep() { return !events("step").isEmpty(); }
    void kill() { ::kill(static_cast<pid_t>(process.processId()), SIGKILL); }
};

// The steps of a run's events.jsonl, in order.
inline QList<int> loggedSteps(const QString& run) {
    QList<int> steps;
    std::ifstream in((run + "/events.jsonl").toStdString());
    std::string line;
    while (std::getline(in, line)) {
        const QJsonObject event = QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
        if (event.value("event").toString() == "step") {
            steps.append(event.value("step").toInt());
        }
    }
    return steps;
}

}  // namespace distributed_fixtures
