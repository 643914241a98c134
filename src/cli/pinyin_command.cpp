#include "cli/pinyin_command.h"

#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "cli/input_options.h"
#include "cli/line_input.h"
#include "cli/normalize_command.h"
#include "core/error.h"
#include "core/utf8.h"
#include "pronounce/pronouncer.h"
#include "text/inline_marks.h"
#include "text/cleanup.h"
#include "text/tn/normalizer.h"

namespace langdu::cli {
namespace {

struct PinyinOptions {
  std::string input = "-";
  bool align = false;
  pronounce::ToneMode tones = pronounce::ToneMode::kSpoken;
  bool explain = false;
  std::string lexicon;
  input::ReadOptions read;
  bool normalize = true;
  text::tn::NormalizeOptions reading;
};

std::string Render(const std::vector<pronounce::Word>& words, bool align) {
  std::string out;
  const auto add = [&out](std::string_view token) {
    if (!out.empty()) out += ' ';
    out += token;
  };
  for (const pronounce::Word& word : words) {
    if (align) {
      if (word.kind == pronounce::WordKind::kHan) {
        for (const std::string& syllable : word.syllables) add(syllable);
        continue;
      }
      for (std::size_t pos = 0; pos < word.text.size();) {
        const std::size_t begin = pos;
        core::NextCodePoint(word.text, pos);
        add(word.kind == pronounce::WordKind::kSpace
                ? std::string_view("_")
                : std::string_view(word.text).substr(begin, pos - begin));
      }
    } else if (word.kind == pronounce::WordKind::kHan) {
      std::string joined;
      for (const std::string& syllable : word.syllables) {
        if (!joined.empty()) joined += '-';
        joined += syllable;
      }
      add(joined);
    } else if (word.kind != pronounce::WordKind::kSpace) {
      add(word.text);
    }
  }
  return out;
}

void Explain(const std::vector<pronounce::Word>& words, std::ostream& out) {
  for (const pronounce::Word& word : words) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < word.reasons.size(); ++i) {
      const std::size_t begin = pos;
      core::NextCodePoint(word.text, pos);
      if (word.reasons[i].empty()) continue;
      out << "  " << word.text.substr(begin, pos - begin) << ' ' << word.syllables[i] << "  "
          << word.reasons[i] << '\n';
    }
  }
}

// The author's inline marks decide first: each character of a marked stretch takes the next
// syllable of the mark.
void ApplyForcedReadings(std::string_view text, const std::vector<core::ForcedReading>& readings,
                         std::vector<pronounce::Word>& words) {
  for (pronounce::Word& word : words) {
    if (word.kind != pronounce::WordKind::kHan) continue;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < word.syllables.size(); ++i) {
      const std::size_t offset = word.offset + pos;
      core::NextCodePoint(word.text, pos);
      for (const core::ForcedReading& reading : readings) {
        if (offset < reading.begin || offset >= reading.end) continue;
        const std::size_t index =
            core::CodePointCount(text.substr(reading.begin, offset - reading.begin));
        if (index < reading.syllables.size()) {
          word.syllables[i] = reading.syllables[index];
          if (i < word.reasons.size()) word.reasons[i] = "author's mark";
        }
      }
    }
  }
}

void Run(const PinyinOptions& options) {
  pronounce::PronounceOptions pronounce_options;
  pronounce_options.user_lexicon = options.lexicon;
  const pronounce::Pronouncer pronouncer(pronounce_options);
  const text::tn::Normalizer normalizer(options.reading);
  LineInput lines(options.input, options.read);
  while (const std::optional<std::string> line = lines.Next()) {
    // SSML: the reader has cleaned the line and taken the author's marks out of the markup;
    // normalization keeps each reading on the characters it names.
    if (const core::AuthorMarks* marks = lines.marks()) {
      std::vector<pronounce::Word> words;
      if (options.normalize) {
        const core::SpokenText spoken = normalizer.Normalize(*line, *marks);
        words = pronouncer.Words(spoken.spoken, options.tones);
        ApplyForcedReadings(spoken.spoken, spoken.forced, words);
      } else {
        words = pronouncer.Words(*line, options.tones);
        ApplyForcedReadings(*line, marks->readings, words);
      }
      std::cout << Render(words, options.align) << '\n';
      if (options.explain) Explain(words, std::cout);
      std::cout.flush();
      continue;
    }
    // What narrate says: the line cleaned and normalized (20.27 is 二十点二七), unless asked for
    // the line as written. A line with inline pinyin marks is shown as written, so that each
    // mark stays on the characters it names.
    const text::MarkedText marked = text::ExtractInlineMarks(*line);
    std::string spoken = marked.text;
    if (options.normalize && marked.marks.readings.empty()) {
      std::string clean = text::Cleanup(marked.text).text;
      while (!clean.empty() && clean.back() == '\n') clean.pop_back();
      spoken = normalizer.Normalize(clean).spoken;
    }
    std::vector<pronounce::Word> words = pronouncer.Words(spoken, options.tones);
    ApplyForcedReadings(marked.text, marked.marks.readings, words);
    std::cout << Render(words, options.align) << '\n';
    if (options.explain) Explain(words, std::cout);
    std::cout.flush();
  }
}

}  // namespace

CLI::App* AddPinyinCommand(CLI::App& app) {
  auto options = std::make_shared<PinyinOptions>();
  CLI::App* command = app.add_subcommand(
      "pinyin", "Print the tone-numbered pinyin langdu would say, one line per input line");
  command
      ->add_option("file", options->input,
                   "text file (any supported encoding), or - for UTF-8 standard input")
      ->capture_default_str();
  command->add_flag("--align", options->align,
                    "One token per code point of the text as spoken (with --no-normalize: as "
                    "written): the syllable of a Han character, the "
                    "character itself otherwise, _ for white space");
  const std::map<std::string, pronounce::ToneMode> tones = {
      {"spoken", pronounce::ToneMode::kSpoken}, {"citation", pronounce::ToneMode::kCitation}};
  command->add_option("--tones", options->tones, "spoken (after tone sandhi) or citation")
      ->transform(CLI::CheckedTransformer(tones, CLI::ignore_case))
      ->default_str("spoken");
  command->add_flag(
      "--explain", options->explain,
      "After each line, show each polyphone decision and tone change with its reason");
  command
      ->add_option("--lexicon", options->lexicon,
                   "User lexicon: TSV (word<TAB>pin1 yin1) or PLS with alphabet=\"x-pinyin\"")
      ->check(CLI::ExistingFile);
  command->add_flag("--normalize,!--no-normalize", options->normalize,
                    "Pinyin of the line as written, without text normalization (numbers, dates, "
                    "symbols stay as they are)");
  AddNormalizeOptions(*command, options->reading);
  AddInputOptions(*command, options->read);
  command->callback([options] { Run(*options); });
  return command;
}

}  // namespace langdu::cli
