#include <iostream>

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"langdu: narrate Chinese text into chaptered audio books"};
  app.set_version_flag("--version", std::string("langdu ") + LANGDU_VERSION);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
