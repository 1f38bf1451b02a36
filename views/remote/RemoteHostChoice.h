#pragma once

#include <QVector>

#include "remote/RemoteHost.h"

class QComboBox;

namespace logonet {
namespace views {

// Fills a "Where" box with "This computer" and the user's hosts, keeping the current choice when
// it still exists; returns the hosts in the box's order (item i + 1 is host i).
QVector<RemoteHost> fillRemoteHostChoice(QComboBox* where);

}  // namespace views
}  // namespace logonet
