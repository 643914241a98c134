#include "input/reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

#include "core/error.h"
#include "input/epub_reader.h"
#include "input/html_reader.h"
#include "input/markdown_reader.h"
#include "input/ssml_reader.h"
#include "input/text_reader.h"

namespace langdu::input {
namespace {

struct FormatRow {
  InputFormat format;
  std::string_view name;
  /// The reader, or nullptr while the format has none: auto-detection then reads it as text.
  ReadResult (*read)(std::string_view, std::string_view, const ReadOptions&);
};

constexpr std::array kFormats = {
    FormatRow{InputFormat::kAuto, "auto", nullptr},
    FormatRow{InputFormat::kText, "text", &ReadText},
    FormatRow{InputFormat::kMarkdown, "markdown", &ReadMarkdown},
    FormatRow{InputFormat::kHtml, "html", &ReadHtml},
    FormatRow{InputFormat::kEpub, "epub", &ReadEpub},
    FormatRow{InputFormat::kSsml, "ssml", &ReadSsml},
};

const FormatRow& RowOf(InputFormat format) {
  return *std::find_if(kFormats.begin(), kFormats.end(),
                       [format](const FormatRow& row) { return row.format == format; });
}

struct Extension {
  std::string_view extension;
  InputFormat format;
};

constexpr std::array kExtensions = {
    Extension{".txt", InputFormat::kText},       Extension{".text", InputFormat::kText},
    Extension{".md", InputFormat::kMarkdown},    Extension{".markdown", InputFormat::kMarkdown},
    Extension{".mdown", InputFormat::kMarkdown}, Extension{".html", InputFormat::kHtml},
    Extension{".htm", InputFormat::kHtml},       Extension{".xhtml", InputFormat::kHtml},
    Extension{".epub", InputFormat::kEpub},      Extension{".ssml", InputFormat::kSsml},
};

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

// The first bytes that are not a BOM, white space, an XML declaration or a comment, lowercased.
std::string MarkupStart(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  for (;;) {
    const std::size_t start = bytes.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    bytes.remove_prefix(start);
    std::string_view close;
    if (bytes.starts_with("<?")) {
      close = "?>";
    } else if (bytes.starts_with("<!--")) {
      close = "-->";
    } else {
      break;
    }
    const std::size_t end = bytes.find(close);
    if (end == std::string_view::npos) return {};
    bytes.remove_prefix(end + close.size());
  }
  return Lower(bytes.substr(0, 64));
}

bool LooksLikeMarkdown(std::string_view bytes) {
  // Up to 64 KiB: a fence, an ATX heading, a setext underline, a link or image with a target,
  // or YAML front matter. One of them is enough: plain Chinese prose has none of these.
  bytes = bytes.substr(0, 65536);
  if (bytes.starts_with("---\n") || bytes.starts_with("---\r\n")) return true;
  if (bytes.find("](") != std::string_view::npos) return true;
  std::size_t begin = 0;
  bool previous_text = false;
  while (begin < bytes.size()) {
    std::size_t end = bytes.find('\n', begin);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(begin, end - begin);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.starts_with("```") || line.starts_with("~~~")) return true;
    const std::size_t hashes = line.find_first_not_of('#');
    if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') return true;
    if (previous_text && line.size() >= 3 &&
        (line.find_first_not_of('=') == std::string_view::npos ||
         line.find_first_not_of('-') == std::string_view::npos)) {
      return true;
    }
    previous_text = !line.empty();
    begin = end + 1;
  }
  return false;
}

}  // namespace

std::string_view FormatName(InputFormat format) { return RowOf(format).name; }

const std::vector<std::string>& FormatNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const FormatRow& row : kFormats) {
      if (row.format == InputFormat::kAuto || row.read != nullptr) list.emplace_back(row.name);
    }
    return list;
  }();
  return names;
}

std::optional<InputFormat> ParseFormat(std::string_view name) {
  const std::string lower = Lower(name);
  for (const FormatRow& row : kFormats) {
    if (row.name == lower) return row.format;
  }
  return std::nullopt;
}

bool HasInputExtension(std::string_view name) {
  const std::string extension = Lower(std::filesystem::path(name).extension().string());
  return std::any_of(kExtensions.begin(), kExtensions.end(),
                     [&](const Extension& row) { return row.extension == extension; });
}

InputFormat DetectFormat(std::string_view name, std::string_view bytes) {
  if (name != "-") {
    const std::string extension = Lower(std::filesystem::path(name).extension().string());
    for (const Extension& row : kExtensions) {
      if (row.extension == extension) return row.format;
    }
  }
  if (bytes.starts_with("PK\x03\x04") &&
      bytes.substr(0, 128).find("application/epub+zip") != std::string_view::npos) {
    return InputFormat::kEpub;
  }
  const std::string start = MarkupStart(bytes);
  if (start.starts_with("<speak")) return InputFormat::kSsml;
  if (start.starts_with("<!doctype html") || start.starts_with("<html")) return InputFormat::kHtml;
  if (LooksLikeMarkdown(bytes)) return InputFormat::kMarkdown;
  return InputFormat::kText;
}

InputFormat ResolveFormat(InputFormat requested, std::string_view name, std::string_view bytes) {
  if (requested != InputFormat::kAuto) return requested;
  const InputFormat detected = DetectFormat(name, bytes);
  return RowOf(detected).read != nullptr ? detected : InputFormat::kText;
}

ReadResult Read(std::string_view where, std::string_view bytes, const ReadOptions& options) {
  const FormatRow& row = RowOf(ResolveFormat(options.format, where, bytes));
  if (row.read == nullptr) {
    throw core::Error(core::ErrorKind::kUsage,
                      "input format \"" + std::string(row.name) + "\" cannot be read yet");
  }
  return row.read(where, bytes, options);
}

}  // namespace langdu::input
