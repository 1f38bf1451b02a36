#pragma once

#include <QStandardPaths>
#include <QString>

#include "SshServerFixture.h"

// Starts `fixture` for a test program; empty when it runs, otherwise why this machine cannot
// have it (no ssh, rsync or ssh-keygen, or an sshd that does not start): the program then exits
// with 77, which CTest reports as a skip, never as a pass.
inline QString startSshServerOrSayWhyNot(SshServerFixture& fixture) {
    for (const char* program : {"ssh", "rsync", "ssh-keygen"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty()) {
            return QStringLiteral("no %1 on this machine").arg(QString::fromLatin1(program));
        }
    }
    const QString problem = fixture.start();
    return problem.isEmpty() ? problem : QStringLiteral("sshd cannot run here: ") + problem;
}
