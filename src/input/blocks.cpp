#include "input/blocks.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "core/error.h"
#include "core/utf8.h"
#include "text/cleanup.h"
#include "text/structure.h"

namespace langdu::input {
namespace {

char32_t LastCodePoint(std::string_view text) {
  std::size_t pos = text.size() - 1;
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return core::NextCodePoint(text, pos);
}

std::string_view Trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

core::Paragraph MakeParagraph(const Block& block) {
  core::Paragraph paragraph;
  paragraph.span = block.span;
  std::string clean = text::Cleanup(JoinSoftLines(block.text)).text;
  std::replace(clean.begin(), clean.end(), '\n', ' ');
  for (const auto& [begin, end] : text::SplitSentences(clean)) {
    core::Sentence sentence;
    sentence.text = clean.substr(begin, end - begin);
    sentence.source_text = sentence.text;
    sentence.span = block.span;
    paragraph.sentences.push_back(std::move(sentence));
  }
  return paragraph;
}

std::string WholeText(const core::Paragraph& paragraph) {
  std::string whole;
  for (const core::Sentence& sentence : paragraph.sentences) whole += sentence.text;
  return whole;
}

}  // namespace

bool IsWide(char32_t c) {
  return core::IsHan(c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xFF00 && c <= 0xFFEF);
}

std::string JoinSoftLines(std::string_view text) {
  std::string joined;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(begin, end - begin));
    if (!line.empty()) {
      if (!joined.empty()) {
        std::size_t pos = 0;
        if (!IsWide(LastCodePoint(joined)) || !IsWide(core::NextCodePoint(line, pos))) {
          joined += ' ';
        }
      }
      joined += line;
    }
    begin = end + 1;
  }
  return joined;
}

std::string WithoutUrls(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = std::string_view::npos;
    for (std::string_view scheme : {"http://", "https://", "www."}) {
      start = std::min(start, text.find(scheme, pos));
    }
    if (start == std::string_view::npos) break;
    // "www." inside a word (awww.) is no address.
    if (text.substr(start, 4) == "www." && start > 0 &&
        std::isalnum(static_cast<unsigned char>(text[start - 1]))) {
      out.append(text.substr(pos, start + 4 - pos));
      pos = start + 4;
      continue;
    }
    out.append(text.substr(pos, start - pos));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    std::size_t end = start;
    while (end < text.size() && static_cast<unsigned char>(text[end]) > ' ' &&
           static_cast<unsigned char>(text[end]) < 0x80 && text[end] != ')' && text[end] != '>' &&
           text[end] != '"') {
      ++end;
    }
    // A sentence's final full stop or comma after an address is not part of it.
    while (end > start && (text[end - 1] == '.' || text[end - 1] == ',')) --end;
    while (end < text.size() && text[end] == ' ') ++end;
    // Words on both sides stay apart.
    if (!out.empty() && end < text.size() && std::isalnum(static_cast<unsigned char>(out.back())) &&
        std::isalnum(static_cast<unsigned char>(text[end]))) {
      out += ' ';
    }
    pos = end;
  }
  out.append(text.substr(pos));
  return out;
}

core::Document BuildDocument(const std::vector<Block>& blocks, std::string_view where,
                             const ReadOptions& options, std::string_view fallback_title,
                             const std::map<std::size_t, std::string>& toc_starts) {
  struct Built {
    core::Paragraph paragraph;
    int level = 0;
    bool toc_start = false;
    std::string toc_title;
  };
  std::vector<Built> built;
  // A table-of-contents entry on a block with nothing to say (an image, a blank page) starts its
  // chapter at the next block that has something; a later entry there wins.
  std::optional<std::string> pending_toc;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    const auto entry = toc_starts.find(i);
    core::Paragraph paragraph = MakeParagraph(block);
    if (paragraph.sentences.empty() || !text::HasSpeakableText(WholeText(paragraph))) {
      if (entry != toc_starts.end()) pending_toc = entry->second;
      continue;
    }
    Built b{std::move(paragraph), block.heading_level, entry != toc_starts.end(),
            entry != toc_starts.end() ? entry->second : std::string()};
    if (!b.toc_start && pending_toc) {
      b.toc_start = true;
      b.toc_title = *pending_toc;
    }
    pending_toc.reset();
    built.push_back(std::move(b));
  }
  if (built.empty()) {
    throw core::Error(core::ErrorKind::kInputEmpty, std::string(where) + ": no text to narrate");
  }

  const bool toc =
      options.structure.detect_chapters &&
      std::any_of(built.begin(), built.end(), [](const Built& b) { return b.toc_start; });
  core::Document document;
  std::set<int> levels;
  for (const Built& b : built) {
    if (b.level > 0) levels.insert(b.level);
  }
  std::size_t start = 0;
  bool title_only = false;  // the opening holds nothing but the title heading so far
  if (!toc && built.front().level > 0 && built.front().level == *levels.begin() &&
      built.size() > 1 && std::count_if(built.begin(), built.end(), [&](const Built& b) {
                            return b.level == built.front().level;
                          }) == 1) {
    document.title = text::WithoutTrailingMarks(WholeText(built.front().paragraph));
    levels.erase(levels.begin());
    start = 1;
    title_only = true;
  } else if (!fallback_title.empty()) {
    document.title = text::WithoutTrailingMarks(text::Cleanup(fallback_title).text);
  }
  std::set<int> chapter_levels;
  if (options.structure.detect_chapters && !toc) {
    for (int level : levels) {
      if (static_cast<int>(chapter_levels.size()) >= options.heading_levels) break;
      chapter_levels.insert(level);
    }
  }

  struct Draft {
    core::Chapter chapter;
    bool heading_only = false;
  };
  std::vector<Draft> chapters(1);
  // A book's title page (headings only) before its first listed chapter joins that chapter.
  chapters.front().heading_only = title_only || toc;
  for (std::size_t i = 0; i < built.size(); ++i) {
    Built& b = built[i];
    if (toc ? b.toc_start : i >= start && chapter_levels.contains(b.level)) {
      if (!chapters.back().chapter.paragraphs.empty()) chapters.emplace_back();
      chapters.back().chapter.title = text::ChapterTitle(
          toc && !b.toc_title.empty() ? text::Cleanup(JoinSoftLines(b.toc_title)).text
                                      : WholeText(b.paragraph));
      chapters.back().heading_only = !toc || b.level > 0;
    } else if (i >= start && (!toc || b.level == 0)) {
      chapters.back().heading_only = false;
    }
    chapters.back().chapter.paragraphs.push_back(std::move(b.paragraph));
  }
  for (std::size_t i = 0; i + 1 < chapters.size(); ++i) {
    if (!chapters[i].heading_only) continue;
    auto& next = chapters[i + 1].chapter.paragraphs;
    auto& moved = chapters[i].chapter.paragraphs;
    next.insert(next.begin(), std::make_move_iterator(moved.begin()),
                std::make_move_iterator(moved.end()));
    moved.clear();
  }
  for (Draft& draft : chapters) {
    if (draft.chapter.paragraphs.empty()) continue;
    if (draft.chapter.title.empty()) {
      draft.chapter.title =
          !document.title.empty()
              ? document.title
              : text::ChapterTitle(draft.chapter.paragraphs.front().sentences.front().text);
    }
    draft.chapter.number = static_cast<int>(document.chapters.size()) + 1;
    document.chapters.push_back(std::move(draft.chapter));
  }
  return document;
}

}  // namespace langdu::input
