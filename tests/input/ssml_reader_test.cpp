#include "input/ssml_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"

namespace langdu::input {
namespace {

ReadResult ReadSpeak(const std::string& body, ReadOptions options = {}) {
  return ReadSsml("t.ssml", "<speak>" + body + "</speak>", options);
}

// The message of the core::Error that reading `ssml` throws, and checks its kind.
std::string ErrorOf(const std::string& ssml, core::ErrorKind kind = core::ErrorKind::kInputDecode) {
  try {
    ReadSsml("t.ssml", ssml, ReadOptions{});
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), kind) << error.what();
    return error.what();
  }
  ADD_FAILURE() << "no error for " << ssml;
  return {};
}

core::Sentence OnlySentence(const ReadResult& result) {
  EXPECT_EQ(result.document.chapters.size(), 1u);
  EXPECT_EQ(result.document.chapters[0].paragraphs.size(), 1u);
  EXPECT_EQ(result.document.chapters[0].paragraphs[0].sentences.size(), 1u);
  return result.document.chapters[0].paragraphs[0].sentences[0];
}

TEST(SsmlReader, ParagraphsAndSentencesComeFromTheMarkup) {
  const ReadResult result = ReadSsml(
      "t.ssml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"zh-CN\">\n"
      "  <p>第一句。第二句。</p>\n"
      "  <p><s>没有句号的一句</s><s>另一句</s></p>\n"
      "</speak>\n",
      ReadOptions{});
  EXPECT_EQ(result.format, InputFormat::kSsml);
  EXPECT_EQ(result.encoding, "UTF-8");
  EXPECT_TRUE(result.warnings.empty());
  ASSERT_EQ(result.document.chapters.size(), 1u);
  const auto& paragraphs = result.document.chapters[0].paragraphs;
  ASSERT_EQ(paragraphs.size(), 2u);
  ASSERT_EQ(paragraphs[0].sentences.size(), 2u);
  EXPECT_EQ(paragraphs[0].sentences[0].text, "第一句。");
  EXPECT_EQ(paragraphs[0].sentences[1].text, "第二句。");
  EXPECT_EQ(paragraphs[0].sentences[0].span.line, 3);
  ASSERT_EQ(paragraphs[1].sentences.size(), 2u);
  EXPECT_EQ(paragraphs[1].sentences[0].text, "没有句号的一句");
  EXPECT_EQ(paragraphs[1].sentences[1].text, "另一句");
  EXPECT_EQ(paragraphs[1].span.line, 4);
  EXPECT_EQ(result.document.chapters[0].title, "第一句");
}

TEST(SsmlReader, WhiteSpaceCollapsesAndVanishesBetweenChineseCharacters) {
  const core::Sentence sentence = OnlySentence(ReadSpeak(
      "\n  <p>\n    你好\n    世界，Hello\n    <sub alias=\"x\">big</sub>   world。</p>\n"));
  EXPECT_EQ(sentence.text, "你好世界，Hello big world。");
  EXPECT_EQ(sentence.source_text, sentence.text);
}

TEST(SsmlReader, BreaksArePausesByTimeOrStrength) {
  const core::Sentence sentence = OnlySentence(ReadSpeak(
      "<p>一<break time=\"500ms\"/>二<break time=\"1.5s\"/>三<break strength=\"x-strong\"/>"
      "四<break/>五<break strength=\"none\"/>六<break strength=\"weak\" time=\"2s\"/>七</p>"));
  EXPECT_EQ(sentence.text, "一二三四五六七");
  ASSERT_EQ(sentence.marks.pauses.size(), 6u);
  const int expected_ms[] = {500, 1500, 1000, 400, 0, 2000};
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(sentence.marks.pauses[i].offset, 3 * (i + 1)) << i;
    EXPECT_EQ(sentence.marks.pauses[i].pause_ms, expected_ms[i]) << i;
  }
}

TEST(SsmlReader, ABreakBetweenParagraphsFollowsTheSentenceBefore) {
  const ReadResult result = ReadSpeak("<p>甲说完了。</p><break time=\"2s\"/><p>乙开始了。</p>");
  const auto& paragraphs = result.document.chapters[0].paragraphs;
  ASSERT_EQ(paragraphs.size(), 2u);
  const core::Sentence& first = paragraphs[0].sentences[0];
  ASSERT_EQ(first.marks.pauses.size(), 1u);
  EXPECT_EQ(first.marks.pauses[0].offset, first.text.size());
  EXPECT_EQ(first.marks.pauses[0].pause_ms, 2000);
  EXPECT_TRUE(paragraphs[1].sentences[0].marks.pauses.empty());
}

