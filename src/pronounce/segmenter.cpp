#include "pronounce/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <limits>
#include <memory>
#include <set>

namespace langdu::pronounce {
namespace {

constexpr std::size_t kMaxWordCharacters = 16;
// A character the lexicon lacks costs more than any entry (the rarest is about 280).
constexpr int kUnknownCost = 400;
// A word the lexicon lacks but langdu's fixes add.
constexpr int kFixCost = 200;

bool HasUserPrefix(const UserLexicon& lexicon, const std::string& prefix) {
  auto it = lexicon.words.lower_bound(prefix);
  return it != lexicon.words.end() && it->first.starts_with(prefix);
}

struct Candidate {
  int cost = 0;
  std::vector<std::string> syllables;
  SegmentSource source = SegmentSource::kLexicon;
};

// The best reading of one candidate word, looked up as written and as simplified.
std::optional<Candidate> Lookup(const std::string& simplified, const std::string& original,
                                const Dictionaries& d) {
  for (const std::string* word : {&original, &simplified}) {
    if (auto it = d.user.words.find(*word); it != d.user.words.end()) {
      return Candidate{0, it->second, SegmentSource::kUser};
    }
  }
  // The simplified form first, so that traditional and simplified text read the same (間 as 间);
  // the form as written when the simplified one is no word (ICU maps 乾隆 to 干隆).
  for (const std::string* word : {&simplified, &original}) {
    const std::optional<LexiconEntry> entry = d.lexicon.Find(*word);
    if (auto it = d.fixes.words.find(*word); it != d.fixes.words.end()) {
      return Candidate{entry ? entry->cost : kFixCost, it->second, SegmentSource::kFix};
    }
    if (entry) {
      std::vector<std::string> syllables = d.lexicon.Syllables(*entry);
      if (!syllables.empty()) return Candidate{entry->cost, std::move(syllables)};
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<Segment> SegmentRun(const std::vector<std::string>& simplified,
                                const std::vector<std::string>& original,
                                const Dictionaries& dictionaries) {
  const std::size_t n = simplified.size();
  struct Best {
    long cost = std::numeric_limits<long>::max();
    int words = 0;
    Segment segment;
  };
  std::vector<Best> best(n + 1);
  best[0].cost = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (best[i].cost == std::numeric_limits<long>::max()) continue;
    std::string word;
    std::string written;
    for (std::size_t j = i + 1; j <= n && j - i <= kMaxWordCharacters; ++j) {
      word += simplified[j - 1];
      written += original[j - 1];
      std::optional<Candidate> candidate = Lookup(word, written, dictionaries);
      if (!candidate && j == i + 1) {
        candidate = Candidate{kUnknownCost, {}, SegmentSource::kUnknown};
      }
      if (candidate) {
        const long cost = best[i].cost + candidate->cost;
        const int words = best[i].words + 1;
        if (cost < best[j].cost || (cost == best[j].cost && words < best[j].words)) {
          best[j].cost = cost;
          best[j].words = words;
          best[j].segment =
              Segment{i, j, std::move(candidate->syllables), candidate->source, candidate->cost};
        }
      }
      const bool more = dictionaries.lexicon.HasPrefix(word) ||
                        (written != word && dictionaries.lexicon.HasPrefix(written)) ||
                        HasUserPrefix(dictionaries.user, word) ||
                        HasUserPrefix(dictionaries.user, written) ||
                        HasUserPrefix(dictionaries.fixes, word);
      if (!more) break;
    }
  }
  std::vector<Segment> segments;
  for (std::size_t j = n; j > 0; j = best[j].segment.begin) segments.push_back(best[j].segment);
  return {segments.rbegin(), segments.rend()};
}

std::vector<int> ProsodicWords(const std::vector<std::string>& simplified,
                               const std::vector<Segment>& segments) {
  // Character offsets (in UTF-16 units) where ICU's word break puts a boundary.
  std::string joined;
  for (const std::string& c : simplified) joined += c;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(joined);
  std::set<int32_t> boundaries;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (U_SUCCESS(status)) {
    words->setText(text);
    for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) {
      boundaries.insert(b);
    }
  }
  std::vector<int32_t> utf16_offset(simplified.size() + 1, 0);
  for (std::size_t i = 0; i < simplified.size(); ++i) {
    utf16_offset[i + 1] = utf16_offset[i] + icu::UnicodeString::fromUTF8(simplified[i]).length();
  }
  std::vector<int> prosodic(simplified.size(), 0);
  int current = -1;
  bool previous_single = false;
  for (const Segment& segment : segments) {
    const bool single = segment.end - segment.begin == 1;
    const bool joins = single && previous_single && U_SUCCESS(status) &&
                       !boundaries.contains(utf16_offset[segment.begin]);
    if (!joins) ++current;
    for (std::size_t i = segment.begin; i < segment.end; ++i) prosodic[i] = current;
    previous_single = single;
  }
  return prosodic;
}

}  // namespace langdu::pronounce
