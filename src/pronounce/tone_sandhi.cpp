#include "pronounce/tone_sandhi.h"

#include <string_view>

#include "pronounce/polyphone_rules.h"
#include "pronounce/syllable.h"

namespace langdu::pronounce {
namespace {

// Where 一 keeps its first tone: after these (ordinals, inside numbers, dates, 之一)...
constexpr std::string_view kYiKeepsToneAfter =
    "第初十百千万亿零〇二三四五六七八九月周期拜之唯统单划专同逐万其";
// Inside a number or a date, a word starting with 一 keeps tone 1 after these.
constexpr std::string_view kYiCountingAfter = "十百千万亿零〇二三四五六七八九月";
// ...and before these (numbers, months, dates).
constexpr std::string_view kYiKeepsToneBefore = "一二三四五六七八九十零〇月号";

// 一到六, 一至三: the words that join the two ends of a range, and what may follow them.
constexpr std::string_view kRangeWords = "到至";
constexpr std::string_view kNumerals = "零〇一二三四五六七八九十两百千万";

bool Contains(std::string_view set, const std::string& character) {
  return !character.empty() && set.find(character) != std::string_view::npos;
}

void Change(ToneUnit& unit, std::string syllable, std::string_view why) {
  if (unit.syllable == syllable) return;
  unit.syllable = std::move(syllable);
  if (!unit.reason.empty()) unit.reason += "; ";
  unit.reason += why;
}

// The tone the next character is spoken with before sandhi: what 一 and 不 look at.
int NextTone(const std::vector<ToneUnit>& units, std::size_t i) {
  if (i + 1 >= units.size() || units[i + 1].syllable.empty()) return 0;
  return ToneOf(units[i + 1].syllable);
}

}  // namespace

std::vector<ToneUnit> ApplyToneSandhi(std::vector<ToneUnit> units) {
  const std::size_t n = units.size();
  const auto character = [&](std::size_t i) -> const std::string& {
    static const std::string kNone;
    return i < n ? units[i].character : kNone;
  };
  for (std::size_t i = 0; i < n; ++i) {
    ToneUnit& unit = units[i];
    const std::string& previous = i > 0 ? units[i - 1].character : character(n);
    const std::string& next = character(i + 1);
    if (unit.settled) {
      // A word that starts with 一 right after a number or a month goes on counting (十月一日,
      // 一百一十一个): the tone change the word carries does not apply there.
      const bool starts_word = i == 0 || units[i - 1].word != unit.word;
      if (unit.character == "一" && starts_word && Contains(kYiCountingAfter, previous)) {
        Change(unit, "yi1", "一 in a number or date keeps tone 1");
      }
      continue;
    }
    // V一V and V了一V (看一看, 想了一想); A不A (好不好).
    const bool between_same =
        i > 0 && !next.empty() &&
        (previous == next || (previous == "了" && i > 1 && units[i - 2].character == next));
    if (unit.character == "一") {
      if (between_same) {
        Change(unit, "yi5", "一 between a repeated verb (看一看)");
      } else if (next.empty()) {
        Change(unit, "yi1", "一 at the end keeps tone 1");
      } else if (Contains(kYiKeepsToneAfter, previous) || Contains(kYiKeepsToneBefore, next)) {
        Change(unit, "yi1", "一 in a number, ordinal or date keeps tone 1");
      } else if (Contains(kRangeWords, next) && Contains(kNumerals, character(i + 2))) {
        Change(unit, "yi1", "一 at the start of a range keeps tone 1 (一到六月)");
      } else if (const int tone = NextTone(units, i); tone == 4) {
        Change(unit, "yi2", "一 before tone 4");
      } else if (tone != 0) {
        Change(unit, "yi4", "一 before tones 1-3");
      }
    } else if (unit.character == "不") {
      if (between_same) {
        Change(unit, "bu5", "不 in A不A");
      } else if (NextTone(units, i) == 4) {
        Change(unit, "bu2", "不 before tone 4");
      } else {
        Change(unit, "bu4", "不 keeps tone 4");
      }
    }
  }
  // Reduplicated verbs: the second syllable is neutral (看看 kan4 kan5, 看了看 kan4 le5 kan5).
  for (std::size_t i = 1; i < n; ++i) {
    ToneUnit& unit = units[i];
    const std::size_t first = i >= 2 && units[i - 1].character == "了" ? i - 2 : i - 1;
    if (unit.character == units[first].character && unit.syllable == units[first].syllable &&
        (i + 1 >= n || units[i + 1].character != unit.character) &&
        (first == 0 || units[first - 1].character != unit.character) &&
        TakesNeutralReduplication(unit.character) && !unit.syllable.empty()) {
      Change(unit, WithTone(unit.syllable, 5), "reduplicated verb, neutral tone");
    }
  }
  // Third tone before third tone becomes second, inside one prosodic word.
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (units[i].prosodic_word != units[i + 1].prosodic_word) continue;
    if (units[i].syllable.empty() || units[i + 1].syllable.empty()) continue;
    if (ToneOf(units[i].syllable) == 3 && ToneOf(units[i + 1].syllable) == 3) {
      Change(units[i], WithTone(units[i].syllable, 2), "third tone before third tone");
    }
  }
  return units;
}

std::vector<ToneUnit> ToCitationTones(std::vector<ToneUnit> units) {
  for (ToneUnit& unit : units) {
    if (unit.character == "一") unit.syllable = "yi1";
    if (unit.character == "不") unit.syllable = "bu4";
  }
  return units;
}

}  // namespace langdu::pronounce
