#pragma once

#include <filesystem>
#include <string>

namespace langdu::testing {

/// A fresh folder under the system temp folder, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

/// What a finished command did.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `command` through /bin/sh with `input` on its standard input.
CommandResult RunCommand(const std::string& command, const std::string& input = "");

/// Runs the langdu binary built with these tests, with `arguments` (already shell-quoted).
CommandResult RunLangdu(const std::string& arguments, const std::string& input = "");

/// A path in the source tree (samples/, tests/data/, voices/).
std::filesystem::path SourcePath(const std::string& relative);

/// Reads a whole file.
std::string ReadFile(const std::filesystem::path& path);

/// Writes a whole file, creating its folders.
void WriteFile(const std::filesystem::path& path, const std::string& contents);

/// Shell-quotes one argument.
std::string Quote(const std::string& argument);

}  // namespace langdu::testing
