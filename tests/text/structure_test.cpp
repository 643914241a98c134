#include "text/structure.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "text/chapter_patterns.h"
#include "text/cleanup.h"
#include "core/utf8.h"

namespace langdu::text {
namespace {

core::Document Parse(std::string_view text, const StructureOptions& options = {}) {
  return ParseStructure(Cleanup(text), text, "x.txt", options);
}

// "<document title> || <chapter title> (<paragraphs>) | ..."
std::string Outline(const core::Document& document) {
  std::string outline = document.title + " ||";
  for (std::size_t i = 0; i < document.chapters.size(); ++i) {
    const core::Chapter& chapter = document.chapters[i];
    EXPECT_EQ(chapter.number, static_cast<int>(i) + 1);
    outline += (i == 0 ? " " : " | ") + chapter.title + " (" +
               std::to_string(chapter.paragraphs.size()) + ")";
  }
  return outline;
}

std::vector<std::string> SentenceTexts(const core::Document& document) {
  std::vector<std::string> texts;
  for (const core::Chapter& chapter : document.chapters) {
    for (const core::Paragraph& paragraph : chapter.paragraphs) {
      for (const core::Sentence& sentence : paragraph.sentences) texts.push_back(sentence.text);
    }
  }
  return texts;
}

std::string ParseError(std::string_view text, const StructureOptions& options,
                       core::ErrorKind kind) {
  try {
    Parse(text, options);
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), kind);
    return error.what();
  }
  return "no error";
}

