#include "pronounce/pronouncer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "core/error.h"
#include "pronounce/lexicon.h"

namespace langdu::pronounce {
namespace {

const Pronouncer& Shared() {
  static const Pronouncer pronouncer;
  return pronouncer;
}

// The syllables of the Han words of `text`, separated by spaces.
std::string Pinyin(std::string_view text, ToneMode mode = ToneMode::kSpoken,
                   const Pronouncer& pronouncer = Shared()) {
  std::string pinyin;
  for (const Word& word : pronouncer.Words(text, mode)) {
    if (word.kind != WordKind::kHan) continue;
    for (const std::string& syllable : word.syllables) {
      if (!pinyin.empty()) pinyin += ' ';
      pinyin += syllable;
    }
  }
  return pinyin;
}

TEST(Pronouncer, ScriptCarriesPinyinPerClause) {
  const core::SpeechScript script =
      Shared().Script(core::SpokenText::Verbatim("银行行长来了，你好！"));
  ASSERT_EQ(script.clauses.size(), 2u);
  EXPECT_EQ(script.clauses[0].display_text, "银行行长来了，");
  EXPECT_EQ(core::EngineInput(script.clauses[0]), "yin2 hang2 hang2 zhang3 lai2 le5,");
  EXPECT_EQ(script.clauses[0].pause_after, core::Pause::kComma);
  EXPECT_EQ(core::EngineInput(script.clauses[1]), "ni2 hao3!");
  EXPECT_EQ(script.clauses[1].display_text, "你好！");
}

TEST(Pronouncer, ScriptSendsLatinToEnglishAndSpellsAcronyms) {
  const core::SpeechScript script =
      Shared().Script(core::SpokenText::Verbatim("我用Linux和CPU工作。"));
  ASSERT_EQ(script.clauses.size(), 1u);
  const auto& runs = script.clauses[0].runs;
  ASSERT_EQ(runs.size(), 5u);
  EXPECT_EQ(runs[0].text, "wo3 yong4");
  EXPECT_EQ(runs[1].language, core::Language::kEnglish);
  EXPECT_EQ(runs[1].text, "Linux");
  EXPECT_FALSE(runs[1].spell);
  EXPECT_EQ(runs[2].text, "he2");
  EXPECT_EQ(runs[3].text, "CPU");
  EXPECT_TRUE(runs[3].spell);
  EXPECT_EQ(runs[4].text, "gong1 zuo4");
}

TEST(Pronouncer, ScriptKeepsClosingQuotesWithTheirClause) {
  const core::SpeechScript script =
      Shared().Script(core::SpokenText::Verbatim("他说：“不忘初心。”我们记住了。"));
  ASSERT_EQ(script.clauses.size(), 3u);
  EXPECT_EQ(script.clauses[1].display_text, "“不忘初心。”");
  EXPECT_EQ(core::EngineInput(script.clauses[1]), "bu2 wang4 chu1 xin1.");
}

TEST(Pronouncer, ScriptMapsDisplayTextThroughRewrites) {
  // "共3人" spoken as "共三人".
  const core::SpokenText text{"共3人。", "共三人。", {core::Rewrite{3, 4, 3, 6, "cardinal"}}};
  const core::SpeechScript script = Shared().Script(text);
  ASSERT_EQ(script.clauses.size(), 1u);
  EXPECT_EQ(script.clauses[0].display_text, "共3人。");
  EXPECT_EQ(core::EngineInput(script.clauses[0]), "gong4 san1 ren2.");
}

TEST(Pronouncer, WordsCoverTheInputWithOffsets) {
  const std::string text = "他在 银行, OK 3.5";
  std::string joined;
  for (const Word& word : Shared().Words(text)) {
    EXPECT_EQ(text.substr(word.offset, word.text.size()), word.text);
    joined += word.text;
  }
  EXPECT_EQ(joined, text);
}

TEST(Pronouncer, PinsTheSeedSpeechPolyphones) {
  EXPECT_EQ(Pinyin("他在银行工作"), "ta1 zai4 yin2 hang2 gong1 zuo4");
  EXPECT_EQ(Pinyin("广大党员干部"), "guang3 da4 dang3 yuan2 gan4 bu4");
  EXPECT_EQ(Pinyin("重新出发"), "chong2 xin1 chu1 fa1");
  EXPECT_EQ(Pinyin("为人民服务"), "wei4 ren2 min2 fu2 wu4");
  EXPECT_EQ(Pinyin("作为党员"), "zuo4 wei2 dang3 yuan2");
  EXPECT_EQ(Pinyin("取得了新进展"), "qu3 de2 le5 xin1 jin4 zhan3");
  EXPECT_EQ(Pinyin("认真地学习"), "ren4 zhen1 de5 xue2 xi2");
  EXPECT_EQ(Pinyin("做得很好"), "zuo4 de5 hen2 hao3");
  EXPECT_EQ(Pinyin("着力解决"), "zhuo2 li4 jie3 jue2");
  EXPECT_EQ(Pinyin("一个一个地落实"), "yi2 ge4 yi2 ge4 de5 luo4 shi2");
  EXPECT_EQ(Pinyin("不断提高"), "bu2 duan4 ti2 gao1");
  EXPECT_EQ(Pinyin("不忘初心"), "bu2 wang4 chu1 xin1");
  EXPECT_EQ(Pinyin("要把工作抓好"), "yao4 ba3 gong1 zuo4 zhua1 hao3");
}

TEST(Pronouncer, AppliesYiAndBuSandhi) {
  EXPECT_EQ(Pinyin("一天"), "yi4 tian1");
  EXPECT_EQ(Pinyin("一次"), "yi2 ci4");
  EXPECT_EQ(Pinyin("第一"), "di4 yi1");
  EXPECT_EQ(Pinyin("十月一日"), "shi2 yue4 yi1 ri4");
  EXPECT_EQ(Pinyin("看一看"), "kan4 yi5 kan4");
  EXPECT_EQ(Pinyin("不去"), "bu2 qu4");
  EXPECT_EQ(Pinyin("不来"), "bu4 lai2");
  EXPECT_EQ(Pinyin("是不是"), "shi4 bu5 shi4");
}

TEST(Pronouncer, AppliesThirdToneChangeInsideWordsOnly) {
  EXPECT_EQ(Pinyin("展览馆"), "zhan2 lan2 guan3");
  EXPECT_EQ(Pinyin("你好"), "ni2 hao3");
  EXPECT_EQ(Pinyin("你好", ToneMode::kCitation), "ni3 hao3");
}

TEST(Pronouncer, CitationModeUndoesYiAndBu) {
  EXPECT_EQ(Pinyin("一个不是", ToneMode::kCitation), "yi1 ge4 bu4 shi4");
  EXPECT_EQ(Pinyin("一个不是"), "yi2 ge4 bu2 shi4");
}

TEST(Pronouncer, ReadsTraditionalTextAsWritten) {
  const std::vector<Word> words = Shared().Words("銀行行長為了");
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0].text, "銀行行長");
  EXPECT_EQ(Pinyin("銀行行長為了"), "yin2 hang2 hang2 zhang3 wei4 le5");
}

