#include "play/navigation.h"

#include <algorithm>
#include <cstdlib>

#include "core/error.h"

namespace langdu::play {
namespace {

// The index of the last start in `firsts` at or before `sentence`.
int Containing(const std::vector<int>& firsts, int sentence) {
  const auto after = std::upper_bound(firsts.begin(), firsts.end(), sentence);
  return static_cast<int>(after - firsts.begin()) - 1;
}

// Forward to the next start, or nullopt after the last one.
std::optional<int> NextStart(const std::vector<int>& firsts, int sentence) {
  const int index = Containing(firsts, sentence);
  if (index + 1 >= static_cast<int>(firsts.size())) return std::nullopt;
  return firsts[index + 1];
}

// Back to the start of the current part, or to the previous part's start when already there.
int PreviousStart(const std::vector<int>& firsts, int sentence) {
  const int index = Containing(firsts, sentence);
  if (sentence > firsts[index] || index == 0) return firsts[index];
  return firsts[index - 1];
}

std::string OneLine(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return text;
}

}  // namespace

void Outline::BeginChapter(int number) {
  chapter_numbers.push_back(number);
  chapter_first.push_back(size());
}

void Outline::Add(std::string text, bool new_paragraph) {
  if (new_paragraph || paragraph_first.empty() || paragraph_first.back() < chapter_first.back()) {
    paragraph_first.push_back(size());
  }
  const int chapter = static_cast<int>(chapter_numbers.size()) - 1;
  const int number = size() - chapter_first.back() + 1;
  sentences.push_back(
      {OneLine(std::move(text)), chapter, static_cast<int>(paragraph_first.size()) - 1, number});
}

Outline OutlineOf(const core::Document& document) {
  Outline outline;
  for (const core::Chapter& chapter : document.chapters) {
    bool begun = false;
    for (const core::Paragraph& paragraph : chapter.paragraphs) {
      bool first = true;
      for (const core::Sentence& sentence : paragraph.sentences) {
        if (!begun) outline.BeginChapter(chapter.number);
        begun = true;
        outline.Add(sentence.source_text, first);
        first = false;
      }
    }
  }
  return outline;
}

std::optional<int> Navigate(const Outline& outline, int from, Move move) {
  switch (move) {
    case Move::kNextSentence:
      if (from + 1 >= outline.size()) return std::nullopt;
      return from + 1;
    case Move::kPreviousSentence:
      return std::max(from - 1, 0);
    case Move::kNextParagraph:
      return NextStart(outline.paragraph_first, from);
    case Move::kPreviousParagraph:
      return PreviousStart(outline.paragraph_first, from);
    case Move::kNextChapter:
      return NextStart(outline.chapter_first, from);
    case Move::kPreviousChapter:
      return PreviousStart(outline.chapter_first, from);
    case Move::kRepeat:
      return from;
  }
  return from;
}

std::string Label(const Outline& outline, int sentence) {
  const OutlineSentence& found = outline.sentences[static_cast<std::size_t>(sentence)];
  return std::to_string(outline.chapter_numbers[static_cast<std::size_t>(found.chapter)]) + "." +
         std::to_string(found.number);
}

int Find(const Outline& outline, int chapter, int sentence, const std::string& option) {
  const auto& numbers = outline.chapter_numbers;
  const auto it = std::find(numbers.begin(), numbers.end(), chapter);
  if (it == numbers.end()) {
    throw core::Error(core::ErrorKind::kUsage,
                      option + ": there is no chapter " + std::to_string(chapter) + " (1.." +
                          std::to_string(numbers.empty() ? 0 : numbers.back()) + ")");
  }
  const std::size_t index = static_cast<std::size_t>(it - numbers.begin());
  const int first = outline.chapter_first[index];
  const int end = index + 1 < numbers.size() ? outline.chapter_first[index + 1] : outline.size();
  if (sentence < 1 || sentence > end - first) {
    throw core::Error(core::ErrorKind::kUsage, option + ": chapter " + std::to_string(chapter) +
                                                   " has no sentence " + std::to_string(sentence) +
                                                   " (1.." + std::to_string(end - first) + ")");
  }
  return first + sentence - 1;
}

int ParseLabel(const Outline& outline, const std::string& text, const std::string& option) {
  const auto number = [&](const std::string& part) {
    if (part.empty() || part.size() > 9 ||
        part.find_first_not_of("0123456789") != std::string::npos) {
      throw core::Error(core::ErrorKind::kUsage,
                        option + ": \"" + text + "\" is not CHAPTER or CHAPTER.SENTENCE");
    }
    return std::atoi(part.c_str());
  };
  const std::size_t dot = text.find('.');
  if (dot == std::string::npos) return Find(outline, number(text), 1, option);
  return Find(outline, number(text.substr(0, dot)), number(text.substr(dot + 1)), option);
}

}  // namespace langdu::play
