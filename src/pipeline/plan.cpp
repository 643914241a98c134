#include "pipeline/plan.h"

#include "core/utf8.h"
#include "publish/output_set.h"

namespace langdu::pipeline {
namespace {

// Splits each paragraph of chapters [first, end) into units of at most `budget` code points.
void AddUnits(const core::Document& document, std::size_t first, std::size_t end,
              std::size_t budget, std::vector<WorkUnit>& units) {
  for (std::size_t c = first; c < end; ++c) {
    const core::Chapter& chapter = document.chapters[c];
    for (std::size_t p = 0; p < chapter.paragraphs.size(); ++p) {
      const std::vector<core::Sentence>& sentences = chapter.paragraphs[p].sentences;
      WorkUnit unit{c, p, 0, 0, 0};
      for (std::size_t s = 0; s < sentences.size(); ++s) {
        const std::size_t length = core::CodePointCount(sentences[s].text);
        if (unit.sentence_end > unit.first_sentence && unit.characters + length > budget) {
          units.push_back(unit);
          unit = WorkUnit{c, p, s, s, 0};
        }
        unit.sentence_end = s + 1;
        unit.characters += length;
      }
      if (unit.sentence_end > unit.first_sentence) units.push_back(unit);
    }
  }
}

std::string Stem(const std::string& name, std::string_view extension) {
  return name.substr(0, name.size() - extension.size() - 1);
}

}  // namespace

Plan MakePlan(const core::Document& document, bool single, std::string_view extension,
              std::size_t unit_characters) {
  Plan plan;
  const std::size_t count = document.chapters.size();
  const auto add_file = [&](std::string name, std::string title, std::size_t first,
                            std::size_t end) {
    FilePlan file;
    file.stem = Stem(name, extension);
    file.name = std::move(name);
    file.title = std::move(title);
    file.first_chapter = first;
    file.chapter_end = end;
    file.first_unit = plan.units.size();
    AddUnits(document, first, end, unit_characters, plan.units);
    file.unit_end = plan.units.size();
    plan.files.push_back(std::move(file));
  };
  if (single && count > 0) {
    const std::string& title =
        document.title.empty() ? document.chapters.front().title : document.title;
    add_file(publish::BookFileName(title, extension), title, 0, count);
    plan.cue_sheet = plan.files.front().stem + ".cue";
  } else {
    for (std::size_t i = 0; i < count; ++i) {
      const core::Chapter& chapter = document.chapters[i];
      add_file(publish::ChapterFileName(chapter.number, static_cast<int>(count), chapter.title,
                                        extension),
               chapter.title, i, i + 1);
    }
  }
  return plan;
}

}  // namespace langdu::pipeline
