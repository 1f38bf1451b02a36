#pragma once

#include <QVector>

#include "remote/RemoteHost.h"

class QComboBox;

namespace logonet {
namespace views {

// Fills a "Where" box with "This computer" and the user's hosts, keeping the current choice when
// it still exists; returns the hosts in the box's order (item i + 1 is host i).
QVector<RemoteHost> fillRemoteHostChoice(QComboBox* where);

// When the user picks a remote host in `where`, `device` turns to its CUDA entry: a lab's hosts
// are its GPU servers, and a job sent there to run on their CPU is a slow surprise. Picking this
// computer again restores the device last chosen for it. Only the user's picks (`activated`)
// count, so a box set by the program (a run being followed) keeps its device.
void followRemoteHostWithDevice(QComboBox* where, QComboBox* device);

}  // namespace views
}  // namespace logonet
