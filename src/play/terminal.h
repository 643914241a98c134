#pragma once

#include <csignal>
#include <optional>
#include <string>

#include "play/player.h"

namespace langdu::play {

/// Set by SIGINT, SIGTERM, SIGHUP and SIGPIPE (the reader of the printed lines went away) once
/// the handlers are installed; Play stops when it is set.
extern volatile std::sig_atomic_t interrupted;

/// Installs the signal handlers of `play`. SIGINT, SIGTERM, SIGHUP, SIGPIPE set `interrupted` (a
/// second one restores the terminal and exits with 130 at once). SIGTSTP (Ctrl-Z) restores the
/// terminal before stopping and takes raw mode again on SIGCONT. Crash signals (SIGSEGV, SIGBUS,
/// SIGFPE, SIGILL, SIGABRT) restore the terminal and then take their default action.
void InstallSignalHandlers();

/// The terminal on a file descriptor in raw mode (no line editing, no echo; Ctrl-C still
/// signals) while the object lives. Does nothing when the descriptor is not a terminal. The
/// settings it found are put back by the destructor and by the signal handlers above.
class RawTerminal {
 public:
  explicit RawTerminal(int fd);
  ~RawTerminal();
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;
  bool active() const { return active_; }

 private:
  bool active_ = false;
};

/// Keys from a file descriptor: from a terminal, each byte is a key (escape sequences such as the
/// arrow keys are skipped); from anything else, one key a line ("space" or " " for space).
class DescriptorKeys : public KeySource {
 public:
  explicit DescriptorKeys(int fd);
  std::optional<char> Next(double timeout_s) override;

 private:
  std::optional<char> FromLines(double timeout_s);
  std::optional<char> FromTerminal(double timeout_s);
  bool Wait(double timeout_s);

  int fd_;
  bool terminal_;
  bool end_ = false;
  std::string pending_;  // bytes read but not yet a whole line
};

}  // namespace langdu::play
