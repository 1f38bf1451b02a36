#include "review/ReviewStatusBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "project/Project.h"

namespace logonet {
namespace views {

namespace {
constexpr int kNoVerdict = -1;  // the placeholder's data: nothing chosen yet
}  // namespace

ReviewStatusBar::ReviewStatusBar(QWidget* parent) : QWidget(parent) {
    status_ = new QComboBox(this);
    status_->addItem(tr("Choose a verdict"), kNoVerdict);
    status_->addItem(tr("Accepted"), static_cast<int>(ReviewStatus::Accepted));
    status_->addItem(tr("Needs correction"), static_cast<int>(ReviewStatus::NeedsCorrection));
    status_->addItem(tr("Rejected"), static_cast<int>(ReviewStatus::Rejected));
    comment_ = new QLineEdit(this);
    comment_->setPlaceholderText(tr("Comment, e.g. spleen tip missed on slices 40-44"));
    save_ = new QPushButton(tr("Save review"), this);
    correct_ = new QPushButton(tr("Correct..."), this);
    correct_->setToolTip(
        tr("Copy this version as a correction and edit it with the annotation "
           "tools"));
    next_ = new QPushButton(tr("Next case"), this);
    next_->setToolTip(tr("Open the next case of the run's list, worst first"));
    stored_ = new QLabel(this);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(new QLabel(tr("Review"), this));
    layout->addWidget(status_);
    layout->addWidget(comment_, 1);
    layout->addWidget(save_);
    layout->addWidget(correct_);
    layout->addWidget(stored_);
    layout->addWidget(next_);
    connect(save_, &QPushButton::clicked, this, &ReviewStatusBar::save);
    connect(next_, &QPushButton::clicked, this, &ReviewStatusBar::nextCaseRequested);
    connect(status_, &QComboBox::currentIndexChanged, this,
            [this] { save_->setEnabled(project_ != nullptr && hasVerdict()); });
    connect(correct_, &QPushButton::clicked, this, [this] {
        if (versionId_) {
            Q_EMIT correctRequested(*versionId_);
        }
    });
    setTarget(nullptr, 0, 0);
}

void ReviewStatusBar::setTarget(Project* project, qint64 scanId, qint64 versionId) {
    project_ = project;
    scanId_ = scanId;
    versionId_ = project ? std::optional<qint64>(versionId) : std::nullopt;
    for (QWidget* w : {static_cast<QWidget*>(status_), static_cast<QWidget*>(comment_),
                       static_cast<QWidget*>(save_), static_cast<QWidget*>(correct_)}) {
        w->setEnabled(project != nullptr);
    }
    showStored();
    save_->setEnabled(project != nullptr && hasVerdict());
}

void ReviewStatusBar::showStored() {
    stored_->clear();
    comment_->clear();
    status_->setCurrentIndex(0);
    if (!project_ || !versionId_) {
        return;
    }
    try {
        const auto latest = ReviewStore(project_->database()).latest(*versionId_);
        if (latest) {
            setStatus(latest->status);
            comment_->setText(QString::fromStdString(latest->comment));
            stored_->setText(tr("stored %1").arg(QString::fromStdString(latest->time)));
        } else {
            stored_->setText(tr("not reviewed yet"));
        }
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromUtf8(error.what()));
    }
}

void ReviewStatusBar::setStatus(ReviewStatus status) {
    status_->setCurrentIndex(status_->findData(static_cast<int>(status)));
}

bool ReviewStatusBar::hasVerdict() const {
    return status_->currentData().toInt() != kNoVerdict;
}

ReviewStatus ReviewStatusBar::status() const {
    return static_cast<ReviewStatus>(status_->currentData().toInt());
}

void ReviewStatusBar::setComment(const QString& comment) {
    comment_->setText(comment);
}

QString ReviewStatusBar::comment() const {
    return comment_->text().trimmed();
}

QString ReviewStatusBar::storedText() const {
    return stored_->text();
}

bool ReviewStatusBar::save() {
    if (!project_ || !versionId_) {
        return false;
    }
    if (!hasVerdict()) {
        stored_->setText(tr("choose a verdict first"));
        return false;
    }
    try {
        const ReviewRecord row =
            ReviewStore(project_->database())
                .record(scanId_, *versionId_, status(), comment().toStdString());
        stored_->setText(tr("stored %1").arg(QString::fromStdString(row.time)));
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromUtf8(error.what()));
        return false;
    }
    Q_EMIT saved(*versionId_, status());
    return true;
}

}  // namespace views
}  // namespace logonet
