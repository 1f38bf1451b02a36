#include "versions/LabelVersionSelector.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

namespace logonet {
namespace views {

LabelVersionSelector::LabelVersionSelector(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(new QLabel(tr("Labels:"), this));
    box_ = new QComboBox(this);
    box_->setMinimumContentsLength(28);
    box_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    layout->addWidget(box_);
    correct_ = new QPushButton(tr("Correct this prediction"), this);
    correct_->setToolTip(tr("Copy the prediction into a new correction version and edit it"));
    layout->addWidget(correct_);
    connect(box_, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        updateButton();
        if (index >= 0) {
            Q_EMIT versionChosen(box_->itemData(index).toLongLong());
        }
    });
    connect(correct_, &QPushButton::clicked, this, [this] {
        if (const auto version = selected(); version && version->kind == "prediction") {
            Q_EMIT correctionRequested(version->id);
        }
    });
    setVersions({}, std::nullopt);
}

QString LabelVersionSelector::describe(const LabelVersionRecord& version) {
    QString text;
    if (version.kind == "ground-truth") {
        text = tr("#%1 ground truth").arg(version.id);
    } else if (version.kind == "prediction") {
        text =
            tr("#%1 prediction of %2").arg(version.id).arg(QString::fromStdString(version.runName));
    } else if (version.parentVersionId) {
        text = tr("#%1 correction of #%2").arg(version.id).arg(*version.parentVersionId);
    } else {
        text = tr("#%1 correction").arg(version.id);
    }
    // The date is enough to tell versions apart; the time is in the tooltip.
    return QStringLiteral("%1 (%2)").arg(text,
                                         QString::fromStdString(version.created.substr(0, 10)));
}

void LabelVersionSelector::setVersions(const std::vector<LabelVersionRecord>& versions,
                                       std::optional<int64_t> current) {
    const QSignalBlocker blocker(box_);
    versions_ = versions;
    box_->clear();
    for (const LabelVersionRecord& version : versions_) {
        box_->addItem(describe(version), QVariant::fromValue<qint64>(version.id));
        box_->setItemData(box_->count() - 1, QString::fromStdString(version.created),
                          Qt::ToolTipRole);
    }
    if (versions_.empty()) {
        box_->addItem(tr("none (unlabeled)"), QVariant::fromValue<qint64>(-1));
    }
    const int index = current ? box_->findData(QVariant::fromValue<qint64>(*current)) : -1;
    box_->setCurrentIndex(std::max(index, 0));
    box_->setEnabled(!versions_.empty());
    updateButton();
}

std::optional<LabelVersionRecord> LabelVersionSelector::selected() const {
    const qint64 id = box_->currentData().toLongLong();
    for (const LabelVersionRecord& version : versions_) {
        if (version.id == id) {
            return version;
        }
    }
    return std::nullopt;
}

void LabelVersionSelector::updateButton() {
    const auto version = selected();
    correct_->setEnabled(version && version->kind == "prediction");
}

}  // namespace views
}  // namespace logonet
