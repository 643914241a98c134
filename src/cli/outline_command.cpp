#include "cli/outline_command.h"

#include <iostream>
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
};

std::size_t Characters(const core::Chapter& chapter) {
  std::size_t count = 0;
  for (const core::Paragraph& paragraph : chapter.paragraphs) {
    for (const core::Sentence& sentence : paragraph.sentences) count += core::CodePointCount(sentence.text);
  }
  return count;
}

void Run(OutlineOptions& options) {
  const pipeline::PreparedInput prepared =
      pipeline::Prepare(pipeline::ReadInput(options.input), options.read);
  const core::Document& document = prepared.document;
  if (options.json) {
    nlohmann::ordered_json chapters = nlohmann::ordered_json::array();
    for (const core::Chapter& chapter : document.chapters) {
      chapters.push_back({{"number", chapter.number},
                          {"title", chapter.title},
                          {"paragraphs", chapter.paragraphs.size()},
                          {"characters", Characters(chapter)}});
    }
    nlohmann::ordered_json outline = {{"title", document.title},
                                      {"format", input::FormatName(prepared.format)},
                                      {"encoding", prepared.encoding},
                                      {"chapters", std::move(chapters)}};
    std::cout << outline.dump(2) << '\n';
    return;
  }
  std::cout << "title: " << document.title << '\n';
  std::cout << "format: " << input::FormatName(prepared.format) << '\n';
  std::cout << "encoding: " << prepared.encoding << '\n';
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
  CLI::App* command = app.add_subcommand("outline", "Print the title and chapters a text is read as");
  command->add_option("input", options->input, "Text, Markdown, HTML or EPUB file (- for standard input)")->required();
  AddInputOptions(*command, options->read);
  AddChapterOptions(*command, options->read);
  command->add_flag("--json", options->json, "Print JSON");
  command->callback([options] { Run(*options); });
  return command;
}

}  // namespace langdu::cli
