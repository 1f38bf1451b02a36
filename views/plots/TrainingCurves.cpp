#include "plots/TrainingCurves.h"

#include <qcustomplot.h>
#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>
#include <cmath>
#include <stdexcept>

#include "plots/PlotExport.h"

namespace logonet {
namespace views {

namespace {

const QVector<double>& series(const RunEventLog& log, TrainingCurves::Quantity quantity) {
    switch (quantity) {
        case TrainingCurves::Quantity::DiceLoss:
            return log.diceLoss();
        case TrainingCurves::Quantity::CeLoss:
            return log.ceLoss();
        case TrainingCurves::Quantity::LearningRate:
            return log.learningRate();
        default:
            return log.loss();
    }
}

}  // namespace

TrainingCurves::TrainingCurves(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show"), this));
    quantityBox_ = new QComboBox(this);
    quantityBox_->addItems({tr("Total loss"), tr("Dice loss"), tr("Cross-entropy loss"),
                            tr("Learning rate"), tr("Validation Dice per organ")});
    bar->addWidget(quantityBox_, 1);
    layout->addLayout(bar);
    plot_ = new QCustomPlot(this);
    plot_->setMinimumHeight(180);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->legend->setVisible(true);
    plot_->xAxis->setLabel(tr("step"));
    layout->addWidget(plot_, 1);
    connect(quantityBox_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { rebuild(); });
    connect(plot_, &QCustomPlot::mouseMove, this, &TrainingCurves::showValueAt);
    rebuild();
}

void TrainingCurves::setRun(const QString& name, const RunEventLog& log) {
    logs_.insert(name, log);
    rebuild();
}

void TrainingCurves::removeRun(const QString& name) {
    logs_.remove(name);
    rebuild();
}

void TrainingCurves::clearRuns() {
    logs_.clear();
    rebuild();
}

void TrainingCurves::setQuantity(Quantity quantity) {
    quantityBox_->setCurrentIndex(static_cast<int>(quantity));
}

TrainingCurves::Quantity TrainingCurves::quantity() const {
    return static_cast<Quantity>(quantityBox_->currentIndex());
}

int TrainingCurves::pointCount(const QString& name) const {
    return points_.value(name, 0);
}

void TrainingCurves::rebuild() {
    plot_->clearGraphs();
    points_.clear();
    const Quantity shown = quantity();
    plot_->yAxis->setLabel(quantityBox_->currentText());
    plot_->yAxis->setScaleType(shown == Quantity::LearningRate ? QCPAxis::stLogarithmic
                                                               : QCPAxis::stLinear);
    int colour = 0;
    const auto addGraph = [&](const QString& label, const QVector<double>& x,
                              const QVector<double>& y) {
        QCPGraph* graph = plot_->addGraph();
        graph->setName(label);
        graph->setPen(QPen(QColor::fromHsv((colour++ * 67) % 360, 200, 200), 1.5));
        QVector<double> keys, values;
        for (int i = 0; i < std::min(x.size(), y.size()); ++i) {
            // An organ missing from one validation leaves a gap rather than a false zero.
            if (std::isfinite(y[i])) {
                keys.append(x[i]);
                values.append(y[i]);
            }
        }
        graph->setData(keys, values, true);
        if (shown == Quantity::ValidationDice) {
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        }
        return static_cast<int>(keys.size());
    };
    for (auto it = logs_.cbegin(); it != logs_.cend(); ++it) {
        int count = 0;
        if (shown == Quantity::ValidationDice) {
            const auto& dice = it.value().validationDice();
            for (auto organ = dice.cbegin(); organ != dice.cend(); ++organ) {
                const QString label =
                    logs_.size() > 1 ? it.key() + QStringLiteral(": ") + organ.key() : organ.key();
                count += addGraph(label, it.value().validationSteps(), organ.value());
            }
        } else {
            count = addGraph(it.key(), it.value().steps(), series(it.value(), shown));
        }
        points_.insert(it.key(), count);
    }
    plot_->rescaleAxes();
    if (shown == Quantity::ValidationDice) {
        plot_->yAxis->setRange(0.0, 1.0);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCurves::showValueAt(QMouseEvent* event) {
    const QPointF position = event->position();
    QCPGraph* nearest = nullptr;
    double best = 12.0;  // pixels: farther than this shows nothing
    double key = 0, value = 0;
    for (int g = 0; g < plot_->graphCount(); ++g) {
        QCPGraph* graph = plot_->graph(g);
        const double x = plot_->xAxis->pixelToCoord(position.x());
        auto found = graph->data()->findBegin(x);
        for (int n = 0; n < 2 && found != graph->data()->constEnd(); ++n, ++found) {
            const double dx = plot_->xAxis->coordToPixel(found->key) - position.x();
            const double dy = plot_->yAxis->coordToPixel(found->value) - position.y();
            const double distance = std::hypot(dx, dy);
            if (distance < best) {
                best = distance;
                nearest = graph;
                key = found->key;
                value = found->value;
            }
        }
    }
    if (nearest == nullptr) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1\nstep %2: %3").arg(nearest->name()).arg(key).arg(value, 0, 'g', 5),
                       plot_);
}

void TrainingCurves::exportImage(const QString& file) const {
    savePlotImage(plot_, file);
}

void TrainingCurves::exportCsv(const QString& file) const {
    QStringList lines{QStringLiteral("series,step,value")};
    for (int g = 0; g < plot_->graphCount(); ++g) {
        const QCPGraph* graph = plot_->graph(g);
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            lines << QStringLiteral("%1,%2,%3")
                         .arg(csvField(graph->name()))
                         .arg(it->key)
                         .arg(it->value, 0, 'g', 8);
        }
    }
    writeTextFile(file, lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

}  // namespace views
}  // namespace logonet
