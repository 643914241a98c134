#include "core/data_dir.h"

#include <cstdlib>
#include <system_error>

#ifndef LANGDU_DATA_DIR
#define LANGDU_DATA_DIR "."
#endif

namespace langdu::core {

std::filesystem::path InstalledDataDir(const std::filesystem::path& executable) {
  const std::filesystem::path data = executable.parent_path().parent_path() / "share" / "langdu";
  std::error_code error;
  if (!std::filesystem::is_directory(data / "voices", error)) return {};
  return data;
}

std::filesystem::path DataDir() {
  if (const char* dir = std::getenv("LANGDU_DATA_DIR"); dir != nullptr && *dir != '\0') return dir;
  std::error_code error;
  // The link names the binary itself, so a symlink to it (/usr/local/bin/langdu) still finds
  // the tree it was installed with.
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    if (std::filesystem::path installed = InstalledDataDir(executable); !installed.empty()) {
      return installed;
    }
  }
  return LANGDU_DATA_DIR;
}

}  // namespace langdu::core
