#include <QtTest>

#include <signal.h>

#include "journal/EditJournal.h"
#include "test_journal_strokes.h"

using namespace logonet;

class TestJournalCrash : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void killedSessionKeepsEveryFinishedStroke() {
        QTemporaryDir folder;
        const QString path = folder.filePath("labels/journal/scan-1.journal");
        QProcess helper;
        helper.start(JOURNAL_HELPER, {path, "100000", "15"});
        QVERIFY2(helper.waitForStarted(10000), qPrintable(helper.errorString()));
        // Wait until some steps are reported durable, then kill without warning. The helper
        // ending, or a long silence (the test's own limit is 60 s), ends the wait.
        int reported = 0;
        QByteArray pending;
        while (reported < 20) {
            if (!helper.waitForReadyRead(45000)) {
                break;
            }
            pending += helper.readAllStandardOutput();
            int newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(newline);
                pending.remove(0, newline + 1);
                if (line.startsWith("committed ")) {
                    reported = line.mid(10).toInt();
                }
            }
        }
        QVERIFY2(reported >= 20, qPrintable(helper.readAllStandardError()));
        QCOMPARE(::kill(static_cast<pid_t>(helper.processId()), SIGKILL), 0);
        QVERIFY(helper.waitForFinished(10000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);

        // A restart replays the journal onto the saved (here: blank) label map.
        LabelVolume restored(journalTestGeometry());
        const EditJournal::Contents contents = EditJournal::replay(path.toStdString(), restored);
        const int steps = static_cast<int>(contents.entries.size());
        QVERIFY2(steps >= reported, qPrintable(QString("%1 of %2").arg(steps).arg(reported)));
        qInfo("killed after %d reported steps; the journal holds %d", reported, steps);
        // Steps that finished after the last line we read are there too, but no more than that.
        LabelVolume expected(journalTestGeometry());
        LabelEditor editor(expected);
        LabelEditHistory history;
        for (int n = 0; n < steps; ++n) {
            journalTestStep(editor, history, n, nullptr);
        }
        QVERIFY(restored.voxels() == expected.voxels());
        for (int n = 0; n < steps; ++n) {
            QCOMPARE(contents.entries[n].sequence, uint64_t(n + 1));
        }
        // The restarted session appends after the recovered steps.
        EditJournal journal(path.toStdString(), restored.size());
        LabelEditor resumed(restored);
        journalTestStep(resumed, history, steps, &journal);
        QCOMPARE(EditJournal::read(path.toStdString(), restored.size()).entries.size(),
                 size_t(steps + 1));
    }
};

QTEST_APPLESS_MAIN(TestJournalCrash)
#include "test_journal_crash.moc"
