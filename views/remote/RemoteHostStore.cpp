#include "remote/RemoteHostStore.h"

#include <QSettings>

namespace logonet {
namespace views {

namespace {

const QString kGroup = QStringLiteral("remoteHosts");

}  // namespace

QVector<RemoteHost> RemoteHostStore::load() {
    QSettings settings;
    return load(settings);
}

void RemoteHostStore::save(const QVector<RemoteHost>& hosts) {
    QSettings settings;
    save(settings, hosts);
}

QVector<RemoteHost> RemoteHostStore::load(QSettings& settings) {
    QVector<RemoteHost> hosts;
    const int count = settings.beginReadArray(kGroup);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        RemoteHost h;
        h.name = settings.value(QStringLiteral("name")).toString();
        h.host = settings.value(QStringLiteral("host")).toString();
        h.port = settings.value(QStringLiteral("port"), 22).toInt();
        h.user = settings.value(QStringLiteral("user")).toString();
        h.identity = settings.value(QStringLiteral("identity")).toString();
        h.remoteDirectory =
            settings.value(QStringLiteral("remoteDirectory"), h.remoteDirectory).toString();
        h.remoteLogonet =
            settings.value(QStringLiteral("remoteLogonet"), h.remoteLogonet).toString();
        hosts.append(h);
    }
    settings.endArray();
    return hosts;
}

void RemoteHostStore::save(QSettings& settings, const QVector<RemoteHost>& hosts) {
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup, static_cast<int>(hosts.size()));
    for (int i = 0; i < hosts.size(); ++i) {
        settings.setArrayIndex(i);
        const RemoteHost& h = hosts[i];
        settings.setValue(QStringLiteral("name"), h.name);
        settings.setValue(QStringLiteral("host"), h.host);
        settings.setValue(QStringLiteral("port"), h.port);
        settings.setValue(QStringLiteral("user"), h.user);
        settings.setValue(QStringLiteral("identity"), h.identity);
        settings.setValue(QStringLiteral("remoteDirectory"), h.remoteDirectory);
        settings.setValue(QStringLiteral("remoteLogonet"), h.remoteLogonet);
    }
    settings.endArray();
    settings.sync();
}

}  // namespace views
}  // namespace logonet
