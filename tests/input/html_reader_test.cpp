#include "input/html_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"

namespace langdu::input {
namespace {

std::string Outline(const core::Document& document) {
  std::string outline = document.title + " ||";
  for (const core::Chapter& chapter : document.chapters) {
    outline += " " + chapter.title + " (" + std::to_string(chapter.paragraphs.size()) + ")";
  }
  return outline;
}

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

constexpr std::string_view kPage = R"(<!DOCTYPE html>
<html lang="zh">
<head>
  <title>小镇夜话</title>
  <meta name="author" content="林小满">
  <style>p { color: red; }</style>
  <script>var 不要读 = 1;</script>
</head>
<body>
<nav><a href="/">首页</a> | <a href="/about">关于</a></nav>
<h1>小镇夜话</h1>
<p>夜里的小镇很安静，
只有<a href="https://example.com/river">河水</a>在响。</p>
<h2>第一夜</h2>
<p>路灯下站着一只<em>黑猫</em>。<img src="cat.png" alt="黑猫的照片"></p>
<ul><li>它不怕人</li><li>它只吃鱼</li></ul>
<pre><code>// 代码不读
</code></pre>
<h2>第二夜</h2>
<blockquote>月亮出来了。</blockquote>
<table><tr><th>时间</th><th>地点</th></tr><tr><td>晚上九点</td><td>桥头</td></tr></table>
<h3>尾巴</h3>
<p>第二天早上，猫不见了。<br>只留下一串脚印。</p>
</body></html>
)";

TEST(HtmlReader, HeadingsAreChaptersAndParagraphsAreParagraphs) {
  const ReadResult result = ReadHtml("page.html", kPage, ReadOptions{});
  EXPECT_EQ(result.format, InputFormat::kHtml);
  EXPECT_EQ(result.metadata.title, "小镇夜话");
  EXPECT_EQ(result.metadata.author, "林小满");
  EXPECT_EQ(Outline(result.document), "小镇夜话 || 小镇夜话 (2) 第一夜 (4) 第二夜 (6)");
  const std::string all = AllText(result.document);
  EXPECT_EQ(all,
            "小镇夜话\n夜里的小镇很安静，只有河水在响。\n"
            "第一夜\n路灯下站着一只黑猫。黑猫的照片\n它不怕人\n它只吃鱼\n"
            "第二夜\n月亮出来了。\n时间，地点\n晚上九点，桥头\n尾巴\n第二天早上，猫不见了。只留下一"
            "串脚印。\n");
}

TEST(HtmlReader, CodeIsReadOnRequest) {
  ReadOptions options;
  options.read_code = true;
  const std::string all = AllText(ReadHtml("page.html", kPage, options).document);
  EXPECT_NE(all.find("代码不读"), std::string::npos) << all;
}

TEST(HtmlReader, MalformedHtmlIsText) {
  const ReadResult result = ReadHtml(
      "bad.html", "<p>没有闭合<div><b>粗体<p>又一段</i></table>&nbsp;&bogus;", ReadOptions{});
  EXPECT_EQ(AllText(result.document), "没有闭合\n粗体\n又一段 &bogus;\n");
}

TEST(HtmlReader, NothingToSayIsAnError) {
  try {
    ReadHtml("empty.html", "<html><head><title>空</title></head><body><script>x</script></body>",
             ReadOptions{});
    FAIL();
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), core::ErrorKind::kInputEmpty);
    EXPECT_STREQ(error.what(), "empty.html: no text to narrate");
  }
}

TEST(HtmlReader, SpansGiveTheLineOfEachBlock) {
  const core::Document document = ReadHtml("page.html", kPage, ReadOptions{}).document;
  EXPECT_EQ(document.chapters[1].paragraphs[0].sentences[0].span.line, 14);  // <h2>第一夜</h2>
}

}  // namespace
}  // namespace langdu::input
