#include "pronounce/pronouncer.h"

#include <unicode/uchar.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "core/error.h"
#include "core/utf8.h"
#include "pronounce/lexicon.h"
#include "pronounce/polyphone_rules.h"
#include "pronounce/segmenter.h"
#include "pronounce/tone_sandhi.h"
#include "pronounce/traditional.h"
#include "pronounce/user_lexicon.h"

#ifndef LANGDU_DATA_DIR
#define LANGDU_DATA_DIR "."
#endif

namespace langdu::pronounce {
namespace {

bool IsLatinLetter(char32_t cp) { return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z'); }

using core::IsDigit;
// Spoken text may still hold a line break (a wrapped line kept by a reader): it separates words.
constexpr bool IsSpace(char32_t cp) { return core::IsWhiteSpace(cp); }

// Text the engine speaks in a Mandarin run: Han characters, and digits that normalization left
// (they are read by the voice's own rules).
bool IsSpeakable(char32_t cp) { return core::IsHan(cp) || IsDigit(cp); }

bool IsAcronym(const std::string& word) {
  if (word.size() < 2 || word.size() > 6) return false;
  for (char c : word) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// The lexicon files of one data folder are read once per process.
template <typename T, typename Load>
std::shared_ptr<const T> Cached(const std::filesystem::path& path, Load load) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::shared_ptr<const T>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[path];
  if (!slot) slot = std::make_shared<const T>(load(path));
  return slot;
}

std::string Join(const std::vector<std::string>& parts, std::size_t begin, std::size_t end) {
  std::string joined;
  for (std::size_t i = begin; i < end; ++i) joined += parts[i];
  return joined;
}

std::string Describe(SegmentSource source, const std::string& word) {
  switch (source) {
    case SegmentSource::kUser:
      return "user lexicon: " + word;
    case SegmentSource::kFix:
      return "langdu fix: " + word;
    case SegmentSource::kLexicon:
      return "word " + word;
    case SegmentSource::kUnknown:
      return "unknown character";
  }
  return {};
}

// What reaches here is neither Han, a digit nor an ASCII letter. Punctuation, spaces, controls
// and combining marks are silent by design; anything else (a symbol such as ♥ or ©, an emoji,
// a letter of another script) is something the author wrote that nobody will hear.
bool IsUnread(char32_t cp) {
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_CONNECTOR_PUNCTUATION:
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return false;
    default:
      return true;
  }
}

// Longest stretch without punctuation given to the engine in one call (about 25 s of speech).
constexpr std::size_t kMaxClauseCodePoints = 100;

// Builds the runs of one clause, one code point at a time.
class ClauseBuilder {
 public:
  /// `unread` collects the characters nothing reads; it must outlive the builder.
  ClauseBuilder(const Pronouncer& pronouncer, std::vector<std::string>& unread)
      : pronouncer_(pronouncer), unread_(unread) {}

  void Add(char32_t cp) {
    if (IsLatinLetter(cp)) {
      if (language_ != core::Language::kEnglish) FlushRun();
      language_ = core::Language::kEnglish;
      run_ += core::EncodeUtf8(cp);
    } else if (IsSpeakable(cp)) {
      if (language_ != core::Language::kMandarin) FlushRun();
      language_ = core::Language::kMandarin;
      run_ += core::EncodeUtf8(cp);
    } else {
      // A space or a mark with no pause of its own (quotes, brackets): it separates runs.
      FlushRun();
      if (IsUnread(cp)) unread_.push_back(core::EncodeUtf8(cp));
    }
  }

  core::SpeechClause Finish(core::Pause pause, char mark) {
    FlushRun();
    core::SpeechClause clause;
    clause.runs = std::move(runs_);
    clause.pause_after = pause;
    clause.engine_mark = clause.runs.empty() ? '\0' : mark;
    runs_.clear();
    return clause;
  }

 private:
  // The engine input of a Mandarin run: toned syllables (and digit groups) separated by spaces.
  std::string Pinyin(const std::string& run) const {
    std::string pinyin;
    for (const Word& word : pronouncer_.Words(run, ToneMode::kSpoken)) {
      if (word.kind == WordKind::kHan) {
        for (const std::string& syllable : word.syllables) {
          if (!pinyin.empty()) pinyin += ' ';
          pinyin += syllable;
          // A character with no known reading keeps its own text (it is not ASCII pinyin).
          if (!syllable.empty() && static_cast<unsigned char>(syllable[0]) >= 0x80) {
            unread_.push_back(syllable);
          }
        }
      } else if (word.kind != WordKind::kSpace) {
        if (!pinyin.empty()) pinyin += ' ';
        pinyin += word.text;
      }
    }
    return pinyin;
  }

