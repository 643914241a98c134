#include "publish/output_set.h"

#include <unistd.h>

#include <fstream>
#include <system_error>

#include "core/error.h"
#include "core/utf8.h"

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
  if (committed_) return;
  for (const auto& [temporary, final_path] : files_) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
  }
}

std::filesystem::path OutputSet::Add(const std::filesystem::path& final_path) {
  for (const auto& [temporary, existing] : files_) {
    if (existing == final_path) throw OutputError(final_path, "written twice in one run");
  }
  std::error_code error;
  if (!final_path.parent_path().empty()) {
    std::filesystem::create_directories(final_path.parent_path(), error);
    if (error)
      throw OutputError(final_path.parent_path(), "cannot create folder: " + error.message());
  }
  if (std::filesystem::is_directory(final_path)) throw OutputError(final_path, "is a folder");
  if (!force_ && std::filesystem::exists(final_path)) {
    throw OutputError(final_path, "already exists (use --force to overwrite)");
  }
  if (access(final_path.parent_path().empty() ? "." : final_path.parent_path().c_str(), W_OK) !=
      0) {
    throw OutputError(final_path.parent_path(), "folder is not writable");
  }
  files_.emplace_back(TemporaryFor(final_path), final_path);
  return files_.back().first;
}

void OutputSet::Commit() {
  for (const auto& [temporary, final_path] : files_) {
    std::error_code error;
    std::filesystem::rename(temporary, final_path, error);
    if (error) throw OutputError(final_path, "cannot move into place: " + error.message());
  }
  committed_ = true;
}

std::vector<std::filesystem::path> OutputSet::final_paths() const {
  std::vector<std::filesystem::path> paths;
  for (const auto& [temporary, final_path] : files_) paths.push_back(final_path);
  return paths;
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
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw OutputError(path, "cannot move into place");
  }
}

}  // namespace langdu::publish
