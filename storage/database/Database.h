#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "database/Statement.h"
#include "database/StorageError.h"

struct sqlite3;

namespace logonet {

// A thin owner of one SQLite connection: WAL journal, foreign keys on, a busy timeout so that a
// second reader (the engine while the workstation has the project open) waits instead of failing.
class Database {
  public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

    // Throws StorageError naming the file when it cannot be opened.
    static Database open(const std::string& path, Mode mode = Mode::ReadWrite);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    const std::string& path() const { return path_; }

    // Runs one or more statements that return no rows.
    void exec(const std::string& sql);
    Statement prepare(const std::string& sql);
    // The first column of the first row of a query, or `fallback` when there is no row / NULL.
    int64_t queryInt(const std::string& sql, int64_t fallback = 0);

    int64_t lastInsertId() const;
    int changes() const;
    bool inTransaction() const;

  private:
    Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

    sqlite3* db_ = nullptr;
    std::string path_;
};

// Begins a transaction (or a savepoint inside one) and rolls it back on destruction unless
// commit() was called, so an exception anywhere leaves the database as it was.
class Transaction {
  public:
    explicit Transaction(Database& database);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();

  private:
    Database& database_;
    std::string savepoint_;  // empty for the outermost transaction
    bool done_ = false;
};

}  // namespace logonet
