#include <QtTest>

#include <bit>
#include <cfloat>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <locale>
#include <random>
#include <string>
#include <vector>

#include "json/Json.h"

using logonet::Json;
using logonet::JsonError;

namespace {

// Message of the JsonError that parsing `text` throws, or "" when it parses.
std::string parseError(const std::string& text) {
    try {
        Json::parse(text);
    } catch (const JsonError& error) {
        return error.what();
    }
    return "";
}

// Switches the C and C++ global locales to one whose decimal separator is a comma for the
// lifetime of the object: the setting under which engine files used to be misread.
class CommaLocale {
  public:
    CommaLocale() : previousC_(std::setlocale(LC_ALL, nullptr)), previousCpp_() {
        for (const char* name :
             {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "de_DE", "fr_FR"}) {
            try {
                // A named global C++ locale also sets the C library's locale (setlocale).
                std::locale::global(std::locale(name));
            } catch (const std::runtime_error&) {
                continue;
            }
            if (std::strcmp(std::localeconv()->decimal_point, ",") == 0) {
                name_ = name;
                return;
            }
        }
        restore();
    }
    ~CommaLocale() { restore(); }
    CommaLocale(const CommaLocale&) = delete;
    CommaLocale& operator=(const CommaLocale&) = delete;

    const char* name() const { return name_; }

  private:
    void restore() {
        std::locale::global(previousCpp_);
        std::setlocale(LC_ALL, previousC_.c_str());
    }

    std::string previousC_;
    std::locale previousCpp_;
    const char* name_ = nullptr;
};

}  // namespace

