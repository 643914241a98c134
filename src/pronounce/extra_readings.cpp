#include "pronounce/extra_readings.h"

#include <fstream>
#include <iterator>

#include "core/error.h"
#include "core/utf8.h"
#include "pronounce/syllable.h"

namespace langdu::pronounce {

ExtraReadings ExtraReadings::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw core::Error(core::ErrorKind::kData, path.string() + ": cannot read the extra readings");
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return FromText(text, path.string());
}

ExtraReadings ExtraReadings::FromText(std::string_view text, std::string_view where) {
  ExtraReadings extra;
  int line = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    ++line;
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view row = text.substr(pos, end - pos);
    pos = end + 1;
    if (row.empty() || row[0] == '#') continue;
    const auto fail = [&](const std::string& what) {
      throw core::Error(core::ErrorKind::kData,
                        std::string(where) + ":" + std::to_string(line) + ": " + what);
    };
    const std::size_t tab = row.find('\t');
    const std::string_view character = row.substr(0, tab);
    if (tab == std::string_view::npos || character.empty() ||
        core::CodePointCount(character) != 1) {
      fail("expected one character, a tab and readings");
    }
    std::vector<std::string>& readings = extra.readings_[std::string(character)];
    std::string_view list = row.substr(tab + 1);
    while (!list.empty()) {
      const std::size_t bar = list.find('|');
      const std::string_view reading = list.substr(0, bar);
      const std::optional<std::string> syllable = NormalizeSyllable(reading);
      if (!syllable || *syllable != reading) {
        fail("\"" + std::string(reading) + "\" is not a tone-numbered pinyin syllable");
      }
      readings.push_back(*syllable);
      list = bar == std::string_view::npos ? std::string_view() : list.substr(bar + 1);
    }
  }
  return extra;
}

const std::vector<std::string>& ExtraReadings::Of(std::string_view character) const {
  static const std::vector<std::string> kNone;
  const auto it = readings_.find(character);
  return it == readings_.end() ? kNone : it->second;
}

}  // namespace langdu::pronounce
