#include "publish/folder_lock.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/error.h"
#include "test_util.h"

namespace langdu::publish {
namespace {

using testing::TempDir;

std::string LockError(const std::filesystem::path& folder) {
  try {
    FolderLock second(folder);
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kLocked);
    EXPECT_EQ(core::ExitCode(e.kind()), 12);
    return e.what();
  }
  return "no error";
}

TEST(FolderLock, ASecondHolderIsRefusedWithTheFirstOnesProcessId) {
  TempDir dir;
  const FolderLock first(dir.path());
  EXPECT_EQ(LockError(dir.path()), dir.path().string() + ": another langdu run (pid " +
                                       std::to_string(getpid()) + ") is writing here");
}

TEST(FolderLock, IsFreeAgainOnceReleasedAndLeavesNoFile) {
  TempDir dir;
  { const FolderLock first(dir.path()); }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
  const FolderLock again(dir.path());
  EXPECT_TRUE(std::filesystem::exists(dir / kLockFileName));
}

// A holder that wrote nothing into the file (flock(1), or a run killed before it wrote) is still
// named: the kernel's lock table knows it.
TEST(FolderLock, NamesAHolderThatWroteNothing) {
  TempDir dir;
  const int fd = ::open((dir / kLockFileName).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  EXPECT_EQ(LockError(dir.path()), dir.path().string() + ": another langdu run (pid " +
                                       std::to_string(getpid()) + ") is writing here");
  ::close(fd);
  // A lock file left behind by a holder that is gone (a kill -9) does not block.
  EXPECT_NO_THROW(FolderLock(dir.path()));
}

TEST(FolderLock, CreatesTheFolder) {
  TempDir dir;
  { const FolderLock lock(dir / "a" / "b"); }
  EXPECT_TRUE(std::filesystem::is_directory(dir / "a" / "b"));
}

}  // namespace
}  // namespace langdu::publish
