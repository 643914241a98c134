#include "text/tn/normalizer.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "text/tn/context.h"
#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

// The categories in the order they are tried at each position: the more specific shapes first
// (a phone number before a cardinal, a date before a range, a range before a percent).
constexpr Matcher kMatchers[] = {
    MatchListMarker,  MatchUrl,      MatchLatinWord, MatchPlaceholder, MatchPhone,
    MatchDigitString, MatchDate,     MatchTime,      MatchMath,        MatchRange,
    MatchMoney,       MatchPercent,  MatchFraction,  MatchMeasure,     MatchVersion,
    MatchOrdinal,     MatchCardinal, MatchSymbol,
};

// Rules whose matches may be joined into a range by a dash: 9:00-17:00, 3月5日-4月6日.
constexpr std::string_view kJoinableRules[] = {"time", "date", "money", "measure", "percent"};

// Cleanup folds full-width digits and letters before normalization; folding them again here
// lets text that skipped cleanup read the same. Unchanged text is copied from the source.
char32_t FoldWidth(char32_t c) {
  const bool digit = c >= U'０' && c <= U'９';
  const bool letter = (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ');
  return digit || letter ? c - (U'０' - U'0') : c;
}

std::optional<Match> Classify(const Context& ctx, std::size_t pos) {
  for (Matcher matcher : kMatchers) {
    if (std::optional<Match> match = matcher(ctx, pos); match && match->end > pos) return match;
  }
  return std::nullopt;
}

bool Joinable(std::string_view rule) {
  return std::find(std::begin(kJoinableRules), std::end(kJoinableRules), rule) !=
         std::end(kJoinableRules);
}

// Builds the spoken text and the rewrite map from code point matches.
class Writer {
 public:
  Writer(std::string_view source, const std::vector<std::size_t>& byte_offsets)
      : byte_offsets_(byte_offsets) {
    result_.source = std::string(source);
  }

  void Copy(std::size_t begin, std::size_t end) {
    result_.spoken +=
        result_.source.substr(byte_offsets_[begin], byte_offsets_[end] - byte_offsets_[begin]);
  }

  void Rewrite(std::size_t begin, std::size_t end, const std::string& spoken,
               std::string_view rule) {
    core::Rewrite rewrite;
    rewrite.source_begin = byte_offsets_[begin];
    rewrite.source_end = byte_offsets_[end];
    rewrite.spoken_begin = result_.spoken.size();
    result_.spoken += spoken;
    rewrite.spoken_end = result_.spoken.size();
    rewrite.rule = std::string(rule);
    result_.rewrites.push_back(std::move(rewrite));
  }

  // The author's reading: the text is kept as written, and said as `syllables`.
  void Forced(std::size_t begin, std::size_t end, const std::vector<std::string>& syllables) {
    core::ForcedReading forced;
    forced.begin = result_.spoken.size();
    Copy(begin, end);
    forced.end = result_.spoken.size();
    forced.syllables = syllables;
    result_.forced.push_back(std::move(forced));
  }

  void Pause(int pause_ms) { result_.pauses.push_back({result_.spoken.size(), pause_ms}); }

  core::SpokenText Take() { return std::move(result_); }

 private:
  const std::vector<std::size_t>& byte_offsets_;
  core::SpokenText result_;
};

// Normalizes code points [begin, end) of the sentence on their own: the context a matcher sees
// ends at the author's marks.
void NormalizePlain(const std::u32string& code_points, std::size_t begin, std::size_t end,
                    const NormalizeOptions& options, const NumberSpeller& speller, Writer& writer) {
  const Context ctx(std::u32string_view(code_points).substr(begin, end - begin), options, speller);
  std::size_t copied = 0;  // code points before this are written
  std::size_t pos = 0;
  while (pos < ctx.size()) {
    std::optional<Match> match = Classify(ctx, pos);
    if (!match) {
      // A Latin word is kept whole, so that nothing matches inside it (the x in "max").
      if (ctx.IsLatin(pos)) {
        while (ctx.IsLatin(pos)) ++pos;
      } else {
        ++pos;
      }
      continue;
    }
    writer.Copy(begin + copied, begin + pos);
    writer.Rewrite(begin + pos, begin + match->end, match->spoken, match->rule);
    pos = match->end;
    // 9:00-17:00, 10%～20%: a dash between two readings of the same kind is 到.
    if (Joinable(match->rule) && IsRangeSeparator(ctx.At(pos))) {
      const std::size_t next_at = SeparatorEnd(ctx, pos);
      if (std::optional<Match> next = Classify(ctx, next_at); next && next->rule == match->rule) {
        writer.Rewrite(begin + pos, begin + next_at, "到", "range");
        writer.Rewrite(begin + next_at, begin + next->end, next->spoken, next->rule);
        pos = next->end;
      }
    }
    copied = pos;
  }
  writer.Copy(begin + copied, end);
}

}  // namespace

