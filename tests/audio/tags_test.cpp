#include "audio/tags.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "test_util.h"

namespace langdu::audio {
namespace {

TEST(Tags, CoverMustBeJpegOrPng) {
  testing::TempDir dir;
  testing::WriteFile(dir / "cover.gif", "GIF89a");
  try {
    ReadPicture(dir / "cover.gif");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kUsage);
    EXPECT_EQ(std::string(e.what()),
              "--cover: " + (dir / "cover.gif").string() + ": not a JPEG or PNG image");
  }
}

TEST(Tags, MissingCoverIsAnInputError) {
  try {
    ReadPicture("/nonexistent/cover.png");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kInputMissing);
    EXPECT_EQ(std::string(e.what()), "--cover: /nonexistent/cover.png: cannot read");
  }
}

}  // namespace
}  // namespace langdu::audio
