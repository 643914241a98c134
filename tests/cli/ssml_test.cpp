// SSML through the real binary: what each command shows, what narrate says, errors and exit codes.
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
using testing::SourcePath;
using testing::TempDir;
using testing::WriteFile;

const std::string kSample = SourcePath("samples/station-announcement.ssml").string();

TEST(CliSsml, PinyinSaysThePhonemesReading) {
  const std::string ssml =
      "<speak><p><phoneme alphabet=\"pinyin\" ph=\"shan4\">单</phoneme>先生来了。</p></speak>";
  const auto marked = RunLangdu("pinyin --input-format ssml", ssml);
  ASSERT_EQ(marked.exit_code, 0) << marked.err;
  const auto plain = RunLangdu("pinyin --input-format ssml", "<speak><p>单先生来了。</p></speak>");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out, "dan1 xian1-sheng5 lai2 le5 。\n");
  EXPECT_EQ(marked.out, "shan4 xian1-sheng5 lai2 le5 。\n");
}

TEST(CliSsml, PinyinAndNormalizeReadTheSampleByItsExtension) {
  const auto pinyin = RunLangdu("pinyin " + Quote(kSample));
  ASSERT_EQ(pinyin.exit_code, 0) << pinyin.err;
  EXPECT_EQ(pinyin.err, "");
  EXPECT_NE(pinyin.out.find("shan4 xian1-sheng5"), std::string::npos) << pinyin.out;
  // say-as characters: G1375 letter by letter and digit by digit.
  EXPECT_NE(pinyin.out.find("G yi1-san1 qi1-wu3"), std::string::npos) << pinyin.out;
  const auto normalized = RunLangdu("normalize " + Quote(kSample));
  ASSERT_EQ(normalized.exit_code, 0) << normalized.err;
  EXPECT_EQ(normalized.out.find('<'), std::string::npos) << normalized.out;
  EXPECT_NE(normalized.out.find("请到第三站台上车"), std::string::npos) << normalized.out;
  EXPECT_NE(normalized.out.find("咨询电话幺二三零六"), std::string::npos) << normalized.out;
  EXPECT_NE(normalized.out.find("世界卫生组织提醒您"), std::string::npos) << normalized.out;
}

TEST(CliSsml, NormalizeExplainShowsTheTextWithoutMarkupAndNamesTheAuthorsChoices) {
  const auto result =
      RunLangdu("normalize --explain --input-format ssml",
                "<speak>\n<p>拨打<say-as interpret-as=\"cardinal\">96120</say-as>，"
                "<sub alias=\"世界卫生组织\">WHO</sub>说<break time=\"300ms\"/>好。</p></speak>");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "2:3-7\tsay-as: cardinal\t96120\t九万六千一百二十\n"
            "2:9-11\tsub\tWHO\t世界卫生组织\n"
            "2:13-12\tauthor: pause\t\t300ms\n");
}

