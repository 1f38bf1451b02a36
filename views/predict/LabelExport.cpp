#include "predict/LabelExport.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>
#include <QRegularExpression>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include "io/ImageWriter.h"
#include "project/Project.h"

namespace logonet {
namespace views {

LabelExportTask::LabelExportTask(QObject* parent) : QObject(parent) {
    qRegisterMetaType<LabelExportResult>("LabelExportResult");
}

LabelExportTask::~LabelExportTask() {
    cancelRequested_ = true;
    future_.waitForFinished();
}

QString LabelExportTask::fileFor(const QString& folder, LabelExportLayout layout,
                                 const QString& scanName) {
    QString name = scanName;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QDir base(folder);
    return layout == LabelExportLayout::NnUnet
               ? base.filePath(QStringLiteral("labelsTr/%1.nii.gz").arg(name))
               : base.filePath(QStringLiteral("%1.nii.gz").arg(name));
}

bool LabelExportTask::start(const QString& project, const QVector<qint64>& scanIds,
                            const QString& folder, LabelExportLayout layout) {
    if (isRunning()) {
        return false;
    }
    cancelRequested_ = false;
    running_ = true;
    future_ = QtConcurrent::run([this, project, scanIds, folder, layout] {
        LabelExportResult result;
        const int total = static_cast<int>(scanIds.size());
        QSet<QString> written;
        try {
            Project opened = Project::open(project.toStdString(), Project::Access::Shared);
            for (int n = 0; n < total; ++n) {
                if (cancelRequested_) {
                    result.cancelled = true;
                    break;
                }
                QString name = QString::number(scanIds[n]);
                try {
                    const ScanRecord scan = opened.scan(scanIds[n]);
                    name = QString::fromStdString(scan.name);
                    const auto version = opened.currentLabels(scan.id);
                    if (!version) {
                        result.problems << tr("%1: no label map to export").arg(name);
                    } else {
                        LabelVolume labels = opened.loadLabels(version->id);
                        // The scan's placement, exactly: the file must overlay the scan.
                        const ImageGeometry g = opened.loadImage(scan.id).geometry();
                        labels.setPlacement(g.origin, g.spacing, g.direction);
                        // Two scans of one name (imported from two folders) keep two files.
                        QString file = fileFor(folder, layout, name);
                        if (written.contains(file)) {
                            file = fileFor(folder, layout,
                                           QStringLiteral("%1_scan%2").arg(name).arg(scan.id));
                        }
                        written.insert(file);
                        QDir().mkpath(QFileInfo(file).absolutePath());
                        writeLabelMap(labels, file.toStdString());
                        ++result.written;
                    }
                } catch (const std::exception& error) {
                    result.problems
                        << QStringLiteral("%1: %2").arg(name, QString::fromUtf8(error.what()));
                }
                QMetaObject::invokeMethod(
                    this, [this, n, total] { Q_EMIT progressed(n + 1, total); },
                    Qt::QueuedConnection);
            }
        } catch (const std::exception& error) {
            result.problems << QString::fromUtf8(error.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                running_ = false;
                Q_EMIT finished(result);
            },
            Qt::QueuedConnection);
    });
    return true;
}

}  // namespace views
}  // namespace logonet
