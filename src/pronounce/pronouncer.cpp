#include "pronounce/pronouncer.h"

#include <string>
#include <utility>

#include "core/utf8.h"

namespace langdu::pronounce {
namespace {

bool IsLatinLetter(char32_t cp) { return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z'); }

bool IsSpace(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == 0x3000; }

// Text the engine speaks in a Mandarin run: Han characters, and digits and letters that
// normalization left (they are read by the voice's own rules).
bool IsSpeakable(char32_t cp) { return core::IsHan(cp) || (cp >= U'0' && cp <= U'9'); }

bool IsAcronym(const std::string& word) {
  if (word.size() < 2 || word.size() > 6) return false;
  for (char c : word) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Builds the runs of one clause, one code point at a time.
class ClauseBuilder {
 public:
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
      // A space or a symbol with no pause of its own (quotes, brackets): it separates runs.
      FlushRun();
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
  void FlushRun() {
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

  core::Language language_ = core::Language::kMandarin;
  std::string run_;
  std::vector<core::SpeechRun> runs_;
};

}  // namespace

Pronouncer::Pronouncer(PronounceOptions options) : options_(std::move(options)) {}

core::SpeechScript Pronouncer::Script(const core::SpokenText& text) const {
  core::SpeechScript script;
  const std::string& spoken = text.spoken;
  ClauseBuilder builder;
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
  while (pos < spoken.size()) {
    const char32_t cp = core::NextCodePoint(spoken, pos);
    const core::PunctuationClass* punctuation = core::FindPunctuation(cp);
    // "." between digits or letters is a decimal point or part of a name, not a full stop.
    const bool inside_token = cp == U'.' && pos < spoken.size() && !IsSpace(spoken[pos]) &&
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
    pos = end;
  }
  if (clause_begin < spoken.size()) emit(core::Pause::kNone, '.', spoken.size());
  return script;
}

}  // namespace langdu::pronounce
