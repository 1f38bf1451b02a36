// Label sets in the files other tools use: ITK-SNAP label descriptions and 3D Slicer colour
// tables. Files as those tools write them (typed out here, not produced by our writer) read with
// their names and colours; our files read back to the same set; every malformed line is refused
// with its file and line number.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "labels/ItkSnapLabels.h"
#include "labels/LabelFileError.h"
#include "labels/SlicerColourTable.h"

using namespace logonet;

namespace {

std::string writeText(const QTemporaryDir& dir, const std::string& name, const std::string& text) {
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path) << text;
    return path;
}

template <typename Read>
std::string errorOf(Read read, const std::string& path) {
    try {
        read(path);
    } catch (const LabelFileError& error) {
        return error.what();
    }
    return "(no error)";
}

void checkSame(const LabelSet& a, const LabelSet& b) {
    QCOMPARE(a.size(), b.size());
    for (size_t n = 0; n < a.size(); ++n) {
        QCOMPARE(a.entries()[n].value, b.entries()[n].value);
        QCOMPARE(a.entries()[n].name, b.entries()[n].name);
        QVERIFY(a.entries()[n].colour == b.entries()[n].colour);
    }
}

}  // namespace

class TestLabelFiles : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void readsItkSnapsOwnFile() {
        QTemporaryDir dir;
        const std::string path =
            writeText(dir, "snap.txt",
                      "################################################\n"
                      "# ITK-SnAP Label Description File\n"
                      "# IDX   -R-  -G-  -B-  -A--  VIS MSH  LABEL\n"
                      "################################################\n"
                      "    0     0    0    0        0  0  0    \"Clear Label\"\n"
                      "    1   255    0    0        1  1  1    \"Left ventricle\"\n"
                      "\n"
                      "    4     0  255    0     0.75  1  0    \"Myocardium\"\r\n");
        const LabelSet labels = readItkSnapLabels(path);
        QCOMPARE(labels.size(), size_t(2));
        QCOMPARE(labels.nameOf(1), std::string("Left ventricle"));
        QVERIFY((labels.find(1)->colour == std::array<unsigned char, 3>{255, 0, 0}));
        QCOMPARE(labels.nameOf(4), std::string("Myocardium"));
        QVERIFY((labels.find(4)->colour == std::array<unsigned char, 3>{0, 255, 0}));
    }

    void readsSlicersOwnTable() {
        QTemporaryDir dir;
        const std::string path = writeText(dir, "table.ctbl",
                                           "# Color table file /tmp/GenericAnatomyColors.ctbl\n"
                                           "# 3 values\n"
                                           "0 background 0 0 0 0\n"
                                           "1 tissue 128 174 128 255\n"
                                           "2 inferior_vena_cava 0 151 206 255\n");
        const LabelSet labels = readSlicerColourTable(path);
        QCOMPARE(labels.size(), size_t(2));
        QCOMPARE(labels.nameOf(2), std::string("inferior vena cava"));
        QVERIFY((labels.find(1)->colour == std::array<unsigned char, 3>{128, 174, 128}));
    }

    void roundTrips() {
        QTemporaryDir dir;
        const LabelSet btcv = LabelSet::btcv();
        const std::string snap = dir.filePath("btcv.txt").toStdString();
        writeItkSnapLabels(btcv, snap);
        checkSame(readItkSnapLabels(snap), btcv);
        const std::string slicer = dir.filePath("btcv.ctbl").toStdString();
        writeSlicerColourTable(btcv, slicer);
        checkSame(readSlicerColourTable(slicer), btcv);
        // Our Slicer file keeps Slicer's conventions: underscores, background row, alpha 255.
        std::ifstream in(slicer);
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        QVERIFY2(text.find("\n0 background 0 0 0 0\n") != std::string::npos, text.c_str());
        QVERIFY2(text.find("\n2 right_kidney 170 110 40 255\n") != std::string::npos, text.c_str());
    }

    void malformedItkSnapLinesAreRefusedWithTheirNumber_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("six numbers") << "1 255 0 0 1 1 \"x\""
                                     << ":3: expected 7 numbers";
        QTest::newRow("no quotes") << "1 255 0 0 1 1 1 liver"
                                   << ":3: expected IDX R G B A";
        QTest::newRow("red 300") << "1 300 0 0 1 1 1 \"x\""
                                 << ":3: red component 300 is outside 0..255";
        QTest::newRow("opacity") << "1 3 0 0 2 1 1 \"x\""
                                 << ":3: opacity 2 is outside 0..1";
        QTest::newRow("word") << "one 3 0 0 1 1 1 \"x\""
                              << ":3: index 'one' is not a whole number";
        QTest::newRow("twice") << "5 3 0 0 1 1 1 \"x\""
                               << ":3: value 5 is listed twice";
        QTest::newRow("trailing") << "1 3 0 0 1 1 1 \"x\" y"
                                  << ":3: text after the quoted";
    }

    void malformedItkSnapLinesAreRefusedWithTheirNumber() {
        QFETCH(QString, line);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const std::string path = writeText(
            dir, "bad.txt", "# comment\n5 1 2 3 1 1 1 \"first\"\n" + line.toStdString() + "\n");
        const std::string error = errorOf(readItkSnapLabels, path);
        QVERIFY2(error.rfind(path + message.toStdString(), 0) == 0, error.c_str());
    }

    void malformedSlicerLinesAreRefusedWithTheirNumber() {
        QTemporaryDir dir;
        std::string path = writeText(dir, "a.ctbl", "# c\n\n1 liver 1 2 3\n");
        std::string error = errorOf(readSlicerColourTable, path);
        QVERIFY2(error == path + ":3: expected 6 fields (value name R G B A), found 5",
                 error.c_str());
        path = writeText(dir, "b.ctbl", "1 liver 1 2 3 255\n2 kidney 1 x 3 255\n");
        error = errorOf(readSlicerColourTable, path);
        QVERIFY2(error == path + ":2: green component 'x' is not a whole number", error.c_str());
        path = writeText(dir, "c.ctbl", "70000 liver 1 2 3 255\n");
        error = errorOf(readSlicerColourTable, path);
        QVERIFY2(error == path + ":1: value 70000 is outside 0..65535", error.c_str());
        error = errorOf(readSlicerColourTable, dir.filePath("absent.ctbl").toStdString());
        QVERIFY2(error.find("absent.ctbl: cannot be read") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestLabelFiles)
#include "test_label_files.moc"
