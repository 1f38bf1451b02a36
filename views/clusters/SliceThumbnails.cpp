#include "clusters/SliceThumbnails.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrent>
#include <atomic>
#include <list>
#include <map>
#include <mutex>

#include "cache/CasePreparation.h"
#include "common/CropSliceImage.h"
#include "io/ImageReader.h"
#include "masking/PretrainCrop.h"

namespace logonet {
namespace views {

namespace {

constexpr int kChannels = 4;
// Volumes kept between requests: a 96^3 crop is 3.5 MB, a 96 x 96 x 300 window 11 MB.
constexpr size_t kCachedCrops = 12;
// Thumbnails kept; beyond this the oldest request's images are dropped.
constexpr int kCachedImages = 6000;

}  // namespace

size_t qHash(const ThumbnailKey& key, size_t seed) {
    return ::qHash(key.scanId, seed) ^ ::qHash(key.index * 31 + key.axis * 7 + key.crop * 131, 0);
}

// What the worker threads share with the GUI thread.
struct SliceThumbnails::Shared {
    std::atomic<int> generation[kChannels] = {};
    QThreadPool pool;
    std::mutex mutex;  // guards crops
    std::list<std::pair<std::pair<qint64, int>, std::shared_ptr<const ImageVolume>>> crops;

    std::shared_ptr<const ImageVolume> crop(qint64 scanId, const ThumbnailScan& scan, int size) {
        const auto key = std::make_pair(scanId, size);
        {
            std::lock_guard<std::mutex> lock(mutex);
            for (auto it = crops.begin(); it != crops.end(); ++it) {
                if (it->first == key) {
                    crops.splice(crops.begin(), crops, it);
                    return crops.front().second;
                }
            }
        }
        const ImageVolume image = readImage(scan.file.toStdString());
        auto made = std::make_shared<const ImageVolume>(
            scan.window ? prepareOnGrid(image, scan.preprocessing, *scan.window)
                        : pretrainCrop(image, scan.modality.toStdString(), size));
        std::lock_guard<std::mutex> lock(mutex);
        crops.emplace_front(key, made);
        while (crops.size() > kCachedCrops) {
            crops.pop_back();
        }
        return made;
    }
};

SliceThumbnails::SliceThumbnails(QObject* parent)
    : QObject(parent), shared_(std::make_shared<Shared>()) {
    // Two cores here, and the GUI thread needs one of them.
    shared_->pool.setMaxThreadCount(1);
}

SliceThumbnails::~SliceThumbnails() {
    for (auto& generation : shared_->generation) {
        ++generation;
    }
    for (auto& job : jobs_) {
        job.waitForFinished();
    }
}

void SliceThumbnails::setScans(const QHash<qint64, ThumbnailScan>& scans) {
    clear();
    scans_ = scans;
    std::lock_guard<std::mutex> lock(shared_->mutex);
    shared_->crops.clear();
}

void SliceThumbnails::clear() {
    for (auto& generation : shared_->generation) {
        ++generation;
    }
    images_.clear();
    problems_.clear();
}

const QImage* SliceThumbnails::image(const ThumbnailKey& key) const {
    const auto it = images_.constFind(key);
    return it == images_.constEnd() ? nullptr : &it.value();
}

QString SliceThumbnails::problem(const ThumbnailKey& key) const {
    return problems_.value(key);
}

bool SliceThumbnails::busy() const {
    return running_ > 0;
}

void SliceThumbnails::request(int channel, const QVector<ThumbnailKey>& keys) {
    channel = std::clamp(channel, 0, kChannels - 1);
    const int generation = ++shared_->generation[channel];
    // Grouped by scan, so that each crop is made once.
    std::map<qint64, QVector<ThumbnailKey>> byScan;
    for (const ThumbnailKey& key : keys) {
        if (!images_.contains(key) && !problems_.contains(key)) {
            byScan[key.scanId].push_back(key);
        }
    }
    if (byScan.empty()) {
        return;
    }
    if (images_.size() > kCachedImages) {
        images_.clear();
    }
    QVector<std::pair<ThumbnailScan, QVector<ThumbnailKey>>> work;
    for (const auto& [scanId, scanKeys] : byScan) {
        const auto scan = scans_.constFind(scanId);
        if (scan == scans_.constEnd()) {
            for (const ThumbnailKey& key : scanKeys) {
                fail(key, tr("scan %1 is not in the project").arg(scanId));
            }
            continue;
        }
        work.push_back({scan.value(), scanKeys});
    }
    jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(),
                               [](const QFuture<void>& job) { return job.isFinished(); }),
                jobs_.end());
    ++running_;
    const std::shared_ptr<Shared> shared = shared_;
    jobs_.push_back(QtConcurrent::run(&shared_->pool, [this, shared, channel, generation, work] {
        for (const auto& [scan, keys] : work) {
            if (shared->generation[channel] != generation) {
                break;
            }
            try {
                const auto crop = shared->crop(keys.front().scanId, scan, keys.front().crop);
                for (const ThumbnailKey& key : keys) {
                    if (shared->generation[channel] != generation) {
                        break;
                    }
                    const QImage image =
                        cropSliceImage(*crop, static_cast<SliceAxis>(key.axis), key.index);
                    QMetaObject::invokeMethod(
                        this,
                        [this, channel, generation, key, image] {
                            if (shared_->generation[channel] == generation) {
                                store(key, image);
                            }
                        },
                        Qt::QueuedConnection);
                }
            } catch (const std::exception& error) {
                const QString message = QString::fromUtf8(error.what());
                for (const ThumbnailKey& key : keys) {
                    QMetaObject::invokeMethod(
                        this,
                        [this, channel, generation, key, message] {
                            if (shared_->generation[channel] == generation) {
                                fail(key, message);
                            }
                        },
                        Qt::QueuedConnection);
                }
            }
        }
        QMetaObject::invokeMethod(
            this, [this] { jobDone(); }, Qt::QueuedConnection);
    }));
}

void SliceThumbnails::store(const ThumbnailKey& key, const QImage& image) {
    images_.insert(key, image);
    Q_EMIT ready(key);
}

void SliceThumbnails::fail(const ThumbnailKey& key, const QString& message) {
    problems_.insert(key, message);
    Q_EMIT failed(key, message);
}

void SliceThumbnails::jobDone() {
    if (--running_ == 0) {
        Q_EMIT idle();
    }
}

}  // namespace views
}  // namespace logonet
