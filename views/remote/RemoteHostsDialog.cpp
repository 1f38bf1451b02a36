#include "remote/RemoteHostsDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include "remote/RemoteEngineCall.h"
#include "remote/RemoteHostStore.h"

namespace logonet {
namespace views {

RemoteHostsDialog::RemoteHostsDialog(const QString& engine, QSettings* settings, QWidget* parent)
    : QDialog(parent),
      engine_(engine),
      settings_(settings),
      check_(new RemoteEngineCall(this)),
      trust_(new RemoteEngineCall(this)) {
    setWindowTitle(tr("Remote Hosts"));
    hosts_ = settings_ != nullptr ? RemoteHostStore::load(*settings_) : RemoteHostStore::load();

    list_ = new QListWidget(this);
    auto* addButton = new QPushButton(tr("Add"), this);
    auto* removeButton = new QPushButton(tr("Remove"), this);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(addButton);
    listButtons->addWidget(removeButton);
    auto* left = new QVBoxLayout;
    left->addWidget(list_, 1);
    left->addLayout(listButtons);

    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("e.g. lab GPU server"));
    host_ = new QLineEdit(this);
    host_->setPlaceholderText(tr("host name or address"));
    port_ = new QSpinBox(this);
    port_->setRange(1, 65535);
    port_->setValue(22);
    user_ = new QLineEdit(this);
    user_->setPlaceholderText(tr("your user name there"));
    identity_ = new QLineEdit(this);
    identity_->setPlaceholderText(tr("empty: the ssh agent or ~/.ssh keys"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    auto* identityRow = new QHBoxLayout;
    identityRow->addWidget(identity_, 1);
    identityRow->addWidget(browse);
    remoteDirectory_ = new QLineEdit(this);
    remoteDirectory_->setToolTip(
        tr("Runs and their cached cases are copied here; relative "
           "to the home folder unless it starts with /"));
    remoteLogonet_ = new QLineEdit(this);
    remoteLogonet_->setToolTip(
        tr("The engine built there with the engine preset; 'logonet' "
           "when it is on the PATH"));
    auto* form = new QFormLayout;
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Host"), host_);
    form->addRow(tr("Port"), port_);
    form->addRow(tr("User"), user_);
    form->addRow(tr("Identity file"), identityRow);
    form->addRow(tr("Remote work folder"), remoteDirectory_);
    form->addRow(tr("logonet there"), remoteLogonet_);

    testButton_ = new QPushButton(tr("Test connection"), this);
    trustButton_ = new QPushButton(tr("Trust host key..."), this);
    auto* actions = new QHBoxLayout;
    actions->addWidget(testButton_);
    actions->addWidget(trustButton_);
    actions->addStretch(1);
    result_ = new QLabel(this);
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    result_->setMinimumHeight(60);
    auto* note = new QLabel(tr("Keys only: no password is asked for or stored. Host keys are "
                               "checked against ~/.config/logonet/known_hosts."),
                            this);
    note->setWordWrap(true);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(actions);
    right->addWidget(result_);
    right->addStretch(1);
    right->addWidget(note);

    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(addButton, &QPushButton::clicked, this, &RemoteHostsDialog::addHost);
    connect(removeButton, &QPushButton::clicked, this, &RemoteHostsDialog::removeCurrentHost);
    connect(list_, &QListWidget::currentRowChanged, this, &RemoteHostsDialog::showHost);
    for (QLineEdit* edit : {name_, host_, user_, identity_, remoteDirectory_, remoteLogonet_}) {
        connect(edit, &QLineEdit::textChanged, this, &RemoteHostsDialog::storeFields);
    }
    connect(port_, qOverload<int>(&QSpinBox::valueChanged), this, &RemoteHostsDialog::storeFields);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Private key"), QDir::homePath() + "/.ssh");
        if (!file.isEmpty()) {
            identity_->setText(file);
        }
    });
    connect(testButton_, &QPushButton::clicked, this, &RemoteHostsDialog::testConnection);
    connect(trustButton_, &QPushButton::clicked, this, &RemoteHostsDialog::trustHostKey);
    connect(check_, &RemoteEngineCall::finished, this, &RemoteHostsDialog::onCheckFinished);
    connect(trust_, &RemoteEngineCall::finished, this, &RemoteHostsDialog::onTrustAnswer);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (const RemoteHost& h : hosts_) {
        list_->addItem(h.displayName());
    }
    if (!hosts_.isEmpty()) {
        list_->setCurrentRow(0);
    }
    showHost(list_->currentRow());
    resize(760, 420);
}

int RemoteHostsDialog::currentIndex() const {
    return list_->currentRow();
}

void RemoteHostsDialog::setCurrentIndex(int index) {
    list_->setCurrentRow(index);
}

void RemoteHostsDialog::addHost() {
    RemoteHost h;
    h.name = tr("GPU server %1").arg(hosts_.size() + 1);
    hosts_.append(h);
    list_->addItem(h.displayName());
    list_->setCurrentRow(static_cast<int>(hosts_.size() - 1));
    host_->setFocus();
}

void RemoteHostsDialog::removeCurrentHost() {
    const int row = list_->currentRow();
    if (row < 0) {
        return;
    }
    hosts_.remove(row);
    delete list_->takeItem(row);
    showHost(list_->currentRow());
}

void RemoteHostsDialog::save() {
    if (settings_ != nullptr) {
        RemoteHostStore::save(*settings_, hosts_);
    } else {
        RemoteHostStore::save(hosts_);
    }
    Q_EMIT hostsSaved();
}

void RemoteHostsDialog::setFieldsEnabled(bool enabled) {
    for (QWidget* w :
         {static_cast<QWidget*>(name_), static_cast<QWidget*>(host_), static_cast<QWidget*>(port_),
          static_cast<QWidget*>(user_), static_cast<QWidget*>(identity_),
          static_cast<QWidget*>(remoteDirectory_), static_cast<QWidget*>(remoteLogonet_)}) {
        w->setEnabled(enabled);
    }
    testButton_->setEnabled(enabled && !check_->isRunning());
    trustButton_->setEnabled(enabled && !trust_->isRunning());
}

void RemoteHostsDialog::showHost(int index) {
    showing_ = true;
    const bool valid = index >= 0 && index < hosts_.size();
    const RemoteHost h = valid ? hosts_[index] : RemoteHost();
    name_->setText(h.name);
    host_->setText(h.host);
    port_->setValue(h.port);
    user_->setText(h.user);
    identity_->setText(h.identity);
    remoteDirectory_->setText(h.remoteDirectory);
    remoteLogonet_->setText(h.remoteLogonet);
    setFieldsEnabled(valid);
    result_->clear();
    showing_ = false;
}

void RemoteHostsDialog::storeFields() {
    const int row = list_->currentRow();
    if (showing_ || row < 0 || row >= hosts_.size()) {
        return;
    }
    RemoteHost& h = hosts_[row];
    h.name = name_->text().trimmed();
    h.host = host_->text().trimmed();
    h.port = port_->value();
    h.user = user_->text().trimmed();
    h.identity = identity_->text().trimmed();
    h.remoteDirectory = remoteDirectory_->text().trimmed();
    h.remoteLogonet = remoteLogonet_->text().trimmed();
    list_->item(row)->setText(h.displayName());
}

void RemoteHostsDialog::testConnection() {
    const int row = list_->currentRow();
    if (row < 0 || check_->isRunning()) {
        return;
    }
    const QString problem = hosts_[row].problem();
    if (!problem.isEmpty()) {
        result_->setText(problem);
        return;
    }
    result_->setText(tr("Connecting to %1...").arg(hosts_[row].target()));
    testButton_->setEnabled(false);
    check_->start(engine_, QStringList{QStringLiteral("remote"), QStringLiteral("check"),
                                       QStringLiteral("--json")} +
                               hosts_[row].connectionArguments());
}

void RemoteHostsDialog::onCheckFinished(bool ok, const QJsonObject& answer,
                                        const QString& message) {
    testButton_->setEnabled(list_->currentRow() >= 0);
    result_->setText(ok ? tr("Connected.") + QLatin1Char('\n') +
                              RemoteEngineCall::describeDeviceInfo(answer)
                        : tr("The connection test failed: %1").arg(message));
}

void RemoteHostsDialog::trustHostKey() {
    const int row = list_->currentRow();
    if (row < 0 || trust_->isRunning()) {
        return;
    }
    const QString problem = hosts_[row].problem();
    if (!problem.isEmpty()) {
        result_->setText(problem);
        return;
    }
    trustButton_->setEnabled(false);
    result_->setText(tr("Fetching the host key of %1...").arg(hosts_[row].target()));
    trust_->start(engine_,
                  {QStringLiteral("remote"), QStringLiteral("trust"), QStringLiteral("--json"),
                   QStringLiteral("--host"), hosts_[row].target()});
}

void RemoteHostsDialog::onTrustAnswer(bool ok, const QJsonObject& answer, const QString& message) {
    trustButton_->setEnabled(list_->currentRow() >= 0);
    if (!ok) {
        result_->setText(tr("The host key could not be fetched: %1").arg(message));
        return;
    }
    if (answer.value(QStringLiteral("known")).toBool()) {
        result_->setText(tr("The host key of %1 is already trusted.")
                             .arg(answer.value(QStringLiteral("host")).toString()));
        return;
    }
    if (answer.value(QStringLiteral("recorded")).toBool()) {
        result_->setText(tr("The host key is now trusted."));
        return;
    }
    const QJsonArray keys = answer.value(QStringLiteral("keys")).toArray();
    if (keys.isEmpty()) {
        result_->setText(tr("The host offered no key."));
        return;
    }
    QStringList lines;
    for (const auto& key : keys) {
        lines << key.toObject().value(QStringLiteral("type")).toString() + QLatin1Char(' ') +
                     key.toObject().value(QStringLiteral("fingerprint")).toString();
    }
    const QString fingerprint =
        keys.first().toObject().value(QStringLiteral("fingerprint")).toString();
    const auto choice = QMessageBox::question(
        this, tr("Trust host key"),
        tr("%1 offers these keys:\n\n%2\n\nCompare them with the fingerprints the server's "
           "administrator reads on the server. Trust the %3 key?")
            .arg(answer.value(QStringLiteral("host")).toString(), lines.join(QLatin1Char('\n')),
                 keys.first().toObject().value(QStringLiteral("type")).toString()));
    if (choice != QMessageBox::Yes) {
        result_->setText(tr("Not trusted."));
        return;
    }
    const int row = list_->currentRow();
    trustButton_->setEnabled(false);
    trust_->start(engine_, {QStringLiteral("remote"), QStringLiteral("trust"),
                            QStringLiteral("--json"), QStringLiteral("--host"),
                            hosts_[row].target(), QStringLiteral("--fingerprint"), fingerprint});
}

QString RemoteHostsDialog::resultText() const {
    return result_->text();
}

bool RemoteHostsDialog::isTesting() const {
    return check_->isRunning();
}

}  // namespace views
}  // namespace logonet