class TestJson : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void roundTripKeepsEveryType() {
        Json value = Json::object();
        value["name"] = "liver \"main\"\n";
        value["count"] = 42;
        value["ratio"] = 0.125;
        value["flag"] = true;
        value["none"] = nullptr;
        value["list"] = Json(Json::Array{1, "two", 3.5});
        for (int indent : {-1, 2}) {
            const Json parsed = Json::parse(value.dump(indent));
            QVERIFY(parsed == value);
            QCOMPARE(parsed.at("name").asString(), std::string("liver \"main\"\n"));
            QCOMPARE(parsed.at("count").asInt(), int64_t(42));
            QCOMPARE(parsed.at("list")[1].asString(), std::string("two"));
        }
    }

    void copiesDoNotAlias() {
        Json a = Json::object();
        a["x"] = 1;
        Json b = a;
        b["x"] = 2;
        QCOMPARE(a.at("x").asInt(), int64_t(1));
        QCOMPARE(b.at("x").asInt(), int64_t(2));
    }

    void unicodeEscapesBecomeUtf8() {
        const Json parsed = Json::parse(R"({"s": "\u00e9\u20ac"})");
        QCOMPARE(parsed.at("s").asString(), std::string("\xc3\xa9\xe2\x82\xac"));
    }

    void errorsSayWhere() {
        try {
            Json::parse("{\n  \"a\": 1,\n  \"b\" 2\n}");
            QFAIL("no error");
        } catch (const JsonError& error) {
            QVERIFY(std::string(error.what()).find("line 3") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(JsonError, Json::parse("[1, 2"));
        QVERIFY_THROWS_EXCEPTION(JsonError, Json::parse("{} extra"));
        QVERIFY_THROWS_EXCEPTION(JsonError, Json::parse("3").asString());
        QVERIFY_THROWS_EXCEPTION(JsonError, Json::object().at("missing"));
    }

    void deepNestingIsRefusedWithTheDepth() {
        for (const std::string& opener : {std::string("["), std::string("{\"a\":")}) {
            std::string text;
            for (int n = 0; n < 100000; ++n) {
                text += opener;
            }
            const std::string error = parseError(text);
            QVERIFY2(error.find("nested 257 deep (the limit is 256)") != std::string::npos,
                     error.c_str());
            QVERIFY2(error.find("column ") != std::string::npos, error.c_str());
        }
        // The limit itself is allowed, one more is not.
        const auto nested = [](int depth) {
            return std::string(static_cast<size_t>(depth), '[') +
                   std::string(static_cast<size_t>(depth), ']');
        };
        QCOMPARE(Json::parse(nested(256)).size(), size_t{1});
        QVERIFY_THROWS_EXCEPTION(JsonError, Json::parse(nested(257)));
        // Siblings do not add up: depth is nesting, not the count of arrays.
        std::string wide = "[";
        for (int n = 0; n < 1000; ++n) {
            wide += n == 0 ? "[[]]" : ",[[]]";
        }
        wide += "]";
        QCOMPARE(Json::parse(wide).size(), size_t{1000});
    }

    void deepNestingInAFileNamesTheFile() {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const std::string path = folder.filePath("deep.json").toStdString();
        {
            QFile file(QString::fromStdString(path));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(100000, '['));
        }
        try {
            logonet::readJsonFile(path);
            QFAIL("no error");
        } catch (const JsonError& error) {
            const std::string message = error.what();
            QVERIFY2(message.find(path) != std::string::npos, message.c_str());
            QVERIFY2(message.find("nested 257 deep") != std::string::npos, message.c_str());
        }
    }

    void nonJsonNumbersAreRefused_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("hex") << "0x10"
                             << "hexadecimal numbers are not JSON at line 1, column 1";
        QTest::newRow("hex upper") << "0X1F"
                                   << "hexadecimal";
        QTest::newRow("negative hex") << "-0x1"
                                      << "hexadecimal";
        QTest::newRow("hex float") << "0x1p3"
                                   << "hexadecimal";
        QTest::newRow("hex in array") << "[1, 0x10]"
                                      << "hexadecimal numbers are not JSON at line "
                                         "1, column 5";
        QTest::newRow("overflow") << "1e999"
                                  << "number 1e999 is too large for a double";
        QTest::newRow("negative overflow") << "-1e999"
                                           << "too large for a double";
        QTest::newRow("just above max") << "1.7976931348623159e308"
                                        << "too large for a double";
        QTest::newRow("many digits overflow")
            << QString(400, QChar('9')) << "(400 characters) is too large";
        QTest::newRow("huge exponent") << "1e99999999999999999999"
                                       << "too large for a double";
        QTest::newRow("NaN") << "NaN"
                             << "NaN and infinity are not JSON numbers";
        QTest::newRow("nan") << "nan"
                             << "NaN and infinity";
        QTest::newRow("-NaN") << "-NaN"
                              << "NaN and infinity";
        QTest::newRow("NAN in object") << "{\"loss\": NAN}"
                                       << "NaN and infinity are not JSON "
                                          "numbers at line 1, column 10";
        QTest::newRow("Infinity") << "Infinity"
                                  << "NaN and infinity";
        QTest::newRow("-Infinity") << "-Infinity"
                                   << "NaN and infinity";
        QTest::newRow("inf") << "inf"
                             << "NaN and infinity";
        QTest::newRow("-INF") << "-INF"
                              << "NaN and infinity";
        QTest::newRow("infinity") << "[infinity]"
                                  << "NaN and infinity";
        QTest::newRow("+1") << "+1"
                            << "a number must not start with '+'";
        QTest::newRow("+1 in array") << "[0, +1]"
                                     << "must not start with '+' at line 1, column 5";
        QTest::newRow("leading zero") << "01"
                                      << "leading zeros";
        QTest::newRow("bare point") << "1."
                                    << "expected a digit after '.'";
        QTest::newRow("point exponent") << "1.e5"
                                        << "expected a digit after '.'";
        QTest::newRow("leading point") << ".5"
                                       << "unexpected '.'";
        QTest::newRow("minus alone") << "-"
                                     << "expected a digit after '-'";
        QTest::newRow("empty exponent") << "1e"
                                        << "expected a digit in the exponent";
        QTest::newRow("signed empty exponent") << "1e+"
                                               << "expected a digit in the exponent";
        QTest::newRow("suffix") << "12px"
                                << "unexpected 'p'";
        QTest::newRow("two points") << "1.2.3"
                                    << "unexpected '.'";
        QTest::newRow("control byte") << QString("\x01") << "unexpected byte 0x01";
    }

    void nonJsonNumbersAreRefused() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const std::string error = parseError(text.toStdString());
        QVERIFY2(!error.empty(), qPrintable(text + " was accepted"));
        QVERIFY2(error.find(message.toStdString()) != std::string::npos, error.c_str());
    }

    void edgeNumbersAreRead() {
        QCOMPARE(Json::parse("1E+2").asNumber(), 100.0);
        QCOMPARE(Json::parse("0.5e-3").asNumber(), 0.0005);
        QCOMPARE(Json::parse("-12.75").asNumber(), -12.75);
        QCOMPARE(Json::parse("1.7976931348623157e308").asNumber(), DBL_MAX);
        QCOMPARE(Json::parse("5e-324").asNumber(), std::numeric_limits<double>::denorm_min());
        // Closer to zero than any double: zero, as every reader rounds it, not an error.
        QCOMPARE(Json::parse("1e-400").asNumber(), 0.0);
        QVERIFY(std::signbit(Json::parse("-1e-400").asNumber()));
        QVERIFY(std::signbit(Json::parse("-0").asNumber()));
        QCOMPARE(Json::parse("0.0000000000e99999").asNumber(), 0.0);
        QCOMPARE(Json::parse("[0,-0.25]").size(), size_t{2});
    }

    void doublesRoundTripBitForBit() {
        std::vector<double> values = {0.1,
                                      1.0 / 3.0,
                                      -2.0 / 3.0,
                                      DBL_MAX,
                                      -DBL_MAX,
                                      DBL_MIN,
                                      std::numeric_limits<double>::denorm_min(),
                                      -0.0,
                                      0.0,
                                      9.0e15 - 1.0,
                                      9.0e15,
                                      9007199254740993.0,
                                      1e16,
                                      123456789012345678.0,
                                      1.5e-7,
                                      -4.25};
        std::mt19937_64 random(15);
        while (values.size() < 20000) {
            const double value = std::bit_cast<double>(random());
            if (std::isfinite(value)) {
                values.push_back(value);
            }
        }
        // Denormals are rare among random bit patterns: add some.
        for (int n = 0; n < 200; ++n) {
            values.push_back(std::bit_cast<double>(random() >> 12));
        }
        for (const double value : values) {
            const std::string text = Json(value).dump();
            const double back = Json::parse(text).asNumber();
            QVERIFY2(std::bit_cast<uint64_t>(back) == std::bit_cast<uint64_t>(value), text.c_str());
        }
        QCOMPARE(Json(0.1).dump(), std::string("0.1"));
        QCOMPARE(Json(int64_t{1} << 40).dump(), std::string("1099511627776"));
        QCOMPARE(Json(-7).dump(), std::string("-7"));
        QCOMPARE(Json(-0.0).dump(), std::string("-0"));
        QCOMPARE(Json(std::nan("")).dump(), std::string("null"));
    }

    void numbersIgnoreTheLocale() {
        const CommaLocale locale;
        QVERIFY2(locale.name() != nullptr,
                 "no locale with a decimal comma (de_DE.UTF-8, fr_FR.UTF-8) is installed, so "
                 "this test cannot show that JSON ignores the locale: install Debian's "
                 "locales-all package (scripts/install-deps.sh does)");
        // The C library really uses a comma now: what broke the old strtod/printf code.
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%.1f", 0.1);
        QCOMPARE(std::string(buffer), std::string("0,1"));

        const Json parsed = Json::parse(R"({"lr": 0.1, "losses": [1.5e-3, -2.25], "step": 3})");
        QCOMPARE(parsed.at("lr").asNumber(), 0.1);
        QCOMPARE(parsed.at("losses")[0].asNumber(), 0.0015);
        QCOMPARE(parsed.at("losses")[1].asNumber(), -2.25);
        QCOMPARE(Json::parse("0.1").asNumber(), 0.1);
        QCOMPARE(Json(0.1).dump(), std::string("0.1"));
        QCOMPARE(parsed.dump(), std::string(R"({"losses":[0.0015,-2.25],"lr":0.1,"step":3})"));

        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const std::string path = folder.filePath("run.json").toStdString();
        logonet::writeJsonFileAtomically(path, parsed);
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY2(written.contains("\"lr\": 0.1"), written.constData());
        QVERIFY(logonet::readJsonFile(path) == parsed);
    }

    void valueFallsBackWhenAbsent() {
        const Json parsed = Json::parse(R"({"lr": 0.001, "name": null})");
        QCOMPARE(parsed.value("lr", 1.0), 0.001);
        QCOMPARE(parsed.value("iters", int64_t(7)), int64_t(7));
        QCOMPARE(parsed.value("name", "fallback"), std::string("fallback"));
    }
};

QTEST_APPLESS_MAIN(TestJson)
#include "test_json.moc"