std::string NormalizeSpan(const Context& ctx) {
  std::string spoken;
  std::size_t pos = 0;
  while (pos < ctx.size()) {
    if (std::optional<Match> match = Classify(ctx, pos)) {
      spoken += match->spoken;
      pos = match->end;
    } else {
      spoken += ctx.Utf8(pos, pos + 1);
      ++pos;
    }
  }
  return spoken;
}

namespace {

// One of the author's marks, in code points.
struct MarkSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  const core::ForcedReading* forced = nullptr;
  const core::AuthorPause* pause = nullptr;
  const core::SayAsSpan* say_as = nullptr;
  const core::Substitution* substitution = nullptr;
};

std::vector<MarkSpan> MarkSpans(const core::AuthorMarks& marks,
                                const std::vector<std::size_t>& byte_offsets) {
  const auto index = [&](std::size_t byte) {
    return static_cast<std::size_t>(
        std::lower_bound(byte_offsets.begin(), byte_offsets.end(), byte) - byte_offsets.begin());
  };
  std::vector<MarkSpan> spans;
  for (const auto& r : marks.readings) spans.push_back({index(r.begin), index(r.end), &r});
  for (const auto& p : marks.pauses) {
    spans.push_back({index(p.offset), index(p.offset), nullptr, &p});
  }
  for (const auto& s : marks.say_as) {
    spans.push_back({index(s.begin), index(s.end), nullptr, nullptr, &s});
  }
  for (const auto& s : marks.substitutions) {
    spans.push_back({index(s.begin), index(s.end), nullptr, nullptr, nullptr, &s});
  }
  std::stable_sort(spans.begin(), spans.end(), [](const MarkSpan& a, const MarkSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  return spans;
}

}  // namespace

Normalizer::Normalizer(NormalizeOptions options)
    : options_(std::move(options)), speller_(std::make_shared<const NumberSpeller>()) {}

core::SpokenText Normalizer::Normalize(std::string_view text,
                                       const core::AuthorMarks& marks) const {
  std::u32string code_points;
  std::vector<std::size_t> byte_offsets;
  for (std::size_t pos = 0; pos < text.size();) {
    byte_offsets.push_back(pos);
    code_points.push_back(FoldWidth(core::NextCodePoint(text, pos)));
  }
  byte_offsets.push_back(text.size());

  Writer writer(text, byte_offsets);
  std::size_t cursor = 0;  // code points before this are written
  for (const MarkSpan& span : MarkSpans(marks, byte_offsets)) {
    if (span.begin < cursor) continue;  // overlaps the mark before: that one decided
    NormalizePlain(code_points, cursor, span.begin, options_, *speller_, writer);
    if (span.forced != nullptr) {
      writer.Forced(span.begin, span.end, span.forced->syllables);
    } else if (span.pause != nullptr) {
      writer.Pause(span.pause->pause_ms);
    } else if (span.substitution != nullptr) {
      writer.Rewrite(span.begin, span.end, span.substitution->alias, "sub");
    } else if (span.say_as != nullptr) {
      const Context ctx(std::u32string_view(code_points).substr(span.begin, span.end - span.begin),
                        options_, *speller_);
      const SaidAs said = ReadAs(ctx, span.say_as->say_as);
      writer.Rewrite(span.begin, span.end, said.spoken, said.rule);
    }
    cursor = span.end;
  }
  NormalizePlain(code_points, cursor, code_points.size(), options_, *speller_, writer);
  return writer.Take();
}

}  // namespace langdu::text::tn
