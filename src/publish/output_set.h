#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace langdu::publish {

/// A safe file name for chapter `number` of `count`: "01-标题.wav". Chinese is kept; path
/// separators, reserved and control characters become "_"; the title is cut to 60 code points;
/// the number has at least two digits (more when `count` needs them).
std::string ChapterFileName(int number, int count, std::string_view title,
                            std::string_view extension);

/// A safe file name for a whole book in one file: the title made safe as for chapters, or "book"
/// when the title is empty: "在全区党建工作会上的讲话.mp3".
std::string BookFileName(std::string_view title, std::string_view extension);

/// `title` made safe for a file name: separators, reserved and control characters become "_",
/// cut to 60 code points, leading and trailing spaces and dots removed.
std::string SafeName(std::string_view title);

/// The files of one run. Each is written under a hidden temporary name in its final folder and
/// renamed into place by Commit, so an interrupted or failed run leaves no file under a final name
/// and never a partial one. Temporaries not committed are removed when the set is destroyed.
class OutputSet {
 public:
  /// With `force` unset, a final path that exists already is an error.
  explicit OutputSet(bool force) : force_(force) {}
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  /// Reserves `final_path` and creates its folder. Returns the temporary path to write instead.
  /// Throws core::Error(kOutput) when the path exists (without force), is reserved twice, or its
  /// folder cannot be created.
  std::filesystem::path Add(const std::filesystem::path& final_path);

  /// Flushes every file to the disk, then moves each into place in the order they were added, then
  /// flushes their folders. Throws core::Error(kOutput) when a flush or a rename fails.
  void Commit();

  /// The final paths, in the order they were added.
  std::vector<std::filesystem::path> final_paths() const;

 private:
  bool force_;
  bool committed_ = false;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> files_;  // (temp, final)
};

/// Writes `contents` to `path` through a temporary file, flushed to the disk, and a rename.
void WriteFileAtomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace langdu::publish
