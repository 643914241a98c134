// End to end: a synthesis worker killed in the middle of a run.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/output_check.h"
#include "test_util.h"

namespace langdu {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourcePath;
using testing::TempDir;

TEST(WorkerCrashSlow, AKilledWorkerIsAnEngineErrorAndLeavesOnlyJournaledFiles) {
  TempDir dir;
  // Ten seeds: long enough that the worker is still needed when it is killed.
  const std::string seed = ReadFile(SourcePath("samples/district-party-building-speech.txt"));
  {
    std::ofstream long_text(dir / "long.txt", std::ios::binary);
    for (int i = 0; i < 10; ++i) long_text << seed << "\n";
  }
  const std::string out = (dir / "out").string();
  const auto result =
      RunCommand(Quote(LANGDU_BINARY) + " narrate " + Quote((dir / "long.txt").string()) + " -o " +
                 Quote(out) +
                 " --format wav -j 1 -q --no-cache & pid=$!; "
                 "for i in $(seq 200); do w=$(pgrep -P $pid | head -n 1); [ -n \"$w\" ] && break; "
                 "sleep 0.05; done; sleep 0.5; kill -9 $w; wait $pid; echo \"exit $?\"; "
                 "pgrep -P $pid | wc -l");
  EXPECT_NE(result.out.find("exit 8\n0\n"), std::string::npos) << result.out << result.err;
  EXPECT_EQ(result.err.rfind("langdu: error: speech worker failed in chapter ", 0), 0u)
      << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  // No temporary, and no final file but the chapters finished before, journaled for a rerun.
  EXPECT_EQ(testing::LeftBehind(out), "");
  EXPECT_FALSE(std::filesystem::exists(dir / "out" / "manifest.json"));
}

}  // namespace
}  // namespace langdu
