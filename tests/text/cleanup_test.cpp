#include "text/cleanup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace langdu::text {
namespace {

struct CleanupCase {
  const char* name;
  const char* input;
  const char* expected;
};

void PrintTo(const CleanupCase& c, std::ostream* os) { *os << c.name; }

class CleanupGolden : public testing::TestWithParam<CleanupCase> {};

TEST_P(CleanupGolden, Cleans) {
  const CleanupCase& c = GetParam();
  const CleanText clean = Cleanup(c.input);
  EXPECT_EQ(clean.text, c.expected);
  ASSERT_EQ(clean.source_offsets.size(), clean.text.size() + 1);
  EXPECT_EQ(clean.source_offsets.back(), std::string_view(c.input).size());
}

const CleanupCase kCases[] = {
    {"KeepsCleanText", "你好，世界。", "你好，世界。"},
    {"ComposesNfc", "Cafe\u0301 e\u0301", "Café é"},
    {"FoldsFullWidthLettersAndDigits", "ＡＢＣ１２３ａｂｃ", "ABC123abc"},
    {"KeepsChinesePunctuation", "“好！”《书》（注）、；：？……——‘引’",
     "“好！”《书》（注）、；：？……——‘引’"},
    {"KeepsHalfWidthPunctuationInChineseText", "疫情已基本阻断,但风险仍然存在",
     "疫情已基本阻断,但风险仍然存在"},
    {"UnifiesSmallForms", "甲﹐乙﹑丙﹔丁﹕戊﹖己﹗", "甲，乙、丙；丁：戊？己！"},
    {"UnifiesVerticalForms", "说︰︵好︶︽书︾", "说：（好）《书》"},
    {"UnifiesQuoteVariants", "〝好〞和‟对”", "“好”和“对”"},
    {"UnifiesDashes", "甲―乙—丙－－丁", "甲——乙——丙——丁"},
    {"KeepsChineseDash", "甲——乙", "甲——乙"},
    {"KeepsLongDashOneDash", "甲————乙", "甲——乙"},
    {"SingleFullWidthHyphenIsAHyphen", "京－沪", "京-沪"},
    {"UnifiesEllipses", "等等...好吧。。。嗯…对⋯", "等等……好吧……嗯……对……"},
    {"KeepsChineseEllipsis", "然后……", "然后……"},
    {"KeepsTwoFullStops", "好。。", "好。。"},
    {"DecimalPointBetweenDigits", "３．５米", "3.5米"},
    {"ClockColonBetweenDigits", "１０：３０开会：准时", "10:30开会：准时"},
    {"FoldsFullWidthSymbols", "５０％＋１＝？", "50%+1=？"},
    {"HalfWidthCjkPunctuation", "好｡对､", "好。对、"},
    {"KangxiRadicals", "⼀⼈", "一人"},
    {"DropsControlCharacters",
     "a\x01"
     "b\x7F"
     "c\u0085d",
     "abc\nd"},
    {"DropsZeroWidthCharacters", "中\u200B文\uFEFF字\u2060。\u200D", "中文字。"},
    {"NormalizesLineBreaks", "一\r\n二\r三\n四\u2028五", "一\n二\n三\n四\n五"},
    {"CollapsesSpacesInsideLines", "a  \t b\u3000\u3000c", "a b c"},
    {"TrimsLineEnds", "\u3000\u3000缩进。  \n  \t\n尾 ", "缩进。\n\n尾"},
    {"KeepsBlankLines", "一\n\n\n二", "一\n\n\n二"},
    {"Empty", "", ""},
};

INSTANTIATE_TEST_SUITE_P(Table, CleanupGolden, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<CleanupCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(Cleanup, MapsCollapsedSpaceToItsFirstSource) {
  const CleanText clean = Cleanup("a  b");
  EXPECT_EQ(clean.text, "a b");
  EXPECT_EQ(clean.source_offsets, (std::vector<std::uint32_t>{0, 1, 3, 4}));
}

TEST(Cleanup, MapsFoldedFullWidthBytes) {
  const CleanText clean = Cleanup("Ａ中");
  EXPECT_EQ(clean.text, "A中");
  EXPECT_EQ(clean.source_offsets, (std::vector<std::uint32_t>{0, 3, 3, 3, 6}));
}

TEST(Cleanup, MapsEveryByteOfAReplacementToTheRunStart) {
  const CleanText clean = Cleanup("x...");
  EXPECT_EQ(clean.text, "x……");
  EXPECT_EQ(clean.source_offsets, (std::vector<std::uint32_t>{0, 1, 1, 1, 1, 1, 1, 4}));
}

TEST(Cleanup, MapsComposedCharacters) {
  const CleanText clean = Cleanup("e\u0301x");
  EXPECT_EQ(clean.text, "\u00E9x");
  EXPECT_EQ(clean.source_offsets, (std::vector<std::uint32_t>{0, 0, 3, 4}));
}

TEST(Cleanup, MapsAroundCrLfAndDroppedCharacters) {
  const CleanText clean = Cleanup("a\r\n\u200Bb");
  EXPECT_EQ(clean.text, "a\nb");
  EXPECT_EQ(clean.source_offsets, (std::vector<std::uint32_t>{0, 2, 6, 7}));
}

TEST(Cleanup, MapsTheSeedExactly) {
  std::ifstream in(
      std::filesystem::path(LANGDU_SOURCE_DIR) / "samples" / "district-party-building-speech.txt",
      std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string seed = bytes.str();
  const CleanText clean = Cleanup(seed);
  ASSERT_EQ(clean.source_offsets.size(), clean.text.size() + 1);
  EXPECT_EQ(clean.source_offsets.back(), seed.size());
  EXPECT_TRUE(std::is_sorted(clean.source_offsets.begin(), clean.source_offsets.end()));
  // Every cleaned code point that cleanup kept as is points at the same code point in the seed.
  for (std::size_t pos = 0; pos < clean.text.size();) {
    const std::size_t start = pos;
    const char32_t c = core::NextCodePoint(clean.text, pos);
    std::size_t source = clean.source_offsets[start];
    if (c != ' ' && c != '\n') {
      ASSERT_EQ(core::NextCodePoint(seed, source), c) << "at cleaned byte " << start;
    }
  }
  // The seed's second line holds only spaces: it becomes an empty line.
  EXPECT_TRUE(clean.text.starts_with("在全区党建工作会上的讲话\n\n同志们：\n"));
}

TEST(Cleanup, IsSilentCoversWhatCleanupRemoves) {
  for (char32_t c : {U' ', U'\t', U'\r', U'\n', U'\u3000', U'\u200B', U'\uFEFF', U'\x01'}) {
    EXPECT_TRUE(IsSilent(c)) << static_cast<std::uint32_t>(c);
  }
  for (char32_t c : {U'中', U'。', U'a', U'—'}) {
    EXPECT_FALSE(IsSilent(c)) << static_cast<std::uint32_t>(c);
  }
}

}  // namespace
}  // namespace langdu::text
