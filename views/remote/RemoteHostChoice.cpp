#include "remote/RemoteHostChoice.h"

#include <QComboBox>
#include <QCoreApplication>

#include <algorithm>

#include "remote/RemoteHostStore.h"

namespace logonet {
namespace views {

QVector<RemoteHost> fillRemoteHostChoice(QComboBox* where) {
    const QString keep = where->currentText();
    const QVector<RemoteHost> hosts = RemoteHostStore::load();
    where->clear();
    where->addItem(QCoreApplication::translate("RemoteHostChoice", "This computer"));
    for (const RemoteHost& host : hosts) {
        where->addItem(host.displayName());
    }
    where->setCurrentIndex(std::max(0, where->findText(keep)));
    return hosts;
}

}  // namespace views
}  // namespace logonet
