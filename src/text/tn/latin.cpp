// Latin words that are not read as written: business terms with a digit inside (B2C → B to C)
// and lowercase acronyms (cpu → CPU, which the pronunciation stage spells letter by letter).

#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

struct LatinTerm {
  std::u32string_view written;
  std::string_view spoken;
};
// "2" is "to" in these terms, and said in English.
constexpr LatinTerm kDigitTerms[] = {
    {U"B2B2C", "B to B to C"}, {U"B2B", "B to B"}, {U"B2C", "B to C"}, {U"B2G", "B to G"},
    {U"B2M", "B to M"},        {U"C2B", "C to B"}, {U"C2C", "C to C"}, {U"C2M", "C to M"},
    {U"D2C", "D to C"},        {U"F2C", "F to C"}, {U"G2B", "G to B"}, {U"G2C", "G to C"},
    {U"M2M", "M to M"},        {U"O2O", "O to O"}, {U"P2C", "P to C"}, {U"P2P", "P to P"},
};

// Acronyms written in lowercase that are said letter by letter in Chinese. English words that
// are also acronyms (it, us, ok, id, am, pm) are left out: they are read as words.
constexpr std::u32string_view kAcronyms[] = {
    U"ai",  U"api", U"app", U"atm", U"cba", U"ceo",  U"cfo", U"cpi", U"cpu", U"css",
    U"cto", U"dna", U"gdp", U"gps", U"gpu", U"html", U"ic",  U"icu", U"ip",  U"ktv",
    U"lcd", U"led", U"mba", U"mri", U"mvp", U"nba",  U"pc",  U"pdf", U"ppi", U"ppt",
    U"qq",  U"rna", U"sim", U"suv", U"tv",  U"ui",   U"url", U"usb", U"vip", U"vr",
    U"wto", U"ufo", U"diy", U"cd",  U"dvd", U"sql",  U"xml", U"gif", U"jpg", U"png",
};

bool IsWordChar(const Context& ctx, std::size_t i) { return ctx.IsLatin(i) || ctx.IsDigit(i); }

}  // namespace

std::optional<Match> MatchLatinWord(const Context& ctx, std::size_t pos) {
  if (!ctx.IsLatin(pos) || ctx.LatinBefore(pos) || ctx.DigitBefore(pos)) return std::nullopt;
  std::size_t end = pos;
  while (IsWordChar(ctx, end)) ++end;
  const std::u32string_view word = ctx.text().substr(pos, end - pos);
  for (const LatinTerm& term : kDigitTerms) {
    if (word == term.written) return Match{end, std::string(term.spoken), "latin: term"};
  }
  if (word.size() > 4 || word.front() < U'a') return std::nullopt;
  for (std::u32string_view acronym : kAcronyms) {
    if (word != acronym) continue;
    std::string spoken;
    for (char32_t c : word) spoken += static_cast<char>(c - U'a' + U'A');
    return Match{end, std::move(spoken), "latin: acronym"};
  }
  return std::nullopt;
}

}  // namespace langdu::text::tn
