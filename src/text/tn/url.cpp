#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "text/tn/rules.h"

namespace langdu::text::tn {
namespace {

constexpr std::u32string_view kSchemes[] = {U"https://", U"http://", U"ftp://"};
// Top-level domains that make a bare name.name a web address (example.com).
constexpr std::u32string_view kDomains[] = {U"com", U"cn",   U"net", U"org", U"gov", U"edu",
                                            U"io",  U"info", U"top", U"xyz", U"hk",  U"tw"};

// How the punctuation inside an address is said; letters stay Latin, digits are read one by one.
struct UrlMark {
  char32_t written;
  std::string_view spoken;
};
constexpr UrlMark kUrlMarks[] = {
    {U'.', "点"},     {U'/', "斜杠"},   {U':', "冒号"}, {U'-', "杠"}, {U'_', "下划线"},
    {U'@', "艾特"},   {U'?', "问号"},   {U'=', "等于"}, {U'&', "和"}, {U'#', "井号"},
    {U'%', "百分号"}, {U'~', "波浪号"}, {U'+', "加"},
};

bool IsAddressChar(const Context& ctx, std::size_t i) {
  if (ctx.IsLatin(i) || ctx.IsDigit(i)) return true;
  return std::any_of(std::begin(kUrlMarks), std::end(kUrlMarks),
                     [&](const UrlMark& mark) { return mark.written == ctx.At(i); });
}

// The end of an address that starts at `i`: address characters, without trailing punctuation.
std::size_t AddressEnd(const Context& ctx, std::size_t i) {
  while (IsAddressChar(ctx, i)) ++i;
  while (i > 0 && !ctx.IsLatin(i - 1) && !ctx.IsDigit(i - 1) && ctx.At(i - 1) != U'/') --i;
  return i;
}

std::string SpellAddress(const Context& ctx, std::size_t begin, std::size_t end) {
  std::string spoken;
  for (std::size_t i = begin; i < end; ++i) {
    const char32_t c = ctx.At(i);
    if (ctx.IsDigit(i)) {
      spoken += ctx.spell().Digits(ctx.Utf8(i, i + 1), ctx.options().yao_for_one);
      continue;
    }
    const auto mark = std::find_if(std::begin(kUrlMarks), std::end(kUrlMarks),
                                   [&](const UrlMark& m) { return m.written == c; });
    spoken += mark != std::end(kUrlMarks) ? std::string(mark->spoken) : ctx.Utf8(i, i + 1);
  }
  return spoken;
}

Match AddressMatch(const Context& ctx, std::size_t read_begin, std::size_t end,
                   std::string_view rule) {
  std::size_t read_end = end;
  if (read_end > read_begin && ctx.At(read_end - 1) == U'/') --read_end;
  std::string spoken =
      ctx.options().url == UrlStyle::kSkip ? "" : SpellAddress(ctx, read_begin, read_end);
  return Match{end, std::move(spoken), std::string(rule)};
}

}  // namespace

std::optional<Match> MatchUrl(const Context& ctx, std::size_t pos) {
  if (ctx.LatinBefore(pos) || ctx.DigitBefore(pos)) return std::nullopt;
  if (!ctx.IsLatin(pos) && !ctx.IsDigit(pos)) return std::nullopt;
  // http://..., www....: the scheme is not read.
  for (std::u32string_view scheme : kSchemes) {
    if (ctx.StartsWith(pos, scheme) && IsAddressChar(ctx, pos + scheme.size())) {
      return AddressMatch(ctx, pos + scheme.size(), AddressEnd(ctx, pos + scheme.size()), "url");
    }
  }
  const std::size_t end = AddressEnd(ctx, pos);
  const std::u32string_view address = ctx.text().substr(pos, end - pos);
  const std::size_t at = address.find(U'@');
  if (at != std::u32string_view::npos && at > 0 &&
      address.find(U'.', at) != std::u32string_view::npos && ctx.IsLatin(end - 1)) {
    return AddressMatch(ctx, pos, end, "email");
  }
  if (address.starts_with(U"www.") && address.size() > 4) {
    return AddressMatch(ctx, pos, end, "url");
  }
  // example.com, gov.cn/path: a dotted name ending in a known top-level domain.
  std::size_t host_end = address.find(U'/');
  if (host_end == std::u32string_view::npos) host_end = address.size();
  const std::u32string_view host = address.substr(0, host_end);
  const std::size_t dot = host.rfind(U'.');
  if (dot == std::u32string_view::npos || !ctx.IsLatin(pos)) return std::nullopt;
  const std::u32string_view tld = host.substr(dot + 1);
  if (std::find(std::begin(kDomains), std::end(kDomains), tld) == std::end(kDomains)) {
    return std::nullopt;
  }
  return AddressMatch(ctx, pos, end, "url");
}

}  // namespace langdu::text::tn
