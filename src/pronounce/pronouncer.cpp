#include "pronounce/pronouncer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "core/data_dir.h"
#include "core/error.h"
#include "core/utf8.h"
#include "pronounce/extra_readings.h"
#include "pronounce/lexicon.h"
#include "pronounce/polyphone_model.h"
#include "pronounce/polyphone_rules.h"
#include "pronounce/segmenter.h"
#include "pronounce/syllable.h"
#include "pronounce/tone_sandhi.h"
#include "pronounce/traditional.h"
#include "pronounce/user_lexicon.h"

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

constexpr char32_t kWhiteCircle = U'\u25CB';  // ○, often typed for 〇

bool IsChineseNumeral(char32_t cp) {
  return std::u32string_view(U"零〇一二三四五六七八九十百千万亿两").find(cp) !=
         std::u32string_view::npos;
}

// True when the ○ at [begin, end) of `text` stands for the zero 〇: a run of ○ and Chinese
// numerals around it holds at least one numeral (二○一九, 一○一). Alone (○○同志) it is a symbol.
bool IsCircleZero(std::string_view text, std::size_t begin, std::size_t end) {
  for (std::size_t pos = end; pos < text.size();) {
    const char32_t cp = core::NextCodePoint(text, pos);
    if (IsChineseNumeral(cp)) return true;
    if (cp != kWhiteCircle) break;
  }
  std::size_t pos = begin;
  while (pos > 0) {
    std::size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t next = start;
    const char32_t cp = core::NextCodePoint(text, next);
    if (IsChineseNumeral(cp)) return true;
    if (cp != kWhiteCircle) break;
    pos = start;
  }
  return false;
}

char32_t FirstCodePoint(std::string_view utf8) {
  std::size_t pos = 0;
  return core::NextCodePoint(utf8, pos);
}

// "93%", for --explain.
std::string Percent(double probability) {
  return std::to_string(static_cast<int>(std::lround(probability * 100.0))) + "%";
}

// Whether a context rule decides before the model. Measured on the development set: TODO.
// A lexicon word of three characters this rare (unigram probability below e^-23, about 1e-10)
// gives way to the model when the model is all but sure (kOverruleWord) of another reading of one
// of its polyphones. Measured on the development set, such words are mostly names and
// transliterations that the lexicon reads wrong (勃艮第 bo2 gen4 di4: the model is right in 34 of
// 35 disagreements). Rare two-character words are as often colloquial verb phrases that the model,
// trained on encyclopedia text, misreads (塞进 sai1, 背着 bei1), so they keep their readings.
constexpr int kRareWordCost = 230;
constexpr std::size_t kOverruledWordLength = 3;
constexpr double kOverruleWord = 0.995;

