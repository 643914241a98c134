#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/document.h"
#include "pipeline/plan.h"
#include "pipeline/render.h"

namespace langdu::pipeline {

/// Where the scheduler gets rendered units from. Units are requested ahead, then taken strictly
/// in order.
class UnitSource {
 public:
  virtual ~UnitSource() = default;
  /// Asks for unit `index`. At most `ahead()` units may be requested and not yet taken.
  virtual void Request(std::size_t index) = 0;
  /// Waits for unit `index` (requested before) and returns it. Rethrows what rendering threw.
  virtual RenderedUnit Take(std::size_t index) = 0;
  /// How many units may wait, requested and not taken.
  virtual std::size_t ahead() const = 0;
};

/// Renders each unit when it is taken, on the calling thread, with one synthesizer carried from
/// unit to unit. For tests with a fake synthesizer, and for a synthesizer without state.
class InProcessSource : public UnitSource {
 public:
  /// `renderer`, `document` and `units` must outlive the source.
  InProcessSource(const UnitRenderer& renderer, const core::Document& document,
                  const std::vector<WorkUnit>& units)
      : renderer_(renderer), document_(document), units_(units) {}
  void Request(std::size_t) override {}
  RenderedUnit Take(std::size_t index) override {
    return renderer_.Render(document_, units_[index]);
  }
  std::size_t ahead() const override { return 1; }

 private:
  const UnitRenderer& renderer_;
  const core::Document& document_;
  const std::vector<WorkUnit>& units_;
};

/// Synthesis in worker processes. eSpeak NG is one global engine per process and carries state
/// from call to call, so each worker is forked from the calling process (engine ready, nothing
/// synthesized yet) and every unit starts from exactly the same engine state, whatever ran before
/// and on whichever worker, so the bytes never depend on the number of workers: a worker takes a
/// checkpoint of its synthesizer and rewinds it before each unit, or, for a unit the checkpoint
/// cannot cover (a synthesizer that cannot rewind, or a change of voice), forks a child from the
/// checkpointed state for that unit. Samples come back over a pipe per worker, read by one thread
/// per worker.
///
/// Construct it before starting any other thread that may hold a lock the children need. A
/// crashed unit is reported as core::Error(kEngine); destroying the pool kills and reaps every
/// process it started.
class SynthesisPool : public UnitSource {
 public:
  /// Starts `workers` processes. `renderer`, `document` and `units` must outlive the pool (the
  /// children use their copies). `check_cancel` is called while waiting, and may throw.
  SynthesisPool(const UnitRenderer& renderer, const core::Document& document,
                const std::vector<WorkUnit>& units, int workers,
                std::function<void()> check_cancel);
  ~SynthesisPool() override;
  SynthesisPool(const SynthesisPool&) = delete;
  SynthesisPool& operator=(const SynthesisPool&) = delete;

  void Request(std::size_t index) override;
  RenderedUnit Take(std::size_t index) override;
  std::size_t ahead() const override { return 2 * workers_.size(); }

 private:
  struct Worker {
    pid_t pid = -1;
    int request_fd = -1;  // parent → worker: unit indexes
    int result_fd = -1;   // worker → parent: framed results
    std::optional<std::size_t> busy_with;
    bool alive = true;
    std::thread reader;
  };
  struct Result {
    int status = 0;  // 0 ok, 1 error (kind + message), 2 crashed
    std::string bytes;
  };

  void StartWorker(Worker& worker, const std::vector<int>& inherited_fds);
  void ReadResults(Worker& worker);
  void DispatchLocked();
  void Shutdown();

  const UnitRenderer& renderer_;
  const core::Document& document_;
  const std::vector<WorkUnit>& units_;
  std::function<void()> check_cancel_;
  std::vector<Worker> workers_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::size_t> pending_;  // requested, not yet given to a worker (FIFO)
  std::map<std::size_t, Result> results_;
};

}  // namespace langdu::pipeline
