#include "pronounce/lexicon.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "core/error.h"
#include "core/utf8.h"

namespace langdu::pronounce {
namespace {

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find(separator, begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin) parts.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

// A read-only mapping of a whole file, unmapped when the last Lexicon sharing it goes.
struct Mapping {
  void* address = MAP_FAILED;
  std::size_t size = 0;
  ~Mapping() {
    if (address != MAP_FAILED) munmap(address, size);
  }
};

// The offset of the first line after the leading comments (and empty lines).
std::size_t FirstEntry(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size() && (text[pos] == '#' || text[pos] == '\n')) {
    const std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) return text.size();
    pos = end + 1;
  }
  return pos;
}

}  // namespace

// The file is mapped, not read: the main process never looks a word up, and a worker touches only
// the pages its binary searches visit, so a run neither copies the 5.6 MB nor faults it all in.
Lexicon Lexicon::Load(const std::filesystem::path& path) {
  const auto fail = [&] {
    throw core::Error(core::ErrorKind::kData, path.string() + ": cannot read the lexicon");
  };
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail();
  struct stat status {};
  if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
    close(fd);
    fail();
  }
  auto mapping = std::make_shared<Mapping>();
  mapping->size = static_cast<std::size_t>(status.st_size);
  if (mapping->size > 0) {
    mapping->address = mmap(nullptr, mapping->size, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  close(fd);
  if (mapping->size > 0 && mapping->address == MAP_FAILED) fail();
  Lexicon lexicon;
  if (mapping->size > 0) {
    lexicon.text_ = std::string_view(static_cast<const char*>(mapping->address), mapping->size);
  }
  lexicon.storage_ = std::move(mapping);
  lexicon.entries_begin_ = FirstEntry(lexicon.text_);
  return lexicon;
}

Lexicon Lexicon::FromText(std::string text, std::string_view where) {
  Lexicon lexicon;
  auto storage = std::make_shared<const std::string>(std::move(text));
  lexicon.text_ = *storage;
  lexicon.storage_ = std::move(storage);
  lexicon.entries_begin_ = FirstEntry(lexicon.text_);
  const std::string_view t = lexicon.text_;
  const auto fail = [&](int line, const std::string& what) {
    throw core::Error(core::ErrorKind::kData,
                      std::string(where) + ":" + std::to_string(line) + ": " + what);
  };
  std::size_t pos = 0;
  int line = 0;
  std::string_view previous;
  while (pos < t.size()) {
    ++line;
    std::size_t end = t.find('\n', pos);
    if (end == std::string::npos) end = t.size();
    const std::string_view row(t.data() + pos, end - pos);
    if (pos >= lexicon.entries_begin_) {
      // Binary search needs every line after the comments to be an entry, in order.
      if (row.empty() || row[0] == '#') fail(line, "comment or empty line after the first entry");
      const std::size_t tab = row.find('\t');
      const std::string_view word = row.substr(0, tab);
      if (tab == std::string_view::npos || row.find('\t', tab + 1) == std::string_view::npos) {
        fail(line, "expected 3 fields");
      }
      if (word <= previous) fail(line, "\"" + std::string(word) + "\" is out of order");
      previous = word;
    }
    pos = end + 1;
  }
  return lexicon;
}

std::size_t Lexicon::size() const {
  std::size_t count = 0;
  for (std::size_t pos = entries_begin_; pos < text_.size();) {
    std::size_t end = text_.find('\n', pos);
    if (end == std::string_view::npos) end = text_.size();
    if (end > pos) ++count;
    pos = end + 1;
  }
  return count;
}

LexiconEntry Lexicon::EntryAt(std::size_t offset) const {
  std::size_t end = text_.find('\n', offset);
  if (end == std::string_view::npos) end = text_.size();
  const std::string_view row = text_.substr(offset, end - offset);
  const std::size_t tab1 = row.find('\t');
  LexiconEntry entry;
  entry.word = row.substr(0, tab1);
  if (tab1 == std::string_view::npos) return entry;
  const std::size_t tab2 = row.find('\t', tab1 + 1);
  for (char c : row.substr(tab1 + 1, tab2 - tab1 - 1)) {
    if (c >= '0' && c <= '9') entry.cost = entry.cost * 10 + (c - '0');
  }
  if (tab2 == std::string_view::npos) return entry;
  entry.pinyin = row.substr(tab2 + 1);
  if (!entry.pinyin.empty() && entry.pinyin.back() == '\r') entry.pinyin.remove_suffix(1);
  return entry;
}

// Binary search over the bytes: `low` is always a line start, every line before it has a smaller
// word, and every line starting at or after `high` has a word not smaller than `word`.
std::size_t Lexicon::LowerBound(std::string_view word) const {
  const char* data = text_.data();
  std::size_t low = entries_begin_;
  std::size_t high = text_.size();
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    const void* newline = memrchr(data + low, '\n', mid - low);
    const std::size_t start =
        newline == nullptr ? low
                           : static_cast<std::size_t>(static_cast<const char*>(newline) - data) + 1;
    const void* line_end = std::memchr(data + start, '\n', text_.size() - start);
    const std::size_t end =
        line_end == nullptr ? text_.size()
                            : static_cast<std::size_t>(static_cast<const char*>(line_end) - data);
    const std::string_view row(data + start, end - start);
    if (row.substr(0, row.find('\t')) < word) {
      low = std::min(end + 1, text_.size());
    } else {
      high = start;
    }
  }
  return low;
}

std::optional<LexiconEntry> Lexicon::Find(std::string_view word) const {
  const std::size_t offset = LowerBound(word);
  if (offset >= text_.size()) return std::nullopt;
  LexiconEntry entry = EntryAt(offset);
  if (entry.word != word) return std::nullopt;
  return entry;
}

bool Lexicon::HasPrefix(std::string_view prefix) const {
  const std::size_t offset = LowerBound(prefix);
  if (offset >= text_.size()) return false;
  return EntryAt(offset).word.starts_with(prefix);
}

std::vector<std::string> Lexicon::Readings(std::string_view character) const {
  const std::optional<LexiconEntry> entry = Find(character);
  if (!entry) return {};
  return Split(entry->pinyin, '|');
}

std::vector<std::string> Lexicon::Syllables(const LexiconEntry& entry) const {
  if (core::CodePointCount(entry.word) == 1) {
    std::vector<std::string> readings = Split(entry.pinyin, '|');
    readings.resize(std::min<std::size_t>(readings.size(), 1));
    return readings;
  }
  if (!entry.pinyin.empty()) return Split(entry.pinyin, ' ');
  std::vector<std::string> syllables;
  std::size_t pos = 0;
  while (pos < entry.word.size()) {
    const std::size_t begin = pos;
    core::NextCodePoint(entry.word, pos);
    std::vector<std::string> readings = Readings(entry.word.substr(begin, pos - begin));
    if (readings.empty()) return {};
    syllables.push_back(std::move(readings.front()));
  }
  return syllables;
}

}  // namespace langdu::pronounce
