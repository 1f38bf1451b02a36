#pragma once
// How many steps a stand-in engine (fake_logonet.sh, the fake evaluations) may take: it waits
// before each step until this file allows it. A test that must stop a run midway lets it go a
// few steps and no further, so the run is still going when the test acts, on a machine of any
// speed, instead of relying on the stand-in being slower than the test.
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cstdio>

namespace logonet::testing {

class StepPermit {
  public:
    // Holds the engine before its first step; set in the environment that engines started from
    // now on inherit (FAKE_LOGONET_PERMIT), and taken out of it again when this ends.
    StepPermit() : path_(folder_.filePath(QStringLiteral("permit"))) {
        allow(0);
        qputenv("FAKE_LOGONET_PERMIT", path_.toUtf8());
    }
    ~StepPermit() { qunsetenv("FAKE_LOGONET_PERMIT"); }
    StepPermit(const StepPermit&) = delete;
    StepPermit& operator=(const StepPermit&) = delete;

    // Renamed into place so that the engine never reads a half-written number.
    bool allow(int steps) const {
        const QString next = path_ + QStringLiteral(".next");
        QFile file(next);
        const QByteArray text = QByteArray::number(steps) + '\n';
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.flush() &&
               (file.close(), true) && std::rename(qPrintable(next), qPrintable(path_)) == 0;
    }
    const QString& path() const { return path_; }

  private:
    QTemporaryDir folder_;
    QString path_;
};

}  // namespace logonet::testing
