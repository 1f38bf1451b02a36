#pragma once

#include <QDialog>
#include <QVector>

#include "remote/RemoteHost.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSettings;
class QSpinBox;

namespace logonet {
namespace views {

class RemoteEngineCall;

// The Remote Hosts dialog: the GPU hosts a lab trains on (host, port, user, identity file or
// agent, remote work folder, path of `logonet` there), kept per user with QSettings. "Test
// connection" runs `logonet remote check` and shows the remote engine's version, CUDA and GPU
// memory; "Trust host key" shows the host's key fingerprints and records them only when the
// user agrees. No password is asked for or stored: ssh uses keys only.
class RemoteHostsDialog : public QDialog {
    Q_OBJECT
  public:
    // `settings`: where the hosts are kept (nullptr: the user's settings).
    explicit RemoteHostsDialog(const QString& engine, QSettings* settings = nullptr,
                               QWidget* parent = nullptr);

    const QVector<RemoteHost>& hosts() const { return hosts_; }
    int currentIndex() const;
    void setCurrentIndex(int index);
    void addHost();
    void removeCurrentHost();
    // Writes the hosts to the settings (also done by the Save button).
    void save();
    // Runs `logonet remote check` for the current host; the answer appears in resultText().
    void testConnection();
    void trustHostKey();
    QString resultText() const;
    bool isTesting() const;

    QLineEdit* nameEdit() const { return name_; }
    QLineEdit* hostEdit() const { return host_; }
    QSpinBox* portBox() const { return port_; }
    QLineEdit* userEdit() const { return user_; }
    QLineEdit* identityEdit() const { return identity_; }
    QLineEdit* remoteDirectoryEdit() const { return remoteDirectory_; }
    QLineEdit* remoteLogonetEdit() const { return remoteLogonet_; }

  Q_SIGNALS:
    void hostsSaved();

  private:
    void showHost(int index);
    void storeFields();
    void setFieldsEnabled(bool enabled);
    void onCheckFinished(bool ok, const QJsonObject& answer, const QString& message);
    void onTrustAnswer(bool ok, const QJsonObject& answer, const QString& message);

    QString engine_;
    QSettings* settings_;
    QVector<RemoteHost> hosts_;
    bool showing_ = false;
    RemoteEngineCall* check_;
    RemoteEngineCall* trust_;
    QListWidget* list_;
    QLineEdit* name_;
    QLineEdit* host_;
    QSpinBox* port_;
    QLineEdit* user_;
    QLineEdit* identity_;
    QLineEdit* remoteDirectory_;
    QLineEdit* remoteLogonet_;
    QPushButton* testButton_;
    QPushButton* trustButton_;
    QLabel* result_;
};

}  // namespace views
}  // namespace logonet
