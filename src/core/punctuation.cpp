#include "core/punctuation.h"

#include <algorithm>
#include <array>
#include <utility>

namespace langdu::core {
namespace {

constexpr std::array kPunctuation = {
    PunctuationClass{U'、', Pause::kEnumeration, false, ','},
    PunctuationClass{U'，', Pause::kComma, false, ','},
    PunctuationClass{U',', Pause::kComma, false, ','},
    PunctuationClass{U'；', Pause::kSemicolon, false, ','},
    PunctuationClass{U';', Pause::kSemicolon, false, ','},
    PunctuationClass{U'：', Pause::kColon, false, ','},
    PunctuationClass{U':', Pause::kColon, false, ','},
    PunctuationClass{U'。', Pause::kPeriod, true, '.'},
    PunctuationClass{U'.', Pause::kPeriod, true, '.'},
    PunctuationClass{U'？', Pause::kQuestion, true, '?'},
    PunctuationClass{U'?', Pause::kQuestion, true, '?'},
    PunctuationClass{U'！', Pause::kExclamation, true, '!'},
    PunctuationClass{U'!', Pause::kExclamation, true, '!'},
    PunctuationClass{U'…', Pause::kEllipsis, false, '.'},
    PunctuationClass{U'—', Pause::kDash, false, ','},
};

constexpr std::array<std::pair<Pause, std::string_view>, 10> kPauseNames = {{
    {Pause::kNone, "none"},
    {Pause::kEnumeration, "enumeration"},
    {Pause::kComma, "comma"},
    {Pause::kSemicolon, "semicolon"},
    {Pause::kColon, "colon"},
    {Pause::kPeriod, "period"},
    {Pause::kQuestion, "question"},
    {Pause::kExclamation, "exclamation"},
    {Pause::kEllipsis, "ellipsis"},
    {Pause::kDash, "dash"},
}};

constexpr std::u32string_view kClosers = U"”’」』）)】》〉]}\"'";

}  // namespace

const PunctuationClass* FindPunctuation(char32_t code_point) {
  auto it = std::find_if(kPunctuation.begin(), kPunctuation.end(),
                         [code_point](const PunctuationClass& p) { return p.code_point == code_point; });
  return it == kPunctuation.end() ? nullptr : &*it;
}

std::string_view PauseName(Pause pause) {
  for (const auto& [p, name] : kPauseNames) {
    if (p == pause) return name;
  }
  return "none";
}

std::optional<Pause> ParsePauseName(std::string_view name) {
  for (const auto& [p, n] : kPauseNames) {
    if (n == name) return p;
  }
  return std::nullopt;
}

bool IsCloser(char32_t code_point) { return kClosers.find(code_point) != std::u32string_view::npos; }

}  // namespace langdu::core
