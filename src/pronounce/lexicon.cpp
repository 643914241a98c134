#include "pronounce/lexicon.h"

#include <fstream>
#include <iterator>

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

}  // namespace

Lexicon Lexicon::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw core::Error(core::ErrorKind::kData, path.string() + ": cannot read the lexicon");
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return FromText(std::move(text), path.string());
}

Lexicon Lexicon::FromText(std::string text, std::string_view where) {
  Lexicon lexicon;
  lexicon.text_ = std::move(text);
  const std::string& t = lexicon.text_;
  std::size_t pos = 0;
  int line = 0;
  std::string_view previous;
  while (pos < t.size()) {
    ++line;
    std::size_t end = t.find('\n', pos);
    if (end == std::string::npos) end = t.size();
    const std::string_view row(t.data() + pos, end - pos);
    if (!row.empty() && row[0] != '#') {
      const std::size_t tab = row.find('\t');
      const std::string_view word = row.substr(0, tab);
      if (tab == std::string_view::npos || row.find('\t', tab + 1) == std::string_view::npos) {
        throw core::Error(core::ErrorKind::kData,
                          std::string(where) + ":" + std::to_string(line) + ": expected 3 fields");
      }
      if (word <= previous) {
        throw core::Error(core::ErrorKind::kData, std::string(where) + ":" + std::to_string(line) +
                                                      ": \"" + std::string(word) +
                                                      "\" is out of order");
      }
      previous = word;
      lexicon.lines_.push_back(static_cast<std::uint32_t>(pos));
    }
    pos = end + 1;
  }
  return lexicon;
}

LexiconEntry Lexicon::EntryAt(std::size_t index) const {
  const std::size_t begin = lines_[index];
  std::size_t end = text_.find('\n', begin);
  if (end == std::string::npos) end = text_.size();
  const std::string_view row(text_.data() + begin, end - begin);
  const std::size_t tab1 = row.find('\t');
  const std::size_t tab2 = row.find('\t', tab1 + 1);
  LexiconEntry entry;
  entry.word = row.substr(0, tab1);
  for (char c : row.substr(tab1 + 1, tab2 - tab1 - 1)) {
    if (c >= '0' && c <= '9') entry.cost = entry.cost * 10 + (c - '0');
  }
  entry.pinyin = row.substr(tab2 + 1);
  if (!entry.pinyin.empty() && entry.pinyin.back() == '\r') entry.pinyin.remove_suffix(1);
  return entry;
}

std::size_t Lexicon::LowerBound(std::string_view word) const {
  std::size_t low = 0;
  std::size_t high = lines_.size();
  while (low < high) {
    const std::size_t mid = (low + high) / 2;
    const std::size_t begin = lines_[mid];
    const std::size_t tab = text_.find('\t', begin);
    if (std::string_view(text_.data() + begin, tab - begin) < word) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

std::optional<LexiconEntry> Lexicon::Find(std::string_view word) const {
  const std::size_t index = LowerBound(word);
  if (index == lines_.size()) return std::nullopt;
  LexiconEntry entry = EntryAt(index);
  if (entry.word != word) return std::nullopt;
  return entry;
}

bool Lexicon::HasPrefix(std::string_view prefix) const {
  const std::size_t index = LowerBound(prefix);
  if (index == lines_.size()) return false;
  return EntryAt(index).word.starts_with(prefix);
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
