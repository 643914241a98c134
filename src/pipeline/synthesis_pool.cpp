#include "pipeline/synthesis_pool.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>

#include "core/error.h"

namespace langdu::pipeline {
namespace {

enum Status : std::uint8_t { kOk = 0, kFailed = 1, kCrashed = 2 };

// Whole writes and reads on pipes; false on EOF or error.
bool WriteAll(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool ReadAll(int fd, void* data, std::size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

std::string ReadToEnd(int fd) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return bytes;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

bool WriteFrame(int fd, std::uint64_t index, std::uint8_t status, const std::string& bytes) {
  const std::uint64_t size = bytes.size();
  return WriteAll(fd, &index, sizeof index) && WriteAll(fd, &status, sizeof status) &&
         WriteAll(fd, &size, sizeof size) && WriteAll(fd, bytes.data(), bytes.size());
}

// A child dies with its parent: no worker outlives the run, whatever kills it.
void DieWithParent() {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  // Ctrl-C reaches the whole process group: the parent cancels and kills the workers itself.
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGTERM, SIG_DFL);
}

// The grandchild: renders one unit from the pristine engine state and writes "R" + bytes, or
// "E" + kind + message, to `fd`.
[[noreturn]] void RenderChild(const UnitRenderer& renderer, const core::Document& document,
                              const WorkUnit& unit, int fd) {
  std::string out;
  int code = 0;
  try {
    out = "R" + Serialize(renderer.Render(document, unit));
  } catch (const core::Error& e) {
    out = std::string("E") + static_cast<char>(e.kind()) + e.what();
    code = 1;
  } catch (const std::exception& e) {
    out = std::string("E") + static_cast<char>(core::ErrorKind::kInternal) + e.what();
    code = 1;
  }
  _exit(WriteAll(fd, out.data(), out.size()) ? code : 3);
}

std::string DescribeStatus(int status) {
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    return "signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  }
  return "exit code " + std::to_string(WEXITSTATUS(status));
}

// The worker: for each unit index it reads, forks a child that renders it, collects the child's
// bytes and forwards them as one frame. Exits when the request pipe closes.
[[noreturn]] void WorkerLoop(const UnitRenderer& renderer, const core::Document& document,
                             const std::vector<WorkUnit>& units, int request_fd, int result_fd) {
  std::uint64_t index = 0;
  while (ReadAll(request_fd, &index, sizeof index)) {
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) _exit(4);
    const pid_t child = fork();
    if (child < 0) _exit(4);
    if (child == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      close(pipe_fds[0]);
      close(request_fd);
      close(result_fd);
      RenderChild(renderer, document, units[index], pipe_fds[1]);
    }
    close(pipe_fds[1]);
    std::string bytes = ReadToEnd(pipe_fds[0]);
    close(pipe_fds[0]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    bool sent = false;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !bytes.empty() && bytes[0] == 'R') {
      sent = WriteFrame(result_fd, index, kOk, bytes.substr(1));
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 1 && bytes.size() >= 2 &&
               bytes[0] == 'E') {
      sent = WriteFrame(result_fd, index, kFailed, bytes.substr(1));
    } else {
      sent = WriteFrame(result_fd, index, kCrashed, DescribeStatus(status));
    }
    if (!sent) _exit(5);
  }
  _exit(0);
}

}  // namespace

SynthesisPool::SynthesisPool(const UnitRenderer& renderer, const core::Document& document,
                             const std::vector<WorkUnit>& units, int workers,
                             std::function<void()> check_cancel)
    : renderer_(renderer),
      document_(document),
      units_(units),
      check_cancel_(std::move(check_cancel)),
      workers_(static_cast<std::size_t>(std::max(1, workers))) {
  std::vector<int> parent_fds;  // every pipe end the parent keeps: no child may hold them
  try {
    for (Worker& worker : workers_) {
      StartWorker(worker, parent_fds);
      parent_fds.push_back(worker.request_fd);
      parent_fds.push_back(worker.result_fd);
    }
  } catch (...) {
    Shutdown();
    throw;
  }
  for (Worker& worker : workers_)
    worker.reader = std::thread([this, &worker] { ReadResults(worker); });
}

void SynthesisPool::StartWorker(Worker& worker, const std::vector<int>& inherited_fds) {
  int request[2];
  int result[2];
  if (pipe2(request, O_CLOEXEC) != 0) {
    throw core::Error(core::ErrorKind::kEngine, "cannot start a speech worker: no pipe");
  }
  if (pipe2(result, O_CLOEXEC) != 0) {
    close(request[0]);
    close(request[1]);
    throw core::Error(core::ErrorKind::kEngine, "cannot start a speech worker: no pipe");
  }
  const pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {request[0], request[1], result[0], result[1]}) close(fd);
    throw core::Error(core::ErrorKind::kEngine, "cannot start a speech worker: fork failed");
  }
  if (pid == 0) {
    DieWithParent();
    for (int fd : inherited_fds) close(fd);
    close(request[1]);
    close(result[0]);
    WorkerLoop(renderer_, document_, units_, request[0], result[1]);
  }
  close(request[0]);
  close(result[1]);
  worker.pid = pid;
  worker.request_fd = request[1];
  worker.result_fd = result[0];
}