  void FlushRun() {
    if (run_.empty()) return;
    const bool spell = language_ == core::Language::kEnglish && IsAcronym(run_);
    std::string text = language_ == core::Language::kMandarin ? Pinyin(run_) : run_;
    if (!runs_.empty() && runs_.back().language == language_ && !runs_.back().spell && !spell) {
      runs_.back().text += ' ';
      runs_.back().text += text;
    } else {
      runs_.push_back(core::SpeechRun{language_, std::move(text), spell});
    }
    run_.clear();
  }

  const Pronouncer& pronouncer_;
  std::vector<std::string>& unread_;
  core::Language language_ = core::Language::kMandarin;
  std::string run_;
  std::vector<core::SpeechRun> runs_;
};

}  // namespace

std::filesystem::path ResolveDataDir(const std::filesystem::path& configured) {
  if (!configured.empty()) return configured;
  if (const char* env = std::getenv("LANGDU_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return LANGDU_DATA_DIR;
}

Pronouncer::Pronouncer(PronounceOptions options) : options_(std::move(options)) {
  const std::filesystem::path lexicon_dir =
      ResolveDataDir(options_.data_dir) / "voices" / "lexicon";
  lexicon_ = Cached<Lexicon>(lexicon_dir / "zh.lex", Lexicon::Load);
  fixes_ = Cached<UserLexicon>(lexicon_dir / "zh-fixes.tsv", UserLexicon::Load);
  user_ = options_.user_lexicon.empty()
              ? std::make_shared<const UserLexicon>()
              : std::make_shared<const UserLexicon>(UserLexicon::Load(options_.user_lexicon));
  static std::mutex mutex;
  static std::weak_ptr<const Simplifier> shared;
  std::lock_guard lock(mutex);
  simplifier_ = shared.lock();
  if (!simplifier_) {
    simplifier_ = std::make_shared<const Simplifier>();
    shared = simplifier_;
  }
}

Pronouncer::~Pronouncer() = default;
Pronouncer::Pronouncer(Pronouncer&&) noexcept = default;
Pronouncer& Pronouncer::operator=(Pronouncer&&) noexcept = default;

bool Pronouncer::IsPolyphone(std::string_view character) const {
  return lexicon_->Readings(character).size() > 1;
}

std::vector<Word> Pronouncer::Words(std::string_view text, ToneMode mode) const {
  std::vector<Word> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t begin = pos;
    const char32_t cp = core::NextCodePoint(text, pos);
    // Extends the word while `belongs` holds for the next code point.
    const auto extend = [&](auto belongs) {
      while (pos < text.size()) {
        std::size_t next = pos;
        const char32_t following = core::NextCodePoint(text, next);
        if (!belongs(following, next)) break;
        pos = next;
      }
    };
    if (core::IsHan(cp)) {
      extend([](char32_t c, std::size_t) { return core::IsHan(c); });
      std::vector<Word> han = ReadHanRun(text.substr(begin, pos - begin), begin, mode);
      words.insert(words.end(), std::make_move_iterator(han.begin()),
                   std::make_move_iterator(han.end()));
      continue;
    }
    Word word;
    if (IsLatinLetter(cp)) {
      word.kind = WordKind::kLatin;
      extend([](char32_t c, std::size_t) { return IsLatinLetter(c); });
    } else if (IsDigit(cp)) {
      word.kind = WordKind::kNumber;
      extend([&](char32_t c, std::size_t next) {
        return IsDigit(c) || ((c == U'.' || c == U',' || c == U':') && next < text.size() &&
                              IsDigit(static_cast<unsigned char>(text[next])));
      });
    } else if (IsSpace(cp)) {
      word.kind = WordKind::kSpace;
      extend([](char32_t c, std::size_t) { return IsSpace(c); });
    }
    word.text = std::string(text.substr(begin, pos - begin));
    word.offset = begin;
    words.push_back(std::move(word));
  }
  return words;
}

std::vector<Word> Pronouncer::ReadHanRun(std::string_view text, std::size_t offset,
                                         ToneMode mode) const {
  std::vector<std::string> original;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    core::NextCodePoint(text, pos);
    original.emplace_back(text.substr(begin, pos - begin));
  }
  const std::vector<std::string> simplified = simplifier_->Simplify(original);
  const std::vector<Segment> segments =
      SegmentRun(simplified, original, Dictionaries{*user_, *fixes_, *lexicon_});
  const std::vector<int> prosodic = ProsodicWords(simplified, segments);

  std::vector<ToneUnit> units;
  std::vector<bool> explain;  // per character: a choice worth showing with --explain
  for (std::size_t w = 0; w < segments.size(); ++w) {
    const Segment& segment = segments[w];
    const bool single = segment.end - segment.begin == 1;
    const std::string written = Join(original, segment.begin, segment.end);
    for (std::size_t i = segment.begin; i < segment.end; ++i) {
      ToneUnit unit;
      unit.character = simplified[i];
      unit.word = static_cast<int>(w);
      unit.prosodic_word = prosodic[i];
      unit.settled = !single;
      const bool polyphone = IsPolyphone(simplified[i]);
      if (!segment.syllables.empty()) unit.syllable = segment.syllables[i - segment.begin];
      unit.reason = Describe(segment.source, written);
      if (single && segment.source == SegmentSource::kLexicon) {
        const std::optional<RuleChoice> choice = ChooseByContext(
            simplified[i], Join(simplified, 0, i), Join(simplified, i + 1, simplified.size()));
        if (choice) {
          unit.syllable = std::string(choice->reading);
          unit.reason = "rule: " + std::string(choice->reason);
        } else {
          unit.reason = "default reading";
        }
      }
      explain.push_back(polyphone || segment.source == SegmentSource::kUser ||
                        segment.source == SegmentSource::kFix ||
                        segment.source == SegmentSource::kUnknown);
      units.push_back(std::move(unit));
    }
  }
  std::vector<std::string> before_sandhi;
  for (const ToneUnit& unit : units) before_sandhi.push_back(unit.syllable);
  units = mode == ToneMode::kSpoken ? ApplyToneSandhi(std::move(units))
                                    : ToCitationTones(std::move(units));

  std::vector<Word> words;
  std::size_t byte = offset;
  for (const Segment& segment : segments) {
    Word word;
    word.kind = WordKind::kHan;
    word.offset = byte;
    word.text = Join(original, segment.begin, segment.end);
    byte += word.text.size();
    for (std::size_t i = segment.begin; i < segment.end; ++i) {
      const ToneUnit& unit = units[i];
      word.syllables.push_back(unit.syllable.empty() ? original[i] : unit.syllable);
      const bool changed = unit.syllable != before_sandhi[i];
      word.reasons.push_back(explain[i] || changed ? unit.reason : std::string());
    }
    words.push_back(std::move(word));
  }
  return words;
}

core::SpeechScript Pronouncer::Script(const core::SpokenText& text) const {
  core::SpeechScript script;
  const std::string& spoken = text.spoken;
  ClauseBuilder builder(*this, script.unread);
  std::size_t clause_begin = 0;
  std::size_t pos = 0;
  const auto emit = [&](core::Pause pause, char mark, std::size_t end) {
    core::SpeechClause clause = builder.Finish(pause, mark);
    const std::size_t source_begin = text.SourceOffset(clause_begin);
    const std::size_t source_end = text.SourceOffset(end, /*at_end=*/true);
    if (source_end > source_begin) {
      clause.display_text = text.source.substr(source_begin, source_end - source_begin);
    }
    if (!clause.runs.empty()) {
      script.clauses.push_back(std::move(clause));
    } else if (!script.clauses.empty()) {
      // Punctuation with nothing to say before it (a closing quote, "……" after "。"): it belongs
      // to the clause before, and the longer pause wins.
      core::SpeechClause& last = script.clauses.back();
      last.display_text += clause.display_text;
      if (pause != core::Pause::kNone && pause > last.pause_after) last.pause_after = pause;
    }
    clause_begin = end;
  };
  std::size_t clause_code_points = 0;
  while (pos < spoken.size()) {
    // A clause with no punctuation for a long stretch is cut, so that the engine's output for one
    // call stays small (memory stays flat whatever the input): at a space or a change of script
    // when there is one, else anywhere.
    if (clause_code_points >= kMaxClauseCodePoints) {
      std::size_t peek = pos;
      const char32_t next = core::NextCodePoint(spoken, peek);
      const bool boundary = IsSpace(next) || !core::IsHan(next);
      if (boundary || clause_code_points >= 2 * kMaxClauseCodePoints) {
        emit(core::Pause::kNone, ',', pos);
        clause_code_points = 0;
      }
    }
    const char32_t cp = core::NextCodePoint(spoken, pos);
    ++clause_code_points;
    const core::PunctuationClass* punctuation = core::FindPunctuation(cp);
    // "." between digits or letters is a decimal point or part of a name, not a full stop.
    const bool inside_token =
        cp == U'.' && pos < spoken.size() && !IsSpace(spoken[pos]) &&
        core::FindPunctuation(static_cast<unsigned char>(spoken[pos])) == nullptr;
    if (punctuation == nullptr || inside_token) {
      builder.Add(cp);
      continue;
    }
    // Keep repeated marks (……, ？！) and the closers after them with this clause.
    std::size_t end = pos;
    while (end < spoken.size()) {
      std::size_t next = end;
      const char32_t following = core::NextCodePoint(spoken, next);
      if (core::FindPunctuation(following) == nullptr && !core::IsCloser(following)) break;
      end = next;
    }
    emit(punctuation->pause, punctuation->engine_mark, end);
    clause_code_points = 0;
    pos = end;
  }
  if (clause_begin < spoken.size()) emit(core::Pause::kNone, '.', spoken.size());
  return script;
}

}  // namespace langdu::pronounce
