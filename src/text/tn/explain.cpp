#include "text/tn/explain.h"

#include <algorithm>

#include "core/utf8.h"

namespace langdu::text::tn {

std::vector<core::SpokenText> NormalizeLines(const Normalizer& normalizer, std::string_view text) {
  std::vector<core::SpokenText> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(normalizer.Normalize(line));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string ExplainRewrites(const core::SpokenText& line, std::size_t line_number) {
  const std::string_view source = line.source;
  const std::string_view spoken = line.spoken;
  // One entry per rewrite and per mark of the author's, ordered by where it stands in the line.
  struct Entry {
    std::size_t source_begin;
    std::size_t source_end;
    std::string rule;
    std::string written;
    std::string said;
  };
  std::vector<Entry> entries;
  for (const core::Rewrite& rewrite : line.rewrites) {
    entries.push_back({rewrite.source_begin, rewrite.source_end, rewrite.rule,
                       std::string(source.substr(rewrite.source_begin,
                                                 rewrite.source_end - rewrite.source_begin)),
                       std::string(spoken.substr(rewrite.spoken_begin,
                                                 rewrite.spoken_end - rewrite.spoken_begin))});
  }
  for (const core::ForcedReading& forced : line.forced) {
    const std::size_t begin = line.SourceOffset(forced.begin);
    const std::size_t end = line.SourceOffset(forced.end, true);
    std::string syllables;
    for (const std::string& syllable : forced.syllables) {
      syllables += (syllables.empty() ? "" : " ") + syllable;
    }
    entries.push_back(
        {begin, end, "author: pinyin", std::string(source.substr(begin, end - begin)), syllables});
  }
  for (const core::AuthorPause& pause : line.pauses) {
    const std::size_t at = line.SourceOffset(pause.offset);
    entries.push_back({at, at, "author: pause", "", std::to_string(pause.pause_ms) + "ms"});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.source_begin != b.source_begin ? a.source_begin < b.source_begin
                                            : a.source_end < b.source_end;
  });
  std::string out;
  for (const Entry& entry : entries) {
    const std::size_t first = core::CodePointCount(source.substr(0, entry.source_begin)) + 1;
    const std::size_t last = core::CodePointCount(source.substr(0, entry.source_end));
    out += std::to_string(line_number) + ":" + std::to_string(first) + "-" + std::to_string(last);
    out += "\t" + entry.rule + "\t" + entry.written + "\t" + entry.said + "\n";
  }
  return out;
}

}  // namespace langdu::text::tn
