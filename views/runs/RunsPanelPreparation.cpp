// The Runs form's preparation fields (modality, spacing): what the project's settings are, so
// that leaving them empty is an informed choice.
#include <QComboBox>
#include <QLineEdit>
#include <stdexcept>

#include "project/PreparationDefaults.h"
#include "runs/RunsPanel.h"

namespace logonet {
namespace views {

namespace {

QString spacingText(const Vec3& spacing) {
    return QStringLiteral("%1,%2,%3")
        .arg(spacing[0], 0, 'g', 4)
        .arg(spacing[1], 0, 'g', 4)
        .arg(spacing[2], 0, 'g', 4);
}

}  // namespace

void RunsPanel::refreshPreparationDefaults() {
    QString modalityText = tr("Project setting");
    QString spacingHint = tr("the project's setting");
    if (!project_.isEmpty()) {
        try {
            Project project = Project::open(project_.toStdString(), Project::Access::Shared);
            const PreparationDefaults current = preparationDefaults(project);
            const PreparationDefaults suggested = suggestedDefaults(project);
            modalityText = tr("Project setting (%1)").arg(QString::fromStdString(current.modality));
            spacingHint = tr("project: %1 mm; its scans suggest %2 mm")
                              .arg(spacingText(current.spacing), spacingText(suggested.spacing));
        } catch (const std::exception&) {
            // A folder that is not (yet) a project: the window reports project errors itself.
        }
    }
    modality_->setItemText(0, modalityText);
    spacing_->setPlaceholderText(spacingHint);
}

}  // namespace views
}  // namespace logonet
