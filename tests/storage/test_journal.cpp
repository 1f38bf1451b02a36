#include <QtTest>

#include <filesystem>
#include <fstream>

#include "journal/EditJournal.h"
#include "test_journal_strokes.h"

using namespace logonet;

namespace {

// The label map after the first `steps` steps of the test session.
std::vector<LabelValue> stateAfter(int steps) {
    LabelVolume labels(journalTestGeometry());
    LabelEditor editor(labels);
    LabelEditHistory history;
    for (int n = 0; n < steps; ++n) {
        journalTestStep(editor, history, n, nullptr);
    }
    return labels.voxels();
}

void writeSession(const std::string& path, int steps) {
    LabelVolume labels(journalTestGeometry());
    LabelEditor editor(labels);
    LabelEditHistory history;
    EditJournal journal(path, labels.size());
    for (int n = 0; n < steps; ++n) {
        journalTestStep(editor, history, n, &journal);
    }
    QCOMPARE(journal.recordCount(), size_t(steps));
}

int64_t fileSize(const std::string& path) {
    return static_cast<int64_t>(std::filesystem::file_size(path));
}

}  // namespace

class TestJournal : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void replayRestoresEveryCommittedStep() {
        QTemporaryDir folder;
        const std::string path = EditJournal::pathFor(folder.path().toStdString(), "scan7", "gt");
        QVERIFY(path.size() > 0 &&
                QString::fromStdString(path).endsWith("labels/journal/scan7-gt.journal"));
        writeSession(path, 15);
        const EditJournal::Contents contents = EditJournal::read(path, journalTestGeometry().size);
        QCOMPARE(contents.entries.size(), size_t(15));
        QCOMPARE(contents.ignoredBytes, int64_t(0));
        QCOMPARE(contents.entries[0].name, std::string("Brush stroke 0 (label 1)"));
        QCOMPARE(contents.entries[0].sequence, uint64_t(1));
        QCOMPARE(contents.entries[14].sequence, uint64_t(15));
        QVERIFY(contents.entries[6].action == EditJournal::Action::Revert);
        QVERIFY(contents.entries[7].action == EditJournal::Action::Apply);
        LabelVolume labels(journalTestGeometry());
        EditJournal::replay(path, labels);
        QVERIFY(labels.voxels() == stateAfter(15));
        QVERIFY(labels.voxels() != stateAfter(14));
        // Replaying onto a map that already holds the edits (saved, then a crash before the
        // journal was cleared) changes nothing.
        EditJournal::replay(path, labels);
        QVERIFY(labels.voxels() == stateAfter(15));
    }

    void tornTailIsIgnoredAndCutOnReopen() {
        QTemporaryDir folder;
        const std::string path = folder.filePath("torn.journal").toStdString();
        writeSession(path, 10);
        const Size3 size = journalTestGeometry().size;
        const int64_t complete = fileSize(path);
        const int64_t lastRecord =
            complete - EditJournal::read(path, size).entries.back().delta.bytes().size() - 24 -
            EditJournal::read(path, size).entries.back().name.size();
        // The crash cut the last record short.
        std::filesystem::resize_file(path, complete - 7);
        EditJournal::Contents contents = EditJournal::read(path, size);
        QCOMPARE(contents.entries.size(), size_t(9));
        QCOMPARE(contents.validBytes, lastRecord);
        QCOMPARE(contents.ignoredBytes, complete - 7 - lastRecord);
        LabelVolume labels(journalTestGeometry());
        EditJournal::replay(path, labels);
        QVERIFY(labels.voxels() == stateAfter(9));

        // Only a record header made it to disk.
        std::filesystem::resize_file(path, lastRecord + 10);
        QCOMPARE(EditJournal::read(path, size).entries.size(), size_t(9));

        // Reopening cuts the tail, and new records follow the last complete one.
        {
            EditJournal journal(path, size);
            QCOMPARE(journal.recordCount(), size_t(9));
            QCOMPARE(fileSize(path), lastRecord);
            LabelVolume again(journalTestGeometry());
            EditJournal::replay(path, again);
            LabelEditor editor(again);
            LabelEditHistory history;
            journalTestStep(editor, history, 9, &journal);
        }
        contents = EditJournal::read(path, size);
        QCOMPARE(contents.entries.size(), size_t(10));
        QCOMPARE(contents.entries.back().sequence, uint64_t(10));
        QCOMPARE(contents.ignoredBytes, int64_t(0));
    }

    void damagedRecordStopsTheReplay() {
        QTemporaryDir folder;
        const std::string path = folder.filePath("damaged.journal").toStdString();
        writeSession(path, 8);
        const int64_t complete = fileSize(path);
        {
            std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
            file.seekp(complete - 3);
            file.put('\x5a');
        }
        QCOMPARE(EditJournal::read(path, journalTestGeometry().size).entries.size(), size_t(7));
        // Garbage after intact records is ignored too.
        writeSession(folder.filePath("garbage.journal").toStdString(), 4);
        {
            std::ofstream file(folder.filePath("garbage.journal").toStdString(),
                               std::ios::app | std::ios::binary);
            file << "not a record at all, just bytes";
        }
        const EditJournal::Contents contents = EditJournal::read(
            folder.filePath("garbage.journal").toStdString(), journalTestGeometry().size);
        QCOMPARE(contents.entries.size(), size_t(4));
        QCOMPARE(contents.ignoredBytes, int64_t(31));
    }

    void clearAfterSaving() {
        QTemporaryDir folder;
        const std::string path = folder.filePath("clear.journal").toStdString();
        LabelVolume labels(journalTestGeometry());
        LabelEditor editor(labels);
        LabelEditHistory history;
        EditJournal journal(path, labels.size());
        for (int n = 0; n < 3; ++n) {
            journalTestStep(editor, history, n, &journal);
        }
        journal.clear();
        QCOMPARE(journal.recordCount(), size_t(0));
        QCOMPARE(EditJournal::read(path, labels.size()).entries.size(), size_t(0));
        journalTestStep(editor, history, 3, &journal);
        const EditJournal::Contents contents = EditJournal::read(path, labels.size());
        QCOMPARE(contents.entries.size(), size_t(1));
        QCOMPARE(contents.entries[0].sequence, uint64_t(4));
    }

    void wrongFilesAreReported() {
        QTemporaryDir folder;
        const std::string path = folder.filePath("a.journal").toStdString();
        writeSession(path, 2);
        try {
            EditJournal::read(path, Size3{10, 10, 10});
            QFAIL("a journal of another size was read");
        } catch (const std::runtime_error& error) {
            QVERIFY(QString(error.what()).contains("a.journal"));
            QVERIFY(QString(error.what()).contains("32x28x20"));
        }
        const std::string text = folder.filePath("notes.txt").toStdString();
        std::ofstream(text) << "these are not the edits you are looking for, honestly";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, EditJournal(text, journalTestGeometry().size));
        QCOMPARE(
            EditJournal::read(folder.filePath("missing").toStdString(), {1, 1, 1}).entries.size(),
            size_t(0));
        // One editing process per label map.
        EditJournal first(path, journalTestGeometry().size);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, EditJournal(path, journalTestGeometry().size));
    }
};

QTEST_APPLESS_MAIN(TestJournal)
#include "test_journal.moc"
