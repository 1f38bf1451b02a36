#pragma once

#include <QString>

class QCustomPlot;

namespace logonet {
namespace views {

// Saves a plot as PNG or PDF, chosen by the file's suffix; throws std::runtime_error naming the
// file when the suffix is unknown or the file cannot be written.
void savePlotImage(QCustomPlot* plot, const QString& file);
// Writes `text` to `file`; throws std::runtime_error naming the file on failure.
void writeTextFile(const QString& file, const QString& text);
// A CSV field, quoted when it holds a comma or a quote.
QString csvField(const QString& text);

}  // namespace views
}  // namespace logonet
