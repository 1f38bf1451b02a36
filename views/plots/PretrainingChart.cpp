#include "plots/PretrainingChart.h"

#include <qcustomplot.h>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QSharedPointer>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "plots/PlotExport.h"

namespace logonet {
namespace views {

namespace {

// Doubling the labeled cases is one step along the axis: 1, 2 and 4 are evenly spaced.
double axisPosition(int labeledCases) {
    return std::log2(static_cast<double>(labeledCases));
}

QColor armColour(const QString& arm, int index) {
    if (arm == QLatin1String("scratch")) {
        return QColor(31, 119, 180);
    }
    if (arm == QLatin1String("pretrained")) {
        return QColor(214, 39, 40);
    }
    if (arm == QLatin1String("no_masking")) {
        return QColor(44, 160, 44);
    }
    if (arm == QLatin1String("one_clusterer")) {
        return QColor(148, 103, 189);
    }
    if (arm == QLatin1String("shuffled_labels")) {
        return QColor(255, 127, 14);
    }
    if (arm == QLatin1String("pretrained_encoders")) {
        return QColor(140, 86, 75);
    }
    if (arm == QLatin1String("supervised")) {
        return QColor(127, 127, 127);
    }
    return QColor::fromHsv((index * 97 + 30) % 360, 170, 200);
}

QString statisticText(const PretrainingResults::Statistic& s, bool sign) {
    return QStringLiteral("%1 \u00b1 %2")
        .arg(sign ? QString::asprintf("%+.3f", s.mean) : QString::asprintf("%.3f", s.mean))
        .arg(s.sd, 0, 'f', 3);
}

}  // namespace

PretrainingChart::PretrainingChart(QWidget* parent)
    : QWidget(parent), watcher_(new QFileSystemWatcher(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setAlignment(Qt::AlignCenter);
    layout->addWidget(message_);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    plot_ = new QCustomPlot(this);
    plot_->setMinimumHeight(260);
    // The legend under the axes, in rows of three: inside them it would hide the points of a
    // short plot.
    plot_->legend->setVisible(true);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(3);
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->plotLayout()->addElement(1, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    plot_->plotLayout()->setRowSpacing(0);
    plot_->xAxis->grid()->setZeroLinePen(Qt::NoPen);
    plot_->xAxis->setLabel(tr("Labeled cases for fine-tuning"));
    plot_->yAxis->setLabel(tr("Mean Dice, held-out cases"));
    layout->addWidget(plot_, 1);
    // An arm per row, a count per column: as narrow as the Runs panel, as tall as its rows.
    table_ = new QTableWidget(this);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    layout->addWidget(table_);
    connect(watcher_, &QFileSystemWatcher::directoryChanged, this,
            &PretrainingChart::reloadIfChanged);
    connect(watcher_, &QFileSystemWatcher::fileChanged, this, &PretrainingChart::reloadIfChanged);
    reload();
}

void PretrainingChart::setProject(const QString& directory) {
    project_ = directory;
    reload();
}

QString PretrainingChart::message() const {
    return message_->isHidden() ? QString() : message_->text();
}

void PretrainingChart::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void PretrainingChart::watch() {
    const QStringList watched = watcher_->files() + watcher_->directories();
    if (!watched.isEmpty()) {
        watcher_->removePaths(watched);
    }
    if (project_.isEmpty()) {
        return;
    }
    // The engine replaces the file by a rename, which ends a watch on the file itself: the
    // folder is watched too, and the project folder until the experiments folder appears.
    const QString file = PretrainingResults::fileIn(project_);
    const QString folder = QFileInfo(file).path();
    QStringList paths;
    for (const QString& path : {project_, folder, file}) {
        if (QFileInfo::exists(path) && !(path == project_ && QFileInfo::exists(folder))) {
            paths << path;
        }
    }
    if (!paths.isEmpty()) {
        watcher_->addPaths(paths);
    }
}

void PretrainingChart::reloadIfChanged() {
    const QFileInfo info(PretrainingResults::fileIn(project_));
    const qint64 size = info.exists() ? info.size() : -1;
    if (size != readSize_ || info.lastModified() != readModified_) {
        reload();
    } else {
        watch();  // a folder that appeared (or went) is watched (or not) from now on
    }
}

void PretrainingChart::reload() {
    watch();
    results_ = PretrainingResults();
    const QString file = PretrainingResults::fileIn(project_);
    const QFileInfo info(file);
    readSize_ = info.exists() ? info.size() : -1;
    readModified_ = info.lastModified();
    if (project_.isEmpty()) {
        showMessage(tr("Open a project to see its pre-training experiment."));
        return;
    }
    if (!info.exists() && !info.isSymLink()) {
        showMessage(tr("No pre-training experiment yet: run `logonet experiment pretraining "
                       "--project %1`")
                        .arg(QDir::toNativeSeparators(project_)));
        return;
    }
    try {
        results_ = PretrainingResults::fromFile(file);
    } catch (const std::exception& error) {
        showMessage(
            tr("Cannot show the pre-training experiment: %1").arg(QString::fromUtf8(error.what())));
        return;
    }
    message_->hide();
    summary_->show();
    plot_->show();
    table_->show();
    rebuild();
}

void PretrainingChart::showMessage(const QString& text) {
    message_->setText(text);
    message_->show();
    summary_->hide();
    plot_->hide();
    table_->hide();
    rebuild();
}

void PretrainingChart::rebuild() {
    plot_->clearPlottables();
    graphs_.clear();
    errors_.clear();
    drawn_ = results_.arms();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double low = 1.0;
    double high = 0.0;
    for (const PretrainingResults::Count& count : results_.counts) {
        ticker->addTick(axisPosition(count.labeledCases), QString::number(count.labeledCases));
    }
    plot_->xAxis->setTicker(ticker);
    for (int a = 0; a < drawn_.size(); ++a) {
        const QString& arm = drawn_[a];
        // Arms side by side around each count, so that their error bars do not hide each other.
        const double offset = (a - (drawn_.size() - 1) / 2.0) * 0.04;
        QVector<double> keys, values, deviations;
        for (const PretrainingResults::Count& count : results_.counts) {
            if (!count.arms.contains(arm)) {
                continue;
            }
            const PretrainingResults::Statistic s = count.arms.value(arm);
            keys << axisPosition(count.labeledCases) + offset;
            values << s.mean;
            deviations << s.sd;
            low = std::min(low, s.mean - s.sd);
            high = std::max(high, s.mean + s.sd);
        }
        auto* graph = plot_->addGraph(plot_->xAxis, plot_->yAxis);
        const QColor colour = armColour(arm, a);
        const bool control = arm != QLatin1String("scratch") && arm != QLatin1String("pretrained");
        QPen pen(colour, control ? 1.5 : 2.5);
        pen.setStyle(control ? Qt::DashLine : Qt::SolidLine);
        graph->setPen(pen);
        graph->setScatterStyle(QCPScatterStyle(
            control ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssDisc, colour, colour, 7));
        graph->setName(
            arm == QLatin1String("scratch")           ? tr("From scratch")
            : arm == QLatin1String("pretrained")      ? tr("Pre-trained")
            : arm == QLatin1String("no_masking")      ? tr("No masking (control)")
            : arm == QLatin1String("one_clusterer")   ? tr("One clusterer (control)")
            : arm == QLatin1String("shuffled_labels") ? tr("Shuffled pseudo-labels (control)")
            : arm == QLatin1String("pretrained_encoders")
                ? tr("Pre-trained encoders only (control)")
            : arm == QLatin1String("supervised") ? tr("Supervised initialisation (upper bound)")
                                                 : arm);
        graph->setData(keys, values, true);
        auto* errors = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
        errors->removeFromLegend();
        errors->setPen(QPen(colour, 1.2));
        errors->setWhiskerWidth(8);
        errors->setDataPlottable(graph);
        errors->setData(deviations);
        graphs_.insert(arm, graph);
        errors_.insert(arm, errors);
    }
    if (results_.counts.isEmpty()) {
        plot_->xAxis->setRange(-0.5, 2.5);
        plot_->yAxis->setRange(0.0, 1.0);
    } else {
        plot_->xAxis->setRange(axisPosition(results_.counts.first().labeledCases) - 0.4,
                               axisPosition(results_.counts.last().labeledCases) + 0.4);
        const double margin = std::max(0.02, 0.1 * (high - low));
        plot_->yAxis->setRange(std::max(0.0, low - margin), std::min(1.0, high + margin));
    }
    QStringList facts;
    if (results_.seeds > 0) {
        facts << (results_.seeds == 1 ? tr("1 seed") : tr("%1 paired seeds").arg(results_.seeds));
    }
    if (!results_.date.isEmpty()) {
        const QDateTime date = QDateTime::fromString(results_.date, Qt::ISODate);
        facts << tr("measured %1")
                     .arg(date.isValid()
                              ? date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                              : results_.date);
    }
    if (results_.seconds >= 0) {
        facts << tr("took %1 min").arg(results_.seconds / 60.0, 0, 'f', 1);
    }
    if (results_.quick) {
        facts << tr("quick run (--quick)");
    }
    summary_->setText(facts.join(QStringLiteral(", ")));
    fillTable();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void PretrainingChart::fillTable() {
    table_->clear();
    QStringList headers{tr("Arm")};
    for (const PretrainingResults::Count& count : results_.counts) {
        headers << tr("%1 labeled").arg(count.labeledCases);
    }
    table_->setColumnCount(headers.size());
    table_->setHorizontalHeaderLabels(headers);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->setRowCount(results_.counts.isEmpty() ? 0 : drawn_.size() + 1);
    auto cell = [this](int row, int column, const QString& text) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(column == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignCenter);
        table_->setItem(row, column, item);
    };
    for (int c = 0; c < results_.counts.size(); ++c) {
        const PretrainingResults::Count& count = results_.counts[c];
        for (int a = 0; a < drawn_.size(); ++a) {
            cell(a, c + 1,
                 count.arms.contains(drawn_[a]) ? statisticText(count.arms.value(drawn_[a]), false)
                                                : QStringLiteral("\u2013"));
        }
        cell(drawn_.size(), c + 1, statisticText(count.pairedDifference, true));
    }
    for (int a = 0; a < drawn_.size(); ++a) {
        cell(a, 0, graphs_.value(drawn_[a])->name());
    }
    if (!results_.counts.isEmpty()) {
        cell(drawn_.size(), 0, tr("Pre-trained minus scratch (paired)"));
    }
}

void PretrainingChart::requireResults(const QString& file) const {
    if (results_.counts.isEmpty()) {
        throw std::runtime_error("Cannot export to " + file.toStdString() +
                                 ": there are no pre-training experiment results to show.");
    }
}

void PretrainingChart::exportImage(const QString& file) const {
    requireResults(file);
    savePlotImage(plot_, file);
}

void PretrainingChart::exportCsv(const QString& file) const {
    requireResults(file);
    QStringList lines{QStringLiteral("labeled_cases,arm,mean,sd")};
    auto line = [&lines](int count, const QString& arm, const PretrainingResults::Statistic& s) {
        lines << QStringLiteral("%1,%2,%3,%4")
                     .arg(count)
                     .arg(csvField(arm))
                     .arg(s.mean, 0, 'g', 8)
                     .arg(s.sd, 0, 'g', 8);
    };
    for (const PretrainingResults::Count& count : results_.counts) {
        for (const QString& arm : drawn_) {
            if (count.arms.contains(arm)) {
                line(count.labeledCases, arm, count.arms.value(arm));
            }
        }
        line(count.labeledCases, QStringLiteral("paired_difference"), count.pairedDifference);
    }
    writeTextFile(file, lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

}  // namespace views
}  // namespace logonet
