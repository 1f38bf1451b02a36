#include "remote/RemoteHost.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace logonet {
namespace views {

QString RemoteHost::target() const {
    QString text = user.trimmed().isEmpty() ? QString() : user.trimmed() + QLatin1Char('@');
    return text + host.trimmed() + QLatin1Char(':') + QString::number(port);
}

QStringList RemoteHost::connectionArguments() const {
    QStringList args{QStringLiteral("--host"), target()};
    if (!identity.trimmed().isEmpty()) {
        args << QStringLiteral("--identity") << identity.trimmed();
    }
    if (!remoteDirectory.trimmed().isEmpty()) {
        args << QStringLiteral("--remote-dir") << remoteDirectory.trimmed();
    }
    if (!remoteLogonet.trimmed().isEmpty()) {
        args << QStringLiteral("--remote-logonet") << remoteLogonet.trimmed();
    }
    return args;
}

QString RemoteHost::problem() const {
    // The engine checks again; this only spares the user a round trip for a typo.
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9._][A-Za-z0-9._-]*$"));
    if (host.trimmed().isEmpty()) {
        return QCoreApplication::translate("RemoteHost", "Give the host name or address.");
    }
    if (!name.match(host.trimmed()).hasMatch()) {
        return QCoreApplication::translate(
                   "RemoteHost",
                   "The host name '%1' may hold only letters, digits, '.', '-' and '_'.")
            .arg(host.trimmed());
    }
    if (!user.trimmed().isEmpty() && !name.match(user.trimmed()).hasMatch()) {
        return QCoreApplication::translate(
                   "RemoteHost",
                   "The user name '%1' may hold only letters, digits, '.', '-' and '_'.")
            .arg(user.trimmed());
    }
    return {};
}

}  // namespace views
}  // namespace logonet
