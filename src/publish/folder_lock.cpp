#include "publish/folder_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include "core/error.h"

namespace langdu::publish {
namespace {

core::Error OutputError(const std::filesystem::path& path, const std::string& what) {
  return core::Error(core::ErrorKind::kOutput, path.string() + ": " + what);
}

// The process holding a flock on inode `inode`, from /proc/locks ("1: FLOCK  ADVISORY  WRITE 4242
// 08:01:1234 0 EOF"; waiting requests are marked "->" and skipped). 0 when it is not listed.
long HolderFromProcLocks(ino_t inode) {
  std::ifstream locks("/proc/locks");
  std::string line;
  while (std::getline(locks, line)) {
    std::istringstream fields(line);
    std::string index, type, advisory, mode, device_inode;
    long pid = 0;
    if (!(fields >> index >> type) || type != "FLOCK") continue;
    if (!(fields >> advisory >> mode >> pid >> device_inode)) continue;
    const std::size_t colon = device_inode.rfind(':');
    if (colon == std::string::npos) continue;
    if (device_inode.substr(colon + 1) == std::to_string(inode)) return pid;
  }
  return 0;
}

// Who holds the lock: the kernel's list first (it knows even a holder that wrote nothing, such as
// flock(1)), else the process id the holder wrote into the file.
long Holder(int fd) {
  struct stat status {};
  if (::fstat(fd, &status) == 0) {
    if (const long pid = HolderFromProcLocks(status.st_ino); pid > 0) return pid;
  }
  char text[32] = {};
  const ssize_t length = ::pread(fd, text, sizeof text - 1, 0);
  return length > 0 ? std::atol(text) : 0;
}

// Whether `fd` is still the file at `path`: a holder that released the lock removed the file first,
// and the lock of a removed file guards nothing.
bool IsCurrent(int fd, const std::filesystem::path& path) {
  struct stat held {};
  struct stat named {};
  return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

}  // namespace

FolderLock::FolderLock(const std::filesystem::path& folder) : path_(folder / kLockFileName) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) throw OutputError(folder, "cannot create folder: " + error.message());
  while (true) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
      throw OutputError(folder, "folder is not writable");  // as OutputSet says it
    }
    if (fd < 0) throw OutputError(path_, std::string("cannot open: ") + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int lock_errno = errno;
      const long holder = lock_errno == EWOULDBLOCK ? Holder(fd) : 0;
      ::close(fd);
      if (lock_errno != EWOULDBLOCK) {
        throw OutputError(path_, std::string("cannot lock: ") + std::strerror(lock_errno));
      }
      throw core::Error(core::ErrorKind::kLocked, folder.string() + ": another langdu run (pid " +
                                                      std::to_string(holder) + ") is writing here");
    }
    if (IsCurrent(fd, path_)) {
      fd_ = fd;
      break;
    }
    ::close(fd);
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  // The process id is a courtesy for people and for systems without /proc/locks.
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    const int write_errno = errno;
    ::unlink(path_.c_str());
    ::close(fd_);
    throw OutputError(path_, std::string("cannot write: ") + std::strerror(write_errno));
  }
}

FolderLock::~FolderLock() {
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace langdu::publish
