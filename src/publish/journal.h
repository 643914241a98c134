#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "publish/manifest_records.h"

namespace langdu::publish {

/// The name of the journal in an output folder.
inline constexpr const char* kJournalFileName = ".langdu-journal.jsonl";

/// A chapter's manifest records, known once its audio is laid out.
struct ChapterRecords {
  int number = 0;
  std::string title;
  std::vector<ParagraphRecord> paragraphs;
};

/// A character nothing read in a file: how often, and the source line where it first appears.
struct UnreadCharacter {
  std::string character;
  int count = 0;
  int first_line = 0;
};

/// What a finished audio file adds to the book-level outputs (manifest, playlist, chapters.vtt)
/// and to the closing warnings: the file as written and read back, the records of its chapters,
/// and the characters it did not read.
struct FinishedFile {
  FileRecord file;
  std::vector<ChapterRecords> chapters;
  std::vector<UnreadCharacter> unread;
};

/// One journal line: a finished audio file and every final file that came with it (the audio and
/// its captions), by name with its size in bytes.
struct JournalEntry {
  FinishedFile finished;
  std::vector<std::pair<std::string, std::uintmax_t>> outputs;
};

/// The resume journal of an output folder (FOLDER/.langdu-journal.jsonl): a line naming the run's
/// key (a hash of everything the files' bytes depend on), then one line per finished audio file,
/// appended and flushed to the disk before the file is renamed into place. So a run killed at any
/// point leaves a journal whose entries are true or whose files are missing; a line cut short by
/// the kill is ignored. The journal is read as an index of offsets: an entry's records are parsed
/// only when asked for, so memory does not grow with the book.
class Journal {
 public:
  /// Reads the journal in `folder`, if any. Entries of a run with another key are ignored, and that
  /// journal is replaced when the first entry is recorded.
  Journal(const std::filesystem::path& folder, std::string key);

  /// Whether the folder holds a journal of this key: an earlier attempt of this same run was
  /// stopped, so the book-level files it may have begun to rename are this run's to replace.
  bool Resumes() const { return resumes_; }

  /// Whether the audio file `name` is finished: journaled under this key, and each of its outputs
  /// present with the size recorded.
  bool IsFinished(const std::string& name) const;

  /// The entry of a finished file (IsFinished). Throws core::Error(kOutput) when the journal can no
  /// longer be read.
  JournalEntry Read(const std::string& name) const;

  /// Appends `entry` and flushes it to the disk. Throws core::Error(kOutput).
  void Record(const JournalEntry& entry);

  /// Removes the journal when it is this run's: the run is complete, there is nothing left to
  /// resume. A journal of another key stays (its files may still be there).
  void Remove();

 private:
  struct Indexed {
    std::uintmax_t offset = 0;
    std::vector<std::pair<std::string, std::uintmax_t>> outputs;
  };
  void Load();
  void Start();

  std::filesystem::path folder_;
  std::filesystem::path path_;
  std::string key_;
  std::map<std::string, Indexed> entries_;   // by audio file name
  std::optional<std::uintmax_t> valid_end_;  // set when the journal on disk is this run's
  bool resumes_ = false;
};

}  // namespace langdu::publish
