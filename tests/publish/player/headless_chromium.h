// Drives Debian's chromium headless through the DevTools protocol over a pipe
// (--remote-debugging-pipe: JSON messages separated by NUL, we write fd 3 and read fd 4), so a
// test can load a page from file://, run script in it and press keys, with nothing downloaded.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_util.h"

namespace langdu::testing {

/// One headless Chromium with one page, closed when destroyed.
class HeadlessChromium {
 public:
  static constexpr const char* kBinary = "/usr/bin/chromium";

  /// Whether Debian's chromium is installed (scripts/install-deps.sh installs it).
  static bool Available() { return access(kBinary, X_OK) == 0; }

  /// Starts the browser and opens `url` in its page; waits until the page has loaded.
  explicit HeadlessChromium(const std::string& url) {
    int to_browser[2];
    int from_browser[2];
    if (pipe(to_browser) != 0 || pipe(from_browser) != 0) throw std::runtime_error("pipe");
    const std::string profile = "--user-data-dir=" + profile_.path().string();
    pid_ = fork();
    if (pid_ == 0) {
      const int read_end = fcntl(to_browser[0], F_DUPFD, 10);
      const int write_end = fcntl(from_browser[1], F_DUPFD, 10);
      dup2(read_end, 3);
      dup2(write_end, 4);
      const int null = open("/dev/null", O_RDWR);
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
      for (int fd = 5; fd < 1024; ++fd) close(fd);
      std::vector<const char*> argv = {kBinary,
                                       "--headless",
                                       "--no-sandbox",
                                       "--disable-gpu",
                                       "--disable-background-networking",
                                       "--disable-component-update",
                                       "--disable-sync",
                                       "--no-first-run",
                                       "--mute-audio",
                                       "--autoplay-policy=no-user-gesture-required",
                                       "--remote-debugging-pipe",
                                       profile.c_str(),
                                       "about:blank",
                                       nullptr};
      execv(kBinary, const_cast<char* const*>(argv.data()));
      _exit(127);
    }
    close(to_browser[0]);
    close(from_browser[1]);
    write_fd_ = to_browser[1];
    read_fd_ = from_browser[0];
    nlohmann::json targets = Send("Target.getTargets", nlohmann::json::object(), false);
    std::string target;
    for (const auto& info : targets["targetInfos"]) {
      if (info["type"] == "page") target = info["targetId"];
    }
    if (target.empty()) throw std::runtime_error("chromium: no page");
    session_ = Send("Target.attachToTarget", {{"targetId", target}, {"flatten", true}},
                    false)["sessionId"];
    Send("Page.navigate", {{"url", url}});
    for (int i = 0; i < 200 && Evaluate("document.readyState") != "complete"; ++i) usleep(50000);
  }

  ~HeadlessChromium() {
    if (pid_ > 0) {
      try {
        Send("Browser.close", nlohmann::json::object(), false);
      } catch (...) {
      }
      close(write_fd_);
      close(read_fd_);
      int status = 0;
      for (int i = 0; i < 100 && waitpid(pid_, &status, WNOHANG) == 0; ++i) usleep(50000);
      if (waitpid(pid_, &status, WNOHANG) == 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
      }
    }
  }
  HeadlessChromium(const HeadlessChromium&) = delete;
  HeadlessChromium& operator=(const HeadlessChromium&) = delete;

  /// The value of `expression` in the page (a promise is awaited). Throws on a script error.
  nlohmann::json Evaluate(const std::string& expression) {
    nlohmann::json result =
        Send("Runtime.evaluate",
             {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}});
    if (result.contains("exceptionDetails")) {
      throw std::runtime_error("script: " + result["exceptionDetails"].dump());
    }
    return result["result"].value("value", nlohmann::json());
  }

  /// Presses and releases one key, as a user would ("ArrowRight", "]", " ").
  void PressKey(const std::string& key, const std::string& code, int key_code) {
    nlohmann::json down = {{"type", key.size() == 1 ? "keyDown" : "rawKeyDown"},
                           {"key", key},
                           {"code", code},
                           {"windowsVirtualKeyCode", key_code}};
    if (key.size() == 1) down["text"] = key;
    Send("Input.dispatchKeyEvent", down);
    Send("Input.dispatchKeyEvent",
         {{"type", "keyUp"}, {"key", key}, {"code", code}, {"windowsVirtualKeyCode", key_code}});
  }

  /// A PNG of the page as base64.
  std::string Screenshot() { return Send("Page.captureScreenshot", {{"format", "png"}})["data"]; }

 private:
  nlohmann::json Send(const std::string& method, const nlohmann::json& params,
                      bool in_page = true) {
    nlohmann::json message = {{"id", ++last_id_}, {"method", method}, {"params", params}};
    if (in_page) message["sessionId"] = session_;
    const std::string text = message.dump() + '\0';
    if (write(write_fd_, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
      throw std::runtime_error("chromium: cannot write");
    }
    while (true) {
      nlohmann::json reply = nlohmann::json::parse(Receive());
      if (reply.value("id", -1) != last_id_) continue;  // an event, or another answer
      if (reply.contains("error")) throw std::runtime_error(method + ": " + reply.dump());
      return reply["result"];
    }
  }

  std::string Receive() {
    while (true) {
      if (const auto end = buffer_.find('\0'); end != std::string::npos) {
        std::string message = buffer_.substr(0, end);
        buffer_.erase(0, end + 1);
        return message;
      }
      pollfd poll_fd{read_fd_, POLLIN, 0};
      if (poll(&poll_fd, 1, 30000) <= 0) throw std::runtime_error("chromium: no answer in 30 s");
      char chunk[65536];
      const ssize_t got = read(read_fd_, chunk, sizeof chunk);
      if (got <= 0) throw std::runtime_error("chromium: closed");
      buffer_.append(chunk, static_cast<std::size_t>(got));
    }
  }

  TempDir profile_;
  pid_t pid_ = -1;
  int write_fd_ = -1;
  int read_fd_ = -1;
  int last_id_ = 0;
  std::string session_;
  std::string buffer_;
};

}  // namespace langdu::testing
