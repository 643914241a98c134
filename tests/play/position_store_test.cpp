// Where play saves the listener's position.
#include "play/position_store.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "test_util.h"

namespace langdu::play {
namespace {

using testing::TempDir;
using testing::WriteFile;

TEST(PositionStore, SavesLoadsAndForgetsByKey) {
  TempDir dir;
  const PositionStore store(dir / "langdu");
  EXPECT_FALSE(store.Load("abc"));
  store.Save("abc", {"3.1", "book.txt"});
  const auto loaded = store.Load("abc");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->label, "3.1");
  EXPECT_EQ(loaded->input, "book.txt");
  EXPECT_EQ(store.PathOf("abc"), dir / "langdu/positions/abc.json");
  EXPECT_FALSE(store.Load("abd"));
  store.Forget("abc");
  EXPECT_FALSE(store.Load("abc"));
}

TEST(PositionStore, AMalformedFileCountsAsNoPosition) {
  TempDir dir;
  const PositionStore store(dir.path());
  std::filesystem::create_directories(dir / "positions");
  WriteFile(dir / "positions/abc.json", "{\"position\": 3}");
  EXPECT_FALSE(store.Load("abc"));
}

TEST(PositionStore, StateDirFollowsXdgThenHome) {
  const char* saved_state = std::getenv("XDG_STATE_HOME");
  const char* saved_home = std::getenv("HOME");
  const std::string state = saved_state ? saved_state : "";
  const std::string home = saved_home ? saved_home : "";
  setenv("XDG_STATE_HOME", "/tmp/state", 1);
  EXPECT_EQ(DefaultStateDir(), "/tmp/state/langdu");
  setenv("XDG_STATE_HOME", "relative", 1);  // the XDG spec: relative paths are ignored
  setenv("HOME", "/home/reader", 1);
  EXPECT_EQ(DefaultStateDir(), "/home/reader/.local/state/langdu");
  saved_state ? setenv("XDG_STATE_HOME", state.c_str(), 1) : unsetenv("XDG_STATE_HOME");
  saved_home ? setenv("HOME", home.c_str(), 1) : unsetenv("HOME");
}

}  // namespace
}  // namespace langdu::play
