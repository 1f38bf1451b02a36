#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "database/StorageError.h"

struct sqlite3;
struct sqlite3_stmt;

namespace logonet {

// A prepared SQL statement. Parameters are numbered from 1 (as in SQLite), columns from 0.
// Errors throw StorageError naming the database file and the SQL.
class Statement {
  public:
    Statement(sqlite3* db, const std::string& sql, std::string databasePath);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, int value);
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, const std::string& value);
    Statement& bind(int index, const char* value);
    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, const std::optional<int64_t>& value);  // NULL when empty
    Statement& bindBlob(int index, const void* data, size_t bytes);

    // Runs one step: true when a row is available, false when the statement is done.
    bool step();
    // Runs a statement that returns no rows (INSERT, UPDATE, ...) to completion.
    void run();
    // Makes the statement reusable with new bindings.
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::vector<unsigned char> columnBlob(int column) const;
    std::optional<int64_t> columnOptionalInt(int column) const;

  private:
    [[noreturn]] void fail(const std::string& what) const;

    sqlite3* db_ = nullptr;
    sqlite3_stmt* statement_ = nullptr;
    std::string sql_;
    std::string databasePath_;
};

}  // namespace logonet