TEST(CliSsml, OutlineShowsChaptersFromMarksAndWarnsOncePerUnknownElement) {
  TempDir dir;
  WriteFile(dir / "talk.ssml",
            "<speak>\n<meta name=\"title\" content=\"讲话\"/>\n"
            "<mark name=\"chapter:开头\"/><p><emphasis>大家</emphasis>好。</p>\n"
            "<mark name=\"chapter:结尾\"/><p><emphasis>谢谢</emphasis>。</p></speak>\n");
  const auto result = RunLangdu("outline " + Quote((dir / "talk.ssml").string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "title: 讲话\nformat: ssml\nencoding: UTF-8\nchapters: 2\n"
            "1. 开头 (1 paragraph, 4 characters)\n2. 结尾 (1 paragraph, 3 characters)\n");
  EXPECT_EQ(result.err, "langdu: warning: " + (dir / "talk.ssml").string() +
                            ":3: unknown SSML element <emphasis>, read as text\n");
}

TEST(CliSsml, MalformedXmlIsExit4WithLineAndColumnAndNoOutput) {
  TempDir in;
  TempDir out;
  const std::string path = (in / "bad.ssml").string();
  WriteFile(in / "bad.ssml", "<speak>\n<p>你好</s>\n</speak>\n");
  for (const std::string command : {"outline", "pinyin", "normalize"}) {
    const auto result = RunLangdu(command + " " + Quote(path));
    EXPECT_EQ(result.exit_code, 4) << command;
    EXPECT_EQ(result.out, "") << command;
    EXPECT_EQ(result.err,
              "langdu: error: " + path + ":2:6: opening and ending tag mismatch: p line 2 and s\n")
        << command;
  }
  const auto narrated =
      RunLangdu("narrate -q " + Quote(path) + " -o " + Quote((out / "o").string()));
  EXPECT_EQ(narrated.exit_code, 4);
  EXPECT_FALSE(std::filesystem::exists(out / "o"));
}

TEST(CliSsml, ABadSyllableIsExit4WithItsLine) {
  const auto result =
      RunLangdu("pinyin --input-format ssml",
                "<speak>\n<p>\n<phoneme alphabet=\"pinyin\" ph=\"hang9\">行</phoneme></p></speak>");
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_EQ(result.err,
            "langdu: error: <stdin>:3: <phoneme ph=\"hang9\">: \"hang9\" is not a pinyin "
            "syllable\n");
}

double Seconds(const nlohmann::json& value) { return value.get<double>(); }

TEST(SsmlNarrateSlow, BreaksPhonemesSubsAndRatesReachTheAudio) {
  TempDir out;
  const auto result =
      RunLangdu("narrate -q " + Quote(kSample) + " -o " + Quote(out.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto manifest = nlohmann::json::parse(ReadFile(out / "manifest.json"));
  ASSERT_EQ(manifest["chapters"].size(), 2u);
  EXPECT_EQ(manifest["chapters"][0]["title"], "第一段 进站");
  EXPECT_EQ(manifest["chapters"][1]["title"], "第二段 提醒");

  // <break time="2s"/> between the first two sentences.
  const auto& first = manifest["chapters"][0]["paragraphs"][0]["sentences"];
  ASSERT_GE(first.size(), 2u);
  EXPECT_EQ(first[0]["source_text"], "各位旅客请注意。");
  // Exactly the break (counted in samples; the manifest rounds to microseconds), in place of
  // the full stop's pause.
  EXPECT_NEAR(Seconds(first[1]["start_s"]) - Seconds(first[0]["end_s"]), 2.0, 0.001);

  // <phoneme>: 单 is said shan4; captions show the text as written, without markup.
  const auto& second = manifest["chapters"][0]["paragraphs"][1]["sentences"][0];
  EXPECT_EQ(second["engine_input"].get<std::string>().rfind("shan4 xian1 sheng5", 0), 0u)
      << second["engine_input"];
  // <sub>: said as its alias, shown as written.
  const auto& reminder = manifest["chapters"][1]["paragraphs"][0]["sentences"];
  ASSERT_GE(reminder.size(), 2u);
  EXPECT_EQ(reminder[1]["source_text"].get<std::string>().rfind("WHO提醒您", 0), 0u);
  EXPECT_NE(reminder[1]["engine_input"].get<std::string>().find("shi4 jie4 wei4 sheng1"),
            std::string::npos)
      << reminder[1]["engine_input"];
  for (const auto& entry : std::filesystem::directory_iterator(out.path())) {
    if (entry.path().extension() != ".srt") continue;
    const std::string captions = ReadFile(entry.path());
    EXPECT_EQ(captions.find('<'), std::string::npos) << captions;
  }
}

TEST(SsmlNarrateSlow, ProsodyRateChangesTheSpeakingRate) {
  TempDir in;
  TempDir out;
  WriteFile(
      in / "rate.ssml",
      "<speak><p>今天的天气非常好，我们去公园散步吧。</p>"
      "<p><prosody rate=\"x-slow\">今天的天气非常好，我们去公园散步吧。</prosody></p></speak>");
  const auto result = RunLangdu("narrate -q --format wav " + Quote((in / "rate.ssml").string()) +
                                " -o " + Quote(out.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto manifest = nlohmann::json::parse(ReadFile(out / "manifest.json"));
  const auto& paragraphs = manifest["chapters"][0]["paragraphs"];
  ASSERT_EQ(paragraphs.size(), 2u);
  const auto speech_s = [](const nlohmann::json& sentence) {
    double total = 0;
    for (const auto& clause : sentence["clauses"]) {
      total += Seconds(clause["end_s"]) - Seconds(clause["start_s"]);
    }
    return total;
  };
  const double normal = speech_s(paragraphs[0]["sentences"][0]);
  const double slow = speech_s(paragraphs[1]["sentences"][0]);
  EXPECT_EQ(paragraphs[0]["sentences"][0]["engine_input"],
            paragraphs[1]["sentences"][0]["engine_input"]);
  // Half the narrator's rate: well over 1.5 times as long.
  EXPECT_GT(slow, 1.5 * normal) << normal << " s vs " << slow << " s";
}

}  // namespace
}  // namespace langdu
