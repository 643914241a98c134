#include "text/noise.h"

#include <gtest/gtest.h>

#include <string>

#include "text/cleanup.h"

namespace langdu::text {
namespace {

std::string Kinds(const Denoised& denoised) {
  std::string kinds;
  for (const SkippedLine& line : denoised.skipped) {
    kinds += (kinds.empty() ? "" : " ") + std::to_string(line.line) + ":" + line.kind;
  }
  return kinds;
}

TEST(Noise, DropsScraperLinesByKind) {
  const std::string text =
      "第一章 出山\n"
      "更新时间：2023-05-01 12:30\n"
      "本章字数：3012\n"
      "天亮了，他走出山门。\n"
      "求月票！求推荐票！\n"
      "www.example.com\n"
      "请记住本站网址，方便下次阅读。\n"
      "（本章完）\n"
      "2024-01-02 08:15:00\n";
  const Denoised denoised = DropNoiseLines(Cleanup(text));
  EXPECT_EQ(denoised.clean.text, "第一章 出山\n天亮了，他走出山门。\n");
  EXPECT_EQ(Kinds(denoised),
            "2:update-time 3:word-count 5:plea 6:site 7:site 8:chapter-end 9:update-time");
  EXPECT_EQ(denoised.skipped[2].text, "求月票！求推荐票！");
}

TEST(Noise, KeepsProseThatMentionsTheSameWords) {
  const std::string text =
      "他说：“这一章的字数太多了，编辑要他删掉三千字，他舍不得，一直拖到交稿前一天才动手。”\n"
      "更新时间和地点另行通知。\n"
      "请访问www.example.com了解详情，报名截止日期为五月一日，逾期不再受理，请相互转告。\n"
      "故事未完，我们明天再讲。\n";
  const Denoised denoised = DropNoiseLines(Cleanup(text));
  EXPECT_EQ(denoised.skipped.size(), 0u) << Kinds(denoised);
  EXPECT_EQ(denoised.clean.text, Cleanup(text).text);
}

TEST(Noise, SourceOffsetsStillPointIntoTheInput) {
  const std::string text = "甲。\n求收藏\n乙。";
  const Denoised denoised = DropNoiseLines(Cleanup(text));
  ASSERT_EQ(denoised.clean.text, "甲。\n乙。");
  ASSERT_EQ(denoised.clean.source_offsets.size(), denoised.clean.text.size() + 1);
  const std::size_t second = denoised.clean.text.find("乙");
  EXPECT_EQ(text.substr(denoised.clean.source_offsets[second], 3), "乙");
  EXPECT_EQ(denoised.clean.source_offsets.back(), text.size());
}

TEST(Noise, DropsATableOfContents) {
  const std::string text =
      "风雨桥\n目录\n第一回 初见\n第二回 重逢\n第三回 别离\n\n"
      "第一回 初见\n桥上起了风。\n第二回 重逢\n雨停了。\n第三回 别离\n天晴了。\n";
  const Denoised denoised = DropNoiseLines(Cleanup(text));
  EXPECT_EQ(Kinds(denoised), "2:toc 3:toc 4:toc 5:toc");
  EXPECT_EQ(denoised.clean.text.find("目录"), std::string::npos);
}

TEST(Noise, KeepsAVolumeHeadingBeforeItsFirstChapter) {
  const std::string text = "第一卷 风起\n第一章 开始\n正文。\n第二章 继续\n正文。\n";
  EXPECT_TRUE(DropNoiseLines(Cleanup(text)).skipped.empty());
}

TEST(Noise, NoTableOfContentsWithoutChapters) {
  StructureOptions options;
  options.detect_chapters = false;
  const std::string text =
      "目录\n第一回 初见\n第二回 重逢\n第一回 初见\n正文。\n第二回 重逢\n正文。\n";
  EXPECT_TRUE(DropNoiseLines(Cleanup(text), options).skipped.empty());
}

}  // namespace
}  // namespace langdu::text
