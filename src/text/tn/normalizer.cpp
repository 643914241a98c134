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
    MatchListMarker, MatchUrl,     MatchPlaceholder, MatchPhone,    MatchDigitString, MatchDate,
    MatchTime,       MatchMath,    MatchRange,       MatchMoney,    MatchPercent,     MatchFraction,
    MatchMeasure,    MatchVersion, MatchOrdinal,     MatchCardinal, MatchSymbol,
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

  core::SpokenText Take() { return std::move(result_); }

 private:
  const std::vector<std::size_t>& byte_offsets_;
  core::SpokenText result_;
};

}  // namespace

Normalizer::Normalizer(NormalizeOptions options)
    : options_(std::move(options)), speller_(std::make_shared<const NumberSpeller>()) {}

core::SpokenText Normalizer::Normalize(std::string_view text) const {
  std::u32string code_points;
  std::vector<std::size_t> byte_offsets;
  for (std::size_t pos = 0; pos < text.size();) {
    byte_offsets.push_back(pos);
    code_points.push_back(FoldWidth(core::NextCodePoint(text, pos)));
  }
  byte_offsets.push_back(text.size());

  const Context ctx(code_points, options_, *speller_);
  Writer writer(text, byte_offsets);
  std::size_t copied = 0;  // code points before this are written
  std::size_t pos = 0;
  while (pos < code_points.size()) {
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
    writer.Copy(copied, pos);
    writer.Rewrite(pos, match->end, match->spoken, match->rule);
    pos = match->end;
    // 9:00-17:00, 10%～20%: a dash between two readings of the same kind is 到.
    if (Joinable(match->rule) && IsRangeSeparator(ctx.At(pos))) {
      const std::size_t next_at = pos + 1;
      if (std::optional<Match> next = Classify(ctx, next_at); next && next->rule == match->rule) {
        writer.Rewrite(pos, next_at, "到", "range");
        writer.Rewrite(next_at, next->end, next->spoken, next->rule);
        pos = next->end;
      }
    }
    copied = pos;
  }
  writer.Copy(copied, code_points.size());
  return writer.Take();
}

}  // namespace langdu::text::tn
