#include "database/Database.h"

#include <sqlite3.h>

#include <atomic>

namespace logonet {

Database Database::open(const std::string& path, Mode mode) {
    int flags = SQLITE_OPEN_FULLMUTEX;
    switch (mode) {
        case Mode::ReadOnly:
            flags |= SQLITE_OPEN_READONLY;
            break;
        case Mode::ReadWrite:
            flags |= SQLITE_OPEN_READWRITE;
            break;
        case Mode::ReadWriteCreate:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
            break;
    }
    sqlite3* db = nullptr;
    const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (code != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
        sqlite3_close(db);
        throw StorageError(path + ": cannot open the database: " + message);
    }
    Database database(db, path);
    // Waiting a little beats failing when the engine and the workstation write at the same time.
    sqlite3_busy_timeout(db, 5000);
    database.exec("PRAGMA foreign_keys = ON");
    if (mode != Mode::ReadOnly) {
        // FULL: every commit is on disk when it returns. A saved label version is a promise to
        // the user (the edit journal is emptied right after), and with NORMAL a power cut can
        // take back the last commits of a WAL database. A commit costs one more fsync.
        database.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL");
    }
    return database;
}

Database::Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) {
    other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = other.db_;
        path_ = std::move(other.path_);
        other.db_ = nullptr;
    }
    return *this;
}

Database::~Database() {
    sqlite3_close_v2(db_);
}

void Database::exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw StorageError(path_ + ": " + message);
    }
}

Statement Database::prepare(const std::string& sql) {
    return Statement(db_, sql, path_);
}

int64_t Database::queryInt(const std::string& sql, int64_t fallback) {
    Statement statement = prepare(sql);
    if (!statement.step() || statement.isNull(0)) {
        return fallback;
    }
    return statement.columnInt(0);
}

int64_t Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const {
    return sqlite3_changes(db_);
}

bool Database::inTransaction() const {
    return sqlite3_get_autocommit(db_) == 0;
}

Transaction::Transaction(Database& database) : database_(database) {
    if (database_.inTransaction()) {
        static std::atomic<unsigned> counter{0};
        savepoint_ = "nested_" + std::to_string(counter++);
        database_.exec("SAVEPOINT " + savepoint_);
    } else {
        // IMMEDIATE takes the write lock now, so a concurrent writer waits (busy timeout) here
        // instead of failing at the first write with a deadlock error.
        database_.exec("BEGIN IMMEDIATE");
    }
}

Transaction::~Transaction() {
    if (done_) {
        return;
    }
    try {
        if (savepoint_.empty()) {
            database_.exec("ROLLBACK");
        } else {
            database_.exec("ROLLBACK TO " + savepoint_ + "; RELEASE " + savepoint_);
        }
    } catch (...) {
        // A destructor must not throw; SQLite rolls back an unfinished transaction on close.
    }
}

void Transaction::commit() {
    database_.exec(savepoint_.empty() ? "COMMIT" : "RELEASE " + savepoint_);
    done_ = true;
}

}  // namespace logonet
