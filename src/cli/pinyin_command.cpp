#include "cli/pinyin_command.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

#include "core/error.h"
#include "core/utf8.h"
#include "pronounce/pronouncer.h"

namespace langdu::cli {
namespace {

struct PinyinOptions {
  std::string input = "-";
  bool align = false;
  pronounce::ToneMode tones = pronounce::ToneMode::kSpoken;
  bool explain = false;
  std::string lexicon;
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

// The input as UTF-8 (this command reads UTF-8 only; the narration pipeline decodes other
// encodings). Throws core::Error naming file, line and byte for invalid UTF-8.
std::string ReadInput(const std::string& input) {
  std::string bytes;
  if (input == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(input, std::ios::binary);
    if (!in) throw core::Error(core::ErrorKind::kInputMissing, input + ": cannot read the file");
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  int line = 1;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const std::size_t length = SequenceLength(bytes, pos);
    if (length == 0) {
      throw core::Error(core::ErrorKind::kInputDecode,
                        (input == "-" ? "<stdin>" : input) + ":" + std::to_string(line) +
                            ": invalid UTF-8 at byte " + std::to_string(pos));
    }
    if (bytes[pos] == '\n') ++line;
    pos += length;
  }
  return bytes;
}

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

void Run(const PinyinOptions& options) {
  pronounce::PronounceOptions pronounce_options;
  pronounce_options.user_lexicon = options.lexicon;
  const pronounce::Pronouncer pronouncer(pronounce_options);
  const std::string text = ReadInput(options.input);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    const std::vector<pronounce::Word> words = pronouncer.Words(line, options.tones);
    std::cout << Render(words, options.align) << '\n';
    if (options.explain) Explain(words, std::cout);
    pos = end + 1;
  }
}

}  // namespace

CLI::App* AddPinyinCommand(CLI::App& app) {
  auto options = std::make_shared<PinyinOptions>();
  CLI::App* command = app.add_subcommand(
      "pinyin", "Print the tone-numbered pinyin langdu would say, one line per input line");
  command->add_option("file", options->input, "UTF-8 text file, or - for standard input")
      ->capture_default_str();
  command->add_flag("--align", options->align,
                    "One token per input code point: the syllable of a Han character, the "
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
  command->callback([options] { Run(*options); });
  return command;
}

}  // namespace langdu::cli
