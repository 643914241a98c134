#include "cli/normalize_command.h"

#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "cli/input_options.h"
#include "cli/line_input.h"
#include "core/error.h"
#include "text/cleanup.h"
#include "text/inline_marks.h"
#include "text/tn/explain.h"

namespace langdu::cli {
namespace {

struct NormalizeCommandOptions {
  std::string input = "-";
  bool explain = false;
  text::tn::NormalizeOptions reading;
  input::ReadOptions read;
};

void Print(const core::SpokenText& line, std::size_t line_number, bool explain) {
  if (explain) {
    std::cout << text::tn::ExplainRewrites(line, line_number);
  } else {
    std::cout << line.spoken << '\n';
  }
}

// One line in, one line out, flushed: other tools drive this command line by line. Lines are
// cleaned as the narration pipeline cleans them, so what is printed is what would be spoken.
void Normalize(const text::tn::Normalizer& normalizer, const std::string& input,
               const input::ReadOptions& read, bool explain) {
  LineInput lines(input, read);
  while (const std::optional<std::string> line = lines.Next()) {
    // SSML: the reader has cleaned the line and taken the author's marks out of the markup.
    if (const core::AuthorMarks* marks = lines.marks()) {
      Print(normalizer.Normalize(*line, *marks), lines.line_number(), explain);
      std::cout.flush();
      continue;
    }
    std::string clean = text::Cleanup(*line).text;
    while (!clean.empty() && clean.back() == '\n') clean.pop_back();
    const text::MarkedText marked = text::ExtractInlineMarks(clean);
    Print(normalizer.Normalize(marked.text, marked.marks), lines.line_number(), explain);
    std::cout.flush();
  }
}

}  // namespace

void AddNormalizeOptions(CLI::App& app, text::tn::NormalizeOptions& options) {
  const std::map<std::string, text::tn::LiangStyle> liang{
      {"never", text::tn::LiangStyle::kNever},
      {"thousands", text::tn::LiangStyle::kThousands},
      {"hundreds", text::tn::LiangStyle::kHundreds}};
  app.add_option("--liang", options.liang,
                 "where 2 is read 两: never (二千), thousands (两千, 两万; default), "
                 "hundreds (also 两百)")
      ->transform(CLI::CheckedTransformer(liang, CLI::ignore_case))
      ->option_text("never|thousands|hundreds");
  app.add_flag("--yao,!--no-yao", options.yao_for_one,
               "read 1 as 幺 in phone numbers and codes (default: on)");
  const std::map<std::string, text::tn::ZeroStyle> zero{{"circle", text::tn::ZeroStyle::kCircle},
                                                        {"ling", text::tn::ZeroStyle::kLing}};
  app.add_option("--year-zero", options.year_zero,
                 "how 0 is written in years read digit by digit: circle (二〇一九, default) or "
                 "ling (二零一九)")
      ->transform(CLI::CheckedTransformer(zero, CLI::ignore_case))
      ->option_text("circle|ling");
  const std::map<std::string, text::tn::UrlStyle> url{{"read", text::tn::UrlStyle::kRead},
                                                      {"skip", text::tn::UrlStyle::kSkip}};
  app.add_option("--url", options.url,
                 "web and e-mail addresses: read (www点example点com, default) or skip")
      ->transform(CLI::CheckedTransformer(url, CLI::ignore_case))
      ->option_text("read|skip");
}

CLI::App* AddNormalizeCommand(CLI::App& app) {
  auto options = std::make_shared<NormalizeCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "normalize", "print the text as it will be spoken (numbers, dates, money, units, symbols)");
  command->add_option("file", options->input,
                      "text file (any supported encoding), or - for UTF-8 stdin (default)");
  command->add_flag("--explain", options->explain,
                    "print each rewrite instead: line:columns, rule, source, spoken");
  AddNormalizeOptions(*command, options->reading);
  AddInputOptions(*command, options->read);
  command->callback([options] {
    const text::tn::Normalizer normalizer(options->reading);
    Normalize(normalizer, options->input, options->read, options->explain);
  });
  return command;
}

}  // namespace langdu::cli
