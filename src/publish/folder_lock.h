#pragma once

#include <filesystem>

namespace langdu::publish {

/// The name of the lock file in an output folder.
inline constexpr const char* kLockFileName = ".langdu-lock";

/// An exclusive hold on an output folder, so that two runs never write into it at once: flock(2)
/// on FOLDER/.langdu-lock. The kernel releases it when the holder exits in any way, SIGKILL
/// included, so a killed run never blocks the next one. The lock file is removed on release.
class FolderLock {
 public:
  /// Takes the lock, creating `folder` when needed. Throws core::Error(kLocked) "FOLDER: another
  /// langdu run (pid N) is writing here" when another holder has it, core::Error(kOutput) when the
  /// folder or the lock file cannot be made.
  explicit FolderLock(const std::filesystem::path& folder);
  /// Removes the lock file, then releases the lock.
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace langdu::publish
