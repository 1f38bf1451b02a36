// The SQLite wrapper: WAL and foreign keys are on, statements bind and read every type, and a
// transaction that is not committed leaves nothing behind (nested ones included).
#include <QTemporaryDir>
#include <QtTest>

#include "database/Database.h"

using namespace logonet;

class TestDatabase : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void opensWithWalAndForeignKeys() {
        QTemporaryDir dir;
        Database db =
            Database::open(dir.filePath("a.db").toStdString(), Database::Mode::ReadWriteCreate);
        Statement mode = db.prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.columnText(0), std::string("wal"));
        QCOMPARE(db.queryInt("PRAGMA foreign_keys"), int64_t(1));
        db.exec(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
            "CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))");
        QVERIFY_EXCEPTION_THROWN(db.exec("INSERT INTO child VALUES (42)"), StorageError);
    }

    void bindsAndReadsValues() {
        QTemporaryDir dir;
        Database db =
            Database::open(dir.filePath("b.db").toStdString(), Database::Mode::ReadWriteCreate);
        db.exec("CREATE TABLE t (i INTEGER, d REAL, s TEXT, b BLOB, n INTEGER)");
        const unsigned char blob[3] = {1, 0, 255};
        Statement insert = db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, int64_t(1) << 40)
            .bind(2, 2.5)
            .bind(3, std::string("h\xC3\xA9"))
            .bindBlob(4, blob, 3);
        insert.bind(5, std::optional<int64_t>());
        insert.run();
        QCOMPARE(db.lastInsertId(), int64_t(1));
        Statement query = db.prepare("SELECT i, d, s, b, n FROM t");
        QVERIFY(query.step());
        QCOMPARE(query.columnInt(0), int64_t(1) << 40);
        QCOMPARE(query.columnDouble(1), 2.5);
        QCOMPARE(query.columnText(2), std::string("h\xC3\xA9"));
        QCOMPARE(query.columnBlob(3), (std::vector<unsigned char>{1, 0, 255}));
        QVERIFY(query.isNull(4));
        QVERIFY(!query.columnOptionalInt(4).has_value());
        QVERIFY(!query.step());
    }

    void uncommittedTransactionsRollBack() {
        QTemporaryDir dir;
        Database db =
            Database::open(dir.filePath("c.db").toStdString(), Database::Mode::ReadWriteCreate);
        db.exec("CREATE TABLE t (v INTEGER)");
        {
            Transaction outer(db);
            db.exec("INSERT INTO t VALUES (1)");
            {
                Transaction inner(db);
                db.exec("INSERT INTO t VALUES (2)");
                // No commit: only the inner insert goes.
            }
            QCOMPARE(db.queryInt("SELECT COUNT(*) FROM t"), int64_t(1));
            outer.commit();
        }
        QCOMPARE(db.queryInt("SELECT SUM(v) FROM t"), int64_t(1));
        try {
            Transaction failing(db);
            db.exec("INSERT INTO t VALUES (5)");
            throw std::runtime_error("simulated failure");
        } catch (const std::runtime_error&) {
        }
        QCOMPARE(db.queryInt("SELECT SUM(v) FROM t"), int64_t(1));
        QVERIFY(!db.inTransaction());
    }

    void errorsNameTheDatabaseFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("d.db").toStdString();
        Database db = Database::open(path, Database::Mode::ReadWriteCreate);
        try {
            db.prepare("SELECT * FROM missing_table");
            QFAIL("no error");
        } catch (const StorageError& error) {
            QVERIFY2(std::string(error.what()).rfind(path, 0) == 0, error.what());
        }
        const std::string absent = dir.filePath("absent/e.db").toStdString();
        QVERIFY_EXCEPTION_THROWN(Database::open(absent), StorageError);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "test_database.moc"
