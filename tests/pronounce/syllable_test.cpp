#include "pronounce/syllable.h"

#include <gtest/gtest.h>

namespace langdu::pronounce {
namespace {

TEST(Syllable, NormalizesToneDigitsAndMarks) {
  EXPECT_EQ(NormalizeSyllable("hang2"), "hang2");
  EXPECT_EQ(NormalizeSyllable("háng"), "hang2");
  EXPECT_EQ(NormalizeSyllable("lǜ"), "lv4");
  EXPECT_EQ(NormalizeSyllable("lü4"), "lv4");
  EXPECT_EQ(NormalizeSyllable("lu:4"), "lv4");
  EXPECT_EQ(NormalizeSyllable("lue4"), "lve4");
  EXPECT_EQ(NormalizeSyllable("le"), "le5");
  EXPECT_EQ(NormalizeSyllable("le0"), "le5");
  EXPECT_EQ(NormalizeSyllable("Zhong1"), "zhong1");
}

TEST(Syllable, RejectsWhatIsNotASyllable) {
  EXPECT_EQ(NormalizeSyllable("xyz1"), std::nullopt);
  EXPECT_EQ(NormalizeSyllable("hang6"), std::nullopt);
  EXPECT_EQ(NormalizeSyllable("ha2ng"), std::nullopt);
  EXPECT_EQ(NormalizeSyllable(""), std::nullopt);
}

TEST(Syllable, InventoryIsSortedAndComplete) {
  const auto inventory = SyllableInventory();
  EXPECT_TRUE(std::is_sorted(inventory.begin(), inventory.end()));
  EXPECT_GT(inventory.size(), 400u);
  EXPECT_TRUE(IsSyllable("zhuang"));
  EXPECT_TRUE(IsSyllable("er"));
  EXPECT_FALSE(IsSyllable("zhia"));
}

TEST(Syllable, ChangesTone) {
  EXPECT_EQ(ToneOf("ni3"), 3);
  EXPECT_EQ(WithTone("ni3", 2), "ni2");
}

}  // namespace
}  // namespace langdu::pronounce
