// An editing session for the crash test: applies journalTestStep 0, 1, 2, ... to a blank label
// map, journaling each, and prints "committed N" after the N-th step is durable. Between steps
// it starts the next stroke and pauses in the middle of it, so that a kill usually lands while a
// stroke is in progress.
//
// usage: test_journal_helper <journal file> <steps> <pause ms>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <thread>

#include "editing/BrushTool.h"
#include "test_journal_strokes.h"

int main(int argc, char** argv) {
    using namespace logonet;
    if (argc != 4) {
        std::fprintf(stderr, "usage: test_journal_helper <journal> <steps> <pause ms>\n");
        return 2;
    }
    try {
        const int steps = std::stoi(argv[2]);
        const std::chrono::milliseconds pause(std::stoi(argv[3]));
        LabelVolume labels(journalTestGeometry());
        LabelEditor editor(labels);
        LabelEditHistory history;
        EditJournal journal(argv[1], labels.size());
        for (int n = 0; n < steps; ++n) {
            journalTestStep(editor, history, n, &journal);
            std::printf("committed %d\n", n + 1);
            std::fflush(stdout);
            // Half a stroke that the next step's first dab would make, never committed.
            BrushTool brush(editor, BrushOptions{}, 9);
            editor.beginStroke();
            brush.dab({static_cast<int64_t>(n % 32), 5, 5});
            std::this_thread::sleep_for(pause);
            editor.cancelStroke();
        }
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "test_journal_helper: %s\n", error.what());
        return 1;
    }
}
