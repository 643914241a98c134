#include "publish/player/read_along_page.h"

#include <gtest/gtest.h>

#include <regex>

namespace langdu::publish::player {
namespace {

TalkingBook TwoChapters() {
  TalkingBook book;
  book.title = "标题 & <测试>";
  book.author = "作者";
  book.sha256 = "abc123";
  book.chapters.push_back({1,
                           "第一章",
                           "01-第一章.mp3",
                           0,
                           3.5,
                           3.6,
                           {{{{"第一句。", 0.3, 1.25}, {"第二句！", 1.5, 3.2}}}}});
  book.chapters.push_back({2,
                           "第二章 #2",
                           "02-第二章 #2.mp3",
                           0,
                           2,
                           2.1,
                           {{{{"甲。", 0.3, 1}}}, {{{"乙。", 1.2, 1.9}}}}});
  return book;
}

int Count(const std::string& text, const std::string& what) {
  int count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST(ReadAlongPage, LinksEveryChapterFromTheNav) {
  const std::string html = ReadAlongPage(TwoChapters());
  EXPECT_NE(html.find("<li><a href=\"#c1\">第一章</a></li>"), std::string::npos);
  EXPECT_NE(html.find("<li><a href=\"#c2\">第二章 #2</a></li>"), std::string::npos);
  EXPECT_EQ(Count(html, "<section id=\"c"), 2);
}

TEST(ReadAlongPage, TimesEverySentenceInSecondsOfItsFile) {
  const std::string html = ReadAlongPage(TwoChapters());
  EXPECT_NE(html.find("<span class=\"s\" id=\"c1-s2\" data-begin=\"1.500\" data-end=\"3.200\">"
                      "第二句！</span>"),
            std::string::npos);
  // Sentences are numbered through the chapter, across paragraphs.
  EXPECT_NE(html.find("id=\"c2-s2\" data-begin=\"1.200\" data-end=\"1.900\">乙。</span></p>"),
            std::string::npos);
  EXPECT_EQ(Count(html, "class=\"s\""), 4);
}

TEST(ReadAlongPage, EscapesTextAndEncodesFileNames) {
  const std::string html = ReadAlongPage(TwoChapters());
  EXPECT_NE(html.find("<title>标题 &amp; &lt;测试&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("data-file=\"02-第二章%20%232.mp3\""), std::string::npos);
  EXPECT_EQ(html.find("标题 & <"), std::string::npos);
}

TEST(ReadAlongPage, IsSelfContained) {
  const std::string html = ReadAlongPage(TwoChapters());
  EXPECT_EQ(html.find("fetch("), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
}

TEST(ReadAlongPage, LabelsEveryButtonWithItsKey) {
  const std::string html = ReadAlongPage(TwoChapters());
  const std::regex button(
      "<button type=\"button\" id=\"[a-z-]+\" aria-keyshortcuts=\"[^\"]+\">"
      "[^<]+</button>");
  EXPECT_EQ(
      std::distance(std::sregex_iterator(html.begin(), html.end(), button), std::sregex_iterator()),
      7);
  EXPECT_NE(html.find("role=\"status\" aria-live=\"polite\""), std::string::npos);
}

}  // namespace
}  // namespace langdu::publish::player
