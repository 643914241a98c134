#include "play/terminal.h"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <thread>

namespace langdu::play {

volatile std::sig_atomic_t interrupted = 0;

namespace {

// What the signal handlers need, set while a RawTerminal lives (plain data: handlers may only
// call async-signal-safe functions).
int raw_fd = -1;
termios saved_settings{};
termios raw_settings{};
volatile std::sig_atomic_t raw_active = 0;

void RestoreTerminal() {
  if (raw_active) tcsetattr(raw_fd, TCSANOW, &saved_settings);
}

void OnStop(int signal_number);

void Handle(int signal_number, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  sigaction(signal_number, &action, nullptr);
}

void OnInterrupt(int) {
  if (interrupted) {
    RestoreTerminal();
    _exit(130);
  }
  interrupted = 1;
}

void OnCrash(int signal_number) {
  RestoreTerminal();
  Handle(signal_number, SIG_DFL);
  raise(signal_number);  // delivered when this handler returns: the default action, a core dump
}

void OnStop(int) {
  const int saved_errno = errno;
  RestoreTerminal();
  Handle(SIGTSTP, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTSTP);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  raise(SIGTSTP);  // stops here until SIGCONT
  Handle(SIGTSTP, &OnStop);
  if (raw_active) tcsetattr(raw_fd, TCSANOW, &raw_settings);
  errno = saved_errno;
}

}  // namespace

void InstallSignalHandlers() {
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    Handle(signal_number, &OnInterrupt);
  }
  for (int signal_number : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) {
    Handle(signal_number, &OnCrash);
  }
  Handle(SIGTSTP, &OnStop);
}

RawTerminal::RawTerminal(int fd) {
  if (!isatty(fd) || tcgetattr(fd, &saved_settings) != 0) return;
  raw_settings = saved_settings;
  raw_settings.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
  raw_settings.c_cc[VMIN] = 1;
  raw_settings.c_cc[VTIME] = 0;
  raw_fd = fd;
  raw_active = 1;
  active_ = tcsetattr(fd, TCSANOW, &raw_settings) == 0;
  if (!active_) raw_active = 0;
}

RawTerminal::~RawTerminal() {
  if (!active_) return;
  RestoreTerminal();
  raw_active = 0;
}

DescriptorKeys::DescriptorKeys(int fd) : fd_(fd), terminal_(isatty(fd) != 0) {}

std::optional<char> DescriptorKeys::Next(double timeout_s) {
  return terminal_ ? FromTerminal(timeout_s) : FromLines(timeout_s);
}

// True when there is something to read within `timeout_s`.
bool DescriptorKeys::Wait(double timeout_s) {
  if (end_) {
    std::this_thread::sleep_for(std::chrono::duration<double>(timeout_s));
    return false;
  }
  pollfd descriptor{fd_, POLLIN, 0};
  const int ready = poll(&descriptor, 1, static_cast<int>(std::lround(timeout_s * 1000)));
  return ready > 0;
}

std::optional<char> DescriptorKeys::FromTerminal(double timeout_s) {
  if (!Wait(timeout_s)) return std::nullopt;
  char key = 0;
  if (read(fd_, &key, 1) != 1) {
    end_ = true;
    return std::nullopt;
  }
  if (key != '\x1b') return key;
  // An escape sequence (an arrow or function key): skip what arrives with it.
  while (Wait(0.02)) {
    if (read(fd_, &key, 1) != 1) break;
  }
  return std::nullopt;
}

std::optional<char> DescriptorKeys::FromLines(double timeout_s) {
  while (true) {
    const std::size_t newline = pending_.find('\n');
    if (newline != std::string::npos) {
      std::string line = pending_.substr(0, newline);
      pending_.erase(0, newline + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line == "space") return ' ';
      if (!line.empty()) return line.front();
      continue;
    }
    if (!Wait(timeout_s)) return std::nullopt;
    char buffer[256];
    const ssize_t count = read(fd_, buffer, sizeof buffer);
    if (count <= 0) {
      end_ = true;
      if (!pending_.empty()) pending_ += '\n';  // a last line without its line break
      if (pending_.empty()) return std::nullopt;
      continue;
    }
    pending_.append(buffer, static_cast<std::size_t>(count));
    timeout_s = 0;
  }
}

}  // namespace langdu::play
