// `langdu play` through the real binary: keys from a pipe, and keys from a real terminal (tmux),
// with --device null so that no sound card is needed.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "test_util.h"

namespace langdu {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::RunLangdu;
using testing::SourcePath;
using testing::TempDir;
using testing::WriteFile;

const std::string kSeed = "samples/district-party-building-speech.txt";

std::string Sample(const std::string& relative) { return Quote(SourcePath(relative).string()); }

// The numbered lines of play's output, each cut to its label ("2.1").
std::vector<std::string> Labels(const std::string& out) {
  std::vector<std::string> labels;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(start, end - start);
    const std::size_t space = line.find(' ');
    if (space != std::string::npos && line.find_first_not_of("0123456789.") == space) {
      labels.push_back(line.substr(0, space));
    }
    start = end + 1;
  }
  return labels;
}

std::string StateEnv(const TempDir& state) {
  return "XDG_STATE_HOME=" + Quote(state.path().string()) + " ";
}

TEST(PlayCliSlow, KeysFromAPipeMoveByChapterAndQuitSavesThePosition) {
  TempDir state;
  const std::string play = "play --device null " + Sample(kSeed);
  const auto first = RunCommand(StateEnv(state) + Quote(LANGDU_BINARY) + " " + play, "]\n]\nq\n");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(Labels(first.out), (std::vector<std::string>{"1.1", "2.1", "3.1"})) << first.out;
  EXPECT_EQ(first.out.rfind("1.1 在全区党建工作会上的讲话\n", 0), 0u) << first.out;

  const auto second = RunCommand(StateEnv(state) + Quote(LANGDU_BINARY) + " " + play, "q\n");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(Labels(second.out), (std::vector<std::string>{"3.1"})) << second.out;
  EXPECT_EQ(second.err, "resuming at 3.1 (--restart starts from the beginning)\n");

  const auto restart =
      RunCommand(StateEnv(state) + Quote(LANGDU_BINARY) + " " + play + " --restart", "q\n");
  EXPECT_EQ(Labels(restart.out), (std::vector<std::string>{"1.1"})) << restart.out;
  const auto from =
      RunCommand(StateEnv(state) + Quote(LANGDU_BINARY) + " " + play + " --from 4.2", "n\nq\n");
  EXPECT_EQ(Labels(from.out), (std::vector<std::string>{"4.2", "4.3"})) << from.out;
}

TEST(PlayCliSlow, QuietPrintsNothing) {
  TempDir state;
  const auto result = RunCommand(
      StateEnv(state) + Quote(LANGDU_BINARY) + " play --quiet --device null " + Sample(kSeed),
      "]\nq\n");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

TEST(PlayCliSlow, AMissingSoundDeviceSuggestsTheNullDevice) {
  TempDir state;
  const auto result = RunCommand(
      StateEnv(state) + Quote(LANGDU_BINARY) + " play --device no-such-device " + Sample(kSeed),
      "q\n");
  EXPECT_EQ(result.exit_code, 11);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "langdu: error: --device no-such-device: cannot open the sound device: No such file "
            "or directory; use --device null to play without sound\n");
}

TEST(PlayCliSlow, FromOutsideTheBookIsAUsageError) {
  const auto result = RunLangdu("play --device null --from 9.1 " + Sample(kSeed), "q\n");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "langdu: error: --from: there is no chapter 9 (1..8)\n");
}

TEST(PlayCliSlow, AFolderWithoutAManifestIsMissingInput) {
  TempDir folder;
  const auto result = RunLangdu("play --device null " + Quote(folder.path().string()), "q\n");
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.err, "langdu: error: " + (folder / "manifest.json").string() +
                            ": no such file (play takes a text, or a folder written by narrate)\n");
}

TEST(PlayCliSlow, ABrokenManifestNamesItself) {
  TempDir folder;
  WriteFile(folder / "manifest.json", "{\"format\": \"something else\"}");
  const auto result = RunLangdu("play --device null " + Quote(folder.path().string()), "q\n");
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_EQ(result.err,
            "langdu: error: " + (folder / "manifest.json").string() + ": not a langdu manifest\n");
}

// A tmux server of its own, with one window at a time running a shell script.
class Tmux {
 public:
  explicit Tmux(const TempDir& dir) : socket_((dir / "tmux.sock").string()) {}
  ~Tmux() { Run("kill-server"); }

  testing::CommandResult Run(const std::string& arguments) {
    return RunCommand("tmux -S " + Quote(socket_) + " " + arguments);
  }