TEST(SsmlReader, ABreakBetweenSentencesEndsTheOneBefore) {
  const ReadResult result = ReadSpeak(
      "<p><s>请注意</s><break time=\"2s\"/><s>列车进站</s>甲。<break time=\"1s\"/>乙。</p>");
  const auto& sentences = result.document.chapters[0].paragraphs[0].sentences;
  ASSERT_EQ(sentences.size(), 4u);
  ASSERT_EQ(sentences[0].marks.pauses.size(), 1u);
  EXPECT_EQ(sentences[0].marks.pauses[0].offset, sentences[0].text.size());
  EXPECT_EQ(sentences[0].marks.pauses[0].pause_ms, 2000);
  EXPECT_TRUE(sentences[1].marks.pauses.empty());
  EXPECT_EQ(sentences[2].text, "甲。");
  ASSERT_EQ(sentences[2].marks.pauses.size(), 1u);
  EXPECT_EQ(sentences[2].marks.pauses[0].offset, sentences[2].text.size());
  EXPECT_TRUE(sentences[3].marks.pauses.empty());
}

TEST(SsmlReader, BadBreaksAreErrorsWithTheirLine) {
  EXPECT_EQ(ErrorOf("<speak>\n<p>一<break time=\"soon\"/>二</p></speak>"),
            "t.ssml:2: <break time=\"soon\">: not a length such as 500ms or 1.5s (at most 60s)");
  EXPECT_EQ(ErrorOf("<speak>\n\n<break strength=\"huge\"/>二</speak>"),
            "t.ssml:3: <break strength=\"huge\">: not one of none, x-weak, weak, medium, strong, "
            "x-strong");
}

TEST(SsmlReader, PhonemeFixesTheReadingOfItsCharacters) {
  const core::Sentence sentence =
      OnlySentence(ReadSpeak("<p>他在<phoneme alphabet=\"pinyin\" ph=\"yin2 háng\">银行</phoneme>，"
                             "<phoneme alphabet=\"x-pinyin\" ph=\"xing2\">行</phoneme>吗？</p>"));
  EXPECT_EQ(sentence.text, "他在银行，行吗？");
  ASSERT_EQ(sentence.marks.readings.size(), 2u);
  EXPECT_EQ(sentence.marks.readings[0].begin, 6u);
  EXPECT_EQ(sentence.marks.readings[0].end, 12u);
  EXPECT_EQ(sentence.marks.readings[0].syllables, (std::vector<std::string>{"yin2", "hang2"}));
  EXPECT_EQ(sentence.marks.readings[1].begin, 15u);
  EXPECT_EQ(sentence.marks.readings[1].syllables, (std::vector<std::string>{"xing2"}));
}

TEST(SsmlReader, PhonemeSyllablesAreCheckedAgainstTheInventory) {
  EXPECT_EQ(
      ErrorOf("<speak>\n<p>他在\n<phoneme alphabet=\"pinyin\" ph=\"yin2 hxng2\">银行</phoneme>"
              "</p></speak>"),
      "t.ssml:3: <phoneme ph=\"yin2 hxng2\">: \"hxng2\" is not a pinyin syllable");
  EXPECT_EQ(ErrorOf("<speak><phoneme alphabet=\"pinyin\" ph=\"hang2\">银行</phoneme></speak>"),
            "t.ssml:1: <phoneme ph=\"hang2\">: 1 syllable for 2 characters (\"银行\")");
  EXPECT_EQ(ErrorOf("<speak><phoneme alphabet=\"pinyin\" ph=\" \">行</phoneme></speak>"),
            "t.ssml:1: <phoneme> has no ph=\"…\" to say");
}

TEST(SsmlReader, PhonemeInAnotherAlphabetIsReadAsTextWithAWarning) {
  const ReadResult result = ReadSpeak(
      "<p><phoneme alphabet=\"ipa\" ph=\"xɑŋ\">行</phoneme>"
      "<phoneme alphabet=\"ipa\" ph=\"xɑŋ\">行</phoneme></p>");
  EXPECT_EQ(OnlySentence(result).text, "行行");
  EXPECT_TRUE(OnlySentence(result).marks.readings.empty());
  EXPECT_EQ(result.warnings,
            (std::vector<std::string>{
                "t.ssml:1: <phoneme alphabet=\"ipa\"> is not pinyin or x-pinyin, read as text"}));
}