// Whether the model may change the reading `unit` has in the lexicon word `segment`: a rare word
// of three characters, a polyphone that no context rule covers (the model misreads the particles
// and 为), not 一 or 不 (their tones are the sandhi rules' business) and not a neutral tone (the
// model was trained on citation tones).
bool MayOverruleWord(const Segment& segment, const ToneUnit& unit) {
  return segment.end - segment.begin == kOverruledWordLength && segment.cost >= kRareWordCost &&
         !unit.syllable.empty() && ToneOf(unit.syllable) != 5 && unit.character != "一" &&
         unit.character != "不" && RuleReadings(unit.character).empty();
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

// The syllable of each Han character of a sentence, by the byte offset where it starts: the
// sentence is read as a whole (the model sees all of it) before it is cut into clauses.
std::vector<const std::string*> SyllablesByOffset(const std::vector<Word>& words,
                                                  std::size_t size) {
  std::vector<const std::string*> syllables(size, nullptr);
  for (const Word& word : words) {
    if (word.kind != WordKind::kHan) continue;
    std::size_t pos = 0;
    for (const std::string& syllable : word.syllables) {
      syllables[word.offset + pos] = &syllable;
      core::NextCodePoint(word.text, pos);
    }
  }
  return syllables;
}

// Builds the runs of one clause, one code point at a time.
class ClauseBuilder {
 public:
  /// `syllables` gives the reading of each Han character by byte offset; `unread` collects the
  /// characters nothing reads. Both must outlive the builder.
  ClauseBuilder(const std::vector<const std::string*>& syllables, std::vector<std::string>& unread)
      : syllables_(syllables), unread_(unread) {}

  /// Adds the code point that starts at byte `offset` of the sentence.
  void Add(char32_t cp, std::size_t offset) {
    if (IsLatinLetter(cp)) {
      if (language_ != core::Language::kEnglish) FlushRun();
      language_ = core::Language::kEnglish;
      run_ += core::EncodeUtf8(cp);
    } else if (IsSpeakable(cp) || syllables_[offset] != nullptr) {  // ○ read as 〇 too
      if (language_ != core::Language::kMandarin) FlushRun();
      language_ = core::Language::kMandarin;
      AddMandarin(cp, offset);
    } else {
      // A space or a mark with no pause of its own (quotes, brackets): it separates runs.
      FlushRun();
      if (IsUnread(cp)) unread_.push_back(core::EncodeUtf8(cp));
    }
  }

  // The author's reading: said as written, whatever the lexicon says.
  void AddForced(const std::vector<std::string>& syllables) {
    FlushRun();
    std::string text;
    for (const std::string& syllable : syllables) {
      if (!text.empty()) text += ' ';
      text += syllable;
    }
    if (text.empty()) return;
    if (!runs_.empty() && runs_.back().language == core::Language::kMandarin) {
      runs_.back().text += ' ';
      runs_.back().text += text;
    } else {
      runs_.push_back(core::SpeechRun{core::Language::kMandarin, std::move(text), false});
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
  void AddMandarin(char32_t cp, std::size_t offset) {
    const bool digit = IsDigit(cp);
    if (digit && previous_digit_) {
      run_ += core::EncodeUtf8(cp);
      return;
    }
    previous_digit_ = digit;
    if (!run_.empty()) run_ += ' ';
    const std::string* syllable = syllables_[offset];
    if (digit || syllable == nullptr) {
      run_ += core::EncodeUtf8(cp);
      return;
    }
    run_ += *syllable;
    // A character with no known reading keeps its own text (it is not ASCII pinyin).
    if (!syllable->empty() && static_cast<unsigned char>((*syllable)[0]) >= 0x80) {
      unread_.push_back(*syllable);
    }
  }

  void FlushRun() {
    previous_digit_ = false;
    if (run_.empty()) return;
    const bool spell = language_ == core::Language::kEnglish && IsAcronym(run_);
    if (!runs_.empty() && runs_.back().language == language_ && !runs_.back().spell && !spell) {
      runs_.back().text += ' ';
      runs_.back().text += run_;
    } else {
      runs_.push_back(core::SpeechRun{language_, std::move(run_), spell});
    }
    run_.clear();
  }

  const std::vector<const std::string*>& syllables_;
  std::vector<std::string>& unread_;
  core::Language language_ = core::Language::kMandarin;
  std::string run_;
  bool previous_digit_ = false;
  std::vector<core::SpeechRun> runs_;
};

}  // namespace

struct Pronouncer::HanRun {
  std::size_t offset = 0;  // byte offset of the run in the text
  std::vector<std::string> original;
  std::vector<std::string> simplified;
  std::vector<Segment> segments;
  std::vector<ToneUnit> units;           // one per character, readings before tone sandhi
  std::vector<bool> explain;             // per character: a choice worth showing with --explain
  std::vector<PolyphoneQuery> queries;   // polyphones left for the model (text positions)
  std::vector<std::size_t> query_units;  // the unit of each query
  std::vector<double> query_floor;       // the probability the model needs to change a reading
};

std::filesystem::path ResolveDataDir(const std::filesystem::path& configured) {
  if (!configured.empty()) return configured;
  return core::DataDir();
}

Pronouncer::Pronouncer(PronounceOptions options) : options_(std::move(options)) {
  const std::filesystem::path lexicon_dir =
      ResolveDataDir(options_.data_dir) / "voices" / "lexicon";
  lexicon_ = Cached<Lexicon>(lexicon_dir / "zh.lex", Lexicon::Load);
  fixes_ = Cached<UserLexicon>(lexicon_dir / "zh-fixes.tsv", UserLexicon::Load);
  extra_readings_ =
      Cached<ExtraReadings>(lexicon_dir / "zh-extra-readings.tsv", ExtraReadings::Load);
  model_ = Cached<PolyphoneModel>(
      ResolveDataDir(options_.data_dir) / "voices" / "g2pm" / "g2pm.bin", PolyphoneModel::Load);
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
  // Han runs are prepared first (segments, lexicon words, rules), the model then decides the
  // polyphones left over in one pass over the whole text, and the tones come last.
  std::vector<Word> words;
  std::vector<HanRun> runs;
  std::vector<std::size_t> run_slots;  // index in `words` where each run's words go
  std::u32string sentence;             // the text for the model (simplified characters)
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
    // A Han character, or ○ written for the zero of a Chinese number.
    const auto han_at = [&](char32_t c, std::size_t from, std::size_t to) {
      return core::IsHan(c) || (c == kWhiteCircle && IsCircleZero(text, from, to));
    };
    if (han_at(cp, begin, pos)) {
      extend([&](char32_t c, std::size_t next) {
        return han_at(c, next - core::EncodeUtf8(c).size(), next);
      });
      HanRun run = PrepareHanRun(text.substr(begin, pos - begin), begin, sentence.size());
      for (const std::string& c : run.simplified) {
        std::size_t at = 0;
        sentence += core::NextCodePoint(c, at);
      }
      run_slots.push_back(words.size());
      runs.push_back(std::move(run));
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
    for (std::size_t at = 0; at < word.text.size();) sentence += core::NextCodePoint(word.text, at);
    words.push_back(std::move(word));
  }
  runs = DecideByModel(sentence, std::move(runs));
  // Insert each run's words at its place, last run first so that earlier slots stay valid.
  for (std::size_t r = runs.size(); r-- > 0;) {
    std::vector<Word> han = FinishHanRun(std::move(runs[r]), mode);
    words.insert(words.begin() + static_cast<std::ptrdiff_t>(run_slots[r]),
                 std::make_move_iterator(han.begin()), std::make_move_iterator(han.end()));
  }
  return words;
}

std::vector<std::string> Pronouncer::Candidates(const std::string& character,
                                                const std::string& reading) const {
  std::vector<std::string> candidates;
  if (!model_) return candidates;
  const auto add = [&](std::string_view reading) {
    if (model_->KnowsReading(reading) &&
        std::find(candidates.begin(), candidates.end(), reading) == candidates.end()) {
      candidates.emplace_back(reading);
    }
  };
  if (!reading.empty()) add(reading);
  for (const std::string& listed : lexicon_->Readings(character)) add(listed);
  for (std::string_view ruled : RuleReadings(character)) add(ruled);
  for (const std::string& extra : extra_readings_->Of(character)) add(extra);
  return candidates;
}

bool Pronouncer::IsCommonWordWithParticle(const std::vector<std::string>& characters,
                                          const Segment& segment) const {
  const std::string& last = characters[segment.end - 1];
  if (last != "着" && last != "了" && last != "过") return false;
  const std::optional<LexiconEntry> stem =
      lexicon_->Find(Join(characters, segment.begin, segment.end - 1));
  return stem && stem->cost < kRareWordCost;
}

Pronouncer::HanRun Pronouncer::PrepareHanRun(std::string_view text, std::size_t offset,
                                             std::size_t position) const {
  HanRun run;
  run.offset = offset;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    core::NextCodePoint(text, pos);
    run.original.emplace_back(text.substr(begin, pos - begin));
  }
  run.simplified = simplifier_->Simplify(run.original);
  for (std::string& character : run.simplified) {
    if (character == "○") character = "〇";
  }
  const std::vector<std::string>& simplified = run.simplified;
  run.segments = SegmentRun(simplified, run.original, Dictionaries{*user_, *fixes_, *lexicon_});
  const std::vector<int> prosodic = ProsodicWords(simplified, run.segments);

  for (std::size_t w = 0; w < run.segments.size(); ++w) {
    const Segment& segment = run.segments[w];
    const bool single = segment.end - segment.begin == 1;
    const std::string written = Join(run.original, segment.begin, segment.end);
    for (std::size_t i = segment.begin; i < segment.end; ++i) {
      ToneUnit unit;
      unit.character = simplified[i];
      unit.word = static_cast<int>(w);
      unit.prosodic_word = prosodic[i];
      unit.settled = !single;
      bool explain = IsPolyphone(simplified[i]) || segment.source == SegmentSource::kUser ||
                     segment.source == SegmentSource::kFix ||
                     segment.source == SegmentSource::kUnknown;
      if (!segment.syllables.empty()) unit.syllable = segment.syllables[i - segment.begin];
      unit.reason = Describe(segment.source, written);
      if (segment.source == SegmentSource::kLexicon) {
        // Decision order for a character of a lexicon word: a common word keeps its reading; a
        // polyphone standing alone goes to the context rules, then to the model.
        std::optional<RuleChoice> rule;
        if (single) {
          rule = ChooseByContext(simplified[i], Join(simplified, 0, i),
                                 Join(simplified, i + 1, simplified.size()));
        }
        std::vector<std::string> candidates;
        if (rule) {
          unit.syllable = std::string(rule->reading);
          unit.reason = "rule: " + std::string(rule->reason);
        } else if (single || (MayOverruleWord(segment, unit) &&
                              !IsCommonWordWithParticle(simplified, segment))) {
          candidates = Candidates(simplified[i], unit.syllable);
          if (single && candidates.size() < 2) unit.reason = "default reading";
          if (candidates.size() >= 2) {
            const std::string_view alone = model_->ReadingAlone(FirstCodePoint(simplified[i]));
            if (std::find(candidates.begin(), candidates.end(), alone) == candidates.end()) {
              // The model never learned this character: its choices for it are noise.
              candidates.clear();
              if (single) {
                unit.reason = "default reading (the model was not trained on " + simplified[i] +
                              ": alone it reads " + std::string(alone) + ")";
              }
            }
          }
        }
        if (candidates.size() >= 2) {
          run.queries.push_back(PolyphoneQuery{position + i, std::move(candidates)});
          run.query_units.push_back(run.units.size());
          run.query_floor.push_back(single ? 0.0 : kOverruleWord);
          explain = true;
        }
      }
      run.explain.push_back(explain);
      run.units.push_back(std::move(unit));
    }
  }
  return run;
}

std::vector<Pronouncer::HanRun> Pronouncer::DecideByModel(std::u32string_view sentence,
                                                          std::vector<HanRun> runs) const {
  std::vector<PolyphoneQuery> queries;
  for (const HanRun& run : runs) {
    queries.insert(queries.end(), run.queries.begin(), run.queries.end());
  }
  if (queries.empty()) return runs;
  const std::vector<ModelChoice> choices = model_->Choose(sentence, queries);
  std::size_t q = 0;
  for (HanRun& run : runs) {
    for (std::size_t k = 0; k < run.queries.size(); ++k, ++q) {
      const ModelChoice& choice = choices[q];
      ToneUnit& unit = run.units[run.query_units[k]];
      const bool in_word = run.query_floor[k] > 0.0;
      if (choice.reading.empty() || choice.probability < run.query_floor[k] ||
          (in_word && choice.reading == unit.syllable)) {
        continue;
      }
      const std::string word_reading = unit.syllable;
      unit.syllable = choice.reading;
      unit.reason = "model: " + Percent(choice.probability) + ", runner-up " + choice.runner_up +
                    " " + Percent(choice.runner_up_probability) +
                    (in_word ? " (over " + unit.reason + ": " + word_reading + ")" : "");
    }
  }
  return runs;
}

std::vector<Word> Pronouncer::FinishHanRun(HanRun run, ToneMode mode) const {
  std::vector<ToneUnit>& units = run.units;
  std::vector<std::string> before_sandhi;
  for (const ToneUnit& unit : units) before_sandhi.push_back(unit.syllable);
  units = mode == ToneMode::kSpoken ? ApplyToneSandhi(std::move(units))
                                    : ToCitationTones(std::move(units));

  std::vector<Word> words;
  std::size_t byte = run.offset;
  for (const Segment& segment : run.segments) {
    Word word;
    word.kind = WordKind::kHan;
    word.offset = byte;
    word.text = Join(run.original, segment.begin, segment.end);
    byte += word.text.size();
    for (std::size_t i = segment.begin; i < segment.end; ++i) {
      const ToneUnit& unit = units[i];
      word.syllables.push_back(unit.syllable.empty() ? run.original[i] : unit.syllable);
      const bool changed = unit.syllable != before_sandhi[i];
      word.reasons.push_back(run.explain[i] || changed ? unit.reason : std::string());
    }
    words.push_back(std::move(word));
  }
  return words;
}

core::SpeechScript Pronouncer::Script(const core::SpokenText& text) const {
  core::SpeechScript script;
  const std::string& spoken = text.spoken;
  const std::vector<Word> words = Words(spoken);
  const std::vector<const std::string*> syllables = SyllablesByOffset(words, spoken.size());
  ClauseBuilder builder(syllables, script.unread);
  std::size_t clause_begin = 0;
  std::size_t pos = 0;
  const auto emit = [&](core::Pause pause, char mark, std::size_t end, int pause_ms = -1) {
    core::SpeechClause clause = builder.Finish(pause, mark);
    clause.pause_ms = pause_ms;
    const std::size_t source_begin = text.SourceOffset(clause_begin);
    const std::size_t source_end = text.SourceOffset(end, /*at_end=*/true);
    if (source_end > source_begin) {
      clause.display_text = text.source.substr(source_begin, source_end - source_begin);
    }
    if (!clause.runs.empty() || (script.clauses.empty() && pause_ms >= 0)) {
      // (A pause of the author's before anything is said is a clause of silence.)
      script.clauses.push_back(std::move(clause));
    } else if (!script.clauses.empty()) {
      // Punctuation with nothing to say before it (a closing quote, "……" after "。"): it belongs
      // to the clause before, and the longer pause wins.
      core::SpeechClause& last = script.clauses.back();
      last.display_text += clause.display_text;
      if (pause != core::Pause::kNone && pause > last.pause_after) last.pause_after = pause;
      if (pause_ms >= 0) last.pause_ms = pause_ms;
    }
    clause_begin = end;
  };
  std::size_t clause_code_points = 0;
  auto forced = text.forced.begin();
  auto author_pause = text.pauses.begin();
  while (pos < spoken.size()) {
    // The author's pauses and readings decide first.
    if (author_pause != text.pauses.end() && author_pause->offset <= pos) {
      emit(core::Pause::kNone, ',', pos, author_pause->pause_ms);
      clause_code_points = 0;
      ++author_pause;
      continue;
    }
    if (forced != text.forced.end() && forced->begin <= pos) {
      if (forced->begin == pos) {
        builder.AddForced(forced->syllables);
        clause_code_points += forced->syllables.size();
        pos = std::max(pos, forced->end);
      }
      ++forced;
      continue;
    }
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
    const std::size_t offset = pos;
    const char32_t cp = core::NextCodePoint(spoken, pos);
    ++clause_code_points;
    const core::PunctuationClass* punctuation = core::FindPunctuation(cp);
    // "." between digits or letters is a decimal point or part of a name, not a full stop.
    const bool inside_token =
        cp == U'.' && pos < spoken.size() && !IsSpace(spoken[pos]) &&
        core::FindPunctuation(static_cast<unsigned char>(spoken[pos])) == nullptr;
    if (punctuation == nullptr || inside_token) {
      builder.Add(cp, offset);
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
  for (; author_pause != text.pauses.end(); ++author_pause) {
    emit(core::Pause::kNone, '.', spoken.size(), author_pause->pause_ms);
  }
  return script;
}

}  // namespace langdu::pronounce
