#include "pipeline/unit_cache.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <utility>

#include "core/error.h"
#include "pipeline/input.h"

namespace langdu::pipeline {
namespace {

// An entry: this line, the payload's SHA-256 in hex and a newline, then the payload.
constexpr std::string_view kMagic = "langdu-unit 1 ";
constexpr std::size_t kHashHex = 64;
constexpr std::size_t kHeaderBytes = kMagic.size() + kHashHex + 1;
constexpr std::string_view kEntrySuffix = ".unit";

// The file at `path` mapped read-only, and its size; {nullptr, 0} when it is missing, empty or
// cannot be mapped.
std::pair<const char*, std::size_t> Map(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {nullptr, 0};
  struct stat status {};
  void* map = MAP_FAILED;
  if (::fstat(fd, &status) == 0 && status.st_size > 0) {
    map = ::mmap(nullptr, static_cast<std::size_t>(status.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  }
  ::close(fd);
  if (map == MAP_FAILED) return {nullptr, 0};
  return {static_cast<const char*>(map), static_cast<std::size_t>(status.st_size)};
}

// Writes `parts` into a new file at `path`; false (with errno) on any failure.
bool WriteNew(const std::filesystem::path& path, std::initializer_list<std::string_view> parts) {
  // Truncated if there: the name holds this process's pid, so a file under it is a dead one's.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  for (std::string_view part : parts) {
    while (!part.empty()) {
      const ssize_t n = ::write(fd, part.data(), part.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        const int saved = errno;
        ::close(fd);
        errno = saved;
        return false;
      }
      part.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  return ::close(fd) == 0;
}

// A temporary ".KEY.PID.tmp" whose writer no longer exists (killed as it wrote) is removed.
void RemoveIfOrphan(const std::filesystem::path& path) {
  const std::string stem = path.stem().string();  // ".KEY.PID"
  const std::size_t dot = stem.rfind('.');
  if (dot == std::string::npos) return;
  const int pid = std::atoi(stem.c_str() + dot + 1);
  if (pid <= 0 || ::kill(pid, 0) == 0 || errno != ESRCH) return;
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
}

}  // namespace

std::filesystem::path DefaultCacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/') {
    return std::filesystem::path(xdg) / "langdu";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] != '\0') {
    return std::filesystem::path(home) / ".cache" / "langdu";
  }
  return {};
}

UnitCache::UnitCache(std::filesystem::path dir, std::uintmax_t max_bytes)
    : dir_(std::move(dir)), max_bytes_(max_bytes) {
  std::error_code error;
  std::filesystem::create_directories(dir_, error);
  if (error) {
    usable_ = writable_ = false;
    warning_ = "cache " + dir_.string() + ": cannot create it: " + error.message() +
               "; going on without it";
  }
}

void UnitCache::StopWriting(const std::string& why) {
  writable_ = false;
  warning_ =
      "cache " + dir_.string() + ": cannot write: " + why + "; going on without storing in it";
}

std::filesystem::path UnitCache::EntryPath(const std::string& key) const {
  return dir_ / key.substr(0, 2) / (key + std::string(kEntrySuffix));
}

UnitCache::Entry::Entry(Entry&& other) noexcept
    : map_(std::exchange(other.map_, nullptr)), size_(other.size_), offset_(other.offset_) {}

UnitCache::Entry::~Entry() {
  if (map_ != nullptr) ::munmap(const_cast<char*>(map_), size_);
}

std::optional<UnitCache::Entry> UnitCache::Load(const std::string& key) {
  if (!usable_) return std::nullopt;
  const std::filesystem::path path = EntryPath(key);
  const auto [map, size] = Map(path);
  if (map == nullptr) {
    ++stats_.misses;
    return std::nullopt;
  }
  Entry entry(map, size, kHeaderBytes);
  const std::string_view bytes(map, size);
  if (size < kHeaderBytes || !bytes.starts_with(kMagic) || bytes[kHeaderBytes - 1] != '\n' ||
      bytes.substr(kMagic.size(), kHashHex) != Sha256Hex(bytes.substr(kHeaderBytes))) {
    ++stats_.corrupt;
    return std::nullopt;
  }
  ++stats_.hits;
  stats_.bytes_read += size;
  // Its last use, for Prune; a cache on a read-only disk still serves what it has.
  ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
  return entry;
}

bool UnitCache::Contains(const std::string& key) const {
  std::error_code error;
  return usable_ && std::filesystem::exists(EntryPath(key), error);
}

void UnitCache::Reject() {
  --stats_.hits;
  ++stats_.corrupt;
}

void UnitCache::Store(const std::string& key, std::string_view payload) {
  if (!writable_) return;
  const std::filesystem::path path = EntryPath(key);
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) return StopWriting(error.message());
  // Unique per process and entry: runs sharing the folder never write the same temporary.
  const std::filesystem::path temporary =
      path.parent_path() / ("." + key + "." + std::to_string(::getpid()) + ".tmp");
  const std::string hash = Sha256Hex(payload);
  if (!WriteNew(temporary, {kMagic, hash, "\n", payload}) ||
      std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::filesystem::remove(temporary, error);
    return StopWriting(why);
  }
  stats_.bytes_written += kHeaderBytes + payload.size();
}

