#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "editing/LabelDelta.h"
#include "volume/Volume.h"

namespace logonet {

// Autosave of label edits: every committed stroke (and every undo and redo) is appended to a
// journal file next to the label map and forced to disk before append() returns, so a crash or
// a killed process loses at most the stroke in progress. On reopening, replay() applies the
// complete records to the last saved label map; a record cut short by the crash is ignored.
// After the label map itself is saved, clear() empties the journal.
//
// Records hold absolute label values (a delta's `after` or `before` values), so replaying onto a
// label map that already contains them changes nothing: a crash between saving the map and
// clearing the journal is harmless.
//
// File: a 48-byte header (magic, format, label map size, CRC) and records, each a 24-byte header
// (magic, action, name length, payload length, sequence number, CRC of all the record's bytes)
// followed by the step's name and its LabelDelta bytes; all integers little-endian.
class EditJournal {
  public:
    enum class Action : uint8_t { Apply = 1, Revert = 2 };

    struct Entry {
        Action action = Action::Apply;
        uint64_t sequence = 0;
        std::string name;
        LabelDelta delta;
    };
    struct Contents {
        std::vector<Entry> entries;  // the complete records, in order
        int64_t validBytes = 0;      // where the complete records end
        int64_t ignoredBytes = 0;    // a torn or damaged tail after them
    };

    // "<project>/labels/journal/<scan>-<version>.journal"
    static std::string pathFor(const std::string& projectFolder, const std::string& scan,
                               const std::string& version);

    // Opens the journal of a label map of `size`, creating it (and its folders) when absent and
    // cutting off a torn tail. Throws std::runtime_error naming the file when it cannot be
    // written, belongs to a label map of another size, is not a journal, or is open in another
    // process.
    EditJournal(std::string path, const Size3& size);
    ~EditJournal();
    EditJournal(const EditJournal&) = delete;
    EditJournal& operator=(const EditJournal&) = delete;

    // Durable when they return (written and fsync'd); throw std::runtime_error on a write error,
    // leaving the journal as it was.
    void recordApplied(const std::string& name, const LabelDelta& delta) {
        append(Action::Apply, name, delta);
    }
    void recordReverted(const std::string& name, const LabelDelta& delta) {
        append(Action::Revert, name, delta);
    }
    void append(Action action, const std::string& name, const LabelDelta& delta);
    // The label map was saved: the records are no longer needed.
    void clear();

    const std::string& path() const { return path_; }
    size_t recordCount() const { return recordCount_; }
    int64_t sizeBytes() const { return end_; }

    // Reads the complete records of a journal for a label map of `size`; a missing or empty
    // file has none. Throws std::runtime_error for a file of another size or another kind.
    static Contents read(const std::string& path, const Size3& size);
    // Applies the complete records to `labels` in order and returns what was read.
    static Contents replay(const std::string& path, LabelVolume& labels);

  private:
    void writeAll(const std::vector<uint8_t>& bytes, int64_t at);
    void sync();

    std::string path_;
    Size3 size_;
    int descriptor_ = -1;
    int64_t end_ = 0;
    uint64_t nextSequence_ = 1;
    size_t recordCount_ = 0;
};

}  // namespace logonet
