#include "pipeline/unit_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include "test_util.h"

namespace langdu::pipeline {
namespace {

const std::string kKeyA(64, 'a');
const std::string kKeyB(64, 'b');
const std::string kKeyC(64, 'c');

// The payload stored under `key`, or nullopt.
std::optional<std::string> Payload(UnitCache& cache, const std::string& key) {
  std::optional<UnitCache::Entry> entry = cache.Load(key);
  if (!entry) return std::nullopt;
  return std::string(entry->payload());
}

std::filesystem::path EntryOf(const std::filesystem::path& dir, const std::string& key) {
  return dir / key.substr(0, 2) / (key + ".unit");
}

TEST(UnitCache, GivesBackWhatWasStored) {
  testing::TempDir dir;
  UnitCache cache(dir.path() / "cache", kCacheMaxBytes);
  EXPECT_EQ(Payload(cache, kKeyA), std::nullopt);
  cache.Store(kKeyA, std::string("payload\0with a zero", 19));
  EXPECT_EQ(Payload(cache, kKeyA), std::string("payload\0with a zero", 19));
  EXPECT_EQ(cache.stats().hits, 1u);
  EXPECT_EQ(cache.stats().misses, 1u);
  EXPECT_EQ(cache.stats().corrupt, 0u);
  EXPECT_GT(cache.stats().bytes_written, 19u);
  EXPECT_EQ(cache.stats().bytes_read, cache.stats().bytes_written);
  EXPECT_TRUE(cache.usable());
}

TEST(UnitCache, AnEntryWhoseChecksumFailsIsIgnoredAndRewritten) {
  testing::TempDir dir;
  UnitCache cache(dir.path(), kCacheMaxBytes);
  cache.Store(kKeyA, "the samples of a unit");
  std::string bytes = testing::ReadFile(EntryOf(dir.path(), kKeyA));
  bytes.back() ^= 1;  // one bit of the payload flipped on the disk
  testing::WriteFile(EntryOf(dir.path(), kKeyA), bytes);
  EXPECT_EQ(Payload(cache, kKeyA), std::nullopt);
  EXPECT_EQ(cache.stats().corrupt, 1u);
  cache.Store(kKeyA, "the samples of a unit");
  EXPECT_EQ(Payload(cache, kKeyA), "the samples of a unit");
  // A truncated entry is corrupt too, never a crash.
  testing::WriteFile(EntryOf(dir.path(), kKeyA), bytes.substr(0, 20));
  EXPECT_EQ(Payload(cache, kKeyA), std::nullopt);
  EXPECT_EQ(cache.stats().corrupt, 2u);
}

TEST(UnitCache, PrunesTheLeastRecentlyUsedFirst) {
  testing::TempDir dir;
  const std::string payload(1000, 'x');
  {
    UnitCache cache(dir.path(), kCacheMaxBytes);
    cache.Store(kKeyA, payload);
    cache.Store(kKeyB, payload);
    cache.Store(kKeyC, payload);
  }
  // Stored an hour, two and three hours ago: A is the oldest.
  const auto now = std::filesystem::file_time_type::clock::now();
  std::filesystem::last_write_time(EntryOf(dir.path(), kKeyA), now - std::chrono::hours(3));
  std::filesystem::last_write_time(EntryOf(dir.path(), kKeyB), now - std::chrono::hours(2));
  std::filesystem::last_write_time(EntryOf(dir.path(), kKeyC), now - std::chrono::hours(1));
  UnitCache cache(dir.path(), 2 * 1100);      // room for two entries
  ASSERT_EQ(Payload(cache, kKeyA), payload);  // used now: the most recent
  cache.Prune();
  EXPECT_EQ(cache.stats().pruned, 1u);
  EXPECT_TRUE(std::filesystem::exists(EntryOf(dir.path(), kKeyA)));
  EXPECT_FALSE(std::filesystem::exists(EntryOf(dir.path(), kKeyB)));
  EXPECT_TRUE(std::filesystem::exists(EntryOf(dir.path(), kKeyC)));
}

TEST(UnitCache, RemovesTheTemporariesOfWritersThatAreGone) {
  testing::TempDir dir;
  UnitCache cache(dir.path(), kCacheMaxBytes);
  cache.Store(kKeyA, "x");
  // pid_max is at most 2^22: no process has this pid.
  const std::filesystem::path orphan = dir.path() / "aa" / ("." + kKeyA + ".4194305.tmp");
  const std::filesystem::path live =
      dir.path() / "aa" / ("." + kKeyB + "." + std::to_string(getpid()) + ".tmp");
  testing::WriteFile(orphan, "half");
  testing::WriteFile(live, "half");
  cache.Prune();
  EXPECT_FALSE(std::filesystem::exists(orphan));
  EXPECT_TRUE(std::filesystem::exists(live));
}

TEST(UnitCache, AFolderThatCannotBeMadeTurnsTheCacheOff) {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "file", "");
  UnitCache cache(dir.path() / "file" / "cache", kCacheMaxBytes);
  EXPECT_FALSE(cache.usable());
  EXPECT_EQ(cache.warning(), "cache " + (dir.path() / "file" / "cache").string() +
                                 ": cannot create it: Not a directory; going on without it");
  cache.Store(kKeyA, "x");
  EXPECT_EQ(Payload(cache, kKeyA), std::nullopt);
}

// A cache that can no longer be written to (here a file in the way of an entry's folder; a
// read-only or full disk alike) still gives what it has.
TEST(UnitCache, AWriteThatFailsStopsWritingButNotReading) {
  testing::TempDir dir;
  UnitCache cache(dir.path(), kCacheMaxBytes);
  cache.Store(kKeyB, "kept");
  testing::WriteFile(dir.path() / "aa", "");  // where the entry's folder should be
  cache.Store(kKeyA, "x");
  EXPECT_TRUE(cache.usable());
  EXPECT_EQ(cache.warning(), "cache " + dir.path().string() +
                                 ": cannot write: Not a directory; going on without storing in it");
  EXPECT_EQ(Payload(cache, kKeyB), "kept");
  cache.Store(kKeyC, "y");
  EXPECT_EQ(Payload(cache, kKeyC), std::nullopt);
}

TEST(UnitCache, DefaultFolderFollowsXdg) {
  const std::string saved_xdg = std::getenv("XDG_CACHE_HOME") ? std::getenv("XDG_CACHE_HOME") : "";
  const std::string saved_home = std::getenv("HOME") ? std::getenv("HOME") : "";
  setenv("XDG_CACHE_HOME", "/var/cache/me", 1);
  setenv("HOME", "/home/me", 1);
  EXPECT_EQ(DefaultCacheDir(), "/var/cache/me/langdu");
  // The XDG rules: a relative path is ignored.
  setenv("XDG_CACHE_HOME", "relative", 1);
  EXPECT_EQ(DefaultCacheDir(), "/home/me/.cache/langdu");
  unsetenv("XDG_CACHE_HOME");
  EXPECT_EQ(DefaultCacheDir(), "/home/me/.cache/langdu");
  unsetenv("HOME");
  EXPECT_EQ(DefaultCacheDir(), "");
  if (saved_xdg.empty()) {
    unsetenv("XDG_CACHE_HOME");
  } else {
    setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
  }
  setenv("HOME", saved_home.c_str(), 1);
}

// Renders unit i as one sentence "unit i" and counts what it was asked for.
class CountingSource : public UnitSource {
 public:
  void Request(std::size_t index) override { requested.push_back(index); }
  RenderedUnit Take(std::size_t index) override {
    RenderedUnit unit;
    unit.sentences.push_back({"unit " + std::to_string(index), "", {}, {}});
    unit.sentences.back().clauses.push_back(
        {"unit", "unit", core::Pause::kPeriod, std::vector<std::int16_t>(10, 7), -1});
    return unit;
  }
  std::size_t ahead() const override { return 3; }
  std::vector<std::size_t> requested;
};

// Misses go to the workers as soon as they have room, however many hits come before them; never
// more than the workers' own ahead() at once.
TEST(CachedSource, AsksForMissesAheadOfTheHitsButNoMoreThanTheWorkersTake) {
  testing::TempDir dir;
  UnitCache cache(dir.path(), kCacheMaxBytes);
  std::vector<std::string> keys;
  for (char c = 'a'; c < 'a' + 8; ++c) keys.emplace_back(64, c);
  cache.Store(keys[0], Serialize(CountingSource().Take(0)));
  cache.Store(keys[1], Serialize(CountingSource().Take(1)));
  CountingSource inner;
  CachedSource source(inner, cache, keys);
  for (std::size_t i = 0; i < keys.size(); ++i) source.Request(i);
  EXPECT_EQ(inner.requested, (std::vector<std::size_t>{2, 3, 4}));  // inner.ahead() is 3
  EXPECT_EQ(source.Take(0).sentences[0].spoken_text, "unit 0");
  EXPECT_EQ(source.Take(1).sentences[0].spoken_text, "unit 1");
  EXPECT_EQ(inner.requested.size(), 3u);
  EXPECT_EQ(source.Take(2).sentences[0].spoken_text, "unit 2");
  EXPECT_EQ(inner.requested, (std::vector<std::size_t>{2, 3, 4, 5}));
  for (std::size_t i = 3; i < keys.size(); ++i) source.Take(i);
  EXPECT_EQ(inner.requested, (std::vector<std::size_t>{2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(cache.stats().hits, 2u);
  EXPECT_EQ(cache.stats().misses, 6u);
}

// An entry removed (by another run's pruning) between the request and the take is rendered.
TEST(CachedSource, AnEntryGoneBeforeItIsTakenIsRendered) {
  testing::TempDir dir;
  UnitCache cache(dir.path(), kCacheMaxBytes);
  cache.Store(kKeyA, Serialize(CountingSource().Take(0)));
  CountingSource inner;
  CachedSource source(inner, cache, {kKeyA});
  source.Request(0);
  EXPECT_TRUE(inner.requested.empty());
  std::filesystem::remove(EntryOf(dir.path(), kKeyA));
  EXPECT_EQ(source.Take(0).sentences[0].spoken_text, "unit 0");
  EXPECT_EQ(inner.requested, std::vector<std::size_t>{0});
  EXPECT_TRUE(std::filesystem::exists(EntryOf(dir.path(), kKeyA)));  // stored again
}

TEST(CachedSource, RendersOnlyWhatTheCacheLacksAndStoresIt) {
  testing::TempDir dir;
  UnitCache cache(dir.path(), kCacheMaxBytes);
  const std::vector<std::string> keys = {kKeyA, kKeyB, kKeyC};
  {
    CountingSource inner;
    CachedSource source(inner, cache, keys);
    source.Request(0);
    source.Request(1);
    EXPECT_EQ(source.Take(0).sentences[0].spoken_text, "unit 0");
    EXPECT_EQ(source.Take(1).sentences[0].spoken_text, "unit 1");
    EXPECT_EQ(inner.requested, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(source.ahead(), CachedSource::kAhead);
  }
  CountingSource inner;
  CachedSource source(inner, cache, keys);
  source.Request(0);
  source.Request(1);
  source.Request(2);
  const RenderedUnit unit = source.Take(1);
  EXPECT_EQ(unit.sentences[0].spoken_text, "unit 1");
  EXPECT_EQ(unit.sentences[0].clauses[0].samples, std::vector<std::int16_t>(10, 7));
  EXPECT_EQ(source.Take(0).sentences[0].spoken_text, "unit 0");
  EXPECT_EQ(source.Take(2).sentences[0].spoken_text, "unit 2");
  EXPECT_EQ(inner.requested, std::vector<std::size_t>{2});  // the one it lacked
  EXPECT_EQ(cache.stats().hits, 2u);
}

}  // namespace
}  // namespace langdu::pipeline
