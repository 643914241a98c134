#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/speech_script.h"
#include "core/spoken_text.h"

namespace langdu::pronounce {

class ExtraReadings;
class Lexicon;
class PolyphoneModel;
class Simplifier;
struct Segment;
struct UserLexicon;

struct PronounceOptions {
  /// Folder holding voices/ (the lexicon is voices/lexicon/zh.lex). Empty: core::DataDir().
  std::filesystem::path data_dir;
  /// A user lexicon (TSV or PLS, see UserLexicon) whose words win over the built-in ones; empty:
  /// none.
  std::filesystem::path user_lexicon;
};

/// Which tones Words() writes.
enum class ToneMode {
  kSpoken,    ///< after tone sandhi: what the narrator says (一个 yi2 ge4, 你好 ni2 hao3)
  kCitation,  ///< dictionary tones (一个 yi1 ge4, 你好 ni3 hao3)
};

/// What a word of the input is.
enum class WordKind {
  kHan,     ///< Han characters, read as pinyin
  kLatin,   ///< ASCII letters (an English word or an acronym)
  kNumber,  ///< ASCII digits, with '.', ',' or ':' between digits
  kSpace,   ///< white space
  kSymbol,  ///< any other single code point (punctuation, symbols)
};

/// One word of the input and how it is read.
struct Word {
  WordKind kind = WordKind::kSymbol;
  std::string text;        ///< exactly as written in the input (traditional characters kept)
  std::size_t offset = 0;  ///< byte offset of `text` in the input
  /// kHan: one tone-numbered syllable per character ("hang2", 'ü' as 'v', 5 = neutral); an
  /// unknown character keeps its own text.
  std::vector<std::string> syllables;
  /// kHan: per character, why its reading was chosen (lexicon word, context rule, tone change);
  /// empty where there was no choice to make (a character with one reading and no tone change).
  std::vector<std::string> reasons;
};

/// Decides what is said for Mandarin text: words by maximum probability over the lexicon, the
/// reading of each polyphone, tone sandhi; Latin words and acronyms go to the English voice.
class Pronouncer {
 public:
  /// Loads the lexicon (shared between pronouncers with the same data folder) and the user
  /// lexicon. Throws core::Error(kData) when a file is missing or invalid.
  explicit Pronouncer(PronounceOptions options = {});
  ~Pronouncer();
  Pronouncer(Pronouncer&&) noexcept;
  Pronouncer& operator=(Pronouncer&&) noexcept;

  /// The words of `text` (one line or sentence, valid UTF-8) with their readings; the words'
  /// texts concatenate to `text`.
  std::vector<Word> Words(std::string_view text, ToneMode mode = ToneMode::kSpoken) const;

  /// What exactly will be said for one sentence: clauses split at the punctuation table, each
  /// with its pause class, its runs by language (Mandarin runs as toned pinyin separated by
  /// spaces), and its source text for captions.
  core::SpeechScript Script(const core::SpokenText& text) const;

  /// True when the character (UTF-8) has more than one reading in the lexicon.
  bool IsPolyphone(std::string_view character) const;

 private:
  struct HanRun;  // a run of Han characters between preparation and its tones
  HanRun PrepareHanRun(std::string_view text, std::size_t offset, std::size_t position) const;
  std::vector<HanRun> DecideByModel(std::u32string_view sentence, std::vector<HanRun> runs) const;
  std::vector<Word> FinishHanRun(HanRun run, ToneMode mode) const;
  // The readings the model may choose from for `character`: `reading` (the lexicon word's, when
  // not empty), the lexicon's, the context rules' and the extra readings, those the model knows.
  std::vector<std::string> Candidates(const std::string& character,
                                      const std::string& reading) const;
  // True when the lexicon word `segment` is a common word and the particle 着, 了 or 过 (笼罩着):
  // a rare word only by its suffix, read as reliably as the common word, so the model does not
  // overrule it.
  bool IsCommonWordWithParticle(const std::vector<std::string>& characters,
                                const Segment& segment) const;

  PronounceOptions options_;
  std::shared_ptr<const Lexicon> lexicon_;
  std::shared_ptr<const UserLexicon> fixes_;
  std::shared_ptr<const UserLexicon> user_;
  std::shared_ptr<const Simplifier> simplifier_;
  std::shared_ptr<const PolyphoneModel> model_;
  std::shared_ptr<const ExtraReadings> extra_readings_;
};

/// The folder holding voices/: `configured` when set, else core::DataDir() ($LANGDU_DATA_DIR,
/// the installed tree beside the binary, or the source tree langdu was built from).
std::filesystem::path ResolveDataDir(const std::filesystem::path& configured);

}  // namespace langdu::pronounce
