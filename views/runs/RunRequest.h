#pragma once

#include <QString>
#include <QStringList>

#include "remote/RemoteHost.h"

namespace logonet {
namespace views {

// What the Runs panel's form asks the engine to do. It only knows the engine's command line, so
// the workstation never links the training code: a run is a child process (or a remote one).
struct RunRequest {
    enum class Kind { FineTuning, PreTraining, Inference, Clustering };

    Kind kind = Kind::FineTuning;
    QString project;  // the project folder
    QString name;     // the run's name (runs/<name>); for inference the run that predicts
    QString architecture = QStringLiteral("logonet-tiny");
    QString initFrom;  // a pre-training run folder or checkpoint, empty for random weights
    int iterations = 1000;
    int batch = 2;
    QString crop = QStringLiteral("auto");  // "auto" (planned from the cases), "96" or "X,Y,Z"
    // How the scans are prepared for fine-tuning; empty: the project's settings
    // (`logonet project settings`).
    QString modality;  // "auto" (each scan by its own), "ct" or "mr"
    QString spacing;   // "X,Y,Z" in mm
    double learningRate = 1e-4;
    QString device = QStringLiteral("cpu");
    bool amp = false;
    bool checkpointing = false;
    // Pre-training and clustering, with the paper's values (LOGONET_SPEC.md section 6).
    int clusterers = 10;
    int kMin = 80;  // each clusterer draws its K from [kMin, kMax]
    int kMax = 500;
    double phi1 = 0.1;
    double phi2 = 0.7;
    int maskLength = 5;  // M, the consecutive masked slices
    double tau = 0.1;    // the temperature of the pre-training loss
    QString split = QStringLiteral("test");
    bool resume = false;
    // Where it runs: this computer, or a remote host through `logonet remote run` (whose stdout
    // carries the same events, so the panel follows it the same way).
    bool onRemoteHost = false;
    RemoteHost remoteHost;

    // The engine's arguments (without the program); throws std::invalid_argument with a message
    // for the user when the form is incomplete.
    QStringList arguments() const;
    // `logonet remote run ...` for a fine-tuning or pre-training run on remoteHost (clustering
    // and inference stay on this computer: they write the project).
    QStringList remoteArguments() const;
    // The run folder this request writes to (empty for clustering).
    QString runDirectory() const;
    static QString kindName(Kind kind);

  private:
    // `pretrain`'s options after --project/--run (local and remote alike).
    QStringList pretrainingArguments() const;
    // --modality/--spacing when the form overrides the project's settings.
    QStringList preparationArguments() const;
};

// The arguments as one line a user can paste into a terminal (quoted where needed).
QString commandLineText(const QString& program, const QStringList& arguments);

}  // namespace views
}  // namespace logonet
