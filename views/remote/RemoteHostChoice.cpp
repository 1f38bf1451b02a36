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

void followRemoteHostWithDevice(QComboBox* where, QComboBox* device) {
    QObject::connect(where, &QComboBox::activated, device,
                     [device, wasRemote = where->currentIndex() > 0,
                      localDevice = device->currentIndex()](int index) mutable {
                         const bool remote = index > 0;  // entry 0 is this computer
                         if (remote && !wasRemote) {
                             localDevice = device->currentIndex();
                         }
                         if (remote) {
                             const QString cuda = QStringLiteral("cuda");
                             const int entry = device->findData(cuda) >= 0 ? device->findData(cuda)
                                                                           : device->findText(cuda);
                             if (entry >= 0) {
                                 device->setCurrentIndex(entry);
                             }
                         } else if (wasRemote && localDevice >= 0) {
                             device->setCurrentIndex(localDevice);
                         }
                         wasRemote = remote;
                     });
}

}  // namespace views
}  // namespace logonet