void SynthesisPool::ReadResults(Worker& worker) {
  for (;;) {
    std::uint64_t index = 0;
    std::uint8_t status = 0;
    std::uint64_t size = 0;
    Result result;
    bool complete = ReadAll(worker.result_fd, &index, sizeof index) &&
                    ReadAll(worker.result_fd, &status, sizeof status) &&
                    ReadAll(worker.result_fd, &size, sizeof size);
    if (complete) {
      result.status = status;
      result.bytes.resize(size);
      complete = ReadAll(worker.result_fd, result.bytes.data(), size);
    }
    std::lock_guard lock(mutex_);
    if (!complete) {
      // The worker is gone: its unit, if any, failed with it.
      if (worker.busy_with) {
        results_[*worker.busy_with] = {kCrashed, "the speech worker stopped"};
        worker.busy_with.reset();
      }
      worker.alive = false;
      if (std::none_of(workers_.begin(), workers_.end(), [](const Worker& w) { return w.alive; })) {
        for (std::size_t pending : pending_)
          results_[pending] = {kCrashed, "no speech worker left"};
        pending_.clear();
      }
      changed_.notify_all();
      return;
    }
    results_[index] = std::move(result);
    worker.busy_with.reset();
    DispatchLocked();
    changed_.notify_all();
  }
}

void SynthesisPool::DispatchLocked() {
  for (Worker& worker : workers_) {
    if (pending_.empty()) return;
    if (worker.busy_with || !worker.alive || worker.request_fd < 0) continue;
    const std::uint64_t index = pending_.front();
    if (!WriteAll(worker.request_fd, &index, sizeof index)) continue;
    pending_.erase(pending_.begin());
    worker.busy_with = index;
  }
}

void SynthesisPool::Request(std::size_t index) {
  std::lock_guard lock(mutex_);
  pending_.push_back(index);
  DispatchLocked();
}

RenderedUnit SynthesisPool::Take(std::size_t index) {
  Result result;
  {
    std::unique_lock lock(mutex_);
    for (;;) {
      if (auto it = results_.find(index); it != results_.end()) {
        result = std::move(it->second);
        results_.erase(it);
        break;
      }
      changed_.wait_for(lock, std::chrono::milliseconds(50));
      lock.unlock();
      if (check_cancel_) check_cancel_();
      lock.lock();
    }
  }
  const WorkUnit& unit = units_[index];
  const std::string where = "chapter " + std::to_string(unit.chapter + 1) + ", paragraph " +
                            std::to_string(unit.paragraph + 1);
  switch (result.status) {
    case kOk:
      return Deserialize(result.bytes);
    case kFailed:
      throw core::Error(static_cast<core::ErrorKind>(result.bytes[0]), result.bytes.substr(1));
    default:
      throw core::Error(core::ErrorKind::kEngine,
                        "speech worker failed in " + where + ": " + result.bytes);
  }
}

std::vector<pid_t> SynthesisPool::worker_pids() const {
  std::vector<pid_t> pids;
  for (const Worker& worker : workers_) pids.push_back(worker.pid);
  return pids;
}

void SynthesisPool::Shutdown() {
  bool all_idle = true;
  {
    std::lock_guard lock(mutex_);
    for (const Worker& worker : workers_) all_idle = all_idle && !worker.busy_with;
    all_idle = all_idle && pending_.empty();
  }
  {
    std::lock_guard lock(mutex_);
    for (Worker& worker : workers_) {
      if (worker.request_fd >= 0) close(worker.request_fd);
      worker.request_fd = -1;
      // A busy worker is not waited for: the run is failing or cancelled.
      if (!all_idle && worker.pid > 0) kill(worker.pid, SIGKILL);
    }
  }
  for (Worker& worker : workers_) {
    if (worker.reader.joinable()) worker.reader.join();
    if (worker.result_fd >= 0) close(worker.result_fd);
    worker.result_fd = -1;
    if (worker.pid > 0) {
      while (waitpid(worker.pid, nullptr, 0) < 0 && errno == EINTR) {
      }
    }
    worker.pid = -1;
  }
}

SynthesisPool::~SynthesisPool() { Shutdown(); }

}  // namespace langdu::pipeline