TEST(Pronouncer, ExplainsPolyphoneDecisions) {
  const std::vector<Word> words = Shared().Words("他还得走");
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(words[2].text, "得");
  EXPECT_EQ(words[2].syllables[0], "dei3");
  EXPECT_EQ(words[2].reasons[0], "rule: must (还得, 我得走)");
  EXPECT_EQ(words[0].reasons[0], "");  // 他 has one reading: nothing to explain
}

TEST(Pronouncer, UserLexiconWinsOverTheBuiltInOne) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("langdu_pronouncer_" + std::to_string(getpid()) + ".tsv");
  {
    std::ofstream out(path);
    out << "银行\tyin2 xing2\n";
  }
  const Pronouncer pronouncer(PronounceOptions{{}, path});
  EXPECT_EQ(Pinyin("银行行长", ToneMode::kSpoken, pronouncer), "yin2 xing2 hang2 zhang3");
  std::filesystem::remove(path);
}

TEST(Pronouncer, BadUserLexiconIsADataError) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("langdu_pronouncer_bad_" + std::to_string(getpid()) + ".tsv");
  {
    std::ofstream out(path);
    out << "银行\tyin2 hang2\n行长\tzzz3 zhang3\n";
  }
  try {
    Pronouncer pronouncer(PronounceOptions{{}, path});
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kData);
    EXPECT_EQ(std::string(e.what()), path.string() + ":2: \"zzz3\" is not a pinyin syllable");
  }
  std::filesystem::remove(path);
}