TEST(SsmlReader, SayAsNamesEachReading) {
  const struct {
    const char* name;
    core::SayAs say_as;
  } cases[] = {{"digits", core::SayAs::kDigits},
               {"cardinal", core::SayAs::kCardinal},
               {"ordinal", core::SayAs::kOrdinal},
               {"date", core::SayAs::kDate},
               {"time", core::SayAs::kTime},
               {"telephone", core::SayAs::kTelephone},
               {"characters", core::SayAs::kCharacters}};
  for (const auto& c : cases) {
    const core::Sentence sentence = OnlySentence(ReadSpeak(
        std::string("<p>编号<say-as interpret-as=\"") + c.name + "\">2024</say-as>。</p>"));
    EXPECT_EQ(sentence.text, "编号2024。") << c.name;
    ASSERT_EQ(sentence.marks.say_as.size(), 1u) << c.name;
    EXPECT_EQ(sentence.marks.say_as[0].begin, 6u);
    EXPECT_EQ(sentence.marks.say_as[0].end, 10u);
    EXPECT_EQ(sentence.marks.say_as[0].say_as, c.say_as) << c.name;
  }
  const ReadResult unknown = ReadSpeak("<p><say-as interpret-as=\"currency\">5</say-as>元</p>");
  EXPECT_TRUE(OnlySentence(unknown).marks.say_as.empty());
  EXPECT_EQ(unknown.warnings, (std::vector<std::string>{
                                  "t.ssml:1: <say-as interpret-as=\"currency\"> is not supported, "
                                  "read as text"}));
}

TEST(SsmlReader, SubIsSaidAsItsAliasAndShownAsWritten) {
  const core::Sentence sentence =
      OnlySentence(ReadSpeak("<p><sub alias=\"世界卫生组织\">WHO</sub>发布了报告。</p>"));
  EXPECT_EQ(sentence.source_text, "WHO发布了报告。");
  ASSERT_EQ(sentence.marks.substitutions.size(), 1u);
  EXPECT_EQ(sentence.marks.substitutions[0].begin, 0u);
  EXPECT_EQ(sentence.marks.substitutions[0].end, 3u);
  EXPECT_EQ(sentence.marks.substitutions[0].alias, "世界卫生组织");
}

TEST(SsmlReader, ASpanWithAFullStopStaysInOneSentence) {
  const core::Sentence sentence =
      OnlySentence(ReadSpeak("<p>见<sub alias=\"第三点五节\">3.5节。附录</sub>。</p>"));
  EXPECT_EQ(sentence.text, "见3.5节。附录。");
  ASSERT_EQ(sentence.marks.substitutions.size(), 1u);
}

TEST(SsmlReader, ProsodyRateMakesSentencesOfTheirOwn) {
  const ReadResult result = ReadSpeak(
      "<p>正常地说，<prosody rate=\"slow\">慢慢地说，"
      "<prosody rate=\"+50%\">再快一点</prosody></prosody>然后<prosody rate=\"80%\">八成</prosody>"
      "<prosody rate=\"x-fast\">最快</prosody><prosody rate=\"-10%\">九成</prosody>"
      "<prosody rate=\"1.2\">一点二</prosody><prosody rate=\"9\">到顶</prosody></p>");
  const auto& sentences = result.document.chapters[0].paragraphs[0].sentences;
  ASSERT_EQ(sentences.size(), 9u);
  const struct {
    const char* text;
    double rate;
  } expected[] = {{"正常地说，", 1.0}, {"慢慢地说，", 0.75}, {"再快一点", 1.125},
                  {"然后", 1.0},       {"八成", 0.8},        {"最快", 1.5},
                  {"九成", 0.9},       {"一点二", 1.2},      {"到顶", 4.0}};
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    EXPECT_EQ(sentences[i].text, expected[i].text) << i;
    EXPECT_DOUBLE_EQ(sentences[i].marks.rate, expected[i].rate) << i;
  }
  EXPECT_EQ(result.warnings, std::vector<std::string>());
}

