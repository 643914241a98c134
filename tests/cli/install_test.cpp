// The installed tree: `cmake --install` into a temporary prefix, moved elsewhere, run without
// LANGDU_DATA_DIR; the man page against every command's --help; --version.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

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

std::vector<std::string> Matches(const std::string& text, const std::regex& pattern) {
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    found.push_back((*it)[1]);
  }
  return found;
}

TEST(Install, VersionNamesLangduAndItsLibraries) {
  const auto result = RunLangdu("--version");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::regex expected(
      "langdu [0-9]+\\.[0-9]+\\.[0-9]+\n"
      "eSpeak NG [0-9.]+[^\n]*\n"
      "ICU [0-9]+\\.[0-9.]+\n"
      "libsndfile [0-9]+\\.[0-9.]+\n"
      "LAME [0-9]+\\.[0-9.]+\n");
  EXPECT_TRUE(std::regex_match(result.out, expected)) << result.out;
}

TEST(Install, ManPageDocumentsEveryCommandAndLongOption) {
  std::string man = ReadFile(SourcePath("dist/langdu.1"));
  man = std::regex_replace(man, std::regex("\\\\-"), "-");
  const auto top = RunLangdu("--help");
  ASSERT_EQ(top.exit_code, 0);
  const std::string commands_section = top.out.substr(top.out.find("Subcommands:"));
  const auto commands = Matches(commands_section, std::regex("\n  ([a-z][a-z0-9-]*) "));
  ASSERT_FALSE(commands.empty()) << top.out;
  for (const std::string& command : commands) {
    EXPECT_NE(man.find("langdu " + command), std::string::npos)
        << "dist/langdu.1 does not describe `langdu " << command << "`";
    const auto help = RunLangdu(command + " --help");
    ASSERT_EQ(help.exit_code, 0) << command;
    for (const std::string& option : Matches(help.out, std::regex("[ ,](--[a-z][a-z0-9-]*)"))) {
      if (option == "--help") continue;
      EXPECT_NE(man.find(option), std::string::npos)
          << "dist/langdu.1 does not document `langdu " << command << " " << option << "`";
    }
  }
}

TEST(InstallSlow, MovedInstallTreeNarratesWithItsOwnData) {
  TempDir root;
  const auto install = RunCommand("cmake --install " + Quote(LANGDU_BUILD_DIR) + " --prefix " +
                                  Quote((root / "first").string()));
  ASSERT_EQ(install.exit_code, 0) << install.err;
  std::filesystem::rename(root / "first", root / "moved");
  const std::filesystem::path prefix = root / "moved";
  for (const char* installed :
       {"bin/langdu", "share/langdu/voices/female.json", "share/langdu/voices/lexicon/zh.lex",
        "share/man/man1/langdu.1", "share/bash-completion/completions/langdu",
        "share/doc/langdu/LICENSE"}) {
    EXPECT_TRUE(std::filesystem::exists(prefix / installed)) << installed;
  }
  // A voice that only the installed tree has: it can only be found there, not in the sources.
  WriteFile(prefix / "share/langdu/voices/installed.json",
            ReadFile(prefix / "share/langdu/voices/female.json"));

  const std::string langdu = "env -u LANGDU_DATA_DIR " + Quote((prefix / "bin/langdu").string());
  const auto voices = RunCommand(langdu + " voices");
  ASSERT_EQ(voices.exit_code, 0) << voices.err;
  EXPECT_NE(voices.out.find("installed"), std::string::npos) << voices.out;

  TempDir out;
  const auto narrate = RunCommand(langdu + " narrate -q --format wav --voice installed " +
                                  Quote(SourcePath("samples/three-chapters.txt").string()) +
                                  " -o " + Quote(out.path().string()));
  ASSERT_EQ(narrate.exit_code, 0) << narrate.err;
  EXPECT_TRUE(std::filesystem::exists(out / "manifest.json"));
  std::size_t audio_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out.path())) {
    if (entry.path().extension() == ".wav") ++audio_files;
  }
  EXPECT_EQ(audio_files, 3u);
}

}  // namespace
}  // namespace langdu
