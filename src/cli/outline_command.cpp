#include "cli/outline_command.h"

#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/input_options.h"
#include "core/utf8.h"
#include "pipeline/input.h"

namespace langdu::cli {
namespace {

struct OutlineOptions {
  std::string input;
  input::ReadOptions read;
  bool json = false;
  bool verbose = false;
};

// "3 lines (2 plea, 1 site)": how many lines of each kind were left out.
std::string SkippedSummary(const std::vector<input::SkippedLine>& skipped) {
  std::map<std::string, int> kinds;
  for (const input::SkippedLine& line : skipped) ++kinds[line.kind];
  std::string summary = std::to_string(skipped.size()) + (skipped.size() == 1 ? " line" : " lines");
  std::string sep = " (";
  for (const auto& [kind, count] : kinds) {
    summary += sep + std::to_string(count) + " " + kind;
    sep = ", ";
  }
  return summary + (kinds.empty() ? "" : ")");
}

std::size_t Characters(const core::Chapter& chapter) {
  std::size_t count = 0;
  for (const core::Paragraph& paragraph : chapter.paragraphs) {
    for (const core::Sentence& sentence : paragraph.sentences)
      count += core::CodePointCount(sentence.text);
  }
  return count;
}

void Run(OutlineOptions& options) {
  const pipeline::PreparedInput prepared =
      pipeline::Prepare(pipeline::ReadInput(options.input), options.read);
  const core::Document& document = prepared.document;
  for (const std::string& warning : prepared.warnings) {
    std::cerr << "langdu: warning: " << warning << '\n';
  }
  if (options.json) {
    nlohmann::ordered_json chapters = nlohmann::ordered_json::array();
    for (const core::Chapter& chapter : document.chapters) {
      chapters.push_back({{"number", chapter.number},
                          {"title", chapter.title},
                          {"paragraphs", chapter.paragraphs.size()},
                          {"characters", Characters(chapter)}});
    }
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (const input::SkippedLine& line : prepared.skipped) {
      skipped.push_back({{"line", line.line}, {"kind", line.kind}, {"text", line.text}});
    }
    nlohmann::ordered_json cover = nullptr;
    if (!prepared.metadata.cover.empty()) {
      cover = {{"media_type", prepared.metadata.cover_media_type},
               {"bytes", prepared.metadata.cover.size()}};
    }
    nlohmann::ordered_json outline = {
        {"title", document.title},       {"author", prepared.metadata.author},
        {"cover", std::move(cover)},     {"format", input::FormatName(prepared.format)},
        {"encoding", prepared.encoding}, {"chapters", std::move(chapters)},
        {"skipped", std::move(skipped)}};
    std::cout << outline.dump(2) << '\n';
    return;
  }
  std::cout << "title: " << document.title << '\n';
  if (!prepared.metadata.author.empty())
    std::cout << "author: " << prepared.metadata.author << '\n';
  if (!prepared.metadata.cover.empty()) {
    std::cout << "cover: " << prepared.metadata.cover_media_type << ", "
              << prepared.metadata.cover.size() << " bytes\n";
  }
  std::cout << "format: " << input::FormatName(prepared.format) << '\n';
  std::cout << "encoding: " << prepared.encoding << '\n';
  if (!prepared.skipped.empty()) {
    std::cout << "skipped: " << SkippedSummary(prepared.skipped) << '\n';
    if (options.verbose) {
      for (const input::SkippedLine& line : prepared.skipped) {
        std::cout << "  line " << line.line << ", " << line.kind << ": " << line.text << '\n';
      }
    }
  }
  std::cout << "chapters: " << document.chapters.size() << '\n';
  for (const core::Chapter& chapter : document.chapters) {
    const std::size_t paragraphs = chapter.paragraphs.size();
    std::cout << chapter.number << ". " << chapter.title << " (" << paragraphs
              << (paragraphs == 1 ? " paragraph, " : " paragraphs, ") << Characters(chapter)
              << " characters)\n";
  }
}

}  // namespace

CLI::App* AddOutlineCommand(CLI::App& app) {
  auto options = std::make_shared<OutlineOptions>();
  CLI::App* command =
      app.add_subcommand("outline", "Print the title and chapters a text is read as");
  command
      ->add_option("input", options->input,
                   "Text, Markdown, HTML or EPUB file (- for standard input)")
      ->required();
  AddInputOptions(*command, options->read);
  AddChapterOptions(*command, options->read);
  command->add_flag("--json", options->json, "Print JSON");
  command->add_flag("-v,--verbose", options->verbose,
                    "List each line left out as noise (update times, word counts, ...)");
  command->callback([options] { Run(*options); });
  return command;
}

}  // namespace langdu::cli
