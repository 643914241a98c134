#include "pronounce/user_lexicon.h"

#include <fstream>
#include <iterator>
#include <optional>

#include "core/error.h"
#include "core/utf8.h"
#include "pronounce/syllable.h"

// GCC 12 at -O3 reports a false -Wrestrict inside libstdc++ (char_traits.h, memcpy "may
// overlap") for `"literal" + std::string` here: GCC bug 105329. Silenced in this file only.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

namespace langdu::pronounce {
namespace {

[[noreturn]] void Fail(std::string_view where, int line, const std::string& what) {
  throw core::Error(core::ErrorKind::kData,
                    std::string(where) + ":" + std::to_string(line) + ": " + what);
}

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// Checks a word and its pinyin and adds them; `line` is where they were written.
void AddWord(UserLexicon& lexicon, std::string_view word, std::string_view pinyin,
             std::string_view where, int line) {
  if (word.empty()) Fail(where, line, "empty word");
  std::vector<std::string> syllables;
  std::size_t pos = 0;
  while (pos < pinyin.size()) {
    const std::size_t begin = pinyin.find_first_not_of(" \t", pos);
    if (begin == std::string_view::npos) break;
    std::size_t end = pinyin.find_first_of(" \t", begin);
    if (end == std::string_view::npos) end = pinyin.size();
    const std::string_view written = pinyin.substr(begin, end - begin);
    std::optional<std::string> syllable = NormalizeSyllable(written);
    if (!syllable) Fail(where, line, "\"" + std::string(written) + "\" is not a pinyin syllable");
    syllables.push_back(std::move(*syllable));
    pos = end;
  }
  const std::size_t characters = core::CodePointCount(word);
  if (syllables.size() != characters) {
    Fail(where, line,
         "\"" + std::string(word) + "\" has " + std::to_string(characters) + " characters but " +
             std::to_string(syllables.size()) + " syllables");
  }
  lexicon.words[std::string(word)] = std::move(syllables);
}

UserLexicon ParseTsv(std::string_view text, std::string_view where) {
  UserLexicon lexicon;
  int line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line;
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view row = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (row.empty() || row[0] == '#') continue;
    const std::size_t tab = row.find('\t');
    if (tab == std::string_view::npos) Fail(where, line, "expected word<TAB>pinyin");
    AddWord(lexicon, Trim(row.substr(0, tab)), Trim(row.substr(tab + 1)), where, line);
  }
  return lexicon;
}

// A minimal reader for the subset of XML that PLS files use: elements, attributes, text,
// comments, the XML declaration and the five predefined entities.
class PlsReader {
 public:
  PlsReader(std::string_view text, std::string_view where) : text_(text), where_(where) {}

  UserLexicon Read() {
    UserLexicon lexicon;
    bool in_lexicon = false;
    std::vector<std::string> graphemes;
    std::optional<std::string> phoneme;
    int lexeme_line = 0;
    while (SkipToTag()) {
      const int line = line_;
      const std::string name = TagName();
      const std::string attributes = TagRest();
      if (name == "lexicon") {
        const std::optional<std::string> alphabet = Attribute(attributes, "alphabet");
        if (alphabet != "x-pinyin") {
          Fail(where_, line, "alphabet \"" + alphabet.value_or("") + "\" is not \"x-pinyin\"");
        }
        in_lexicon = true;
      } else if (!in_lexicon) {
        Fail(where_, line, "expected <lexicon>");
      } else if (name == "lexeme") {
        graphemes.clear();
        phoneme.reset();
        lexeme_line = line;
      } else if (name == "/lexeme") {
        if (graphemes.empty()) Fail(where_, lexeme_line, "lexeme without <grapheme>");
        if (!phoneme) Fail(where_, lexeme_line, "lexeme without <phoneme>");
        for (const std::string& grapheme : graphemes) {
          AddWord(lexicon, grapheme, *phoneme, where_, lexeme_line);
        }
      } else if (name == "grapheme") {
        graphemes.push_back(ElementText("grapheme"));
      } else if (name == "phoneme") {
        const std::optional<std::string> alphabet = Attribute(attributes, "alphabet");
        if (alphabet && *alphabet != "x-pinyin") {
          Fail(where_, line, "alphabet \"" + *alphabet + "\" is not \"x-pinyin\"");
        }
        std::string text = ElementText("phoneme");
        if (!phoneme) phoneme = std::move(text);  // the first phoneme is the preferred one
      } else if (name == "alias") {
        Fail(where_, line, "<alias> is not supported");
      } else if (name == "example") {
        ElementText("example");  // examples are not needed to read the word
      }
    }
    if (!in_lexicon) Fail(where_, line_, "expected <lexicon>");
    return lexicon;
  }

