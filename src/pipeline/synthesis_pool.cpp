#include "pipeline/synthesis_pool.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/sendfile.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <optional>

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
// "E" + kind + message, to `fd` (a memory file of its worker's).
[[noreturn]] void RenderChild(const UnitRenderer& renderer, const core::Document& document,
                              const WorkUnit& unit, int fd) {
  std::string out;
  char marker = 'R';
  try {
    out = Serialize(renderer.Render(document, unit));
  } catch (const core::Error& e) {
    marker = 'E';
    out = static_cast<char>(e.kind()) + std::string(e.what());
  } catch (const std::exception& e) {
    marker = 'E';
    out = static_cast<char>(core::ErrorKind::kInternal) + std::string(e.what());
  }
  const bool written = WriteAll(fd, &marker, 1) && WriteAll(fd, out.data(), out.size());
  _exit(!written ? 3 : marker == 'R' ? 0 : 1);
}

// Sends `size` bytes of `fd` from `offset` to `out` in the kernel, with no copy in this process.
bool SendAll(int out, int fd, off_t offset, std::size_t size) {
  while (size > 0) {
    const ssize_t n = sendfile(out, fd, &offset, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool SendFrame(int out, std::uint64_t index, std::uint8_t status, int fd, off_t offset,
               std::size_t size) {
  const std::uint64_t size64 = size;
  return WriteAll(out, &index, sizeof index) && WriteAll(out, &status, sizeof status) &&
         WriteAll(out, &size64, sizeof size64) && SendAll(out, fd, offset, size);
}

std::string DescribeStatus(int status) {
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    return "signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  }
  return "exit code " + std::to_string(WEXITSTATUS(status));
}

// Renders one unit in a child forked from this process, which writes its bytes into a memory
// file, and forwards them as one frame once the child has exited cleanly (a crashed child's
// partial bytes are never sent). False when the frame cannot be written.
bool RenderInChild(const UnitRenderer& renderer, const core::Document& document,
                   const std::vector<WorkUnit>& units, std::uint64_t index, int request_fd,
                   int result_fd) {
  const int memory = memfd_create("langdu-unit", MFD_CLOEXEC);
  if (memory < 0) _exit(4);
  const pid_t child = fork();
  if (child < 0) _exit(4);
  if (child == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    close(request_fd);
    close(result_fd);
    renderer.synthesizer().DropCheckpoint();
    RenderChild(renderer, document, units[index], memory);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  const off_t size = lseek(memory, 0, SEEK_END);
  char marker = 0;
  const bool marked = size > 0 && pread(memory, &marker, 1, 0) == 1;
  bool sent = false;
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 0 && marked && marker == 'R') {
    sent = SendFrame(result_fd, index, kOk, memory, 1, static_cast<std::size_t>(size - 1));
  } else if (code == 1 && marked && marker == 'E' && size >= 2) {
    sent = SendFrame(result_fd, index, kFailed, memory, 1, static_cast<std::size_t>(size - 1));
  } else {
    sent = WriteFrame(result_fd, index, kCrashed, DescribeStatus(status));
  }
  close(memory);
  return sent;
}

// Renders one unit in this process from the synthesizer's checkpoint, and sends it as one frame.
// Returns nullopt, with the synthesizer rewound, when the unit would leave the checkpoint (it
// must then be rendered in a child); else whether the frame was written.
// `buffer` is the worker's own, reused from unit to unit.
std::optional<bool> RenderInPlace(const UnitRenderer& renderer, const core::Document& document,
                                  const WorkUnit& unit, std::uint64_t index, int result_fd,
                                  std::string& buffer) {
  synth::Synthesizer& synthesizer = renderer.synthesizer();
  synthesizer.Rewind();
  std::uint8_t status = kOk;
  std::string error;
  try {
    SerializeTo(renderer.Render(document, unit), buffer);
  } catch (const synth::LeavesCheckpoint&) {
    synthesizer.Rewind();
    return std::nullopt;
  } catch (const core::Error& e) {
    status = kFailed;
    error = static_cast<char>(e.kind()) + std::string(e.what());
  } catch (const std::exception& e) {
    status = kFailed;
    error = static_cast<char>(core::ErrorKind::kInternal) + std::string(e.what());
  }
  return WriteFrame(result_fd, index, status, status == kOk ? buffer : error);
}

// The worker: takes a checkpoint of its synthesizer, then, for each unit index it reads, renders
// the unit from that checkpoint in place, or, when the synthesizer cannot rewind or the unit
// would leave the checkpoint, in a child forked from the checkpointed state. Either way every
// unit starts from the same state. Exits when the request pipe closes.
[[noreturn]] void WorkerLoop(const UnitRenderer& renderer, const core::Document& document,
                             const std::vector<WorkUnit>& units, int request_fd, int result_fd) {
  const bool rewinds = renderer.synthesizer().Checkpoint();
  std::string buffer;
  std::uint64_t index = 0;
  while (ReadAll(request_fd, &index, sizeof index)) {
    std::optional<bool> sent;
    if (rewinds) sent = RenderInPlace(renderer, document, units[index], index, result_fd, buffer);
    if (!sent) sent = RenderInChild(renderer, document, units, index, request_fd, result_fd);
    if (!*sent) _exit(5);
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
      // The worker is gone (its pipe is closed only when it exits): its unit, if any, failed
      // with it.
      std::string why = "the speech worker stopped";
      int status = 0;
      if (worker.pid > 0 && waitpid(worker.pid, &status, 0) == worker.pid) {
        worker.pid = -1;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) why = DescribeStatus(status);
      }
      if (worker.busy_with) {
        results_[*worker.busy_with] = {kCrashed, why};
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

RenderedUnit SynthesisPool::Take(std::size_t index) { return TakeAndStore(index, nullptr); }

RenderedUnit SynthesisPool::TakeAndStore(std::size_t index,
                                         const std::function<void(std::string_view bytes)>& store) {
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
      if (store) store(result.bytes);
      return Deserialize(result.bytes);
    case kFailed:
      throw core::Error(static_cast<core::ErrorKind>(result.bytes[0]), result.bytes.substr(1));
    default:
      throw core::Error(core::ErrorKind::kEngine,
                        "speech worker failed in " + where + ": " + result.bytes);
  }
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
