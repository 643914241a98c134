#include "input/markdown_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "input/blocks.h"
#include "test_util.h"

namespace langdu::input {
namespace {

std::string AllText(const core::Document& document) {
  std::string all;
  for (const core::Chapter& chapter : document.chapters) {
    for (const core::Paragraph& paragraph : chapter.paragraphs) {
      for (const core::Sentence& sentence : paragraph.sentences) all += sentence.text;
      all += "\n";
    }
  }
  return all;
}

std::string Titles(const core::Document& document) {
  std::string titles = document.title + " ||";
  for (const core::Chapter& chapter : document.chapters) {
    titles += " " + chapter.title + " (" + std::to_string(chapter.paragraphs.size()) + ")";
  }
  return titles;
}

ReadResult Read(std::string_view markdown, const ReadOptions& options = {}) {
  return ReadMarkdown("x.md", markdown, options);
}

TEST(MarkdownReader, ReadsTheSampleArticleAsAReaderSeesIt) {
  const std::string bytes = testing::ReadFile(testing::SourcePath("samples/tea-garden.md"));
  const ReadResult result = Read(bytes);
  EXPECT_EQ(result.format, InputFormat::kMarkdown);
  EXPECT_EQ(result.metadata.title, "山间茶园访问记");
  EXPECT_EQ(result.metadata.author, "林小满");
  EXPECT_EQ(Titles(result.document),
            "山间茶园访问记 || 山间茶园访问记 (2) 上山 (6) 采茶 (6) 制茶 (4)");
  const std::string all = AllText(result.document);
  for (const char* never : {"http", "example", "*", "#", "|", "<", ">", "temperature", "杀青温度",
                            "images", "---", "title:"}) {
    EXPECT_EQ(all.find(never), std::string::npos) << never << " in:\n" << all;
  }
  EXPECT_NE(all.find("清明前后，我们去了一趟南山的茶园。"), std::string::npos) << all;
  EXPECT_NE(all.find("照片放在相册里。"), std::string::npos) << all;
  EXPECT_NE(all.find("\n早上七点出发\n"), std::string::npos) << all;
  EXPECT_NE(all.find("\n茶园全景\n"), std::string::npos) << all;
  EXPECT_NE(all.find("\n清明前，明前茶\n"), std::string::npos) << all;
  EXPECT_NE(all.find("或者读一读她自己写的采茶口诀。"), std::string::npos) << all;
  EXPECT_NE(all.find("\n小结\n"), std::string::npos) << all;
}

TEST(MarkdownReader, JoinsSoftLineBreaks) {
  const core::Document document = Read("第一行的后半\n接着第二行。\nA line\nwraps here.").document;
  ASSERT_EQ(document.chapters.size(), 1u);
  EXPECT_EQ(document.chapters[0].paragraphs[0].sentences[0].text, "第一行的后半接着第二行。");
  EXPECT_EQ(document.chapters[0].paragraphs[0].sentences[1].text, "A line wraps here.");
}

TEST(MarkdownReader, SetextHeadingsAreHeadingsNotEquals) {
  const ReadResult result = Read("甲章\n====\n\n正文。\n\n乙章\n====\n\n正文。\n");
  EXPECT_EQ(Titles(result.document), " || 甲章 (2) 乙章 (2)");
  EXPECT_EQ(AllText(result.document).find("="), std::string::npos);
}

TEST(MarkdownReader, ACommentInFencedCodeIsNoHeading) {
  const ReadResult result =
      Read("## 一\n\n正文。\n\n```sh\n# 不是标题\nls\n```\n\n## 二\n\n正文。\n");
  EXPECT_EQ(Titles(result.document), " || 一 (2) 二 (2)");
}

TEST(MarkdownReader, CodeIsReadOnRequest) {
  ReadOptions options;
  options.read_code = true;
  const std::string all =
      AllText(Read("说明。\n\n    make all\n    make test\n", options).document);
  EXPECT_EQ(all, "说明。\nmake all\nmake test\n");
}

TEST(MarkdownReader, HeadingLevelsAreConfigurable) {
  const std::string markdown = "# 书\n\n## 甲\n\n一。\n\n### 子\n\n二。\n\n## 乙\n\n三。\n";
  EXPECT_EQ(Titles(Read(markdown).document), "书 || 甲 (5) 乙 (2)");
  ReadOptions two;
  two.heading_levels = 2;
  EXPECT_EQ(Titles(Read(markdown, two).document), "书 || 甲 (3) 子 (2) 乙 (2)");
  ReadOptions none;
  none.structure.detect_chapters = false;
  EXPECT_EQ(Titles(Read(markdown, none).document), "书 || 书 (7)");
}

TEST(MarkdownReader, SeveralTopHeadingsAreChaptersNotATitle) {
  EXPECT_EQ(Titles(Read("# 甲\n\n一。\n\n# 乙\n\n二。\n").document), " || 甲 (2) 乙 (2)");
}

TEST(MarkdownReader, BareAddressesAreNeverRead) {
  const std::string all =
      AllText(Read("详见 https://example.com/a/b?c=1, 或 www.example.org。\n").document);
  EXPECT_EQ(all, "详见, 或。\n");
  EXPECT_EQ(WithoutUrls("see http://a.b/c now"), "see now");
}

TEST(MarkdownReader, MalformedMarkdownIsText) {
  const ReadResult result =
      Read("**没有闭合的强调\n\n[没有闭合的链接(\n\n<div>未闭合\n\n```\n没有闭合的代码块");
  EXPECT_EQ(AllText(result.document), "**没有闭合的强调\n[没有闭合的链接(\n未闭合\n");
}

TEST(MarkdownReader, NothingToSayIsAnError) {
  try {
    Read("```\ncode only\n```\n\n![](a.png)\n");
    FAIL();
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), core::ErrorKind::kInputEmpty);
    EXPECT_STREQ(error.what(), "x.md: no text to narrate");
  }
}

TEST(MarkdownReader, SpansPointAtTheBlockInTheSource) {
  const std::string markdown = "---\ntitle: 甲\n---\n\n正文第一段。\n\n## 乙\n\n第二段。\n";
  const core::Document document = Read(markdown).document;
  const core::Sentence& second = document.chapters.back().paragraphs.back().sentences[0];
  EXPECT_EQ(second.span.line, 9);
  EXPECT_EQ(markdown.substr(second.span.byte_offset, second.span.byte_length), "第二段。\n");
  EXPECT_EQ(document.title, "甲");
}

}  // namespace
}  // namespace langdu::input
