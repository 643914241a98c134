// Folders expanded into inputs, their output folders, and the shards' shares.
#include "pipeline/batch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "core/error.h"
#include "test_util.h"

namespace langdu::pipeline {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteFile;

std::vector<std::string> Names(const std::vector<BatchInput>& batch) {
  std::vector<std::string> names;
  for (const BatchInput& input : batch) names.push_back(input.name);
  return names;
}

core::ErrorKind KindOf(const std::function<void()>& run) {
  try {
    run();
  } catch (const core::Error& error) {
    return error.kind();
  }
  return core::ErrorKind::kInternal;
}

TEST(Batch, ASoleFileWritesIntoTheOutputItselfAndSeveralIntoTheirStems) {
  EXPECT_EQ(ListBatch({"a/speech.txt"}, "out")[0].output_dir, fs::path("out"));
  const auto two = ListBatch({"a/speech.txt", "b/book.epub"}, "out");
  EXPECT_EQ(two[0].output_dir, fs::path("out/speech"));
  EXPECT_EQ(two[1].output_dir, fs::path("out/book"));
  EXPECT_EQ(KindOf([] { ListBatch({"a/x.txt", "b/x.md"}, "out"); }), core::ErrorKind::kUsage);
}

TEST(Batch, AFolderIsMirroredWithTheFilesLangduReadsInPathOrder) {
  TempDir dir;
  const fs::path lib = dir / "lib";
  WriteFile(lib / "b" / "two.md", "二");
  WriteFile(lib / "a" / "one.txt", "一一");
  WriteFile(lib / "a" / "notes.doc", "x");   // not a format langdu reads
  WriteFile(lib / ".git" / "x.txt", "x");    // hidden folder
  WriteFile(lib / "a" / ".draft.txt", "x");  // hidden file
  WriteFile(lib / "c" / "book.EPUB", "x");   // extensions in any case
  const auto batch = ListBatch({lib.string()}, dir / "out");
  EXPECT_EQ(Names(batch),
            (std::vector<std::string>{(lib / "a/one.txt").string(), (lib / "b/two.md").string(),
                                      (lib / "c/book.EPUB").string()}));
  EXPECT_EQ(batch[0].output_dir, dir / "out" / "a" / "one");
  EXPECT_EQ(batch[1].output_dir, dir / "out" / "b" / "two");
  EXPECT_EQ(batch[0].bytes, 6u);
  // Beside other inputs, a folder is one more level, named after it.
  const auto mixed = ListBatch({lib.string(), (lib / "a/one.txt").string()}, dir / "out");
  EXPECT_EQ(mixed[0].output_dir, dir / "out" / "lib" / "a" / "one");
  EXPECT_EQ(mixed.back().output_dir, dir / "out" / "one");
}

TEST(Batch, TheOutputFolderInsideTheInputFolderIsNotReadOnARerun) {
  TempDir dir;
  WriteFile(dir / "one.txt", "一");
  WriteFile(dir / "out" / "one" / "index.html", "<html></html>");
  EXPECT_EQ(ListBatch({dir.path().string()}, dir / "out").size(), 1u);
}

TEST(Batch, AFolderWithNothingToReadIsAnInputMissing) {
  TempDir dir;
  WriteFile(dir / "notes.doc", "x");
  EXPECT_EQ(KindOf([&] { ListBatch({dir.path().string()}, "out"); }),
            core::ErrorKind::kInputMissing);
}

TEST(Batch, ShardsAreWrittenOneBasedAndOutOfRangeIsAUsageError) {
  EXPECT_EQ(ParseShard("2/3").index, 2);
  EXPECT_EQ(ParseShard("2/3").count, 3);
  for (const char* bad :
       {"0/3", "4/3", "1/0", "x", "1/", "/3", "-1/2", "1/3/4", " 1/3", "1/10001"}) {
    EXPECT_EQ(KindOf([&] { ParseShard(bad); }), core::ErrorKind::kUsage) << bad;
  }
}

std::vector<BatchInput> Library(const std::vector<std::uintmax_t>& sizes) {
  std::vector<BatchInput> inputs;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    inputs.push_back({"doc" + std::to_string(100 + i) + ".txt", "out", sizes[i]});
  }
  return inputs;
}

TEST(Batch, ShardsCoverEveryInputExactlyOnce) {
  const auto inputs = Library({5, 1, 9, 3, 3, 7, 2, 8, 0, 4, 6});
  for (int count = 1; count <= 13; ++count) {
    std::multiset<std::size_t> seen;
    for (int index = 1; index <= count; ++index) {
      const auto mine = ShardInputs(inputs, {index, count});
      EXPECT_TRUE(std::is_sorted(mine.begin(), mine.end()));
      seen.insert(mine.begin(), mine.end());
    }
    EXPECT_EQ(seen.size(), inputs.size()) << count;
    EXPECT_EQ(std::set<std::size_t>(seen.begin(), seen.end()).size(), inputs.size()) << count;
  }
}

TEST(Batch, ShardsBalanceSizeLargestFirstToTheLeastLoaded) {
  // 8 → shard 1, 7 → 2, 6 → 3, 5 → 3 (6 < 7 < 8), 4 → 2, 3 → 1: 11 bytes each, where a hash
  // of the names would not look at sizes.
  const auto inputs = Library({3, 8, 5, 7, 4, 6});
  std::vector<std::uintmax_t> load;
  for (int index = 1; index <= 3; ++index) {
    std::uintmax_t bytes = 0;
    for (const std::size_t i : ShardInputs(inputs, {index, 3})) bytes += inputs[i].bytes;
    load.push_back(bytes);
  }
  EXPECT_EQ(load, (std::vector<std::uintmax_t>{11, 11, 11}));
  // One book larger than all the rest: it is a shard of its own.
  const auto heavy = Library({100, 1, 1, 1, 1});
  EXPECT_EQ(ShardInputs(heavy, {1, 2}), (std::vector<std::size_t>{0}));
  EXPECT_EQ(ShardInputs(heavy, {2, 2}), (std::vector<std::size_t>{1, 2, 3, 4}));
}

TEST(Batch, EmptyFilesSpreadOverTheShards) {
  const auto inputs = Library({0, 0, 0, 0, 0, 0});
  for (int index = 1; index <= 3; ++index) EXPECT_EQ(ShardInputs(inputs, {index, 3}).size(), 2u);
}

TEST(Batch, EqualSizesAreSharedByNameWhateverTheOrderGiven) {
  auto inputs = Library({5, 5, 5, 5});
  const auto first = ShardInputs(inputs, {1, 2});
  std::vector<std::string> names;
  for (const std::size_t i : first) names.push_back(inputs[i].name);
  std::reverse(inputs.begin(), inputs.end());
  std::vector<std::string> again;
  for (const std::size_t i : ShardInputs(inputs, {1, 2})) again.push_back(inputs[i].name);
  std::sort(again.begin(), again.end());
  EXPECT_EQ(names, again);
}

}  // namespace
}  // namespace langdu::pipeline
