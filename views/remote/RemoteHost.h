#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace logonet {
namespace views {

// A remote GPU host as the Remote Hosts dialog keeps it. There is no password field on purpose:
// the engine uses key authentication only (an identity file, or the ssh agent when empty).
struct RemoteHost {
    QString name;  // what the Runs panel's "where" choice shows
    QString host;
    int port = 22;
    QString user;
    QString identity;  // private key file; empty: the ssh agent
    QString remoteDirectory = QStringLiteral("logonet-runs");  // relative to the remote home
    QString remoteLogonet = QStringLiteral("logonet");         // the engine there

    // user@host:port as `logonet remote ... --host` takes it.
    QString target() const;
    QString displayName() const { return name.isEmpty() ? target() : name; }
    // --host, --identity, --remote-dir and --remote-logonet for `logonet remote ...`.
    QStringList connectionArguments() const;
    // Empty, or what is missing or malformed, in words for the user.
    QString problem() const;
};

}  // namespace views
}  // namespace logonet
