#include "runs/RunRequest.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <stdexcept>

namespace logonet {
namespace views {

namespace {

QString number(double value) {
    return QString::number(value, 'g', 6);
}

// The engine accepts one size or three (or "auto" for fine-tuning); anything else would only fail
// after the process starts.
void checkCrop(const QString& crop) {
    static const QRegularExpression pattern(QStringLiteral("^(auto|\\d+(,\\d+,\\d+)?)$"));
    if (!pattern.match(crop).hasMatch()) {
        throw std::invalid_argument("The crop must be auto, one size or three sizes X,Y,Z, got '" +
                                    crop.toStdString() + "'.");
    }
}

// Three positive numbers in mm, as `train --spacing` takes them.
void checkSpacing(const QString& spacing) {
    const QStringList parts = spacing.split(QLatin1Char(','));
    bool valid = parts.size() == 3;
    for (const QString& part : parts) {
        bool number = false;
        valid = valid && part.trimmed().toDouble(&number) > 0.0 && number;
    }
    if (!valid) {
        throw std::invalid_argument("The spacing must be three positive sizes in mm X,Y,Z, got '" +
                                    spacing.toStdString() + "'.");
    }
}

// Clustering has no prepared cases to plan from: "auto" there is the spec's pre-training crop.
QString clusteringCrop(const QString& crop) {
    return crop == QLatin1String("auto") ? QStringLiteral("96") : crop;
}

}  // namespace

QStringList RunRequest::preparationArguments() const {
    QStringList args;
    if (!modality.isEmpty()) {
        if (modality != QLatin1String("auto") && modality != QLatin1String("ct") &&
            modality != QLatin1String("mr")) {
            throw std::invalid_argument("The modality must be auto, ct or mr, got '" +
                                        modality.toStdString() + "'.");
        }
        args << QStringLiteral("--modality") << modality;
    }
    if (!spacing.isEmpty()) {
        checkSpacing(spacing);
        args << QStringLiteral("--spacing") << spacing;
    }
    return args;
}

QString RunRequest::kindName(Kind kind) {
    switch (kind) {
        case Kind::FineTuning:
            return QStringLiteral("fine-tuning");
        case Kind::PreTraining:
            return QStringLiteral("pre-training");
        case Kind::Inference:
            return QStringLiteral("inference");
        case Kind::Clustering:
            return QStringLiteral("clustering");
    }
    return {};
}

QString RunRequest::runDirectory() const {
    if (kind == Kind::Clustering || project.isEmpty() || name.isEmpty()) {
        return {};
    }
    return QDir(project).filePath(QStringLiteral("runs/") + name);
}

QStringList RunRequest::arguments() const {
    if (project.isEmpty()) {
        throw std::invalid_argument("Open a project before starting a run.");
    }
    if (kind != Kind::Clustering && name.trimmed().isEmpty()) {
        throw std::invalid_argument("Give the run a name.");
    }
    if (kind != Kind::Clustering && name.contains(QLatin1Char('/'))) {
        throw std::invalid_argument("A run name is a name, not a path: '" + name.toStdString() +
                                    "'.");
    }
    if (onRemoteHost) {
        return remoteArguments();
    }
    QStringList args;
    switch (kind) {
        case Kind::FineTuning:
            checkCrop(crop);
            args << QStringLiteral("train") << QStringLiteral("--project") << project
                 << QStringLiteral("--run") << name;
            if (resume) {
                // A resumed run keeps its stored configuration.
                args << QStringLiteral("--resume");
                break;
            }
            args << QStringLiteral("--arch") << architecture;
            if (!initFrom.isEmpty()) {
                args << QStringLiteral("--init") << initFrom;
            }
            args << QStringLiteral("--iters") << QString::number(iterations)
                 << QStringLiteral("--batch") << QString::number(batch) << QStringLiteral("--crop")
                 << crop << QStringLiteral("--lr") << number(learningRate)
                 << QStringLiteral("--device") << device;
            args << preparationArguments();
            if (amp) {
                args << QStringLiteral("--amp");
            }
            if (checkpointing) {
                args << QStringLiteral("--checkpointing");
            }
            break;
        case Kind::PreTraining:
            args << QStringLiteral("pretrain") << QStringLiteral("--project") << project
                 << QStringLiteral("--run") << name;
            if (resume) {
                args << QStringLiteral("--resume");
                break;
            }
            args << pretrainingArguments();
            break;
        case Kind::Inference:
            args << QStringLiteral("evaluate") << QStringLiteral("--run") << runDirectory()
                 << QStringLiteral("--project") << project << QStringLiteral("--split") << split
                 << QStringLiteral("--json");
            return args;
        case Kind::Clustering:
            checkCrop(crop);
            if (kMin < 2 || kMin > kMax) {
                throw std::invalid_argument(
                    "The K range must go from 2 or more up to at least "
                    "its start, got " +
                    std::to_string(kMin) + " to " + std::to_string(kMax) + ".");
            }
            args << QStringLiteral("cluster") << QStringLiteral("--project") << project
                 << QStringLiteral("--clusterers") << QString::number(clusterers)
                 << QStringLiteral("--k-min") << QString::number(kMin) << QStringLiteral("--k-max")
                 << QString::number(kMax) << QStringLiteral("--crop") << clusteringCrop(crop)
                 << QStringLiteral("--device") << device;
            break;
    }
    args << QStringLiteral("--progress") << QStringLiteral("json");
    return args;
}

QStringList RunRequest::remoteArguments() const {
    auto refuse = [](const char* text) {
        throw std::invalid_argument(QCoreApplication::translate("RunRequest", text).toStdString());
    };
    if (kind == Kind::Clustering) {
        // k-means on the CPU takes seconds to minutes, and its results go into the project's
        // database, which the remote host does not have.
        refuse(QT_TRANSLATE_NOOP("RunRequest",
                                 "Clustering runs on this computer: k-means takes seconds to "
                                 "minutes on the CPU and writes its clusters into the project's "
                                 "database. Choose 'This computer'."));
    }
    if (kind == Kind::Inference) {
        refuse(QT_TRANSLATE_NOOP("RunRequest",
                                 "Inference runs on this computer: it reads the project's scans "
                                 "and stores the predictions and scores in the project. Choose "
                                 "'This computer'."));
    }
    const QString problem = remoteHost.problem();
    if (!problem.isEmpty()) {
        throw std::invalid_argument(problem.toStdString());
    }
    QStringList args{QStringLiteral("remote"), QStringLiteral("run")};
    args << remoteHost.connectionArguments() << QStringLiteral("--project") << project
         << QStringLiteral("--run") << name;
    if (kind == Kind::PreTraining) {
        // The engine sets the run folder up here (crops and pseudo-labels from the project's
        // clustering) and trains it there.
        args << QStringLiteral("--pretrain");
    }
    if (resume) {
        args << QStringLiteral("--resume");
    } else if (kind == Kind::PreTraining) {
        args << pretrainingArguments();
    } else {
        checkCrop(crop);
        args << QStringLiteral("--arch") << architecture;
        if (!initFrom.isEmpty()) {
            // Copied into the run folder here, so the remote host gets the weights with it.
            args << QStringLiteral("--init") << initFrom;
        }
        args << QStringLiteral("--iters") << QString::number(iterations)
             << QStringLiteral("--batch") << QString::number(batch) << QStringLiteral("--crop")
             << crop << QStringLiteral("--lr") << number(learningRate) << QStringLiteral("--device")
             << device;
        args << preparationArguments();
        if (amp) {
            args << QStringLiteral("--amp");
        }
        if (checkpointing) {
            args << QStringLiteral("--checkpointing");
        }
    }
    args << QStringLiteral("--progress") << QStringLiteral("json");
    return args;
}

QStringList RunRequest::pretrainingArguments() const {
    // The engine refuses these too, but only after the process has started.
    if (!(tau > 0.0) || !(phi1 > 0.0 && phi1 <= 1.0) || !(phi2 >= 0.0 && phi2 <= 1.0) ||
        maskLength < 1) {
        throw std::invalid_argument(
            "Pre-training needs tau > 0, phi1 in (0, 1], phi2 in [0, 1] and M >= 1.");
    }
    QStringList args{QStringLiteral("--arch"),        architecture,
                     QStringLiteral("--clusterers"),  QString::number(clusterers),
                     QStringLiteral("--iters"),       QString::number(iterations),
                     QStringLiteral("--batch"),       QString::number(batch),
                     QStringLiteral("--lr"),          number(learningRate),
                     QStringLiteral("--tau"),         number(tau),
                     QStringLiteral("--phi1"),        number(phi1),
                     QStringLiteral("--mask-length"), QString::number(maskLength),
                     QStringLiteral("--phi2"),        number(phi2),
                     QStringLiteral("--device"),      device};
    if (amp) {
        args << QStringLiteral("--amp");
    }
    return args;
}

QString commandLineText(const QString& program, const QStringList& arguments) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./,:=+-]+$"));
    QStringList parts;
    for (const QString& part : QStringList{program} + arguments) {
        if (plain.match(part).hasMatch()) {
            parts << part;
        } else {
            QString quoted = part;
            quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
            parts << QLatin1Char('\'') + quoted + QLatin1Char('\'');
        }
    }
    return parts.join(QLatin1Char(' '));
}

}  // namespace views
}  // namespace logonet
