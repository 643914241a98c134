#include "core/data_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "test_util.h"

namespace langdu::core {
namespace {

using testing::TempDir;

TEST(DataDir, InstalledTreeIsShareLangduBesideTheBinaryFolder) {
  TempDir prefix;
  std::filesystem::create_directories(prefix / "share/langdu/voices");
  EXPECT_EQ(InstalledDataDir(prefix / "bin/langdu"), prefix / "share/langdu");
}

TEST(DataDir, NoInstalledTreeWithoutVoices) {
  TempDir prefix;
  std::filesystem::create_directories(prefix / "share/langdu");
  EXPECT_EQ(InstalledDataDir(prefix / "bin/langdu"), std::filesystem::path());
}

TEST(DataDir, EnvironmentVariableWins) {
  const char* before = std::getenv("LANGDU_DATA_DIR");
  const std::string saved = before != nullptr ? before : "";
  setenv("LANGDU_DATA_DIR", "/somewhere/else", 1);
  EXPECT_EQ(DataDir(), std::filesystem::path("/somewhere/else"));
  if (before != nullptr) {
    setenv("LANGDU_DATA_DIR", saved.c_str(), 1);
  } else {
    unsetenv("LANGDU_DATA_DIR");
  }
}

TEST(DataDir, BuildTreeFallsBackToTheSourceTree) {
  const char* before = std::getenv("LANGDU_DATA_DIR");
  const std::string saved = before != nullptr ? before : "";
  unsetenv("LANGDU_DATA_DIR");
  // The test binary runs from the build tree, which has no share/langdu.
  EXPECT_TRUE(std::filesystem::exists(DataDir() / "voices" / "female.json")) << DataDir();
  if (before != nullptr) setenv("LANGDU_DATA_DIR", saved.c_str(), 1);
}

}  // namespace
}  // namespace langdu::core
