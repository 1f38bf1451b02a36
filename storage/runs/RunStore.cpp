#include "runs/RunStore.h"

#include <cmath>
#include <ctime>
#include "database/UtcTime.h"

namespace logonet {

namespace {}  // namespace

int64_t RunStore::recordRun(const std::string& name, const std::string& kind,
                            const std::string& status, const std::string& configJson) {
    if (const auto existing = findRun(name)) {
        database_.prepare("UPDATE runs SET kind = ?1, status = ?2, config = ?3 WHERE id = ?4")
            .bind(1, kind)
            .bind(2, status)
            .bind(3, configJson)
            .bind(4, *existing)
            .run();
        return *existing;
    }
    database_
        .prepare(
            "INSERT INTO runs (name, kind, status, config, created) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, name)
        .bind(2, kind)
        .bind(3, status)
        .bind(4, configJson)
        .bind(5, utcNow())
        .run();
    return database_.lastInsertId();
}

void RunStore::setStatus(const std::string& name, const std::string& status) {
    database_.prepare("UPDATE runs SET status = ?1 WHERE name = ?2")
        .bind(1, status)
        .bind(2, name)
        .run();
}

std::optional<int64_t> RunStore::findRun(const std::string& name) {
    Statement query = database_.prepare("SELECT id FROM runs WHERE name = ?1");
    query.bind(1, name);
    if (query.step()) {
        return query.columnInt(0);
    }
    return std::nullopt;
}

std::string RunStore::status(const std::string& name) {
    Statement query = database_.prepare("SELECT status FROM runs WHERE name = ?1");
    query.bind(1, name);
    return query.step() ? query.columnText(0) : std::string();
}

void RunStore::storeMetrics(int64_t runId, const std::vector<RunMetricRow>& rows) {
    Transaction transaction(database_);
    Statement insert = database_.prepare(
        "INSERT OR REPLACE INTO run_metrics (run_id, scan_id, label_value, dice, hd95) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const auto& row : rows) {
        insert.reset();
        insert.bind(1, runId).bind(2, row.scanId).bind(3, row.labelValue);
        if (row.dice && std::isfinite(*row.dice)) {
            insert.bind(4, *row.dice);
        } else {
            insert.bind(4, nullptr);
        }
        if (row.hd95 && std::isfinite(*row.hd95)) {
            insert.bind(5, *row.hd95);
        } else {
            insert.bind(5, nullptr);
        }
        insert.run();
    }
    transaction.commit();
}

std::vector<RunMetricRow> RunStore::metrics(int64_t runId) {
    Statement query = database_.prepare(
        "SELECT scan_id, label_value, dice, hd95 FROM run_metrics WHERE run_id = ?1 "
        "ORDER BY scan_id, label_value");
    query.bind(1, runId);
    std::vector<RunMetricRow> rows;
    while (query.step()) {
        RunMetricRow row;
        row.scanId = query.columnInt(0);
        row.labelValue = query.columnInt(1);
        if (!query.isNull(2)) {
            row.dice = query.columnDouble(2);
        }
        if (!query.isNull(3)) {
            row.hd95 = query.columnDouble(3);
        }
        rows.push_back(row);
    }
    return rows;
}

}  // namespace logonet