void UnitCache::Prune() {
  if (!writable_) return;
  struct Stored {
    std::filesystem::path path;
    std::uintmax_t bytes;
    std::filesystem::file_time_type used;
  };
  std::vector<Stored> entries;
  std::uintmax_t total = 0;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(dir_, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    if (it->path().extension() == ".tmp") {
      RemoveIfOrphan(it->path());
      continue;
    }
    if (it->path().extension() != kEntrySuffix) continue;
    const std::uintmax_t bytes = it->file_size(error);
    const std::filesystem::file_time_type used = it->last_write_time(error);
    if (error) continue;  // pruned meanwhile by another run
    entries.push_back({it->path(), bytes, used});
    total += bytes;
  }
  if (total <= max_bytes_) return;
  std::sort(entries.begin(), entries.end(),
            [](const Stored& a, const Stored& b) { return a.used < b.used; });
  for (const Stored& entry : entries) {
    if (total <= max_bytes_) break;
    if (std::filesystem::remove(entry.path, error)) ++stats_.pruned;
    total -= entry.bytes;
  }
}

void CachedSource::Request(std::size_t index) {
  if (cache_.Contains(keys_[index])) {
    hits_.insert(index);
    return;
  }
  cache_.NoteMiss();
  waiting_.push_back(index);
  Forward();
}

void CachedSource::Forward() {
  while (!waiting_.empty() && forwarded_.size() < inner_.ahead()) {
    inner_.Request(waiting_.front());
    forwarded_.insert(waiting_.front());
    waiting_.pop_front();
  }
}

RenderedUnit CachedSource::Take(std::size_t index) {
  if (hits_.erase(index) != 0) {
    if (std::optional<UnitCache::Entry> entry = cache_.Load(keys_[index])) {
      try {
        return Deserialize(entry->payload());
      } catch (const core::Error&) {
        // Verified bytes this langdu cannot read: rendered again, and the entry rewritten.
        cache_.Reject();
      }
    }
    // Gone (pruned by another run) or corrupt since it was asked for: rendered now.
    inner_.Request(index);
    forwarded_.insert(index);
  } else if (forwarded_.count(index) == 0) {
    // Taken before `inner` had room for it.
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), index));
    inner_.Request(index);
    forwarded_.insert(index);
  }
  RenderedUnit unit = inner_.TakeAndStore(
      index, [&](std::string_view bytes) { cache_.Store(keys_[index], bytes); });
  forwarded_.erase(index);
  Forward();
  return unit;
}

}  // namespace langdu::pipeline