 private:
  // Moves past text and comments to the next element tag; false at the end.
  bool SkipToTag() {
    while (pos_ < text_.size()) {
      if (text_[pos_] != '<') {
        Advance(1);
      } else if (text_.substr(pos_, 4) == "<!--") {
        const std::size_t end = text_.find("-->", pos_);
        if (end == std::string_view::npos) Fail(where_, line_, "unterminated comment");
        Advance(end + 3 - pos_);
      } else if (text_.substr(pos_, 2) == "<?" || text_.substr(pos_, 2) == "<!") {
        const std::size_t end = text_.find('>', pos_);
        if (end == std::string_view::npos) Fail(where_, line_, "unterminated declaration");
        Advance(end + 1 - pos_);
      } else {
        Advance(1);
        return true;
      }
    }
    return false;
  }

  std::string TagName() {
    const std::size_t end = text_.find_first_of(" \t\r\n/>", pos_ + 1);
    if (end == std::string_view::npos) Fail(where_, line_, "unterminated tag");
    std::string name(text_.substr(pos_, end - pos_));
    Advance(end - pos_);
    // A namespace prefix (pls:lexeme) does not change the element.
    const std::size_t colon = name.find(':');
    if (colon != std::string::npos) name = (name[0] == '/' ? "/" : "") + name.substr(colon + 1);
    return name;
  }

  std::string TagRest() {
    const std::size_t end = text_.find('>', pos_);
    if (end == std::string_view::npos) Fail(where_, line_, "unterminated tag");
    std::string rest(text_.substr(pos_, end - pos_));
    Advance(end + 1 - pos_);
    return rest;
  }

  static std::optional<std::string> Attribute(std::string_view attributes, std::string_view name) {
    std::size_t pos = 0;
    while ((pos = attributes.find(name, pos)) != std::string_view::npos) {
      const bool starts = pos == 0 || attributes[pos - 1] == ' ' || attributes[pos - 1] == '\t' ||
                          attributes[pos - 1] == '\n' || attributes[pos - 1] == '\r';
      std::size_t eq = attributes.find_first_not_of(" \t\r\n", pos + name.size());
      if (!starts || eq == std::string_view::npos || attributes[eq] != '=') {
        pos += name.size();
        continue;
      }
      const std::size_t quote = attributes.find_first_of("\"'", eq + 1);
      if (quote == std::string_view::npos) return std::nullopt;
      const std::size_t close = attributes.find(attributes[quote], quote + 1);
      if (close == std::string_view::npos) return std::nullopt;
      return std::string(attributes.substr(quote + 1, close - quote - 1));
    }
    return std::nullopt;
  }

  // The text up to the closing tag of `name`, entities decoded.
  std::string ElementText(std::string_view name) {
    const int line = line_;
    std::string text;
    while (pos_ < text_.size() && text_[pos_] != '<') {
      if (text_[pos_] == '&') {
        const std::size_t semicolon = text_.find(';', pos_);
        const std::string_view entity =
            semicolon == std::string_view::npos ? "" : text_.substr(pos_, semicolon - pos_ + 1);
        constexpr std::pair<std::string_view, char> kEntities[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        bool known = false;
        for (const auto& [spelling, character] : kEntities) {
          if (entity == spelling) {
            text += character;
            Advance(entity.size());
            known = true;
            break;
          }
        }
        if (!known) Fail(where_, line_, "unknown entity");
      } else {
        text += text_[pos_];
        Advance(1);
      }
    }
    const std::string closing = "</" + std::string(name) + ">";
    if (text_.substr(pos_, closing.size()) != closing) {
      Fail(where_, line, "<" + std::string(name) + "> must hold text only");
    }
    Advance(closing.size());
    return std::string(Trim(text));
  }

  void Advance(std::size_t count) {
    for (std::size_t i = 0; i < count && pos_ < text_.size(); ++i, ++pos_) {
      if (text_[pos_] == '\n') ++line_;
    }
  }

  std::string_view text_;
  std::string_view where_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

UserLexicon UserLexicon::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::Error(core::ErrorKind::kData, path.string() + ": cannot read the lexicon");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return Parse(text, path.string());
}

UserLexicon UserLexicon::Parse(std::string_view text, std::string_view where) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '<') return PlsReader(text, where).Read();
  return ParseTsv(text, where);
}

}  // namespace langdu::pronounce
