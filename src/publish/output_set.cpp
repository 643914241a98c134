#include "publish/output_set.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <system_error>

#include "core/error.h"
#include "core/utf8.h"

// GCC 12 at -O3 reports a false -Wrestrict inside libstdc++ (char_traits.h, memcpy "may
// overlap") for `"literal" + std::string` here: GCC bug 105329. Silenced in this file only.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

namespace langdu::publish {
namespace {

constexpr std::size_t kMaxTitleCodePoints = 60;

core::Error OutputError(const std::filesystem::path& path, const std::string& what) {
  return core::Error(core::ErrorKind::kOutput, path.string() + ": " + what);
}

bool IsUnsafe(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || cp == U'/' || cp == U'\\' || cp == U':' || cp == U'*' ||
         cp == U'?' || cp == U'"' || cp == U'<' || cp == U'>' || cp == U'|';
}

std::filesystem::path TemporaryFor(const std::filesystem::path& final_path) {
  return final_path.parent_path() /
         ("." + final_path.filename().string() + ".langdu-" + std::to_string(getpid()) + ".tmp");
}

// Flushes a file or a folder to the disk, so that a rename after it never publishes a file whose
// data a power cut could still lose (renaming is atomic for a crash of langdu, not of the system).
void Sync(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw OutputError(path, std::string("cannot open to flush: ") + std::strerror(errno));
  const int result = ::fsync(fd);
  const int sync_errno = errno;
  ::close(fd);
  // Some file systems cannot flush a folder (EINVAL): the files' data is flushed all the same.
  if (result != 0 && !(flags & O_DIRECTORY && sync_errno == EINVAL)) {
    throw OutputError(path, std::string("cannot flush: ") + std::strerror(sync_errno));
  }
}

std::filesystem::path FolderOf(const std::filesystem::path& path) {
  return path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
}

}  // namespace

std::string SafeName(std::string_view title) {
  std::string name;
  std::size_t code_points = 0;
  std::size_t pos = 0;
  while (pos < title.size() && code_points < kMaxTitleCodePoints) {
    const char32_t cp = core::NextCodePoint(title, pos);
    name += IsUnsafe(cp) ? std::string("_") : core::EncodeUtf8(cp);
    ++code_points;
  }
  while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
  while (!name.empty() && (name.front() == ' ' || name.front() == '.')) name.erase(0, 1);
  return name;
}

std::string ChapterFileName(int number, int count, std::string_view title,
                            std::string_view extension) {
  const std::string name = SafeName(title);
  const int width = std::max<int>(2, static_cast<int>(std::to_string(count).size()));
  std::string digits = std::to_string(number);
  digits.insert(
      0, static_cast<std::size_t>(std::max<int>(0, width - static_cast<int>(digits.size()))), '0');
  std::string file_name = name.empty() ? digits : digits + "-" + name;
  file_name += ".";
  file_name += extension;
  return file_name;
}

std::string BookFileName(std::string_view title, std::string_view extension) {
  const std::string name = SafeName(title);
  return (name.empty() ? std::string("book") : name) + "." + std::string(extension);
}

OutputSet::~OutputSet() {
  for (const File& file : files_) {
    if (file.committed || file.temporary.empty()) continue;
    std::error_code ignored;
    std::filesystem::remove(file.temporary, ignored);
  }
}

void OutputSet::CheckNew(const std::filesystem::path& final_path) const {
  for (const File& file : files_) {
    if (file.final_path == final_path) throw OutputError(final_path, "written twice in one run");
  }
}

std::filesystem::path OutputSet::Add(const std::filesystem::path& final_path, bool replace) {
  CheckNew(final_path);
  std::error_code error;
  if (!final_path.parent_path().empty()) {
    std::filesystem::create_directories(final_path.parent_path(), error);
    if (error)
      throw OutputError(final_path.parent_path(), "cannot create folder: " + error.message());
  }
  if (std::filesystem::is_directory(final_path)) throw OutputError(final_path, "is a folder");
  if (!force_ && !replace && std::filesystem::exists(final_path)) {
    throw OutputError(final_path, "already exists (use --force to overwrite)");
  }
  if (access(final_path.parent_path().empty() ? "." : final_path.parent_path().c_str(), W_OK) !=
      0) {
    throw OutputError(final_path.parent_path(), "folder is not writable");
  }
  files_.push_back({TemporaryFor(final_path), final_path, false});
  return files_.back().temporary;
}

void OutputSet::Keep(const std::filesystem::path& final_path) {
  CheckNew(final_path);
  files_.push_back({{}, final_path, true});
}

void OutputSet::Commit(const std::vector<std::filesystem::path>& final_paths) {
  std::vector<File*> chosen;
  for (const std::filesystem::path& final_path : final_paths) {
    const auto found = std::find_if(files_.begin(), files_.end(), [&](const File& file) {
      return file.final_path == final_path && !file.temporary.empty();
    });
    if (found == files_.end()) throw OutputError(final_path, "committed but never added");
    if (!found->committed) chosen.push_back(&*found);
  }
  CommitFiles(chosen);
}

std::vector<std::filesystem::path> OutputSet::Commit() {
  std::vector<File*> chosen;
  std::vector<std::filesystem::path> paths;
  for (File& file : files_) {
    if (file.committed) continue;
    chosen.push_back(&file);
    paths.push_back(file.final_path);
  }
  CommitFiles(chosen);
  return paths;
}

void OutputSet::CommitFiles(const std::vector<File*>& files) {
  // Every file is on the disk before the first is renamed.
  std::set<std::filesystem::path> folders;
  for (const File* file : files) {
    Sync(file->temporary, O_RDONLY);
    folders.insert(FolderOf(file->final_path));
  }
  for (File* file : files) {
    std::error_code error;
    std::filesystem::rename(file->temporary, file->final_path, error);
    if (error) throw OutputError(file->final_path, "cannot move into place: " + error.message());
    file->committed = true;
  }
  for (const std::filesystem::path& folder : folders) Sync(folder, O_RDONLY | O_DIRECTORY);
}

std::vector<std::filesystem::path> OutputSet::final_paths() const {
  std::vector<std::filesystem::path> paths;
  for (const File& file : files_) paths.push_back(file.final_path);
  return paths;
}

int TemporaryOwner(std::string_view name) {
  constexpr std::string_view kMiddle = ".langdu-";
  constexpr std::string_view kSuffix = ".tmp";
  if (name.size() < 2 || name.front() != '.' || !name.ends_with(kSuffix)) return 0;
  const std::string_view stem = name.substr(0, name.size() - kSuffix.size());
  const std::size_t middle = stem.rfind(kMiddle);
  if (middle == std::string_view::npos || middle == 0) return 0;
  const std::string_view digits = stem.substr(middle + kMiddle.size());
  if (digits.empty() || digits.size() > 9) return 0;
  int pid = 0;
  for (const char digit : digits) {
    if (digit < '0' || digit > '9') return 0;
    pid = pid * 10 + (digit - '0');
  }
  return pid;
}

std::vector<std::filesystem::path> RemoveStaleTemporaries(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> removed;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const int pid = TemporaryOwner(entry.path().filename().string());
    // kill(pid, 0) fails with ESRCH only when no such process exists; EPERM means it does.
    if (pid <= 0 || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    if (std::filesystem::remove(entry.path(), ignored)) removed.push_back(entry.path());
  }
  return removed;
}

void WriteFileAtomically(const std::filesystem::path& path, std::string_view contents) {
  const std::filesystem::path temporary = TemporaryFor(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw OutputError(path, "cannot write");
    }
  }
  Sync(temporary, O_RDONLY);
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw OutputError(path, "cannot move into place");
  }
}

}  // namespace langdu::publish
