#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <atomic>

namespace logonet {
namespace views {

// How a batch of label maps is laid out on disk.
enum class LabelExportLayout {
    NnUnet,  // FOLDER/labelsTr/<case>.nii.gz, as nnU-Net and the Medical Segmentation Decathlon
    Folder,  // FOLDER/<case>.nii.gz
};

struct LabelExportResult {
    int written = 0;
    QStringList problems;  // "case_003: no label map" and write errors, one per scan
    bool cancelled = false;
};

// Writes the current label version of many scans as NIfTI, each on its scan's own grid and
// geometry (so it overlays the scan in any viewer), in a worker thread with its own shared
// connection to the project: the window stays responsive and its project stays open.
class LabelExportTask : public QObject {
    Q_OBJECT
  public:
    explicit LabelExportTask(QObject* parent = nullptr);
    ~LabelExportTask() override;

    // False when an export is still running.
    bool start(const QString& project, const QVector<qint64>& scanIds, const QString& folder,
               LabelExportLayout layout);
    void cancel() { cancelRequested_ = true; }
    bool isRunning() const { return running_; }
    // The file a scan's labels go to: its name with characters a file name cannot hold replaced
    // (a second scan of the same name in one export gets "<name>_scan<id>").
    static QString fileFor(const QString& folder, LabelExportLayout layout,
                           const QString& scanName);

  Q_SIGNALS:
    void progressed(int done, int total);
    void finished(const LabelExportResult& result);

  private:
    QFuture<void> future_;
    std::atomic<bool> cancelRequested_{false};
    bool running_ = false;  // until finished() is delivered, which is after the worker's work
};

}  // namespace views
}  // namespace logonet
