#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "publish/journal.h"
#include "publish/output_set.h"

namespace langdu::testing {

/// The names of the files a journal in `dir` lists as finished.
inline std::set<std::string> Journaled(const std::filesystem::path& dir) {
  std::set<std::string> journaled;
  std::ifstream journal(dir / publish::kJournalFileName);
  std::string line;
  for (bool header = true; std::getline(journal, line); header = false) {
    const nlohmann::json entry = nlohmann::json::parse(line, nullptr, false);
    if (header || entry.is_discarded()) continue;
    for (const auto& output : entry["outputs"]) journaled.insert(output[0].get<std::string>());
  }
  return journaled;
}

/// What a run stopped by a signal or an error left in `dir` that it should not have: a temporary
/// file, a lock, or a final file that the resume journal does not list. Empty when the folder is
/// clean or missing.
inline std::string LeftBehind(const std::filesystem::path& dir) {
  if (!std::filesystem::exists(dir)) return {};
  const std::set<std::string> journaled = Journaled(dir);
  std::string problems;
  for (const auto& file : std::filesystem::directory_iterator(dir)) {
    const std::string name = file.path().filename().string();
    if (name == publish::kJournalFileName || journaled.count(name) != 0) continue;
    problems += publish::TemporaryOwner(name) != 0 ? "temporary " : "not journaled ";
    problems += name + "\n";
  }
  return problems;
}

/// The final (not hidden) files in `dir` that the resume journal does not list: what a run killed
/// with SIGKILL must never leave (its temporaries and its lock file it may).
inline std::string UnjournaledFinals(const std::filesystem::path& dir) {
  const std::set<std::string> journaled = Journaled(dir);
  std::string unjournaled;
  for (const auto& file : std::filesystem::directory_iterator(dir)) {
    const std::string name = file.path().filename().string();
    if (name.front() != '.' && journaled.count(name) == 0) unjournaled += name + "\n";
  }
  return unjournaled;
}

}  // namespace langdu::testing
