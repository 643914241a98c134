#include "input/reader.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace langdu::input {
namespace {

TEST(InputFormat, ExtensionDecidesFirst) {
  EXPECT_EQ(DetectFormat("book.md", "plain"), InputFormat::kMarkdown);
  EXPECT_EQ(DetectFormat("book.MARKDOWN", "plain"), InputFormat::kMarkdown);
  EXPECT_EQ(DetectFormat("page.htm", "# not markdown"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("page.xhtml", ""), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("book.epub", ""), InputFormat::kEpub);
  EXPECT_EQ(DetectFormat("talk.ssml", ""), InputFormat::kSsml);
  EXPECT_EQ(DetectFormat("notes.txt", "# 标题\n\n[链接](https://example.com)"), InputFormat::kText);
}

TEST(InputFormat, ContentDecidesForStandardInputAndUnknownExtensions) {
  EXPECT_EQ(DetectFormat("-", "PK\x03\x04xxxxmimetypeapplication/epub+zipPK"), InputFormat::kEpub);
  EXPECT_EQ(DetectFormat("-", "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<speak>你好</speak>"),
            InputFormat::kSsml);
  EXPECT_EQ(DetectFormat("-", "<!-- saved -->\n<!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("page", "  <HTML lang=\"zh\">"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("-", "---\ntitle: 春\n---\n正文"), InputFormat::kMarkdown);
  EXPECT_EQ(DetectFormat("-", "正文\n\n## 第二节\n内容"), InputFormat::kMarkdown);
  EXPECT_EQ(DetectFormat("-", "见[官网](https://example.com)。"), InputFormat::kMarkdown);
  EXPECT_EQ(DetectFormat("-", "标题\n====\n正文"), InputFormat::kMarkdown);
  EXPECT_EQ(DetectFormat("-", "说明\n```\ncode\n```\n"), InputFormat::kMarkdown);
}

TEST(InputFormat, PlainTextWhenNothingElseFits) {
  EXPECT_EQ(DetectFormat("-", "第一章 出发\n　　天亮了。#3 号楼到了。"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("novel", "a < b，且 c > d。"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("-", ""), InputFormat::kText);
}

TEST(InputFormat, NamesRoundTrip) {
  for (const std::string& name : FormatNames()) {
    ASSERT_TRUE(ParseFormat(name).has_value()) << name;
    EXPECT_EQ(FormatName(*ParseFormat(name)), name);
  }
  EXPECT_EQ(ParseFormat("Text"), InputFormat::kText);
  EXPECT_EQ(ParseFormat("docx"), std::nullopt);
  EXPECT_EQ(FormatNames().front(), "auto");
}

TEST(InputReader, ReadsPlainTextIntoADocument) {
  const ReadResult result =
      Read("x.txt", "小城故事\n第一章 清晨\n天亮了。\n第二章 黄昏\n天黑了。\n", ReadOptions{});
  EXPECT_EQ(result.format, InputFormat::kText);
  EXPECT_EQ(result.encoding, "UTF-8");
  EXPECT_EQ(result.document.title, "小城故事");
  ASSERT_EQ(result.document.chapters.size(), 2u);
  EXPECT_EQ(result.document.chapters[1].title, "第二章 黄昏");
}

TEST(InputReader, AutoReadsEachFormatByItsExtension) {
  EXPECT_EQ(Read("a.md", "# 甲\n\n正文。\n\n# 乙\n\n正文。", ReadOptions{}).format,
            InputFormat::kMarkdown);
  EXPECT_EQ(Read("a.html", "<p>正文。</p>", ReadOptions{}).format, InputFormat::kHtml);
  EXPECT_EQ(Read("<stdin>", "<!DOCTYPE html><p>正文。</p>", ReadOptions{}).format,
            InputFormat::kHtml);
  ReadOptions text;
  text.format = InputFormat::kText;
  EXPECT_EQ(Read("a.html", "<p>正文。</p>", text).format, InputFormat::kText);
}

TEST(InputReader, EmptyInputHasNothingToSay) {
  try {
    Read("<stdin>", " \n\n", ReadOptions{});
    FAIL();
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), core::ErrorKind::kInputEmpty);
    EXPECT_STREQ(error.what(), "<stdin>: no text to narrate");
  }
}

}  // namespace
}  // namespace langdu::input
