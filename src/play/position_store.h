#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace langdu::play {

/// Where a listener stopped in one input, as "CHAPTER.SENTENCE".
struct SavedPosition {
  std::string label;  ///< e.g. "3.1"
  std::string input;  ///< the input's name when it was saved, to help a person reading the file
};

/// The folder of saved positions: $XDG_STATE_HOME/langdu, else ~/.local/state/langdu. Empty when
/// neither XDG_STATE_HOME nor HOME is set.
std::filesystem::path DefaultStateDir();

/// Saved positions, one small JSON file per input in `dir`/positions/, named by the hash of the
/// input's content (so a renamed or moved copy resumes too).
class PositionStore {
 public:
  explicit PositionStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

  /// The position saved for `key`, if any (an unreadable or malformed file counts as none).
  std::optional<SavedPosition> Load(const std::string& key) const;
  /// Saves, replacing the file atomically. Throws core::Error(kOutput) when it cannot.
  void Save(const std::string& key, const SavedPosition& position) const;
  /// Forgets the position of `key` (the listener finished).
  void Forget(const std::string& key) const;
  /// The file that holds the position of `key`.
  std::filesystem::path PathOf(const std::string& key) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace langdu::play