TEST(Lexicon, LoadsQuickly) {
  const auto start = std::chrono::steady_clock::now();
  const Lexicon lexicon = Lexicon::Load(ResolveDataDir({}) / "voices" / "lexicon" / "zh.lex");
  const double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GT(lexicon.size(), 300000u);
  RecordProperty("load_ms", std::to_string(load_ms));
  std::cerr << "lexicon load: " << load_ms << " ms\n";
  EXPECT_LT(load_ms, 1000.0);  // < 200 ms in a release build; sanitizers are slower
}

// Load maps the shipped file without checking it, so the checks run here: every line valid and in
// order, and every entry found through the mapped file as through the checked text.
TEST(Lexicon, ShippedFileIsValidAndFoundWhenMapped) {
  const std::filesystem::path path = ResolveDataDir({}) / "voices" / "lexicon" / "zh.lex";
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Lexicon checked = Lexicon::FromText(text, path.string());
  const Lexicon mapped = Lexicon::Load(path);
  EXPECT_EQ(mapped.size(), checked.size());
  std::size_t pos = text.find("\n\xe4\xb8\x80");  // the first entry starting with 一
  ASSERT_NE(pos, std::string::npos);
  int probed = 0;
  for (int i = 0; pos != std::string::npos && pos + 1 < text.size(); ++i) {
    const std::size_t begin = pos + 1;
    pos = text.find('\n', begin);
    if (i % 61 != 0) continue;
    const std::string word = text.substr(begin, text.find('\t', begin) - begin);
    const std::optional<LexiconEntry> entry = mapped.Find(word);
    ASSERT_TRUE(entry.has_value()) << word;
    EXPECT_EQ(entry->cost, checked.Find(word)->cost);
    EXPECT_EQ(entry->pinyin, checked.Find(word)->pinyin);
    ++probed;
  }
  EXPECT_GT(probed, 4000);
  EXPECT_FALSE(mapped.Find("\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80"));  // 一一一一
  EXPECT_FALSE(mapped.Find("zzz"));
  EXPECT_FALSE(mapped.Find(""));
}

TEST(Lexicon, RejectsACommentAmongTheEntries) {
  try {
    Lexicon::FromText("# first\n行\t1\t\n# late\n银行\t1\t\n", "t.lex");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_STREQ(e.what(), "t.lex:3: comment or empty line after the first entry");
  }
}

TEST(Lexicon, FindsEntriesAndRejectsUnsortedText) {
  const Lexicon lexicon = Lexicon::FromText("# comment\n行\t176\txing2|hang2\n银行\t187\t\n", "t");
  ASSERT_TRUE(lexicon.Find("银行").has_value());
  EXPECT_EQ(lexicon.Find("银行")->cost, 187);
  EXPECT_EQ(lexicon.Readings("行"), (std::vector<std::string>{"xing2", "hang2"}));
  EXPECT_TRUE(lexicon.HasPrefix("银"));
  EXPECT_FALSE(lexicon.Find("银"));
  try {
    Lexicon::FromText("银行\t1\t\n行\t1\t\n", "t.lex");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_STREQ(e.what(), "t.lex:2: \"行\" is out of order");
  }
}

}  // namespace
}  // namespace langdu::pronounce

namespace langdu::pronounce {
namespace {

TEST(PronouncerUnread, SymbolsAndOtherScriptsAreReportedPunctuationIsNot) {
  const Pronouncer pronouncer;
  const core::SpeechScript script =
      pronouncer.Script(core::SpokenText::Verbatim("我爱你♥，《好》“书”α。"));
  EXPECT_EQ(script.unread, (std::vector<std::string>{"♥", "α"}));
  EXPECT_EQ(core::EngineInput(script), "wo3 ai4 ni3, hao3 shu1.");
}

TEST(PronouncerUnread, CleanTextHasNothingUnread) {
  const Pronouncer pronouncer;
  EXPECT_TRUE(pronouncer.Script(core::SpokenText::Verbatim("银行行长来了。")).unread.empty());
}

}  // namespace
}  // namespace langdu::pronounce

namespace langdu::pronounce {
namespace {

TEST(PronouncerZero, TheCircleZeroOfYearsIsReadLing) {
  const Pronouncer pronouncer;
  const core::SpeechScript script = pronouncer.Script(core::SpokenText::Verbatim("二〇一九年"));
  EXPECT_EQ(core::EngineInput(script), "er4 ling2 yi1 jiu3 nian2.");
  EXPECT_TRUE(script.unread.empty());
}

}  // namespace
}  // namespace langdu::pronounce

