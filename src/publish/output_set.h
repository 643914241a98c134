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
/// and never a partial one. Files may be committed in groups as each is complete (a chapter's
/// audio and captions), or all at once. Temporaries not committed are removed when the set is
/// destroyed.
class OutputSet {
 public:
  /// With `force` unset, a final path that exists already is an error.
  explicit OutputSet(bool force) : force_(force) {}
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  /// Reserves `final_path` and creates its folder. Returns the temporary path to write instead.
  /// `replace`: an existing file may be replaced even without force (an interrupted attempt of this
  /// same run left it). Throws core::Error(kOutput) when the path exists (without force or
  /// `replace`), is reserved twice, or its folder cannot be created.
  std::filesystem::path Add(const std::filesystem::path& final_path, bool replace = false);

  /// Counts `final_path`, finished by an earlier run, as one of this run's files without writing
  /// it again (it is listed by final_paths). Throws core::Error(kOutput) when reserved twice.
  void Keep(const std::filesystem::path& final_path);

  /// Flushes the files added as `final_paths` to the disk, moves each into place, then flushes
  /// their folders. Throws core::Error(kOutput) when one was not added, or a flush or a rename
  /// fails.
  void Commit(const std::vector<std::filesystem::path>& final_paths);

  /// Commits every file not committed yet, in the order they were added (Narrate adds
  /// manifest.json last, so that it appears when everything else is there). Returns their final
  /// paths.
  std::vector<std::filesystem::path> Commit();

  /// The final paths, in the order they were added or kept.
  std::vector<std::filesystem::path> final_paths() const;

 private:
  struct File {
    std::filesystem::path temporary;  // empty: kept from an earlier run
    std::filesystem::path final_path;
    bool committed = false;
  };
  void CheckNew(const std::filesystem::path& final_path) const;
  void CommitFiles(const std::vector<File*>& files);

  bool force_;
  std::vector<File> files_;
};

/// Whether `name` is a temporary file name of an OutputSet (".NAME.langdu-PID.tmp"), and of which
/// process; 0 when it is not one.
int TemporaryOwner(std::string_view name);

/// Removes the temporaries in `folder` (not its subfolders) that processes no longer running left
/// behind (a run killed by SIGKILL, a crash, a power cut); those of a live process, another run's
/// or this one's, are kept. Returns the paths removed.
std::vector<std::filesystem::path> RemoveStaleTemporaries(const std::filesystem::path& folder);

/// Writes `contents` to `path` through a temporary file, flushed to the disk, and a rename.
void WriteFileAtomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace langdu::publish
