#include "text/noise.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string_view>

#include "core/error.h"
#include "core/utf8.h"
#include "text/chapter_patterns.h"

namespace langdu::text {
namespace {

struct NoisePattern {
  std::string_view kind;
  std::string_view regex;  ///< ICU, matched against the whole cleaned line
};

// Whole lines only, and only short ones (kMaxNoiseCodePoints): a sentence that mentions 月票 or a
// web address in passing is prose.
constexpr std::array kNoisePatterns = {
    NoisePattern{
        "update-time",
        "[(（【\\[]?(?:更新时间|更新時間|发布时间|發佈時間|发表时间|上传时间|本章更新)[ :：].*"},
    NoisePattern{"update-time",
                 "[(（【\\[]?[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日? "
                 "?[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?[)）】\\]]?"},
    NoisePattern{
        "word-count",
        "[(（【\\[]?(?:本章|全文|本书|总)?(?:字数|字數)[ :：]* ?[0-9]+ ?字?[)）】\\]]?.{0,20}"},
    NoisePattern{"chapter-end",
                 "[-—=*~ ]*[(（【\\[]?(?:本章完|本章完毕|本章结束|本章完結|本章完结|全书完|全書完|"
                 "未完待续|未完待續|待续)[)）】\\]]?[-—=*~ !！。.…]*"},
    NoisePattern{
        "plea",
        ".{0,30}(?:求月票|求推荐票|求推薦票|求收藏|求订阅|求訂閱|求打赏|求打賞|求票|求推荐|求推薦|"
        "求点击|投月票|投推荐票|月票加更|打赏加更|感谢.{1,20}的打赏).{0,30}"},
    NoisePattern{"site", "(?:https?://|www\\.)[A-Za-z0-9./?=&_%#:-]+"},
    NoisePattern{"site",
                 ".{0,30}(?:本站|网址|網址|首发|首發|手机用户|手機用戶|手机阅读|手機閱讀|最新章节|"
                 "最新章節|txt下载|TXT下载|全文阅读|免费阅读|笔趣阁|筆趣閣|书友群|書友群|请记住|"
                 "請記住|一秒记住|天才一秒).{0,30}"},
};

constexpr std::size_t kMaxNoiseCodePoints = 60;

// Every row of the table needs one of these in the line; lines without any are not noise, and
// no regular expression runs on them.
constexpr std::array<std::string_view, 22> kNoiseKeys = {
    "时间", "時間", "更新", ":",   "：",   "字数", "字數", "完",   "待续", "待續", "求",
    "投",   "感谢", "http", "www", "本站", "网",   "網",   "首发", "首發", "手机", "手機"};
constexpr std::array<std::string_view, 14> kMoreNoiseKeys = {
    "最新章", "txt",  "TXT",  "阅读", "閱讀", "笔趣", "筆趣",
    "书友",   "書友", "记住", "記住", "天才", "月票", "加更"};

bool MayBeNoise(std::string_view line) {
  const auto in_line = [line](std::string_view key) {
    return line.find(key) != std::string_view::npos;
  };
  return std::any_of(kNoiseKeys.begin(), kNoiseKeys.end(), in_line) ||
         std::any_of(kMoreNoiseKeys.begin(), kMoreNoiseKeys.end(), in_line);
}

class NoiseMatcher {
 public:
  NoiseMatcher() {
    for (const NoisePattern& row : kNoisePatterns) {
      UErrorCode status = U_ZERO_ERROR;
      matchers_.push_back(std::make_unique<icu::RegexMatcher>(
          icu::UnicodeString::fromUTF8(
              icu::StringPiece(row.regex.data(), static_cast<int32_t>(row.regex.size()))),
          0, status));
      if (U_FAILURE(status)) {
        throw core::Error(core::ErrorKind::kInternal, "noise pattern \"" + std::string(row.regex) +
                                                          "\": " + u_errorName(status));
      }
    }
  }

