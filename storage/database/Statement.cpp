#include "database/Statement.h"

#include <sqlite3.h>

namespace logonet {

Statement::Statement(sqlite3* db, const std::string& sql, std::string databasePath)
    : db_(db), sql_(sql), databasePath_(std::move(databasePath)) {
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK) {
        fail("cannot prepare");
    }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      statement_(other.statement_),
      sql_(std::move(other.sql_)),
      databasePath_(std::move(other.databasePath_)) {
    other.statement_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(statement_);
        db_ = other.db_;
        statement_ = other.statement_;
        sql_ = std::move(other.sql_);
        databasePath_ = std::move(other.databasePath_);
        other.statement_ = nullptr;
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(statement_);
}

void Statement::fail(const std::string& what) const {
    std::string sql = sql_.size() > 80 ? sql_.substr(0, 77) + "..." : sql_;
    throw StorageError(databasePath_ + ": " + what + " '" + sql + "': " + sqlite3_errmsg(db_));
}

Statement& Statement::bind(int index, int value) {
    return bind(index, static_cast<int64_t>(value));
}

Statement& Statement::bind(int index, int64_t value) {
    if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK) {
        fail("cannot bind parameter " + std::to_string(index) + " of");
    }
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(statement_, index, value) != SQLITE_OK) {
        fail("cannot bind parameter " + std::to_string(index) + " of");
    }
    return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
    if (sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
        fail("cannot bind parameter " + std::to_string(index) + " of");
    }
    return *this;
}

Statement& Statement::bind(int index, const char* value) {
    return bind(index, std::string(value));
}

Statement& Statement::bind(int index, std::nullptr_t) {
    if (sqlite3_bind_null(statement_, index) != SQLITE_OK) {
        fail("cannot bind parameter " + std::to_string(index) + " of");
    }
    return *this;
}

Statement& Statement::bind(int index, const std::optional<int64_t>& value) {
    return value ? bind(index, *value) : bind(index, nullptr);
}

Statement& Statement::bindBlob(int index, const void* data, size_t bytes) {
    if (sqlite3_bind_blob64(statement_, index, data, bytes, SQLITE_TRANSIENT) != SQLITE_OK) {
        fail("cannot bind parameter " + std::to_string(index) + " of");
    }
    return *this;
}

bool Statement::step() {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) {
        return true;
    }
    if (code == SQLITE_DONE) {
        return false;
    }
    fail(code == SQLITE_FULL ? "the disk is full while running" : "failed to run");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

int Statement::columnCount() const {
    return sqlite3_column_count(statement_);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(statement_, column);
}

double Statement::columnDouble(int column) const {
    return sqlite3_column_double(statement_, column);
}

std::string Statement::columnText(int column) const {
    const unsigned char* text = sqlite3_column_text(statement_, column);
    const int bytes = sqlite3_column_bytes(statement_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(bytes))
                : std::string();
}

std::vector<unsigned char> Statement::columnBlob(int column) const {
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(statement_, column));
    const int bytes = sqlite3_column_bytes(statement_, column);
    return data ? std::vector<unsigned char>(data, data + bytes) : std::vector<unsigned char>();
}

std::optional<int64_t> Statement::columnOptionalInt(int column) const {
    if (isNull(column)) {
        return std::nullopt;
    }
    return columnInt(column);
}

}  // namespace logonet
