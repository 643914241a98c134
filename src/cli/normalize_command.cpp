#include "cli/normalize_command.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "core/error.h"
#include "pipeline/input.h"
#include "text/cleanup.h"
#include "text/decode.h"
#include "text/tn/explain.h"

namespace langdu::cli {
namespace {

struct NormalizeCommandOptions {
  std::string input = "-";
  bool explain = false;
  text::tn::NormalizeOptions reading;
};

// Length of the UTF-8 sequence at `pos`, or 0 when it is not valid UTF-8.
std::size_t SequenceLength(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  std::size_t length = 0;
  char32_t min = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  char32_t cp = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

// Throws core::Error naming the input, line and byte of the first invalid UTF-8 sequence.
// `first_line` and `first_byte` place `text` inside the input.
void CheckUtf8(std::string_view text, std::string_view where, int first_line,
               std::size_t first_byte) {
  int line = first_line;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = SequenceLength(text, pos);
    if (length == 0) {
      throw core::Error(core::ErrorKind::kInputDecode,
                        std::string(where) + ":" + std::to_string(line) +
                            ": invalid UTF-8 at byte " + std::to_string(first_byte + pos));
    }
    if (text[pos] == '\n') ++line;
    pos += length;
  }
}

void Print(const core::SpokenText& line, std::size_t line_number, bool explain) {
  if (explain) {
    std::cout << text::tn::ExplainRewrites(line, line_number);
  } else {
    std::cout << line.spoken << '\n';
  }
}

// stdin: one line in, one line out, flushed, so that other tools can drive the command.
void NormalizeStdin(const text::tn::Normalizer& normalizer, bool explain) {
  std::string line;
  std::size_t line_number = 0;
  std::size_t offset = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (line.ends_with('\r')) line.pop_back();
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    CheckUtf8(line, "<stdin>", static_cast<int>(line_number), offset);
    offset += line.size() + 1;
    Print(normalizer.Normalize(line), line_number, explain);
    std::cout.flush();
  }
}

// A file is decoded in whatever encoding it is in, then cleaned line by line like the narration
// pipeline does, so that what is printed is what would be spoken.
void NormalizeFile(const text::tn::Normalizer& normalizer, const std::string& path, bool explain) {
  const pipeline::Input input = pipeline::ReadInput(path);
  const text::DecodedText decoded = text::Decode(input.bytes, path);
  std::string_view rest = decoded.utf8;
  for (std::size_t line_number = 1; !rest.empty() || line_number == 1; ++line_number) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    std::string line = text::Cleanup(rest.substr(0, end)).text;
    while (!line.empty() && line.back() == '\n') line.pop_back();
    Print(normalizer.Normalize(line), line_number, explain);
    if (end == rest.size()) break;
    rest.remove_prefix(end + 1);
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
  command->add_option("file", options->input, "text file (any supported encoding), or - for UTF-8 stdin (default)");
  command->add_flag("--explain", options->explain,
                    "print each rewrite instead: line:columns, rule, source, spoken");
  AddNormalizeOptions(*command, options->reading);
  command->callback([options] {
    const text::tn::Normalizer normalizer(options->reading);
    if (options->input == "-") {
      NormalizeStdin(normalizer, options->explain);
    } else {
      NormalizeFile(normalizer, options->input, options->explain);
    }
  });
  return command;
}

}  // namespace langdu::cli
