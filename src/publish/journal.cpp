#include "publish/journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "core/error.h"

namespace langdu::publish {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kJournalVersion = 1;

core::Error JournalError(const std::filesystem::path& path, const std::string& what) {
  return core::Error(core::ErrorKind::kOutput, path.string() + ": " + what);
}

// The file record as measured, unrounded (the manifest rounds when it writes it).
Json FileJson(const FileRecord& file) {
  Json json = {{"file", file.file},
               {"format", file.format},
               {"sample_rate_hz", file.sample_rate_hz},
               {"samples", file.samples},
               {"audio_duration_s", file.audio_duration_s},
               {"duration_s", file.duration_s},
               {"bitrate_kbps", file.bitrate_kbps},
               {"bytes", file.bytes}};
  if (!file.audio_key.empty()) json["audio_key"] = file.audio_key;
  return json;
}

Json EntryJson(const JournalEntry& entry) {
  Json chapters = Json::array();
  for (const ChapterRecords& chapter : entry.finished.chapters) {
    chapters.push_back(
        {{"number", chapter.number}, {"title", chapter.title}, {"paragraphs", chapter.paragraphs}});
  }
  Json outputs = Json::array();
  for (const auto& [name, bytes] : entry.outputs) outputs.push_back({name, bytes});
  Json unread = Json::array();
  for (const UnreadCharacter& character : entry.finished.unread) {
    unread.push_back({character.character, character.count, character.first_line});
  }
  return {{"file", FileJson(entry.finished.file)},
          {"outputs", outputs},
          {"chapters", chapters},
          {"unread", unread}};
}

std::vector<std::pair<std::string, std::uintmax_t>> OutputsFrom(const Json& json) {
  std::vector<std::pair<std::string, std::uintmax_t>> outputs;
  for (const Json& output : json.at("outputs")) {
    outputs.emplace_back(output.at(0).get<std::string>(), output.at(1).get<std::uintmax_t>());
  }
  return outputs;
}

JournalEntry EntryFrom(const Json& json) {
  JournalEntry entry;
  entry.finished.file = FileFromJson(json.at("file"));
  for (const Json& chapter : json.at("chapters")) {
    ChapterRecords records{
        chapter.at("number").get<int>(), chapter.at("title").get<std::string>(), {}};
    for (const Json& p : chapter.at("paragraphs")) {
      records.paragraphs.push_back(ParagraphFromJson(p));
    }
    entry.finished.chapters.push_back(std::move(records));
  }
  for (const Json& unread : json.at("unread")) {
    entry.finished.unread.push_back(
        {unread.at(0).get<std::string>(), unread.at(1).get<int>(), unread.at(2).get<int>()});
  }
  entry.outputs = OutputsFrom(json);
  return entry;
}

std::string HeaderLine(const std::string& key) {
  return Json{{"langdu_journal", kJournalVersion}, {"key", key}}.dump() + "\n";
}

// Writes `text` at the end of `path` (from `offset`, cutting what follows: a line a kill cut
// short) and flushes it to the disk.
void WriteAt(const std::filesystem::path& path, std::uintmax_t offset, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw JournalError(path, std::string("cannot open: ") + std::strerror(errno));
  const auto at = static_cast<off_t>(offset);
  bool written = ::ftruncate(fd, at) == 0;
  for (std::size_t done = 0; written && done < text.size();) {
    const ssize_t n =
        ::pwrite(fd, text.data() + done, text.size() - done, at + static_cast<off_t>(done));
    written = n > 0;
    if (written) done += static_cast<std::size_t>(n);
  }
  written = written && ::fsync(fd) == 0;
  const int write_errno = errno;
  ::close(fd);
  if (!written)
    throw JournalError(path, std::string("cannot write: ") + std::strerror(write_errno));
}

}  // namespace

Journal::Journal(const std::filesystem::path& folder, std::string key)
    : folder_(folder), path_(folder / kJournalFileName), key_(std::move(key)) {
  Load();
}

void Journal::Load() {
  std::ifstream in(path_, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line) || in.eof()) return;
  const Json header = Json::parse(line, nullptr, false);
  if (header.is_discarded() || !header.is_object() ||
      header.value("langdu_journal", 0) != kJournalVersion || header.value("key", "") != key_) {
    return;
  }
  std::uintmax_t offset = line.size() + 1;
  valid_end_ = offset;
  resumes_ = true;
  while (std::getline(in, line) && !in.eof()) {  // a last line without its newline was cut short
    const Json json = Json::parse(line, nullptr, false);
    if (json.is_discarded()) break;
    try {
      entries_[json.at("file").at("file").get<std::string>()] = {offset, OutputsFrom(json)};
    } catch (const nlohmann::json::exception&) {
      break;
    }
    offset += line.size() + 1;
    valid_end_ = offset;
  }
}

bool Journal::IsFinished(const std::string& name) const {
  const auto found = entries_.find(name);
  if (found == entries_.end()) return false;
  for (const auto& [output, bytes] : found->second.outputs) {
    std::error_code error;
    const std::filesystem::path path = folder_ / output;
    if (!std::filesystem::is_regular_file(path, error)) return false;
    if (std::filesystem::file_size(path, error) != bytes || error) return false;
  }
  return true;
}

JournalEntry Journal::Read(const std::string& name) const {
  const auto found = entries_.find(name);
  if (found == entries_.end()) throw JournalError(path_, "\"" + name + "\" is not journaled");
  std::ifstream in(path_, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(found->second.offset));
  std::string line;
  std::getline(in, line);
  const Json json = Json::parse(line, nullptr, false);
  try {
    if (!in || json.is_discarded()) throw JournalError(path_, "cannot read back");
    return EntryFrom(json);
  } catch (const nlohmann::json::exception& e) {
    throw JournalError(path_, std::string("cannot read back: ") + e.what());
  }
}

void Journal::Start() {
  const std::string header = HeaderLine(key_);
  WriteAt(path_, 0, header);
  entries_.clear();
  valid_end_ = header.size();
}

void Journal::Record(const JournalEntry& entry) {
  if (!valid_end_) Start();
  const std::string line = EntryJson(entry).dump() + "\n";
  WriteAt(path_, *valid_end_, line);
  entries_[entry.finished.file.file] = {*valid_end_, entry.outputs};
  *valid_end_ += line.size();
}

void Journal::Remove() {
  if (!valid_end_) return;  // another run's journal, or none: not this run's to remove
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
  entries_.clear();
  valid_end_.reset();
}

}  // namespace langdu::publish
