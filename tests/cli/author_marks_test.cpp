// Inline marks through the real binary: what is said, and what is shown.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "test_util.h"

namespace langdu {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunLangdu;
using testing::TempDir;
using testing::WriteFile;

TEST(CliAuthorMarks, NormalizeShowsTheTextWithoutMarksAndExplainsThem) {
  const auto plain = RunLangdu("normalize", "他在{银行|yin2 xing2}存了{停顿|500ms}3000元\n");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out, "他在银行存了三千元\n");
  const auto explained =
      RunLangdu("normalize --explain", "他在{银行|yin2 xing2}存了{停顿|500ms}3000元\n");
  ASSERT_EQ(explained.exit_code, 0) << explained.err;
  EXPECT_EQ(explained.out,
            "1:3-4\tauthor: pinyin\t银行\tyin2 xing2\n"
            "1:7-6\tauthor: pause\t\t500ms\n"
            "1:7-10\tmoney\t3000\t三千\n");
}

TEST(CliAuthorMarks, PinyinSaysTheAuthorsReading) {
  const auto result = RunLangdu("pinyin", "{行|xing2}长来了，\\{不是标记}\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "xing2-zhang3 lai2 le5 ， { bu2-shi4 biao1-ji4 }\n");
}

TEST(CliAuthorMarks, NarrateSpeaksTheMarksAndShowsTheTextWithout) {
  TempDir in;
  TempDir out;
  WriteFile(in / "s.txt", "他在{银行|yin2 xing2}工作{停顿|700ms}很多年。\n");
  const auto result = RunLangdu("narrate -q " + Quote((in / "s.txt").string()) + " -o " +
                                Quote(out.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto manifest = nlohmann::json::parse(ReadFile(out / "manifest.json"));
  const auto& sentence = manifest["chapters"][0]["paragraphs"][0]["sentences"][0];
  EXPECT_EQ(sentence["source_text"], "他在银行工作很多年。");
  EXPECT_EQ(sentence["engine_input"], "ta1 zai4 yin2 xing2 gong1 zuo4, hen3 duo1 nian2.");
  ASSERT_EQ(sentence["clauses"].size(), 2u);
  EXPECT_EQ(sentence["clauses"][0]["text"], "他在银行工作");
  // The author's 700 ms pause stands between the two clauses.
  const double gap = sentence["clauses"][1]["start_s"].get<double>() -
                     sentence["clauses"][0]["end_s"].get<double>();
  EXPECT_NEAR(gap, 0.7, 0.001);
  for (const auto& entry : std::filesystem::directory_iterator(out.path())) {
    if (entry.path().extension() != ".srt") continue;
    const std::string captions = ReadFile(entry.path());
    EXPECT_EQ(captions.find('{'), std::string::npos) << captions;
    EXPECT_NE(captions.find("他在银行工作"), std::string::npos) << captions;
  }
}

}  // namespace
}  // namespace langdu
