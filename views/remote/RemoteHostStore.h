#pragma once

#include <QVector>

#include "remote/RemoteHost.h"

class QSettings;

namespace logonet {
namespace views {

// The hosts, stored per user with QSettings (never a password: there is none to store).
class RemoteHostStore {
  public:
    // The user's settings (the application's organisation and name).
    static QVector<RemoteHost> load();
    static void save(const QVector<RemoteHost>& hosts);
    // The same, in a given settings object (tests use an INI file of their own).
    static QVector<RemoteHost> load(QSettings& settings);
    static void save(QSettings& settings, const QVector<RemoteHost>& hosts);
};

}  // namespace views
}  // namespace logonet
