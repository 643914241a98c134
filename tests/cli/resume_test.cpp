// End to end: a run killed with SIGKILL is resumed; two runs on one folder at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cli/output_check.h"
#include "test_util.h"

namespace langdu {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::RunLangdu;
using testing::SourcePath;
using testing::TempDir;

const std::string kSeed = "samples/district-party-building-speech.txt";  // 8 chapters

std::vector<std::string> Names(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string Narrate(const std::filesystem::path& out, const std::string& options) {
  // --no-cache: the rerun must resume, not find every unit made already.
  return "SOURCE_DATE_EPOCH=1700000000 " + Quote(LANGDU_BINARY) + " narrate -q --no-cache " +
         Quote(SourcePath(kSeed).string()) + " -o " + Quote(out.string()) + " " + options;
}

// Killed with SIGKILL once 5 of the 8 chapters are final (about 60 %), then run again: the rerun
// ends the book, leaves no litter, and every file has the bytes of a run never stopped.
TEST(ResumeSlow, ARunKilledAtSixtyPercentIsResumedToTheSameBytes) {
  TempDir whole;
  ASSERT_EQ(RunCommand(Narrate(whole.path(), "-j 2")).exit_code, 0);

  TempDir resumed;
  const std::string out = Quote(resumed.path().string());
  const auto killed =
      RunCommand(Narrate(resumed.path(), "-j 1") + " & pid=$!; for i in $(seq 2000); do " +
                 "[ $(ls " + out + " | grep -c '\\.mp3$') -ge 5 ] && break; sleep 0.01; done; " +
                 "kill -9 $pid; wait $pid; echo \"exit $?\"");
  ASSERT_NE(killed.out.find("exit 137"), std::string::npos) << killed.out << killed.err;
  const std::vector<std::string> left = Names(resumed.path());
  const auto finals = std::count_if(left.begin(), left.end(), [](const std::string& name) {
    return name.ends_with(".mp3") && name.front() != '.';
  });
  ASSERT_GE(finals, 5);
  ASSERT_LT(finals, 8) << "the run ended before it was killed";
  // Every final file the killed run left is journaled; its temporaries wait for the next run.
  EXPECT_EQ(testing::UnjournaledFinals(resumed.path()), "");
  EXPECT_NE(testing::LeftBehind(resumed.path()).find("temporary "), std::string::npos)
      << "the killed run was writing the next chapters";

  std::string rerun_command = Narrate(resumed.path(), "-j 2");
  rerun_command.replace(rerun_command.find(" narrate -q "), 12, " narrate ");  // with progress
  const auto rerun = RunCommand(rerun_command);
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(rerun.err.rfind("langdu: " + SourcePath(kSeed).string() + ": resuming: " +
                                std::to_string(finals) + " of 8 files finished before are kept\n",
                            0),
            0u)
      << rerun.err;

  EXPECT_EQ(Names(resumed.path()), Names(whole.path()));
  for (const std::string& name : Names(whole.path())) {
    EXPECT_EQ(ReadFile(resumed / name), ReadFile(whole / name)) << name;
  }
}

// A second run on a folder another run holds is refused at once, naming the holder, and touches
// nothing.
TEST(ResumeSlow, ASecondRunOnTheSameFolderIsRefused) {
  TempDir out;
  const std::string lock = Quote((out / ".langdu-lock").string());
  const auto result = RunCommand(
      "flock -o " + lock + " sleep 5 >/dev/null 2>&1 & holder=$!; for i in $(seq 500); do [ -e " +
      lock + " ] && break; sleep 0.01; done; sleep 0.2; " + Narrate(out.path(), "") +
      "; code=$?; echo \"holder $holder\"; kill $holder; exit $code");
  EXPECT_EQ(result.exit_code, 12);
  const std::size_t at = result.out.find("holder ");
  ASSERT_NE(at, std::string::npos) << result.out;
  const std::string holder = result.out.substr(at + 7, result.out.find('\n', at) - at - 7);
  EXPECT_EQ(result.err, "langdu: error: " + out.path().string() + ": another langdu run (pid " +
                            holder + ") is writing here\n");
  EXPECT_EQ(Names(out.path()), std::vector<std::string>{".langdu-lock"});
}

}  // namespace
}  // namespace langdu
