#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "pronounce/pronouncer.h"

namespace langdu::pronounce {
namespace {

struct GoldenCase {
  int line = 0;
  std::string sentence;
  std::string pinyin;  // one syllable per Han character
};

// gtest prints a parameter of a failing or listed test with this.
void PrintTo(const GoldenCase& golden, std::ostream* out) { *out << golden.sentence; }

std::vector<GoldenCase> LoadGolden() {
  std::ifstream in(std::string(LANGDU_SOURCE_DIR) + "/tests/data/pronounce/golden.tsv");
  std::vector<GoldenCase> cases;
  std::string row;
  int line = 0;
  while (std::getline(in, row)) {
    ++line;
    if (row.empty() || row[0] == '#') continue;
    const std::size_t tab = row.find('\t');
    cases.push_back(GoldenCase{line, row.substr(0, tab), row.substr(tab + 1)});
  }
  return cases;
}

const Pronouncer& SharedPronouncer() {
  static const Pronouncer pronouncer;
  return pronouncer;
}

class PinyinGolden : public testing::TestWithParam<GoldenCase> {};

TEST_P(PinyinGolden, SpeaksTheExpectedSyllables) {
  std::string pinyin;
  for (const Word& word : SharedPronouncer().Words(GetParam().sentence)) {
    if (word.kind != WordKind::kHan) continue;
    for (const std::string& syllable : word.syllables) {
      if (!pinyin.empty()) pinyin += ' ';
      pinyin += syllable;
    }
  }
  EXPECT_EQ(pinyin, GetParam().pinyin)
      << "golden.tsv:" << GetParam().line << ": " << GetParam().sentence;
}

INSTANTIATE_TEST_SUITE_P(Pronounce, PinyinGolden, testing::ValuesIn(LoadGolden()),
                         [](const testing::TestParamInfo<GoldenCase>& info) {
                           return "line" + std::to_string(info.param.line);
                         });

TEST(Golden, HasAtLeast300Sentences) { EXPECT_GE(LoadGolden().size(), 300u); }

}  // namespace
}  // namespace langdu::pronounce
