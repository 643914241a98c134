#include "text/inline_marks.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

namespace langdu::text {
namespace {

// A mark is short: longer braces are ordinary text.
constexpr std::size_t kMaxMarkBytes = 256;
constexpr int kMaxPauseMs = 60000;

bool IsPinyinSyllable(std::string_view s) {
  if (s.size() < 2) return false;
  const char tone = s.back();
  if (tone < '1' || tone > '5') return false;
  s.remove_suffix(1);
  while (!s.empty()) {
    if (s.starts_with("ü")) {
      s.remove_prefix(std::string_view("ü").size());
    } else if (s.starts_with("u:")) {
      s.remove_prefix(2);
    } else if (s.front() >= 'a' && s.front() <= 'z') {
      s.remove_prefix(1);
    } else {
      return false;
    }
  }
  return true;
}

// "yin2 hang2" → {"yin2", "hang2"} (ü and u: written as v, the engine's letter); nullopt unless
// every word is a toned syllable.
std::optional<std::vector<std::string>> ParsePinyin(std::string_view text) {
  std::vector<std::string> syllables;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    if (end == pos) break;
    std::string_view word = text.substr(pos, end - pos);
    if (!IsPinyinSyllable(word)) return std::nullopt;
    std::string syllable;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (word.substr(i).starts_with("ü")) {
        syllable += 'v';
        i += std::string_view("ü").size() - 1;
      } else if (word.substr(i).starts_with("u:")) {
        syllable += 'v';
        ++i;
      } else {
        syllable += word[i];
      }
    }
    syllables.push_back(std::move(syllable));
    pos = end;
  }
  if (syllables.empty()) return std::nullopt;
  return syllables;
}

}  // namespace

std::optional<int> ParsePauseMs(std::string_view text) {
  double factor = 0;
  if (text.ends_with("ms")) {
    factor = 1;
    text.remove_suffix(2);
  } else if (text.ends_with("s")) {
    factor = 1000;
    text.remove_suffix(1);
  } else {
    return std::nullopt;
  }
  if (text.empty() || text.front() == '.' || text.back() == '.') return std::nullopt;
  int points = 0;
  for (char c : text) {
    if (c == '.') {
      ++points;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
  }
  if (points > 1 || text.size() > 8) return std::nullopt;
  const double ms = std::stod(std::string(text)) * factor;
  if (ms > kMaxPauseMs) return std::nullopt;
  return static_cast<int>(std::lround(ms));
}

MarkedText ExtractInlineMarks(std::string_view text) {
  MarkedText result;
  if (text.find('{') == std::string_view::npos) {  // the common case, fast
    result.text = std::string(text);
    return result;
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '\\' && pos + 1 < text.size() && text[pos + 1] == '{') {
      result.text += '{';
      pos += 2;
      continue;
    }
    if (c != '{') {
      result.text += c;
      ++pos;
      continue;
    }
    const std::size_t close = text.find('}', pos + 1);
    const std::size_t bar = text.find('|', pos + 1);
    const std::string_view inner = close == std::string_view::npos
                                       ? std::string_view()
                                       : text.substr(pos + 1, close - pos - 1);
    const bool shaped = close != std::string_view::npos && close - pos <= kMaxMarkBytes &&
                        bar < close && inner.find('{') == std::string_view::npos &&
                        inner.find('\n') == std::string_view::npos &&
                        inner.find('|', bar - pos) == std::string_view::npos;
    if (shaped) {
      const std::string_view label = text.substr(pos + 1, bar - pos - 1);
      const std::string_view value = text.substr(bar + 1, close - bar - 1);
      if (const std::optional<int> ms = ParsePauseMs(value)) {
        result.marks.pauses.push_back({result.text.size(), *ms});
        pos = close + 1;
        continue;
      }
      if (const auto syllables = ParsePinyin(value); syllables && !label.empty()) {
        core::ForcedReading reading;
        reading.begin = result.text.size();
        result.text += label;
        reading.end = result.text.size();
        reading.syllables = *syllables;
        result.marks.readings.push_back(std::move(reading));
        pos = close + 1;
        continue;
      }
    }
    result.text += c;
    ++pos;
  }
  return result;
}

std::string StripInlineMarks(std::string_view text) { return ExtractInlineMarks(text).text; }

core::Document ExtractInlineMarks(core::Document document) {
  document.title = StripInlineMarks(document.title);
  for (core::Chapter& chapter : document.chapters) {
    chapter.title = StripInlineMarks(chapter.title);
    for (core::Paragraph& paragraph : chapter.paragraphs) {
      for (core::Sentence& sentence : paragraph.sentences) {
        MarkedText marked = ExtractInlineMarks(sentence.text);
        sentence.text = std::move(marked.text);
        sentence.marks = std::move(marked.marks);
        sentence.source_text = StripInlineMarks(sentence.source_text);
      }
    }
  }
  return document;
}

}  // namespace langdu::text