TEST(SsmlReader, ProsodyOtherThanRateIsIgnoredWithAWarningAndABadRateIsAnError) {
  const ReadResult result =
      ReadSpeak("<p><prosody pitch=\"high\">高</prosody><prosody pitch=\"low\">低</prosody></p>");
  EXPECT_EQ(OnlySentence(result).text, "高低");
  EXPECT_EQ(result.warnings,
            (std::vector<std::string>{
                "t.ssml:1: <prosody pitch> is not supported (only rate), ignored"}));
  EXPECT_EQ(ErrorOf("<speak><prosody rate=\"quick\">快</prosody></speak>"),
            "t.ssml:1: <prosody rate=\"quick\">: not a rate (x-slow, slow, medium, fast, x-fast, "
            "80%, +20%, -10%, 1.5)");
}

TEST(SsmlReader, UnknownElementsAreReadAsTextWithOneWarningPerName) {
  const ReadResult result = ReadSpeak(
      "<p><emphasis>重要</emphasis>的\n<emphasis level=\"strong\">事</emphasis>"
      "<voice name=\"x\">说</voice>\n<mstts:express-as "
      "xmlns:mstts=\"https://www.w3.org/2001/mstts\">"
      "三遍</mstts:express-as></p>");
  EXPECT_EQ(OnlySentence(result).text, "重要的事说三遍");
  EXPECT_EQ(result.warnings,
            (std::vector<std::string>{
                "t.ssml:1: unknown SSML element <emphasis>, read as text",
                "t.ssml:2: unknown SSML element <voice>, read as text",
                "t.ssml:3: unknown SSML element <mstts:express-as>, read as text"}));
}

TEST(SsmlReader, MalformedXmlIsAnErrorAtItsLineAndColumn) {
  EXPECT_EQ(ErrorOf("<speak>\n<p>你好</s>\n</speak>"),
            "t.ssml:2:6: opening and ending tag mismatch: p line 2 and s");
  EXPECT_EQ(ErrorOf("<speak>\n  <p>a & b</p></speak>"), "t.ssml:2:9: xmlParseEntityRef: no name");
}

TEST(SsmlReader, TheRootMustBeSpeak) {
  EXPECT_EQ(ErrorOf("<?xml version=\"1.0\"?>\n<html><p>你好</p></html>"),
            "t.ssml:2: the root element is <html>, not <speak>");
  EXPECT_EQ(ErrorOf("<speak>  <p> </p><break time=\"1s\"/></speak>", core::ErrorKind::kInputEmpty),
            "t.ssml: no text to narrate");
}

TEST(SsmlReader, ChapterMarksStartChapters) {
  const std::string body =
      "<meta name=\"title\" content=\"两章\"/><meta name=\"author\" content=\"作者\"/>"
      "<p>开场白。</p><mark name=\"chapter:第一章 出发\"/><p>走了。</p>"
      "<mark name=\"chapter\"/><p>回来了。</p><mark name=\"sentence_3\"/><p>完。</p>";
  const ReadResult result = ReadSpeak(body);
  EXPECT_EQ(result.document.title, "两章");
  EXPECT_EQ(result.metadata.title, "两章");
  EXPECT_EQ(result.metadata.author, "作者");
  ASSERT_EQ(result.document.chapters.size(), 3u);
  EXPECT_EQ(result.document.chapters[0].title, "开场白");
  EXPECT_EQ(result.document.chapters[1].title, "第一章 出发");
  EXPECT_EQ(result.document.chapters[1].number, 2);
  EXPECT_EQ(result.document.chapters[2].title, "回来了");
  EXPECT_EQ(result.document.chapters[2].paragraphs.size(), 2u);

  ReadOptions one;
  one.structure.detect_chapters = false;
  EXPECT_EQ(ReadSpeak(body, one).document.chapters.size(), 1u);
}

TEST(SsmlReader, AutoDetectionReadsASpeakRoot) {
  const ReadResult result =
      Read("-", "<?xml version=\"1.0\"?>\n<speak><p>你好。</p></speak>", ReadOptions{});
  EXPECT_EQ(result.format, InputFormat::kSsml);
  EXPECT_EQ(result.document.chapters[0].paragraphs[0].sentences[0].text, "你好。");
}

}  // namespace
}  // namespace langdu::input
