#include "plots/DiceChart.h"

#include <qcustomplot.h>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSharedPointer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "plots/PlotExport.h"

namespace logonet {
namespace views {

namespace {

// Quantile by linear interpolation between order statistics (sorted input).
double quantile(const QVector<double>& sorted, double q) {
    if (sorted.isEmpty()) {
        return 0.0;
    }
    const double position = q * (sorted.size() - 1);
    const int below = static_cast<int>(std::floor(position));
    const int above = std::min<int>(below + 1, sorted.size() - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

QColor runColour(int index) {
    return QColor::fromHsv((index * 97 + 210) % 360, 170, 220);
}

}  // namespace

DiceChart::DiceChart(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Per-organ Dice as"), this));
    styleBox_ = new QComboBox(this);
    styleBox_->addItems({tr("Bars (mean and standard deviation)"), tr("Box plot of cases")});
    bar->addWidget(styleBox_, 1);
    layout->addLayout(bar);
    plot_ = new QCustomPlot(this);
    plot_->setMinimumHeight(200);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    plot_->legend->setVisible(true);
    plot_->yAxis->setLabel(tr("Dice"));
    layout->addWidget(plot_, 1);
    connect(styleBox_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { rebuild(); });
    rebuild();
}

void DiceChart::setRuns(const QVector<RunScores>& runs) {
    runs_ = runs;
    organs_.clear();
    for (const RunScores& run : runs_) {
        for (const RunScores::Organ& organ : run.organs) {
            if (!organs_.contains(organ.name)) {
                organs_ << organ.name;
            }
        }
    }
    rebuild();
}

void DiceChart::setStyle(Style style) {
    styleBox_->setCurrentIndex(static_cast<int>(style));
}

DiceChart::Style DiceChart::style() const {
    return static_cast<Style>(styleBox_->currentIndex());
}

QCPBars* DiceChart::bars(int index) const {
    return index >= 0 && index < bars_.size() ? bars_[index] : nullptr;
}

void DiceChart::rebuild() {
    plot_->clearPlottables();
    bars_.clear();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int o = 0; o < organs_.size(); ++o) {
        ticker->addTick(o + 1, organs_[o]);
    }
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setTickLabelRotation(organs_.size() > 6 ? 45 : 0);
    const int runCount = runs_.size();
    // Side by side within an organ's slot of width 0.8.
    const double width = 0.8 / std::max(1, runCount);
    if (style() == Style::Bars) {
        auto* group = new QCPBarsGroup(plot_);
        group->setSpacing(0.0);
        for (int r = 0; r < runCount; ++r) {
            auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
            bars->setName(runs_[r].run);
            bars->setWidth(width);
            bars->setBrush(runColour(r));
            bars->setPen(QPen(runColour(r).darker(140)));
            if (runCount > 1) {
                bars->setBarsGroup(group);
            }
            auto* errors = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
            errors->removeFromLegend();
            QVector<double> keys, values, deviations;
            for (const RunScores::Organ& organ : runs_[r].organs) {
                keys << organs_.indexOf(organ.name) + 1;
                values << organ.diceMean;
                deviations << organ.diceStd;
            }
            bars->setData(keys, values, true);
            errors->setDataPlottable(bars);
            errors->setData(deviations);
            bars_ << bars;
        }
    } else {
        for (int r = 0; r < runCount; ++r) {
            auto* boxes = new QCPStatisticalBox(plot_->xAxis, plot_->yAxis);
            boxes->setName(runs_[r].run);
            boxes->setWidth(width * 0.9);
            boxes->setBrush(runColour(r));
            for (int o = 0; o < organs_.size(); ++o) {
                QVector<double> dice = runs_[r].caseDice(organs_[o]);
                if (dice.isEmpty()) {
                    continue;
                }
                std::sort(dice.begin(), dice.end());
                const double key = o + 1 - 0.4 + width * (r + 0.5);
                boxes->addData(key, dice.first(), quantile(dice, 0.25), quantile(dice, 0.5),
                               quantile(dice, 0.75), dice.last());
            }
        }
    }
    plot_->xAxis->setRange(0.4, organs_.size() + 0.6);
    plot_->yAxis->setRange(0.0, 1.05);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DiceChart::exportImage(const QString& file) const {
    savePlotImage(plot_, file);
}

void DiceChart::exportCsv(const QString& file) const {
    QStringList lines{QStringLiteral("run,organ,cases,dice_mean,dice_std,hd95_mean,hd95_std")};
    for (const RunScores& run : runs_) {
        for (const RunScores::Organ& organ : run.organs) {
            lines << QStringLiteral("%1,%2,%3,%4,%5,%6,%7")
                         .arg(csvField(run.run), csvField(organ.name))
                         .arg(organ.cases)
                         .arg(organ.diceMean, 0, 'g', 8)
                         .arg(organ.diceStd, 0, 'g', 8)
                         .arg(organ.hd95Mean, 0, 'g', 8)
                         .arg(organ.hd95Std, 0, 'g', 8);
        }
    }
    writeTextFile(file, lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

}  // namespace views
}  // namespace logonet
