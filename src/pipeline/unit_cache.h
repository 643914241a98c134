#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/synthesis_pool.h"

namespace langdu::pipeline {

/// The default limit of the cache's size on disk (--cache-max): 2 GiB, about 13 hours of
/// synthesized speech at the engine's 22 050 Hz.
inline constexpr std::uintmax_t kCacheMaxBytes = std::uintmax_t{2} << 30;

/// Where the cache lives unless --cache says: `$XDG_CACHE_HOME/langdu`, else `$HOME/.cache/langdu`
/// (the XDG base directory rules); empty when neither variable is set (no cache).
std::filesystem::path DefaultCacheDir();

/// What a cache did in one run.
struct CacheStats {
  std::size_t hits = 0;     ///< units read back, checksum verified
  std::size_t misses = 0;   ///< units not there (synthesized, then stored)
  std::size_t corrupt = 0;  ///< entries whose checksum failed: ignored, and rewritten
  std::uintmax_t bytes_read = 0;
  std::uintmax_t bytes_written = 0;
  std::size_t pruned = 0;  ///< entries removed to stay under the limit
};

/// A content-addressed store of rendered units on disk: one file per key
/// (`DIR/ab/abcdef….unit`), a SHA-256 of its payload in its header. Entries are written under a
/// temporary name and renamed, so that concurrent runs sharing the folder never read a partial
/// entry; a hit sets the entry's modification time, which Prune takes as its last use. A folder
/// that cannot be created turns the cache off for the run; one that cannot be written to (a
/// read-only or full disk) is still read, and no more written. `warning()` says why.
class UnitCache {
 public:
  /// Opens (creates) `dir`. `max_bytes`: the limit Prune keeps the folder under.
  UnitCache(std::filesystem::path dir, std::uintmax_t max_bytes);

  /// False when the folder could not be made; then Load misses and Store does nothing.
  bool usable() const { return usable_; }
  /// Why the cache is off or no longer written ("" while all is well).
  const std::string& warning() const { return warning_; }

  /// An entry read back: its payload, mapped from the file (no copy of its megabytes).
  class Entry {
   public:
    Entry(const char* map, std::size_t size, std::size_t offset)
        : map_(map), size_(size), offset_(offset) {}
    Entry(Entry&& other) noexcept;
    Entry& operator=(Entry&&) = delete;
    ~Entry();
    std::string_view payload() const { return {map_ + offset_, size_ - offset_}; }

   private:
    const char* map_;
    std::size_t size_;
    std::size_t offset_;
  };

  /// The entry stored under `key` (lowercase hex), checksum verified; nullopt when there is none
  /// or it is corrupt (counted; the next Store rewrites it).
  std::optional<Entry> Load(const std::string& key);
  /// Whether an entry is stored under `key` (not read, nor counted).
  bool Contains(const std::string& key) const;
  /// Counts a miss found by Contains.
  void NoteMiss() { ++stats_.misses; }
  /// Counts the last hit as corrupt instead: its verified bytes did not read as a unit.
  void Reject();
  /// Stores `payload` under `key`. After an error, nothing more is stored (see warning()).
  void Store(const std::string& key, std::string_view payload);
  /// Removes the least recently used entries until the folder holds at most `max_bytes`, and the
  /// temporaries of writers that no longer run.
  void Prune();

  const CacheStats& stats() const { return stats_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path EntryPath(const std::string& key) const;
  void StopWriting(const std::string& why);

  std::filesystem::path dir_;
  std::uintmax_t max_bytes_;
  bool usable_ = true;
  bool writable_ = true;
  std::string warning_;
  CacheStats stats_;
};

/// Units from a cache where it has them, from `inner` (the synthesis workers) where it has not;
/// what `inner` renders is stored. Units are asked for far ahead: a hit is only read when it is
/// taken, and the misses go to `inner` as soon as it has room (at most `inner.ahead()` at once),
/// so the engine renders them while the hits before them are laid out. `keys[i]` is unit i's key
/// (UnitKeys). Holds references: `inner` and `cache` must outlive it.
class CachedSource : public UnitSource {
 public:
  CachedSource(UnitSource& inner, UnitCache& cache, std::vector<std::string> keys)
      : inner_(inner), cache_(cache), keys_(std::move(keys)) {}

  void Request(std::size_t index) override;
  RenderedUnit Take(std::size_t index) override;
  std::size_t ahead() const override { return kAhead; }

  /// How far ahead units may be asked for: a whole book, in practice.
  static constexpr std::size_t kAhead = std::size_t{1} << 16;

 private:
  // Asks `inner` for the waiting misses, in order, while it has room.
  void Forward();

  UnitSource& inner_;
  UnitCache& cache_;
  std::vector<std::string> keys_;
  std::set<std::size_t> hits_;       // requested and in the cache: read when taken
  std::deque<std::size_t> waiting_;  // misses not yet asked of `inner`
  std::set<std::size_t> forwarded_;  // misses asked of `inner`, not taken yet
};

}  // namespace langdu::pipeline
