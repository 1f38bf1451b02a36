#include "plots/PlotExport.h"

#include <qcustomplot.h>
#include <QFile>
#include <QFileInfo>
#include <stdexcept>

namespace logonet {
namespace views {

void savePlotImage(QCustomPlot* plot, const QString& file) {
    const QString suffix = QFileInfo(file).suffix().toLower();
    bool written = false;
    if (suffix == QLatin1String("png")) {
        written = plot->savePng(file, 0, 0, 2.0);
    } else if (suffix == QLatin1String("pdf")) {
        written = plot->savePdf(file);
    } else {
        throw std::runtime_error("Cannot export the plot to " + file.toStdString() +
                                 ": use a .png or .pdf file name.");
    }
    if (!written) {
        throw std::runtime_error("Cannot write the plot to " + file.toStdString() + ".");
    }
}

void writeTextFile(const QString& file, const QString& text) {
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(text.toUtf8()) < 0) {
        throw std::runtime_error("Cannot write " + file.toStdString() + ": " +
                                 out.errorString().toStdString());
    }
}

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))) {
        return text;
    }
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace views
}  // namespace logonet