std::string Seed() {
  std::ifstream in(
      std::filesystem::path(LANGDU_SOURCE_DIR) / "samples" / "district-party-building-speech.txt",
      std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct OutlineCase {
  const char* name;
  const char* input;
  const char* outline;
};

void PrintTo(const OutlineCase& c, std::ostream* os) { *os << c.name; }

class StructureGolden : public testing::TestWithParam<OutlineCase> {};

TEST_P(StructureGolden, Outlines) {
  EXPECT_EQ(Outline(Parse(GetParam().input)), GetParam().outline);
}

const OutlineCase kOutlines[] = {
    {"ChineseChapters", "第一章 风起\n天下大势。\n第二章 云涌\n分久必合。",
     " || 第一章 风起 (2) | 第二章 云涌 (2)"},
    {"ArabicChapters", "第1章 开始\n正文。\n第2章 结束\n正文。",
     " || 第1章 开始 (2) | 第2章 结束 (2)"},
    {"SpacedNumbers", "第 3 节\n正文。\n第 4 节\n正文。", " || 第 3 节 (2) | 第 4 节 (2)"},
    {"FinancialNumerals", "第壹章\n正文。\n第贰章\n正文。", " || 第壹章 (2) | 第贰章 (2)"},
    {"LargeNumbers", "第一百一十九回 结局\n正文。\n第一百二十回 尾声\n正文。",
     " || 第一百一十九回 结局 (2) | 第一百二十回 尾声 (2)"},
    {"TitleRightAfterUnit", "第一章天下大势\n正文。\n第二章群雄并起\n正文。",
     " || 第一章天下大势 (2) | 第二章群雄并起 (2)"},
    {"TraditionalUnits", "第一節 緒論\n正文。\n第二節 方法\n正文。",
     " || 第一節 緒論 (2) | 第二節 方法 (2)"},
    {"OtherUnits", "第一卷\n甲。\n第二部\n乙。\n第三篇\n丙。\n第四集\n丁。",
     " || 第一卷 (2) | 第二部 (2) | 第三篇 (2) | 第四集 (2)"},
    {"HeadingMayExclaim", "第一章 出发！\n正文。\n第二章 到达？\n正文。",
     " || 第一章 出发 (2) | 第二章 到达 (2)"},
    {"FrontAndBackMatter", "前言\n写在前面。\n第一章 开始\n正文。\n后记\n写在后面。",
     " || 前言 (2) | 第一章 开始 (2) | 后记 (2)"},
    {"MoreFrontMatter", "序\n甲。\n楔子\n乙。\n尾声\n丙。\n附录一 参考文献\n丁。",
     " || 序 (2) | 楔子 (2) | 尾声 (2) | 附录一 参考文献 (2)"},
    {"FrontMatterWithTitle", "引言：为什么读书\n正文。\n第一章 开始\n正文。",
     " || 引言：为什么读书 (2) | 第一章 开始 (2)"},
    {"EnglishChapters", "Chapter 1: The Start\nText.\nChapter 2\nMore text.",
     " || Chapter 1: The Start (2) | Chapter 2 (2)"},
    {"MarkdownTitleAndSections", "# 我的书\n\n## 第一部分\n正文。\n\n## 第二部分\n正文。",
     "我的书 || 第一部分 (3) | 第二部分 (2)"},
    {"MarkdownDeeperLevelsStayInside", "## 甲\n正文。\n### 小节\n正文。\n## 乙\n正文。",
     " || 甲 (4) | 乙 (2)"},
    {"MarkdownSameLevelHeadings", "# 甲\n正文。\n# 乙\n正文。", " || 甲 (2) | 乙 (2)"},
    {"ListHeadings", "一、总体要求\n正文。\n二、主要任务\n正文。\n三、保障措施\n正文。",
     " || 一、总体要求 (2) | 二、主要任务 (2) | 三、保障措施 (2)"},
    {"ListHeadingsAfterOpening", "通知\n\n各单位：\n一、时间\n周一。\n二、地点\n礼堂。",
     "通知 || 通知 (2) | 一、时间 (2) | 二、地点 (2)"},
    {"StrayListItemDoesNotSplit", "正文开始。\n一、这是正文里的一句话，不是标题。\n正文结束。",
     " || 正文开始 (3)"},
    {"ListOutOfSequenceDoesNotSplit", "开头。\n二、甲\n正文。\n三、乙\n正文。", " || 开头 (5)"},
    {"StrayListItemAfterAList", "一、甲\n正文。\n二、乙\n正文。\n一、又一个。",
     " || 一、甲 (2) | 二、乙 (3)"},
    {"SpeechPoints",
     "同志们：\n开场。\n第一，要做好甲。甲很重要。\n第二，要做好乙。\n最后，谢谢大家。\n我就讲这些"
     "！",
     " || 同志们 (2) | 第一，要做好甲 (1) | 第二，要做好乙 (1) | 最后，谢谢大家 (2)"},
    {"LonePointDoesNotSplit", "开头。\n第一，只有一点。\n结尾。", " || 开头 (3)"},
    {"ClosingWithoutSequenceDoesNotSplit", "开头。\n最后，谢谢。", " || 开头 (2)"},
    {"ChaptersOutrankLists", "第一章 开始\n一、甲\n正文。\n二、乙\n正文。\n第二章 继续\n正文。",
     " || 第一章 开始 (5) | 第二章 继续 (2)"},
    {"ListsOutrankPoints", "一、甲\n第一，子。\n第二，丑。\n二、乙\n正文。",
     " || 一、甲 (3) | 二、乙 (2)"},
    {"HeadingOnlyChapterMergesIntoNext", "第一卷 风起\n第一章 开始\n正文。\n第二章 继续\n正文。",
     " || 第一章 开始 (3) | 第二章 继续 (2)"},
    {"TitleThenChapters", "我的书\n\n第一章 开始\n正文。\n第二章 继续\n正文。",
     "我的书 || 第一章 开始 (3) | 第二章 继续 (2)"},
    {"TitleWithoutHeadings", "春天来了\n小草绿了。\n花儿开了。", "春天来了 || 春天来了 (3)"},
    {"NoTitleWhenFirstLineIsASentence", "今天天气很好。\n我们去公园。", " || 今天天气很好 (2)"},
    {"NoTitleWhenFirstLineEndsInColon", "同志们：\n大家好。", " || 同志们 (2)"},
    {"NoTitleWhenAlone", "只有一行", " || 只有一行 (1)"},
    {"NoTitleWhenTooLong",
     "这是一行很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的文字没有标点\n下一"
     "行。",
     " || 这是一行很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的文字没… (2)"},
    {"PrefixedHeadings", "正文 第一回 风起青萍\n正文。\n正文 第二回 云开月明\n正文。",
     " || 第一回 风起青萍 (2) | 第二回 云开月明 (2)"},
    {"VolumePrefixedHeadings", "正文卷 第一章 出山\n正文。\n正文卷 第二章 下山\n正文。",
     " || 第一章 出山 (2) | 第二章 下山 (2)"},
    {"BracketedHeadings", "【第一章】出发\n正文。\n【第二章】到达\n正文。",
     " || 【第一章】出发 (2) | 【第二章】到达 (2)"},
    {"CircleZeroNumerals", "第九十九回 甲\n正文。\n第一〇〇回 乙\n正文。\n第一○一回 丙\n正文。",
     " || 第九十九回 甲 (2) | 第一〇〇回 乙 (2) | 第一○一回 丙 (2)"},
    {"FullWidthDigits", "第１章 开始\n正文。\n第２章 结束\n正文。",
     " || 第1章 开始 (2) | 第2章 结束 (2)"},
    {"MoreUnits", "第一讲\n甲。\n第二课\n乙。\n第三则\n丙。\n第四折\n丁。\n第五幕\n戊。",
     " || 第一讲 (2) | 第二课 (2) | 第三则 (2) | 第四折 (2) | 第五幕 (2)"},
    {"MoreSeparators", "第一回·初见\n正文。\n第二回｜重逢\n正文。\n第三回_别离\n正文。",
     " || 第一回·初见 (2) | 第二回|重逢 (2) | 第三回_别离 (2)"},
    {"PublishersFrontMatter", "出版说明\n甲。\n重印前记\n乙。\n第一章 开始\n丙。\n译后记\n丁。",
     " || 出版说明 (2) | 重印前记 (2) | 第一章 开始 (2) | 译后记 (2)"},
    {"ExtrasAndNumberedPrefaces", "序一\n甲。\n序二\n乙。\n第一章 开始\n丙。\n番外一 旧事\n丁。",
     " || 序一 (2) | 序二 (2) | 第一章 开始 (2) | 番外一 旧事 (2)"},
    {"BackMatterAtAnyRank", "一、甲\n正文。\n二、乙\n正文。\n后记\n写在后面。",
     " || 一、甲 (2) | 二、乙 (2) | 后记 (2)"},
    {"LongOpeningSentenceCutAtClause",
     "我们今天在这里开会，主要是为了讨论明年的工作安排以及人员调整等等一系列非常重要的问题。",
     " || 我们今天在这里开会 (1)"},
};

INSTANTIATE_TEST_SUITE_P(Table, StructureGolden, testing::ValuesIn(kOutlines),
                         [](const testing::TestParamInfo<OutlineCase>& info) {
                           return std::string(info.param.name);
                         });

// Lines that start like headings but are prose: each stays inside one chapter.
class StructureLookAlike : public testing::TestWithParam<const char*> {};

TEST_P(StructureLookAlike, DoesNotSplit) {
  const std::string text = std::string("开头。\n") + GetParam() + "\n结尾。";
  EXPECT_EQ(Outline(Parse(text)), " || 开头 (3)");
}

INSTANTIATE_TEST_SUITE_P(Table, StructureLookAlike,
                         testing::Values("第一封信是他写的。", "第二天，我们出发了。",
                                         "第三者插足。", "第一次见面，很紧张。",
                                         "第一时间赶到现场。", "第一书记来了。", "第一章写得很好。",
                                         "第一名是小明，第二名是小红。", "第一部手机是诺基亚。",
                                         "第三节课我们上数学。", "一、二、三、四，报数！",
                                         "前言不搭后语。", "序号要写对。", "后记得带伞。",
                                         "卷一卷就好了。", "#话题# 今天天气", "第一，",
                                         "第一课我就迟到了。", "正文写完了。", "跋山涉水。",
                                         "序言写得太长，没人读。"));

TEST(Structure, OutlinesTheSeedSpeech) {
  const core::Document document = Parse(Seed());
  EXPECT_EQ(document.title, "在全区党建工作会上的讲话");
  EXPECT_EQ(Outline(document),
            "在全区党建工作会上的讲话 || 在全区党建工作会上的讲话 (6)"
            " | 第一，要更加从严从实抓党的政治建设 (1)"
            " | 第二，要更加从严从实抓思想理论武装 (1)"
            " | 第三，要更加从严从实抓好组织建设 (1)"
            " | 第四，更加从严从实推进党风廉政建设 (1)"
            " | 第五，更加从严从实抓党建促发展 (1)"
            " | 第六，要更加从严从实履职担当 (1)"
            " | 最后，我想再强调的是 (2)");
  const core::Chapter& opening = document.chapters.front();
  EXPECT_EQ(opening.paragraphs[0].sentences[0].text, "在全区党建工作会上的讲话");
  EXPECT_EQ(opening.paragraphs[1].sentences[0].text, "同志们：");
  EXPECT_EQ(opening.paragraphs[5].sentences.back().text, "这里，我再强调几点意见。");
  const core::Chapter& first = document.chapters[1];
  EXPECT_EQ(first.paragraphs[0].sentences[0].text, "第一，要更加从严从实抓党的政治建设。");
  EXPECT_EQ(first.paragraphs[0].sentences.size(), 5u);
  const core::Chapter& last = document.chapters.back();
  EXPECT_EQ(last.paragraphs.back().sentences.back().text, "我就讲这些！");
}

TEST(Structure, SeedSentencesPointIntoTheSource) {
  const std::string seed = Seed();
  const core::Document document = Parse(seed);
  std::size_t sentences = 0;
  for (const core::Chapter& chapter : document.chapters) {
    for (const core::Paragraph& paragraph : chapter.paragraphs) {
      for (const core::Sentence& sentence : paragraph.sentences) {
        ++sentences;
        EXPECT_EQ(sentence.source_text, sentence.text);  // the seed needs no cleaning
        EXPECT_EQ(seed.substr(sentence.span.byte_offset, sentence.span.byte_length),
                  sentence.source_text);
      }
    }
  }
  EXPECT_EQ(sentences, 59u);
  const core::SourceSpan& point = document.chapters[1].paragraphs[0].sentences[0].span;
  EXPECT_EQ(point.line, 8);
  EXPECT_EQ(point.column, 1);
  const core::SourceSpan& second = document.chapters[1].paragraphs[0].sentences[1].span;
  EXPECT_EQ(second.line, 8);
  EXPECT_EQ(second.column, 19);
  const core::SourceSpan& end = document.chapters.back().paragraphs.back().sentences.back().span;
  EXPECT_EQ(end.line, 15);
  EXPECT_EQ(end.column, 1);
  EXPECT_EQ(end.byte_length, std::string("我就讲这些！").size());
}

TEST(Structure, SeedAsOneChapter) {
  StructureOptions options;
  options.detect_chapters = false;
  const core::Document document = Parse(Seed(), options);
  EXPECT_EQ(Outline(document), "在全区党建工作会上的讲话 || 在全区党建工作会上的讲话 (14)");
}

TEST(Structure, JoinsHardWrappedChineseBlocks) {
  const core::Document document =
      Parse("他走了很远的路，看到\n一座山。山上有\n一座庙。\n\n第二段开始，\n然后结束。\n");
  ASSERT_EQ(document.chapters.size(), 1u);
  const auto& paragraphs = document.chapters[0].paragraphs;
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(SentenceTexts(document),
            (std::vector<std::string>{"他走了很远的路，看到一座山。", "山上有一座庙。",
                                      "第二段开始，然后结束。"}));
  // A sentence across a line break shows exactly what the author wrote.
  EXPECT_EQ(paragraphs[0].sentences[0].source_text, "他走了很远的路，看到\n一座山。");
  EXPECT_EQ(paragraphs[1].span.line, 5);
}

TEST(Structure, JoinsHardWrappedLatinWordsWithASpace) {
  const core::Document document = Parse("This is a long\nline of text.\n\nSecond one\nhere.");
  EXPECT_EQ(SentenceTexts(document),
            (std::vector<std::string>{"This is a long line of text.", "Second one here."}));
}

TEST(Structure, JoinsLatinAndQuotesWithASpaceButNotHan) {
  const core::Document document =
      Parse("He said\n“hello” to\nthe 山。他说\n“好”。\n\nOne more\nline.");
  EXPECT_EQ(SentenceTexts(document), (std::vector<std::string>{"He said “hello” to the 山。",
                                                               "他说“好”。", "One more line."}));
}

TEST(Structure, ListItemsAndQuotesAreParagraphsWithoutMarkers) {
  const core::Document document =
      Parse("Title Here\n\n- item one\n- item two\n\n> a quoted line\nthat goes on.");
  EXPECT_EQ(SentenceTexts(document), (std::vector<std::string>{"Title Here", "item one", "item two",
                                                               "a quoted line that goes on."}));
  EXPECT_EQ(document.chapters[0].paragraphs[1].sentences[0].span.column, 3);
}

TEST(Structure, BlankLinesBetweenOneLineParagraphsKeepLines) {
  const core::Document document = Parse("第一段。\n\n第二段。\n\n第三段。\n第四段。");
  EXPECT_EQ(document.chapters[0].paragraphs.size(), 4u);
}

TEST(Structure, HeadingInsideABlockStandsAlone) {
  const core::Document document =
      Parse("第一章 开始\n他走了很远的路，看到\n一座山。\n\n第二章 继续\n山上有\n一座庙。");
  EXPECT_EQ(Outline(document), " || 第一章 开始 (2) | 第二章 继续 (2)");
  EXPECT_EQ(document.chapters[1].paragraphs[1].sentences[0].text, "山上有一座庙。");
}

TEST(Structure, MarkdownMarkersAreNotSpoken) {
  const core::Document document = Parse("## 甲\n正文。\n### 小节\n正文。\n## 乙\n正文。");
  EXPECT_EQ(document.chapters[0].paragraphs[0].sentences[0].text, "甲");
  EXPECT_EQ(document.chapters[0].paragraphs[0].sentences[0].source_text, "甲");
  EXPECT_EQ(document.chapters[0].paragraphs[2].sentences[0].text, "小节");
  EXPECT_EQ(document.chapters[0].paragraphs[2].sentences[0].span.column, 5);
}

TEST(Structure, ClosingQuotesStayWithTheirSentence) {
  EXPECT_EQ(SentenceTexts(Parse("他说：“太好了！”第三句。“你好！”她说。")),
            (std::vector<std::string>{"他说：“太好了！”", "第三句。", "“你好！”", "她说。"}));
}

TEST(Structure, ClosingBracketsStayWithTheirSentence) {
  EXPECT_EQ(SentenceTexts(Parse("他来了（真的吗？）我不信。《书名！》很好。")),
            (std::vector<std::string>{"他来了（真的吗？）", "我不信。", "《书名！》很好。"}));
}

TEST(Structure, NoSentenceIsOnlyPunctuation) {
  EXPECT_EQ(SentenceTexts(Parse("好的。……！\n“”真的？")),
            (std::vector<std::string>{"好的。……！", "“”真的？"}));
}

TEST(Structure, DropsPunctuationOnlyParagraphs) {
  const core::Document document = Parse("甲。\n***\n——\n乙。");
  EXPECT_EQ(document.chapters[0].paragraphs.size(), 2u);
}

TEST(Structure, SpansPointPastIndentation) {
  const core::Document document = Parse("标题行\n\u3000\u3000缩进的段落。");
  const core::Sentence& sentence = document.chapters[0].paragraphs[1].sentences[0];
  EXPECT_EQ(sentence.source_text, "缩进的段落。");
  EXPECT_EQ(sentence.span.line, 2);
  EXPECT_EQ(sentence.span.column, 3);
  EXPECT_EQ(sentence.span.byte_offset, 16u);
  EXPECT_EQ(sentence.span.byte_length, 18u);
}

TEST(Structure, SourceTextShowsWhatTheAuthorWrote) {
  const core::Document document = Parse("ＡＢＣ是字母...\u200B对吗﹖");
  ASSERT_EQ(document.chapters[0].paragraphs[0].sentences.size(), 1u);
  const core::Sentence& sentence = document.chapters[0].paragraphs[0].sentences[0];
  EXPECT_EQ(sentence.text, "ABC是字母……对吗？");
  EXPECT_EQ(sentence.source_text, "ＡＢＣ是字母...\u200B对吗﹖");
}

TEST(Structure, SpansCountCrLfLines) {
  const core::Document document = Parse("甲。\r\n乙。\r\n");
  const core::Sentence& sentence = document.chapters[0].paragraphs[1].sentences[0];
  EXPECT_EQ(sentence.source_text, "乙。");
  EXPECT_EQ(sentence.span.line, 2);
  EXPECT_EQ(sentence.span.byte_offset, 8u);
  EXPECT_EQ(sentence.span.byte_length, 6u);
}

TEST(Structure, ParagraphSpanCoversItsSentences) {
  const core::Document document = Parse("开头。\n第一句。第二句！\n");
  const core::Paragraph& paragraph = document.chapters[0].paragraphs[1];
  EXPECT_EQ(paragraph.span.line, 2);
  EXPECT_EQ(paragraph.span.byte_offset, 10u);
  EXPECT_EQ(paragraph.span.byte_length, 24u);
}

TEST(Structure, ChapterPatternReplacesTheTable) {
  StructureOptions options;
  options.chapter_pattern = "Part \\d+";
  EXPECT_EQ(Outline(Parse("Part 1\nA.\n第一章 甲\nB.\nPart 2\nC.", options)),
            " || Part 1 (4) | Part 2 (2)");
}

TEST(Structure, ChapterPatternMatchesLineStartOnly) {
  StructureOptions options;
  options.chapter_pattern = "【.+?】";
  EXPECT_EQ(Outline(Parse("开头。\n【甲】正文在后面。\n我说【乙】。\n【丙】\n正文。", options)),
            " || 开头 (1) | 【甲】正文在后面 (2) | 【丙】 (2)");
}

TEST(Structure, RejectsInvalidChapterPattern) {
  StructureOptions options;
  options.chapter_pattern = "第(";
  EXPECT_EQ(ParseError("正文。", options, core::ErrorKind::kUsage),
            "invalid chapter pattern \"第(\": mismatched parentheses");
  options.chapter_pattern = "[ab";
  EXPECT_EQ(ParseError("正文。", options, core::ErrorKind::kUsage),
            "invalid chapter pattern \"[ab\": missing closing bracket");
}

TEST(Structure, DetectChaptersFalseGivesOneChapter) {
  StructureOptions options;
  options.detect_chapters = false;
  EXPECT_EQ(Outline(Parse("第一章 风起\n天下大势。\n第二章 云涌\n分久必合。", options)),
            "第一章 风起 || 第一章 风起 (4)");
}

TEST(Structure, RejectsEmptyInput) {
  for (const char* text : {"", "  \n\t\n\u3000\n\n", "。，！\n……\n***", "\u200B\uFEFF"}) {
    EXPECT_EQ(ParseError(text, {}, core::ErrorKind::kInputEmpty), "x.txt: no text to narrate")
        << text;
  }
}

struct NumeralCase {
  const char* numeral;
  std::optional<int> value;
};

TEST(ChapterPatterns, ParsesNumerals) {
  const NumeralCase cases[] = {
      {"12", 12},         {"十", 10},     {"十二", 12},   {"二十", 20}, {"一百零五", 105},
      {"二〇一九", 2019}, {"壹拾贰", 12}, {"两千", 2000}, {"三", 3},    {"abc", std::nullopt},
      {"", std::nullopt},
  };
  for (const NumeralCase& c : cases) EXPECT_EQ(ParseNumeral(c.numeral), c.value) << c.numeral;
}

TEST(ChapterPatterns, MatchesMarkdownLevelsAsRanks) {
  const HeadingMatcher matcher;
  const std::optional<HeadingMatch> h1 = matcher.Match("# 书名");
  const std::optional<HeadingMatch> h3 = matcher.Match("### 小节 ##");
  ASSERT_TRUE(h1 && h3);
  EXPECT_LT(h1->rank, h3->rank);
  EXPECT_EQ(h1->text_offset, 2u);
  EXPECT_EQ(h3->text_offset, 4u);
  EXPECT_FALSE(matcher.Match("#话题#"));
}

TEST(ChapterPatterns, ReadsHeadingNumbers) {
  const HeadingMatcher matcher;
  EXPECT_EQ(matcher.Match("第十二章 归来")->number, 12);
  EXPECT_EQ(matcher.Match("三、保障措施")->number, 3);
  EXPECT_EQ(matcher.Match("第六，要更加从严从实履职担当。")->number, 6);
  EXPECT_FALSE(matcher.Match("最后，谢谢。")->number);
}

TEST(ChapterPatterns, TableRowsAllCompile) {
  EXPECT_NO_THROW(HeadingMatcher());
  EXPECT_FALSE(HeadingPatterns().empty());
}

std::string Fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(LANGDU_SOURCE_DIR) / "tests/data/structure" / name,
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::size_t WidthOf(char32_t c) { return core::IsHan(c) || c >= 0x3000 ? 2 : 1; }

// Cuts every line of `text` after `columns` display columns (Han as 2), as e-texts are cut;
// each line keeps its indentation on its first piece only.
std::string HardWrap(std::string_view text, std::size_t columns) {
  std::string out;
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = core::NextCodePoint(text, pos);
    if (c == '\n') {
      out += '\n';
      width = 0;
      continue;
    }
    if (width + WidthOf(c) > columns) {
      out += '\n';
      width = 0;
    }
    out += text.substr(start, pos - start);
    width += WidthOf(c);
  }
  return out;
}

std::size_t ParagraphCount(const core::Document& document) {
  std::size_t count = 0;
  for (const core::Chapter& chapter : document.chapters) count += chapter.paragraphs.size();
  return count;
}

TEST(StructureWrapping, IndentedHardWrappedTextHasOneParagraphPerIndentation) {
  const std::string text = HardWrap(Fixture("river-town.txt"), 40);
  ASSERT_GT(std::count(text.begin(), text.end(), '\n'), 40);
  const core::Document document = Parse(text);
  EXPECT_EQ(document.title, "河边小镇");
  EXPECT_EQ(ParagraphCount(document), 9u);  // the title and 8 paragraphs
  EXPECT_EQ(document.chapters[0].paragraphs[1].sentences[0].text,
            "清晨的雾还没有散，老周就推着他的豆腐车出了门。");
}

TEST(StructureWrapping, UnindentedHardWrappedTextEndsParagraphsAtShortLines) {
  std::string text = Fixture("river-town.txt");
  for (std::size_t at = text.find("　　"); at != std::string::npos; at = text.find("　　")) {
    text.erase(at, std::string_view("　　").size());
  }
  const core::Document document = Parse(HardWrap(text, 60));
  EXPECT_EQ(ParagraphCount(document), 9u);
}

TEST(StructureWrapping, VerseLinesStayLines) {
  const std::string text =
      HardWrap(Fixture("river-town.txt"), 40) + HardWrap(Fixture("river-town-verse.txt"), 40);
  const core::Document document = Parse(text);
  const std::vector<core::Paragraph>& paragraphs = document.chapters.back().paragraphs;
  ASSERT_EQ(ParagraphCount(document), 9u + 6u);
  EXPECT_EQ(paragraphs[paragraphs.size() - 5].sentences[0].text, "桥头有辆豆腐车，");
  EXPECT_EQ(paragraphs[paragraphs.size() - 2].sentences[0].text, "太阳就起来了。");
}

TEST(StructureWrapping, WrappedLatinWordsGetOneSpace) {
  std::string text;
  for (int i = 0; i < 10; ++i) {
    text += "  The river runs through the town and\nsplits it into two halves, north and\n"
            "south, old and new, slow and fast.\n";
  }
  const core::Document document = Parse(text);
  ASSERT_EQ(ParagraphCount(document), 10u);
  EXPECT_EQ(document.chapters[0].paragraphs[0].sentences[0].text,
            "The river runs through the town and splits it into two halves, north and south, "
            "old and new, slow and fast.");
}

TEST(StructureWrapping, TextWithOneParagraphPerLineIsNotJoined) {
  const core::Document document = Parse(Fixture("river-town.txt"));
  EXPECT_EQ(ParagraphCount(document), 9u);
}

}  // namespace
}  // namespace langdu::text
