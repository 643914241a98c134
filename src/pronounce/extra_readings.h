#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace langdu::pronounce {

/// Readings the lexicon lacks for some characters (voices/lexicon/zh-extra-readings.tsv:
/// `character<TAB>reading|reading`), offered to the polyphone model as further candidates only.
class ExtraReadings {
 public:
  /// Reads the file. Throws core::Error(kData) naming the file and line when it cannot be read or
  /// a line is invalid.
  static ExtraReadings Load(const std::filesystem::path& path);

  /// From text in the file format; `where` names it in error messages.
  static ExtraReadings FromText(std::string_view text, std::string_view where);

  /// The extra readings of one character (UTF-8); empty when it has none.
  const std::vector<std::string>& Of(std::string_view character) const;

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> readings_;
};

}  // namespace langdu::pronounce
