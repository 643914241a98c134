#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "audio/format.h"
#include "audio/sink.h"
#include "audio/tags.h"

namespace langdu::pipeline {

/// A bounded queue of sample blocks from the synthesis thread to one encoding thread. Push blocks
/// while `capacity_samples` are queued, so memory stays flat however long the input.
class SampleQueue {
 public:
  explicit SampleQueue(std::size_t capacity_samples) : capacity_(capacity_samples) {}

  /// Queues a block; waits for room. Rethrows the consumer's error if it stopped.
  void Push(std::vector<std::int16_t> block);
  /// The next block, or nullopt once the queue is closed and empty (or stopped).
  std::optional<std::vector<std::int16_t>> Pop();
  /// No more blocks will come.
  void Close();
  /// The consumer failed: Push rethrows `error` from now on.
  void Stop(std::exception_ptr error);
  /// Samples waiting.
  std::size_t queued() const;
  /// True once Stop was called.
  bool stopped() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<std::int16_t>> blocks_;
  std::size_t capacity_;
  std::size_t queued_ = 0;
  bool closed_ = false;
  std::exception_ptr error_;
};

/// Wakes the synthesis thread whenever an encoding job finishes, so that it can start the next
/// file as soon as any thread is free (not only the oldest).
class DoneSignal {
 public:
  /// Wakes the waiters. Call after the state they test has changed.
  void Notify();
  /// Waits until `ready()` holds; it is tested again after every Notify.
  template <typename Ready>
  void WaitUntil(Ready ready) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, ready);
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
};

/// What an encoding job made.
struct EncodedFile {
  std::int64_t samples = 0;  ///< at the output rate, as a gapless decoder yields them
  double duration_s = 0;     ///< as the container states it (what players show)
  std::uintmax_t bytes = 0;
  double bitrate_kbps = 0;  ///< average, over the file's bytes
};

/// One audio file encoded on its own thread: samples at the engine's rate are written to sink()
/// from the synthesis thread; the job resamples (when the output rate differs), encodes, and at
/// the end tags the file. Destroying a job before Wait returned stops its thread and removes its
/// file.
class EncodingJob {
 public:
  /// Starts the thread writing `path`. `cover` and `done_signal` (notified when the thread ends;
  /// may be null) must outlive the job.
  EncodingJob(std::filesystem::path path, audio::EncoderSettings settings, int input_rate_hz,
              audio::Tags tags, const std::optional<audio::Picture>& cover,
              DoneSignal* done_signal = nullptr);
  /// A job for a file that is there already, made from the same samples (the same audio key):
  /// it takes the samples and counts them at the output rate, but encodes and writes nothing;
  /// Wait returns `kept`, and throws core::Error(kInternal) when the count is not `kept.samples`.
  EncodingJob(EncodedFile kept, audio::EncoderSettings settings, int input_rate_hz,
              DoneSignal* done_signal = nullptr);
  ~EncodingJob();
  EncodingJob(const EncodingJob&) = delete;
  EncodingJob& operator=(const EncodingJob&) = delete;

  /// Where the synthesis thread writes samples (engine rate). Rethrows an encoder error.
  audio::AudioSink& sink() { return sink_; }
  /// Samples waiting for the encoder.
  std::size_t queued() const { return queue_.queued(); }

  /// Ends the input; `chapters` become the file's chapter marks. Then the thread finishes alone.
  void Finish(std::vector<audio::ChapterMark> chapters);
  /// True once the thread is done (Wait will not block).
  bool done() const;
  /// Waits for the thread; rethrows its error. Call once, after Finish.
  EncodedFile Wait();

 private:
  // Collects the assembler's small writes into blocks worth a queue slot.
  class QueueSink : public audio::AudioSink {
   public:
    explicit QueueSink(SampleQueue& queue) : queue_(queue) {}
    void Write(std::span<const std::int16_t> samples) override;
    void Flush();

   private:
    SampleQueue& queue_;
    std::vector<std::int16_t> block_;
  };

  void Run();
  // Takes the queue's samples into `out` (resampled to the output rate); returns how many came out.
  std::int64_t Drain(audio::AudioSink& out);

  std::filesystem::path path_;  // empty: a kept file
  std::optional<EncodedFile> kept_;
  audio::EncoderSettings settings_;
  int input_rate_hz_;
  audio::Tags tags_;
  std::optional<audio::Picture> no_cover_;
  const std::optional<audio::Picture>& cover_;
  DoneSignal* done_signal_;
  std::vector<audio::ChapterMark> chapters_;
  SampleQueue queue_;
  QueueSink sink_;
  EncodedFile result_;
  std::exception_ptr error_;
  std::atomic<bool> done_ = false;
  bool delivered_ = false;  // Wait returned the file: the destructor keeps it
  std::thread thread_;
};

}  // namespace langdu::pipeline
