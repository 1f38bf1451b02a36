// Writes the journal seed of the fuzz corpus: a real journal of two strokes and an undo, as the
// workstation writes it. The other seeds are text or written by numpy (bench/fuzz.sh).
#include <cstdio>
#include <string>

#include "journal/EditJournal.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds JOURNAL\n");
        return 2;
    }
    const logonet::Size3 size{6, 5, 4};
    std::remove(argv[1]);
    logonet::EditJournal journal(argv[1], size);
    const auto stroke = [&](int64_t offset, int64_t length, logonet::LabelValue value) {
        return logonet::LabelDelta::encode({{offset, length, 0, value}}, size);
    };
    journal.recordApplied("brush", stroke(7, 5, 3));
    journal.recordApplied("fill", stroke(40, 20, 1));
    journal.recordReverted("fill", stroke(40, 20, 1));
    return 0;
}