  // Runs `script` in a new 250-column session named `name`.
  void Start(const std::string& name, const std::filesystem::path& script) {
    const auto result = Run("-f /dev/null new-session -d -x 250 -y 50 -s " + name + " " +
                            Quote("exec sh " + script.string()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  std::string Screen(const std::string& name) {
    return Run("capture-pane -p -J -S - -t " + name).out;
  }

  // Waits (up to 20 s) until the screen holds `text`; returns whether it came.
  bool WaitFor(const std::string& name, const std::string& text) {
    for (int i = 0; i < 400; ++i) {
      if (Screen(name).find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  // Waits until a line of the screen starts with `label` and a space.
  bool WaitForLine(const std::string& name, const std::string& label) {
    for (int i = 0; i < 400; ++i) {
      if (("\n" + Screen(name)).find("\n" + label + " ") != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  void Keys(const std::string& name, const std::string& keys) {
    Run("send-keys -t " + name + " -l " + Quote(keys));
  }

  void Signal(const std::string& name, const std::string& key) {
    Run("send-keys -t " + name + " " + key);
  }

 private:
  std::string socket_;
};

// A script that plays `input` in the terminal, then says its exit code, with the terminal's
// settings saved before and after. The shell outlives Ctrl-C (caught, so the player gets it as
// usual), and stays so that its screen can be read.
std::filesystem::path PlayScript(const TempDir& dir, const std::string& name,
                                 const std::string& arguments) {
  const std::filesystem::path script = dir / (name + ".sh");
  WriteFile(script, "trap : INT\nstty -a > " + Quote((dir / (name + ".before")).string()) + "\n" +
                        "XDG_STATE_HOME=" + Quote((dir / "state").string()) + " " +
                        Quote(LANGDU_BINARY) + " play --device null " + arguments + "\n" +
                        "echo \"exit $?\"\n" + "stty -a > " +
                        Quote((dir / (name + ".after.part")).string()) + " && mv " +
                        Quote((dir / (name + ".after.part")).string()) + " " +
                        Quote((dir / (name + ".after")).string()) + "\nsleep 600\n");
  return script;
}

void ExpectTerminalRestored(const TempDir& dir, const std::string& name) {
  const std::string before = ReadFile(dir / (name + ".before"));
  EXPECT_NE(before, "");
  // The script writes the settings after it says the exit code on the screen: wait for them
  // (moved into place whole, so never read half-written).
  for (int i = 0; i < 200 && !std::filesystem::exists(dir / (name + ".after")); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  EXPECT_EQ(ReadFile(dir / (name + ".after")), before);
}

// Plays in a real terminal: 1.1 at once, ] to 2.1 and 3.1, q exits 0.
void PlayToChapterThree(Tmux& tmux, const TempDir& dir, const std::string& name,
                        const std::string& arguments) {
  tmux.Start(name, PlayScript(dir, name, arguments));
  ASSERT_TRUE(tmux.WaitForLine(name, "1.1")) << tmux.Screen(name);
  tmux.Keys(name, "]");
  ASSERT_TRUE(tmux.WaitForLine(name, "2.1")) << tmux.Screen(name);
  tmux.Keys(name, "]");
  ASSERT_TRUE(tmux.WaitForLine(name, "3.1")) << tmux.Screen(name);
  tmux.Keys(name, "q");
  ASSERT_TRUE(tmux.WaitFor(name, "exit 0")) << tmux.Screen(name);
  ExpectTerminalRestored(dir, name);
}

TEST(PlayTmuxSlow, KeysInATerminalNavigateResumeAndRestoreTheTerminal) {
  TempDir dir;
  Tmux tmux(dir);
  PlayToChapterThree(tmux, dir, "first", Sample(kSeed));

  tmux.Start("second", PlayScript(dir, "second", Sample(kSeed)));
  ASSERT_TRUE(tmux.WaitFor("second", "resuming at 3.1")) << tmux.Screen("second");
  ASSERT_TRUE(tmux.WaitForLine("second", "3.1")) << tmux.Screen("second");
  EXPECT_EQ(tmux.Screen("second").find("1.1 "), std::string::npos) << tmux.Screen("second");
  tmux.Keys("second", "q");
  ASSERT_TRUE(tmux.WaitFor("second", "exit 0")) << tmux.Screen("second");
  ExpectTerminalRestored(dir, "second");
}

TEST(PlayTmuxSlow, CtrlCRestoresTheTerminalAndSavesThePosition) {
  TempDir dir;
  Tmux tmux(dir);
  tmux.Start("interrupted", PlayScript(dir, "interrupted", "--from 2 " + Sample(kSeed)));
  ASSERT_TRUE(tmux.WaitForLine("interrupted", "2.1")) << tmux.Screen("interrupted");
  tmux.Signal("interrupted", "C-c");
  ASSERT_TRUE(tmux.WaitFor("interrupted", "exit 130")) << tmux.Screen("interrupted");
  EXPECT_NE(tmux.Screen("interrupted").find("langdu: error: interrupted"), std::string::npos);
  ExpectTerminalRestored(dir, "interrupted");

  tmux.Start("resumed", PlayScript(dir, "resumed", Sample(kSeed)));
  ASSERT_TRUE(tmux.WaitFor("resumed", "resuming at 2.1")) << tmux.Screen("resumed");
  tmux.Keys("resumed", "q");
  ASSERT_TRUE(tmux.WaitFor("resumed", "exit 0")) << tmux.Screen("resumed");
}

TEST(PlayTmuxSlow, ANarratedFolderNavigatesTheSameWay) {
  TempDir dir;
  const auto narrated = RunLangdu("narrate -q --format wav " + Sample(kSeed) + " -o " +
                                  Quote((dir / "book").string()));
  ASSERT_EQ(narrated.exit_code, 0) << narrated.err;
  Tmux tmux(dir);
  PlayToChapterThree(tmux, dir, "folder", Quote((dir / "book").string()));
  tmux.Start("manifest", PlayScript(dir, "manifest", Quote((dir / "book/manifest.json").string())));
  // The folder and its manifest are the same book: the position is shared.
  ASSERT_TRUE(tmux.WaitFor("manifest", "resuming at 3.1")) << tmux.Screen("manifest");
  ASSERT_TRUE(tmux.WaitForLine("manifest", "3.1")) << tmux.Screen("manifest");
  tmux.Keys("manifest", "q");
  ASSERT_TRUE(tmux.WaitFor("manifest", "exit 0")) << tmux.Screen("manifest");
}

}  // namespace
}  // namespace langdu
