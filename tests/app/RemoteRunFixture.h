#pragma once
// What the remote-run tests share: a real OpenSSH server on 127.0.0.1, a prepared phantom project,
// a remote folder whose name would break any unquoted use, and the engine run as a user would.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <sys/types.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "LogonetRun.h"
#include "PhantomProject.h"
#include "SshServerFixture.h"

// A command still running after `timeoutMs` is killed and reported with exit code -1.
using Result = LogonetResult;
inline Result engine(const QStringList& arguments, int timeoutMs = 120000) {
    return runLogonet(arguments, timeoutMs);
}

inline QList<QJsonObject> eventsOf(const QString& text) {
    return jsonLines(text);
}

inline QList<int> stepsOf(const QList<QJsonObject>& events) {
    QList<int> steps;
    for (const auto& event : events) {
        if (event.value("event").toString() == "step") {
            steps << event.value("step").toInt();
        }
    }
    return steps;
}

inline QString readText(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

// The direct children of `parent` whose command line contains `word`.
inline QList<pid_t> childrenWith(pid_t parent, const std::string& word) {
    QList<pid_t> found;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        std::getline(stat, line);
        const size_t close = line.rfind(')');
        if (close == std::string::npos) {
            continue;
        }
        std::istringstream rest(line.substr(close + 2));
        std::string state;
        long ppid = 0;
        rest >> state >> ppid;
        if (ppid != parent) {
            continue;
        }
        std::ifstream cmdline(entry.path() / "cmdline", std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(cmdline)),
                               std::istreambuf_iterator<char>());
        if (text.find(word) != std::string::npos) {
            found << static_cast<pid_t>(std::stol(name));
        }
    }
    return found;
}

// The first host key's fingerprint in what `remote trust --json` printed.
inline QString firstFingerprint(const QString& trustJson) {
    return QJsonDocument::fromJson(trustJson.toUtf8())
        .object()
        .value("keys")
        .toArray()
        .at(0)
        .toObject()
        .value("fingerprint")
        .toString();
}

class RemoteRunFixture {
  protected:
    // Names with a space, a quote and shell characters: they must survive ssh, sh and rsync.
    QTemporaryDir dir_{QDir::tempPath() + "/logonet remote 'test'-XXXXXX"};
    std::unique_ptr<SshServerFixture> server_;
    QString project_;
    QString remoteDir_;

    QStringList connection() const {
        return {"--host",           server_->host(),
                "--identity",       server_->identity(),
                "--known-hosts",    server_->knownHosts(),
                "--remote-dir",     remoteDir_,
                "--remote-logonet", QStringLiteral(LOGONET_EXECUTABLE)};
    }
    QStringList hostOnly() const {
        return {"--host",        server_->host(),      "--identity", server_->identity(),
                "--known-hosts", server_->knownHosts()};
    }

    // sshd started and the phantom project prepared: empty, or what went wrong.
    QString startServerAndProject() {
        if (!dir_.isValid()) {
            return QStringLiteral("no temporary folder");
        }
        // The engines this test starts keep their workstation id here, not in the user's home.
        qputenv("XDG_CONFIG_HOME", dir_.filePath("settings").toUtf8());
        server_ = std::make_unique<SshServerFixture>(dir_.filePath("keys dir"));
        const QString problem = server_->start();
        if (!problem.isEmpty()) {
            return "cannot start sshd for the test: " + problem;
        }
        remoteDir_ = dir_.filePath("remote side $HOME;`id`");
        project_ = dir_.filePath("My Project");
        return logonet::testing::preparePhantomProject(QStringLiteral(LOGONET_EXECUTABLE), project_,
                                                       dir_.filePath("data"));
    }

    // The server's host key recorded as known, as a user does with `remote trust` after checking
    // the fingerprint: empty, or what went wrong.
    QString trustHost() const {
        const Result shown = engine(QStringList{"remote", "trust", "--json"} + hostOnly());
        const QString fingerprint = firstFingerprint(shown.out);
        const Result trusted =
            engine(QStringList{"remote", "trust", "--fingerprint", fingerprint} + hostOnly());
        return trusted.exitCode == 0 ? QString() : shown.err + trusted.err;
    }
};
