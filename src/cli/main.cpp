// langdu: the command line. Only this file catches errors (but for `narrate`'s batch, where an
// input's own error is said and the others go on): each becomes one line on stderr and the exit
// code of its class (README.md lists them).
#include <malloc.h>

#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/narrate_command.h"
#include "cli/normalize_command.h"
#include "cli/outline_command.h"
#include "cli/pinyin_command.h"
#include "cli/play_command.h"
#include "cli/voices_command.h"
#include "core/error.h"
#include "pipeline/versions.h"

int main(int argc, char** argv) {
  // Audio buffers are megabytes and come and go with every unit of work. A fixed mmap threshold
  // gives each one back to the system when freed; glibc's sliding threshold would serve them from
  // heaps that fragment, and memory would grow with the length of the book (62 → 43 MB peak for
  // ten seeds, sampled from /proc while narrating).
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  // Below that threshold, a unit's clauses (a few hundred KB each) come and go on the heap, and
  // the default trim threshold (128 KB) gave the top of the heap back after every unit, to fault
  // it in again for the next: a third of a run's page faults, which cost more system time than
  // eSpeak's synthesis does in user time here. 16 MB kept (not touched again, so not counted twice)
  // leaves the peak where it was (measured with scripts/bench.sh, SCALE=30).
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
  using langdu::core::Error;
  CLI::App app{"langdu: narrate Chinese text into chaptered audio books with eSpeak NG"};
  app.set_version_flag("--version", langdu::pipeline::VersionText());
  app.require_subcommand(1);
  langdu::cli::AddNarrateCommand(app);
  langdu::cli::AddOutlineCommand(app);
  langdu::cli::AddNormalizeCommand(app);
  langdu::cli::AddPinyinCommand(app);
  langdu::cli::AddVoicesCommand(app);
  langdu::cli::AddPlayCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cout.flush();
    std::fprintf(stderr, "langdu: error: %s\n", e.what());
    return langdu::core::ExitCode(langdu::core::ErrorKind::kUsage);
  } catch (const Error& e) {
    std::cout.flush();
    std::fprintf(stderr, "langdu: error: %s\n", e.what());
    return langdu::core::ExitCode(e.kind());
  } catch (const std::exception& e) {
    std::cout.flush();
    std::fprintf(stderr, "langdu: error: internal: %s\n", e.what());
    return langdu::core::ExitCode(langdu::core::ErrorKind::kInternal);
  }
  return 0;
}