  /// The kind of noise `line` is, or an empty view.
  std::string_view Kind(std::string_view line) {
    if (line.empty() || core::CodePointCount(line) > kMaxNoiseCodePoints || !MayBeNoise(line)) {
      return {};
    }
    text_ = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    for (std::size_t i = 0; i < matchers_.size(); ++i) {
      UErrorCode status = U_ZERO_ERROR;
      matchers_[i]->reset(text_);
      if (matchers_[i]->matches(status) && U_SUCCESS(status)) return kNoisePatterns[i].kind;
    }
    return {};
  }

 private:
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers_;
  icu::UnicodeString text_;  // the line the matchers look at: it must outlive their reset
};

constexpr std::array<std::string_view, 6> kTocMarkers = {"目录",     "目錄",     "章节目录",
                                                         "Contents", "CONTENTS", "目 录"};

// Table-of-contents lines among `lines` get kind "toc" (see DropNoiseLines).
template <typename Line>
void MarkTableOfContents(std::vector<Line>& lines, std::string_view chapter_pattern) {
  const HeadingMatcher headings(chapter_pattern);
  std::map<std::string_view, std::vector<std::size_t>> heading_lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].kind.empty() || lines[i].text.empty()) continue;
    const std::optional<HeadingMatch> match = headings.Match(lines[i].text);
    // Sequence headings (一、) count only in runs the structure stage judges: not here.
    lines[i].heading = match && match->pattern->sequence.empty();
    if (lines[i].heading) heading_lines[lines[i].text].push_back(i);
  }
  const auto next_text = [&](std::size_t i) {
    while (i < lines.size() && (lines[i].text.empty() || !lines[i].kind.empty())) ++i;
    return i;
  };
  for (std::size_t i = 0; i < lines.size();) {
    if (!lines[i].heading) {
      const std::size_t next = next_text(i + 1);
      if (std::find(kTocMarkers.begin(), kTocMarkers.end(), lines[i].text) != kTocMarkers.end() &&
          next < lines.size() && lines[next].heading) {
        lines[i].kind = "toc";
      }
      ++i;
      continue;
    }
    std::vector<std::size_t> run;
    std::size_t j = i;
    for (; j < lines.size() && lines[j].heading; j = next_text(j + 1)) run.push_back(j);
    if (run.size() >= 2) {
      for (std::size_t k : run) {
        const std::vector<std::size_t>& same = heading_lines[lines[k].text];
        if (same.back() > k) lines[k].kind = "toc";
      }
    }
    i = std::max(j, i + 1);
  }
}

}  // namespace

Denoised DropNoiseLines(CleanText clean, const StructureOptions& structure) {
  const std::string_view text = clean.text;
  struct Line {
    std::size_t begin;
    std::size_t next;  // the start of the next line
    std::string_view text;
    std::string_view kind = {};
    bool heading = false;
  };
  std::vector<Line> lines;
  for (std::size_t begin = 0;;) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    const std::size_t next = end == text.size() ? end : end + 1;
    lines.push_back({begin, next, text.substr(begin, end - begin)});
    if (next == text.size()) break;
    begin = next;
  }
  NoiseMatcher matcher;
  for (Line& line : lines) line.kind = matcher.Kind(line.text);
  if (structure.detect_chapters) MarkTableOfContents(lines, structure.chapter_pattern);

  Denoised result;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.kind.empty()) {
      result.clean.text.append(text.substr(line.begin, line.next - line.begin));
      result.clean.source_offsets.insert(result.clean.source_offsets.end(),
                                         clean.source_offsets.begin() + line.begin,
                                         clean.source_offsets.begin() + line.next);
    } else {
      result.skipped.push_back(
          {std::string(line.kind), static_cast<int>(i) + 1, std::string(line.text)});
    }
  }
  result.clean.source_offsets.push_back(clean.source_offsets.back());
  return result;
}

}  // namespace langdu::text