namespace langdu::pronounce {
namespace {

TEST(PronouncerLongClause, AStretchWithoutPunctuationIsCutIntoShortClauses) {
  const Pronouncer pronouncer;
  std::string text;
  for (int i = 0; i < 30; ++i) text += "我们今天 ";  // 150 code points, no punctuation
  const core::SpeechScript script = pronouncer.Script(core::SpokenText::Verbatim(text));
  ASSERT_EQ(script.clauses.size(), 2u);
  EXPECT_EQ(script.clauses[0].pause_after, core::Pause::kNone);
  std::string shown;
  for (const auto& clause : script.clauses) shown += clause.display_text;
  EXPECT_EQ(shown, text);  // captions still show all of it
  std::string unbroken;
  for (int i = 0; i < 300; ++i) unbroken += "好";
  EXPECT_EQ(pronouncer.Script(core::SpokenText::Verbatim(unbroken)).clauses.size(), 2u);
}

}  // namespace
}  // namespace langdu::pronounce

namespace langdu::pronounce {
namespace {

// Sentences of our own where the context model reads a polyphone right that the lexicon's
// default reading got wrong.
TEST(PronouncerModel, ReadsPolyphonesFromTheirContext) {
  EXPECT_EQ(Pinyin("他心里很闷。"), "ta1 xin1 li3 hen3 men4");  // default men1 (stuffy)
  EXPECT_EQ(Pinyin("屋里太闷了，开窗吧。"), "wu1 li3 tai4 men1 le5 kai1 chuang1 ba5");
  EXPECT_EQ(Pinyin("我去过勃艮第。"), "wo3 qu4 guo4 bo2 gen4 di4");  // the lexicon says gen3
}

TEST(PronouncerModel, ExplainGivesTheModelProbabilityAndRunnerUp) {
  const std::vector<Word> words = Shared().Words("他心里很闷。");
  ASSERT_GE(words.size(), 4u);
  EXPECT_EQ(words[3].text, "闷");
  EXPECT_EQ(words[3].reasons[0], "model: 100%, runner-up men1 0%");
}

// g2pM was never trained on 绿 壳 嚼 妈 as polyphones: alone, its best class is no reading of
// theirs (绿 guan4), and its choice between their readings is noise.
TEST(PronouncerModel, CharactersTheModelWasNotTrainedOnKeepTheirDefault) {
  const std::vector<Word> words = Shared().Words("树叶绿了。");
  ASSERT_GE(words.size(), 3u);
  EXPECT_EQ(words[1].text, "绿");
  EXPECT_EQ(words[1].syllables[0], "lv4");
  EXPECT_EQ(words[1].reasons[0],
            "default reading (the model was not trained on 绿: alone it reads guan4)");
  EXPECT_EQ(Pinyin("他把鸡蛋壳扔了。"), "ta1 ba3 ji1 dan4 ke2 reng1 le5");
  EXPECT_EQ(Pinyin("你慢慢嚼。"), "ni3 man4 man4 jiao2");
  EXPECT_EQ(Pinyin("我妈来了。"), "wo3 ma1 lai2 le5");
}

// 笼罩着 is a rare word of three characters only by its particle: it reads as reliably as 笼罩,
// and the model (long2 with 100 %) does not overrule it.
TEST(PronouncerModel, DoesNotOverruleACommonWordWithAParticle) {
  const std::vector<Word> words = Shared().Words("风暴笼罩着整座城市。");
  ASSERT_GE(words.size(), 2u);
  EXPECT_EQ(words[1].text, "笼罩着");
  EXPECT_EQ(words[1].syllables[0], "long3");
  EXPECT_EQ(words[1].reasons[0], "word 笼罩着");
}

TEST(PronouncerModel, RulesDecideTheParticlesTheModelMisreads) {
  // The model, trained on encyclopedia text, reads 地 di4 and 为 wei2 here.
  EXPECT_EQ(Pinyin("我们要认真地学习。"), "wo3 men5 yao4 ren4 zhen1 de5 xue2 xi2");
  EXPECT_EQ(Pinyin("我们为人民服务。"), "wo3 men5 wei4 ren2 min2 fu2 wu4");
}

}  // namespace
}  // namespace langdu::pronounce

