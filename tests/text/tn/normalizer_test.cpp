#include "text/tn/normalizer.h"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/utf8.h"
#include "text/tn/explain.h"

namespace langdu::text::tn {
namespace {

std::string Spoken(std::string_view text, NormalizeOptions options = {}) {
  return Normalizer(options).Normalize(text).spoken;
}

TEST(Normalizer, TextWithoutNonStandardWordsIsVerbatim) {
  const core::SpokenText text = Normalizer().Normalize("同志们：今天开会。");
  EXPECT_EQ(text.spoken, "同志们：今天开会。");
  EXPECT_TRUE(text.rewrites.empty());
}

TEST(Normalizer, LiangStyleNeverSaysErEverywhereButBeforeMeasureWords) {
  NormalizeOptions options;
  options.liang = LiangStyle::kNever;
  EXPECT_EQ(Spoken("2019", options), "二千零一十九");
  EXPECT_EQ(Spoken("20000", options), "二万");
  EXPECT_EQ(Spoken("2个", options), "两个");
}

TEST(Normalizer, LiangStyleHundredsSaysLiangBai) {
  NormalizeOptions options;
  options.liang = LiangStyle::kHundreds;
  EXPECT_EQ(Spoken("200", options), "两百");
  EXPECT_EQ(Spoken("250", options), "两百五十");
  EXPECT_EQ(Spoken("1200", options), "一千二百");
  EXPECT_EQ(Spoken("200"), "二百");
}

TEST(Normalizer, YaoCanBeTurnedOff) {
  NormalizeOptions options;
  options.yao_for_one = false;
  EXPECT_EQ(Spoken("13812345678", options), "一三八一二三四五六七八");
  EXPECT_EQ(Spoken("13812345678"), "幺三八幺二三四五六七八");
}

TEST(Normalizer, YearZeroStyleLing) {
  NormalizeOptions options;
  options.year_zero = ZeroStyle::kLing;
  EXPECT_EQ(Spoken("2019年", options), "二零一九年");
  EXPECT_EQ(Spoken("2000-01-02", options), "二零零零年一月二日");
  EXPECT_EQ(Spoken("2019年"), "二〇一九年");
}

TEST(Normalizer, UrlSkipSaysNothing) {
  NormalizeOptions options;
  options.url = UrlStyle::kSkip;
  const core::SpokenText text = Normalizer(options).Normalize("详见https://example.com/a。");
  EXPECT_EQ(text.spoken, "详见。");
  ASSERT_EQ(text.rewrites.size(), 1u);
  EXPECT_EQ(text.rewrites[0].rule, "url");
}

TEST(Normalizer, RewriteMapPointsBackToTheSource) {
  // "共3人，2019年" : 共 (3 bytes) 3 (1) 人 (3) ， (3) 2019年 (7).
  const core::SpokenText text = Normalizer().Normalize("共3人，2019年");
  EXPECT_EQ(text.spoken, "共三人，二〇一九年");
  ASSERT_EQ(text.rewrites.size(), 2u);
  const core::Rewrite& count = text.rewrites[0];
  EXPECT_EQ(count.rule, "cardinal");
  EXPECT_EQ(count.source_begin, 3u);
  EXPECT_EQ(count.source_end, 4u);
  EXPECT_EQ(text.spoken.substr(count.spoken_begin, count.spoken_end - count.spoken_begin), "三");
  const core::Rewrite& year = text.rewrites[1];
  EXPECT_EQ(year.rule, "date");
  EXPECT_EQ(text.source.substr(year.source_begin, year.source_end - year.source_begin), "2019年");
  EXPECT_EQ(text.spoken.substr(year.spoken_begin, year.spoken_end - year.spoken_begin),
            "二〇一九年");
  // Unchanged text maps byte for byte; a spoken byte inside a rewrite maps to its source span.
  EXPECT_EQ(text.SourceOffset(count.spoken_end), 4u);
  EXPECT_EQ(text.SourceOffset(year.spoken_begin + 3), year.source_begin);
  EXPECT_EQ(text.SourceOffset(year.spoken_end, /*at_end=*/true), year.source_end);
}

TEST(Normalizer, RewritesAreSortedAndDoNotOverlap) {
  const core::SpokenText text =
      Normalizer().Normalize("2020年3月5日9:00-17:00，在3号楼召开，预算¥1.2万，占比5%~8%。");
  ASSERT_FALSE(text.rewrites.empty());
  for (std::size_t i = 1; i < text.rewrites.size(); ++i) {
    EXPECT_LE(text.rewrites[i - 1].source_end, text.rewrites[i].source_begin);
    EXPECT_LE(text.rewrites[i - 1].spoken_end, text.rewrites[i].spoken_begin);
  }
  EXPECT_EQ(
      text.spoken,
      "二〇二〇年三月五日九点到十七点，在三号楼召开，预算一点二万元，占比百分之五到百分之八。");
}

TEST(Normalizer, RangeJoinerIsItsOwnRewrite) {
  const core::SpokenText text = Normalizer().Normalize("9:00-17:00");
  ASSERT_EQ(text.rewrites.size(), 3u);
  EXPECT_EQ(text.rewrites[0].rule, "time");
  EXPECT_EQ(text.rewrites[1].rule, "range");
  EXPECT_EQ(text.rewrites[1].source_begin, 4u);
  EXPECT_EQ(text.rewrites[1].source_end, 5u);
  EXPECT_EQ(text.rewrites[2].rule, "time");
}

TEST(Normalizer, LatinWordsStayLatin) {
  EXPECT_EQ(Spoken("GDP、CPU和APP都是缩写"), "GDP、CPU和APP都是缩写");
  EXPECT_EQ(Spoken("max值为5"), "max值为五");
}

// Code points that eSpeak's Mandarin voice would misread: ASCII digits, Latin letters and
// symbols that are read aloud.
bool Misread(char32_t c) {
  if (c < 0x80)
    return std::isalnum(static_cast<int>(c)) ||
           std::string_view("%+=~<>@#&*/\\^_|$").find(static_cast<char>(c)) !=
               std::string_view::npos;
  return std::u32string_view(U"¥￥€£℃℉‰±×÷≈≤≥").find(c) != std::u32string_view::npos;
}

TEST(Normalizer, SeedSpeechLeavesNothingToMisread) {
  std::ifstream in(std::filesystem::path(LANGDU_SOURCE_DIR) / "samples" /
                   "district-party-building-speech.txt");
  ASSERT_TRUE(in);
  const Normalizer normalizer;
  std::string line;
  int line_number = 0;
  int rewrites = 0;
  while (std::getline(in, line)) {
    ++line_number;
    const core::SpokenText text = normalizer.Normalize(line);
    rewrites += static_cast<int>(text.rewrites.size());
    for (std::size_t pos = 0; pos < text.spoken.size();) {
      const char32_t c = core::NextCodePoint(text.spoken, pos);
      EXPECT_FALSE(Misread(c)) << "line " << line_number << ": " << text.spoken;
    }
  }
  EXPECT_GT(rewrites, 0);
}

TEST(Normalizer, SeedSpeechReadsYearsAndPlaceholders) {
  const std::string spoken = Spoken(
      "刚才，XX同志通报了区委党建工作领导小组2019年抓党建工作情况，审议了XX区非公有制经济组织");
  EXPECT_EQ(spoken,
            "刚才，某某同志通报了区委党建工作领导小组二〇一九年抓党建工作情况，审议了某某区非公有制"
            "经济组织");
}

TEST(NormalizeLines, OneResultPerLine) {
  const auto lines = NormalizeLines(Normalizer(), "第1行\r\n\n3个\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].spoken, "第一行");
  EXPECT_EQ(lines[1].spoken, "");
  EXPECT_EQ(lines[2].spoken, "三个");
}

TEST(ExplainRewrites, ShowsSpanRuleSourceAndSpoken) {
  const core::SpokenText text = Normalizer().Normalize("于2019年召开，到会3人");
  EXPECT_EQ(ExplainRewrites(text, 4),
            "4:2-6\tdate\t2019年\t二〇一九年\n"
            "4:12-12\tcardinal\t3\t三\n");
}

}  // namespace
}  // namespace langdu::text::tn

namespace langdu::text::tn {
namespace {

core::AuthorMarks SayAs(std::size_t begin, std::size_t end, core::SayAs say_as) {
  core::AuthorMarks marks;
  marks.say_as.push_back({begin, end, say_as});
  return marks;
}

std::string SaidAs(std::string_view text, core::SayAs say_as) {
  return Normalizer().Normalize(text, SayAs(0, text.size(), say_as)).spoken;
}

TEST(NormalizerMarks, SayAsChoosesTheReading) {
  EXPECT_EQ(SaidAs("2024", core::SayAs::kDigits), "二零二四");
  EXPECT_EQ(SaidAs("2024", core::SayAs::kCardinal), "两千零二十四");
  EXPECT_EQ(SaidAs("3", core::SayAs::kOrdinal), "第三");
  EXPECT_EQ(SaidAs("3/5", core::SayAs::kDate), "三月五日");
  EXPECT_EQ(SaidAs("2024-03-07", core::SayAs::kDate), "二〇二四年三月七日");
  EXPECT_EQ(SaidAs("9:30", core::SayAs::kTime), "九点三十分");
  EXPECT_EQ(SaidAs("010-1234", core::SayAs::kTelephone), "零幺零 幺二三四");
  EXPECT_EQ(SaidAs("ab12", core::SayAs::kCharacters), "A B 一二");
}

TEST(NormalizerMarks, SayAsNamesItsRule) {
  const core::SpokenText text =
      Normalizer().Normalize("号码110", SayAs(std::string("号码").size(), 9, core::SayAs::kDigits));
  EXPECT_EQ(text.spoken, "号码一一零");
  ASSERT_EQ(text.rewrites.size(), 1u);
  EXPECT_EQ(text.rewrites[0].rule, "say-as: digits");
}

TEST(NormalizerMarks, SubstitutionSaysTheAlias) {
  core::AuthorMarks marks;
  marks.substitutions.push_back({0, 3, "世界卫生组织"});
  const core::SpokenText text = Normalizer().Normalize("WHO说2个", marks);
  EXPECT_EQ(text.spoken, "世界卫生组织说两个");
}

TEST(NormalizerMarks, ForcedReadingKeepsItsTextAndMapsToTheSpokenText) {
  core::AuthorMarks marks;
  marks.readings.push_back({std::string("共").size(), std::string("共3").size(), {"san1"}});
  marks.pauses.push_back({std::string("共3").size(), 400});
  const core::SpokenText text = Normalizer().Normalize("共3人，2019年", marks);
  EXPECT_EQ(text.spoken, "共3人，二〇一九年");
  ASSERT_EQ(text.forced.size(), 1u);
  EXPECT_EQ(text.spoken.substr(text.forced[0].begin, text.forced[0].end - text.forced[0].begin),
            "3");
  ASSERT_EQ(text.pauses.size(), 1u);
  EXPECT_EQ(text.pauses[0].offset, std::string("共3").size());
}

TEST(NormalizerMarks, MatchingStopsAtAMark) {
  // Without the pause, 2-1 before 战胜 is a score; the mark cuts the context.
  core::AuthorMarks marks;
  marks.pauses.push_back({3, 200});
  EXPECT_EQ(Normalizer().Normalize("2-1战胜", marks).spoken, "二杠一战胜");
  EXPECT_EQ(Normalizer().Normalize("2-1战胜").spoken, "二比一战胜");
}

}  // namespace
}  // namespace langdu::text::tn
