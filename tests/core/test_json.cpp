#include <QtTest>

#include "json/Json.h"

using logonet::Json;
using logonet::JsonError;

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

    void valueFallsBackWhenAbsent() {
        const Json parsed = Json::parse(R"({"lr": 0.001, "name": null})");
        QCOMPARE(parsed.value("lr", 1.0), 0.001);
        QCOMPARE(parsed.value("iters", int64_t(7)), int64_t(7));
        QCOMPARE(parsed.value("name", "fallback"), std::string("fallback"));
    }
};

QTEST_APPLESS_MAIN(TestJson)
#include "test_json.moc"
