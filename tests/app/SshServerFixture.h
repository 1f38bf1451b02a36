#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "FreePort.h"

// A real OpenSSH server on 127.0.0.1 for the remote-run tests: a free port, a throwaway host key
// and user key made with ssh-keygen, its own sshd_config (keys only, the authorized key in a
// file of the fixture). start() returns an empty string or the reason it could not start.
class SshServerFixture {
  public:
    explicit SshServerFixture(const QString& folder) : folder_(folder) {}
    ~SshServerFixture() {
        if (sshd_.state() != QProcess::NotRunning) {
            sshd_.terminate();
            sshd_.waitForFinished(5000);
        }
    }

    // Every command the server runs goes through `shell -c COMMAND` (sshd's ForceCommand, run by
    // the account's real shell), as if `shell` were the user's login shell: for a login shell
    // that is not POSIX sh. Set before start(); the path must hold no space or quote.
    void setLoginShell(const QString& shell) { loginShell_ = shell; }

    QString start() {
        QDir().mkpath(folder_);
        for (const QString& key : {hostKey(), identity(), otherIdentity()}) {
            QProcess keygen;
            keygen.start(QStringLiteral("ssh-keygen"),
                         {"-q", "-t", "ed25519", "-N", "", "-C", "logonet-test", "-f", key});
            if (!keygen.waitForFinished(30000) || keygen.exitCode() != 0) {
                return "ssh-keygen failed: " + QString::fromUtf8(keygen.readAllStandardError());
            }
        }
        QFile::copy(identity() + ".pub", folder_ + "/authorized_keys");
        port_ = freePort();
        if (port_ <= 0) {
            return QStringLiteral("no free TCP port on 127.0.0.1");
        }
        if (::geteuid() == 0 && !QDir(QStringLiteral("/run/sshd")).exists()) {
            // sshd's privilege separation needs this empty folder (systemd makes it normally).
            QDir().mkpath(QStringLiteral("/run/sshd"));
        }
        QFile config(folder_ + "/sshd_config");
        config.open(QIODevice::WriteOnly);
        const QString text =
            QStringLiteral(
                "Port %1\nListenAddress 127.0.0.1\nHostKey \"%2\"\n"
                "PidFile \"%3/sshd.pid\"\nAuthorizedKeysFile \"%3/authorized_keys\"\n"
                "StrictModes no\nUsePAM no\nPasswordAuthentication no\n"
                "KbdInteractiveAuthentication no\nPubkeyAuthentication yes\n"
                "PermitRootLogin prohibit-password\nLogLevel ERROR\n"
                "MaxStartups 50\nMaxSessions 50\n")
                .arg(port_)
                .arg(hostKey(), folder_);
        config.write(text.toUtf8());
        if (!loginShell_.isEmpty()) {
            config.write(QStringLiteral("ForceCommand exec %1 -c \"$SSH_ORIGINAL_COMMAND\"\n")
                             .arg(loginShell_)
                             .toUtf8());
        }
        config.close();
        sshd_.setProcessChannelMode(QProcess::MergedChannels);
        sshd_.start(QStringLiteral("/usr/sbin/sshd"), {"-D", "-e", "-f", folder_ + "/sshd_config"});
        if (!sshd_.waitForStarted(10000)) {
            return "/usr/sbin/sshd cannot be started: " + sshd_.errorString();
        }
        // Polled until it listens; a minute only bounds a server that never will.
        for (int attempt = 0; attempt < 600; ++attempt) {
            if (sshd_.state() == QProcess::NotRunning) {
                return "sshd exited at once: " + QString::fromUtf8(sshd_.readAll());
            }
            if (accepts(port_)) {
                return {};
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return "sshd did not listen on port " + QString::number(port_) + ": " +
               QString::fromUtf8(sshd_.readAll());
    }

    QString host() const {
        const passwd* user = ::getpwuid(::getuid());
        return QString::fromLocal8Bit(user != nullptr ? user->pw_name : "root") +
               "@127.0.0.1:" + QString::number(port_);
    }
    QString identity() const { return folder_ + "/user key"; }
    QString otherIdentity() const { return folder_ + "/unknown key"; }
    QString hostKey() const { return folder_ + "/host_key"; }
    QString knownHosts() const { return folder_ + "/known hosts"; }
    QString log() { return QString::fromUtf8(sshd_.readAll()); }

  private:
    static bool accepts(int port) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<uint16_t>(port));
        const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        ::close(fd);
        return ok;
    }

    QString folder_;
    QString loginShell_;
    int port_ = -1;
    QProcess sshd_;
};
