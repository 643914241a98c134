#include "text/tn/explain.h"

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
  std::string out;
  const std::string_view source = line.source;
  for (const core::Rewrite& rewrite : line.rewrites) {
    const std::size_t first = core::CodePointCount(source.substr(0, rewrite.source_begin)) + 1;
    const std::size_t last = core::CodePointCount(source.substr(0, rewrite.source_end));
    out += std::to_string(line_number) + ":" + std::to_string(first) + "-" + std::to_string(last);
    out += "\t" + rewrite.rule + "\t";
    out += source.substr(rewrite.source_begin, rewrite.source_end - rewrite.source_begin);
    out += "\t";
    out += std::string_view(line.spoken)
               .substr(rewrite.spoken_begin, rewrite.spoken_end - rewrite.spoken_begin);
    out += "\n";
  }
  return out;
}

}  // namespace langdu::text::tn