namespace langdu::pronounce {
namespace {

TEST(PronouncerTraditional, TraditionalAndSimplifiedTextReadTheSame) {
  // 間 alone is jian4 in the lexicon; it is looked up as 间, like the simplified text.
  EXPECT_EQ(Pinyin("間"), Pinyin("间"));
  EXPECT_EQ(Pinyin("他住兩間屋子，頭髮很長。"), Pinyin("他住两间屋子，头发很长。"));
  EXPECT_EQ(Pinyin("這裡發了財"), "zhe4 li3 fa1 le5 cai2");
  EXPECT_EQ(Pinyin("乾隆"), "qian2 long2");  // ICU's 干隆 is no word: the written form is
}

TEST(PronouncerNumerals, YiInARangeOrOrdinalKeepsTone1) {
  EXPECT_EQ(Pinyin("一到六月"), "yi1 dao4 liu4 yue4");  // 1-6月 after normalization
  EXPECT_EQ(Pinyin("一至三年级"), "yi1 zhi4 san1 nian2 ji2");
  EXPECT_EQ(Pinyin("一到家就睡"), "yi2 dao4 jia1 jiu4 shui4");  // not a range
  EXPECT_EQ(Pinyin("第一次"), "di4 yi1 ci4");
  EXPECT_EQ(Pinyin("一百零一"), "yi4 bai3 ling2 yi1");
}

TEST(PronouncerNumerals, BothCircleZerosReadLing) {
  EXPECT_EQ(Pinyin("二〇一九年"), "er4 ling2 yi1 jiu3 nian2");
  EXPECT_EQ(Pinyin("二○一九年"), "er4 ling2 yi1 jiu3 nian2");
  const core::SpeechScript script = Shared().Script(core::SpokenText::Verbatim("二○一九年。"));
  EXPECT_EQ(core::EngineInput(script), "er4 ling2 yi1 jiu3 nian2.");
  EXPECT_TRUE(script.unread.empty());
  // Not next to a numeral, ○ is a symbol (placeholders are normalization's business).
  EXPECT_EQ(Pinyin("○○同志"), "tong2 zhi4");
}

TEST(Pronouncer, ForcedReadingDecidesFirst) {
  core::SpokenText text = core::SpokenText::Verbatim("他去银行了。");
  text.forced.push_back(
      {std::string("他去").size(), std::string("他去银行").size(), {"yin2", "xing2"}});
  const core::SpeechScript script = Shared().Script(text);
  ASSERT_EQ(script.clauses.size(), 1u);
  EXPECT_EQ(core::EngineInput(script.clauses[0]), "ta1 qu4 yin2 xing2 le5.");
  EXPECT_EQ(script.clauses[0].display_text, "他去银行了。");
}

TEST(Pronouncer, AuthorPauseEndsTheClauseWithItsLength) {
  core::SpokenText text = core::SpokenText::Verbatim("同志们今天开会。");
  text.pauses.push_back({std::string("同志们").size(), 800});
  const core::SpeechScript script = Shared().Script(text);
  ASSERT_EQ(script.clauses.size(), 2u);
  EXPECT_EQ(script.clauses[0].display_text, "同志们");
  EXPECT_EQ(script.clauses[0].pause_ms, 800);
  EXPECT_EQ(script.clauses[1].pause_ms, -1);
  EXPECT_EQ(script.clauses[1].pause_after, core::Pause::kPeriod);
}

TEST(Pronouncer, AuthorPauseAfterPunctuationReplacesItsPause) {
  core::SpokenText text = core::SpokenText::Verbatim("好，走。");
  text.pauses.push_back({std::string("好，").size(), 1200});
  const core::SpeechScript script = Shared().Script(text);
  ASSERT_EQ(script.clauses.size(), 2u);
  EXPECT_EQ(script.clauses[0].pause_after, core::Pause::kComma);
  EXPECT_EQ(script.clauses[0].pause_ms, 1200);
}

TEST(Pronouncer, PauseAloneIsAClauseOfSilence) {
  core::SpokenText text = core::SpokenText::Verbatim("");
  text.pauses.push_back({0, 300});
  const core::SpeechScript script = Shared().Script(text);
  ASSERT_EQ(script.clauses.size(), 1u);
  EXPECT_TRUE(script.clauses[0].runs.empty());
  EXPECT_EQ(script.clauses[0].pause_ms, 300);
}

}  // namespace
}  // namespace langdu::pronounce
