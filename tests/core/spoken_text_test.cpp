#include "core/spoken_text.h"

#include <gtest/gtest.h>

namespace langdu::core {
namespace {

TEST(SpokenText, VerbatimMapsEachByteToItself) {
  SpokenText text = SpokenText::Verbatim("你好");
  EXPECT_EQ(text.spoken, "你好");
  EXPECT_EQ(text.SourceOffset(3), 3u);
}

TEST(SpokenText, MapsAroundARewrite) {
  // "共3人" spoken as "共三人": "3" (1 byte) became "三" (3 bytes).
  SpokenText text{"共3人", "共三人", {Rewrite{3, 4, 3, 6, "cardinal"}}};
  EXPECT_EQ(text.SourceOffset(0), 0u);
  EXPECT_EQ(text.SourceOffset(3), 3u);
  EXPECT_EQ(text.SourceOffset(4), 3u);
  EXPECT_EQ(text.SourceOffset(6, /*at_end=*/true), 4u);
  EXPECT_EQ(text.SourceOffset(6), 4u);
  EXPECT_EQ(text.SourceOffset(9), 7u);
}

TEST(SpokenText, AnEndBeforeARewriteDoesNotTakeItIn) {
  // "在德国，16世纪": a clause ending after "，" ends where "十六" starts; the next clause starts
  // there. Both map to the source's "16" start, so captions show "16" once.
  SpokenText text{"国，16世", "国，十六世", {Rewrite{6, 8, 6, 12, "cardinal"}}};
  EXPECT_EQ(text.SourceOffset(6, /*at_end=*/true), 6u);
  EXPECT_EQ(text.SourceOffset(6), 6u);
  EXPECT_EQ(text.SourceOffset(12, /*at_end=*/true), 8u);
  EXPECT_EQ(text.SourceOffset(15, /*at_end=*/true), 11u);
}

}  // namespace
}  // namespace langdu::core
