#include "pronounce/extra_readings.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "pronounce/pronouncer.h"

namespace langdu::pronounce {
namespace {

TEST(ExtraReadings, ReadsTheShippedFile) {
  const ExtraReadings extra =
      ExtraReadings::Load(ResolveDataDir({}) / "voices" / "lexicon" / "zh-extra-readings.tsv");
  EXPECT_EQ(extra.Of("媛"), (std::vector<std::string>{"yuan2"}));
  EXPECT_TRUE(extra.Of("她").empty());  // never a polyphone to the model: no extra reading
}

TEST(ExtraReadings, RejectsABadLineNamingIt) {
  try {
    ExtraReadings::FromText("# c\n媛\tyuan2\n莘\txin1|shenn1\n", "x.tsv");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kData);
    EXPECT_STREQ(e.what(), "x.tsv:3: \"shenn1\" is not a tone-numbered pinyin syllable");
  }
}

TEST(ExtraReadings, LetTheModelChooseAReadingTheLexiconLacks) {
  const Pronouncer pronouncer;
  std::string pinyin;
  for (const Word& word : pronouncer.Words("他住在莘庄镇。")) {
    for (const std::string& syllable : word.syllables) pinyin += syllable + " ";
  }
  EXPECT_EQ(pinyin, "ta1 zhu4 zai4 xin1 zhuang1 zhen4 ");  // the lexicon has only shen1
}

}  // namespace
}  // namespace langdu::pronounce
