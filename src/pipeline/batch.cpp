#include "pipeline/batch.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <numeric>
#include <system_error>

#include "core/error.h"
#include "input/reader.h"

namespace langdu::pipeline {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxShards = 10000;

bool IsHidden(const fs::path& path) { return path.filename().string().starts_with('.'); }

[[noreturn]] void Missing(const std::string& name) {
  throw core::Error(core::ErrorKind::kInputMissing, name + ": no such file or folder");
}

bool IsSame(const fs::path& a, const fs::path& b) {
  std::error_code error;
  return fs::equivalent(a, b, error);
}

// The files of a folder that langdu reads, sorted; hidden entries and the output folder (whose
// pages a rerun must not read as input) are left out with what they hold.
std::vector<fs::path> FilesBelow(const fs::path& folder, const fs::path& output) {
  std::vector<fs::path> files;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
  if (error) Missing(folder.string());
  for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) break;
    if (it->is_directory(error)) {
      if (IsHidden(it->path()) || IsSame(it->path(), output)) it.disable_recursion_pending();
      continue;
    }
    if (IsHidden(it->path())) continue;
    if (it->is_regular_file(error) && input::HasInputExtension(it->path().filename().string())) {
      files.push_back(it->path());
    }
  }
  if (error) {
    throw core::Error(core::ErrorKind::kInputMissing,
                      folder.string() + ": cannot list: " + error.message());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::uintmax_t SizeOf(const fs::path& path) {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  return error ? 0 : size;
}

// The name a folder is known by, also for "." and "dir/".
fs::path FolderName(const fs::path& folder) {
  const fs::path absolute = fs::absolute(folder).lexically_normal();
  fs::path name = absolute.filename();
  if (name.empty()) name = absolute.parent_path().filename();
  return name.empty() ? fs::path("root") : name;
}

void AddFolder(const fs::path& folder, const fs::path& root, const fs::path& output,
               std::vector<BatchInput>& batch) {
  const std::vector<fs::path> files = FilesBelow(folder, output);
  if (files.empty()) {
    throw core::Error(core::ErrorKind::kInputMissing,
                      folder.string() +
                          ": holds no file that langdu reads (.txt .md .html .epub "
                          ".ssml …)");
  }
  for (const fs::path& file : files) {
    const fs::path relative = file.lexically_relative(folder);
    batch.push_back({file.string(), root / relative.parent_path() / relative.stem(), SizeOf(file)});
  }
}

}  // namespace

std::vector<BatchInput> ListBatch(const std::vector<std::string>& names, const fs::path& output) {
  std::vector<BatchInput> batch;
  for (const std::string& name : names) {
    std::error_code error;
    if (name != "-" && fs::is_directory(name, error)) {
      AddFolder(name, names.size() == 1 ? output : output / FolderName(name), output, batch);
    } else if (names.size() == 1) {
      batch.push_back({name, output, name == "-" ? 0 : SizeOf(name)});
    } else {
      const fs::path stem = name == "-" ? fs::path("stdin") : fs::path(name).stem();
      batch.push_back({name, output / stem, name == "-" ? 0 : SizeOf(name)});
    }
  }
  std::map<fs::path, std::string> seen;
  for (const BatchInput& input : batch) {
    const auto [it, fresh] = seen.emplace(input.output_dir.lexically_normal(), input.name);
    if (!fresh) {
      throw core::Error(core::ErrorKind::kUsage, "\"" + it->second + "\" and \"" + input.name +
                                                     "\" would both write to " +
                                                     input.output_dir.string() + "/");
    }
  }
  return batch;
}

Shard ParseShard(std::string_view text) {
  const auto invalid = [&]() {
    return core::Error(core::ErrorKind::kUsage,
                       "--shard: \"" + std::string(text) +
                           "\" is not I/N with 1 ≤ I ≤ N (e.g. 2/3: the second of three shards)");
  };
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) throw invalid();
  Shard shard;
  const auto read = [](std::string_view digits, int& value) {
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return error == std::errc() && end == digits.data() + digits.size() && !digits.empty();
  };
  if (!read(text.substr(0, slash), shard.index) || !read(text.substr(slash + 1), shard.count) ||
      shard.count < 1 || shard.count > kMaxShards || shard.index < 1 || shard.index > shard.count) {
    throw invalid();
  }
  return shard;
}

std::vector<std::size_t> ShardInputs(const std::vector<BatchInput>& inputs, Shard shard) {
  std::vector<std::size_t> order(inputs.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (inputs[a].bytes != inputs[b].bytes) return inputs[a].bytes > inputs[b].bytes;
    return inputs[a].name < inputs[b].name;
  });
  // Per shard: (bytes, inputs) so far; among equal loads the one with fewer inputs, then the
  // lowest, takes the next, so that equal or empty files spread too.
  std::vector<std::pair<std::uintmax_t, std::size_t>> load(static_cast<std::size_t>(shard.count));
  std::vector<std::size_t> mine;
  for (const std::size_t i : order) {
    const auto least = std::min_element(load.begin(), load.end()) - load.begin();
    load[static_cast<std::size_t>(least)].first += inputs[i].bytes;
    load[static_cast<std::size_t>(least)].second += 1;
    if (least == shard.index - 1) mine.push_back(i);
  }
  std::sort(mine.begin(), mine.end());
  return mine;
}

}  // namespace langdu::pipeline
