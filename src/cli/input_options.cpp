#include "cli/input_options.h"

#include <map>
#include <string>

namespace langdu::cli {

void AddInputOptions(CLI::App& app, input::ReadOptions& options) {
  std::string names;
  for (const std::string& name : input::FormatNames()) names += (names.empty() ? "" : "|") + name;
  app.add_option_function<std::string>(
         "--input-format",
         [&options](const std::string& name) { options.format = *input::ParseFormat(name); },
         "how the input is written; auto (default) decides by extension, then content")
      ->check(CLI::IsMember(input::FormatNames(), CLI::ignore_case))
      ->option_text(names);
  app.add_option("--encoding", options.encoding,
                 "input encoding (UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, Big5); default: detect");
  app.add_option("--heading-levels", options.heading_levels,
                 "Markdown, HTML: heading levels, from the top one present, that start chapters; "
                 "EPUB: levels of its table of contents (default 1)")
      ->check(CLI::Range(1, 6));
  const std::map<std::string, bool> code{{"read", true}, {"skip", false}};
  app.add_option("--code", options.read_code,
                 "Markdown, HTML: code blocks are skipped (default) or read")
      ->transform(CLI::CheckedTransformer(code, CLI::ignore_case))
      ->option_text("read|skip");
}

void AddChapterOptions(CLI::App& app, input::ReadOptions& options) {
  auto* pattern =
      app.add_option("--chapter-pattern", options.structure.chapter_pattern,
                     "Regular expression (ICU) that a chapter heading line starts with");
  app.add_flag_function(
         "--no-chapters", [&options](std::int64_t) { options.structure.detect_chapters = false; },
         "The whole text is one chapter")
      ->excludes(pattern);
}

}  // namespace langdu::cli
