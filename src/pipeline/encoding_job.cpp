#include "pipeline/encoding_job.h"

#include <memory>

#include "audio/encoder.h"
#include "audio/resampler.h"
#include "core/error.h"

namespace langdu::pipeline {
namespace {

// Synthesis runs several times faster than encoding and speaks the files one after another, so a
// file's queue must hold most of a chapter for the next file to start while this one encodes:
// 2^22 samples is 190 s of engine audio, 8 MB. Memory is bounded by -j times that, whatever the
// input's length.
constexpr std::size_t kQueueSamples = 1 << 22;
constexpr std::size_t kBlockSamples = 8192;

// Counts the samples that reach the encoder, at the output rate.
class CountingSink : public audio::AudioSink {
 public:
  explicit CountingSink(audio::AudioSink& out) : out_(out) {}
  void Write(std::span<const std::int16_t> samples) override {
    out_.Write(samples);
    count_ += static_cast<std::int64_t>(samples.size());
  }
  std::int64_t count() const { return count_; }

 private:
  audio::AudioSink& out_;
  std::int64_t count_ = 0;
};

class NullSink : public audio::AudioSink {
 public:
  void Write(std::span<const std::int16_t>) override {}
};

}  // namespace

void SampleQueue::Push(std::vector<std::int16_t> block) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return queued_ < capacity_ || error_ != nullptr; });
  if (error_ != nullptr) std::rethrow_exception(error_);
  queued_ += block.size();
  blocks_.push_back(std::move(block));
  changed_.notify_all();
}

std::optional<std::vector<std::int16_t>> SampleQueue::Pop() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !blocks_.empty() || closed_ || error_ != nullptr; });
  if (blocks_.empty() || error_ != nullptr) return std::nullopt;
  std::vector<std::int16_t> block = std::move(blocks_.front());
  blocks_.pop_front();
  queued_ -= block.size();
  changed_.notify_all();
  return block;
}

void SampleQueue::Close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  changed_.notify_all();
}

void SampleQueue::Stop(std::exception_ptr error) {
  std::lock_guard lock(mutex_);
  error_ = error;
  changed_.notify_all();
}

bool SampleQueue::stopped() const {
  std::lock_guard lock(mutex_);
  return error_ != nullptr;
}

std::size_t SampleQueue::queued() const {
  std::lock_guard lock(mutex_);
  return queued_;
}

void DoneSignal::Notify() {
  // Taking the lock orders this wake-up after a waiter's test: none is lost.
  std::lock_guard lock(mutex_);
  changed_.notify_all();
}

void EncodingJob::QueueSink::Write(std::span<const std::int16_t> samples) {
  while (!samples.empty()) {
    const std::size_t n = std::min(samples.size(), kBlockSamples - block_.size());
    block_.insert(block_.end(), samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(n));
    samples = samples.subspan(n);
    if (block_.size() == kBlockSamples) Flush();
  }
}

void EncodingJob::QueueSink::Flush() {
  if (block_.empty()) return;
  queue_.Push(std::move(block_));
  block_ = {};
  block_.reserve(kBlockSamples);
}

EncodingJob::EncodingJob(std::filesystem::path path, audio::EncoderSettings settings,
                         int input_rate_hz, audio::Tags tags,
                         const std::optional<audio::Picture>& cover, DoneSignal* done_signal)
    : path_(std::move(path)),
      settings_(settings),
      input_rate_hz_(input_rate_hz),
      tags_(std::move(tags)),
      cover_(cover),
      done_signal_(done_signal),
      queue_(kQueueSamples),
      sink_(queue_),
      thread_([this] { Run(); }) {}

EncodingJob::EncodingJob(EncodedFile kept, audio::EncoderSettings settings, int input_rate_hz,
                         DoneSignal* done_signal)
    : kept_(kept),
      settings_(settings),
      input_rate_hz_(input_rate_hz),
      cover_(no_cover_),
      done_signal_(done_signal),
      queue_(kQueueSamples),
      sink_(queue_),
      thread_([this] { Run(); }) {}

EncodingJob::~EncodingJob() {
  queue_.Stop(std::make_exception_ptr(
      core::Error(core::ErrorKind::kInterrupted, path_.string() + ": encoding stopped")));
  if (thread_.joinable()) thread_.join();
  // A job destroyed before Wait returned its file leaves nothing behind.
  if (!delivered_ && !path_.empty()) {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
}

void EncodingJob::Finish(std::vector<audio::ChapterMark> chapters) {
  sink_.Flush();
  chapters_ = std::move(chapters);
  queue_.Close();
}

bool EncodingJob::done() const { return done_; }

EncodedFile EncodingJob::Wait() {
  thread_.join();
  if (error_ != nullptr) std::rethrow_exception(error_);
  delivered_ = true;
  return result_;
}

std::int64_t EncodingJob::Drain(audio::AudioSink& out) {
  CountingSink counter(out);
  std::unique_ptr<audio::Resampler> resampler;
  if (settings_.sample_rate_hz != input_rate_hz_) {
    resampler =
        std::make_unique<audio::Resampler>(counter, input_rate_hz_, settings_.sample_rate_hz);
  }
  audio::AudioSink& input = resampler ? static_cast<audio::AudioSink&>(*resampler) : counter;
  while (true) {
    std::optional<std::vector<std::int16_t>> block = queue_.Pop();
    if (!block) break;
    input.Write(*block);
  }
  if (resampler && !queue_.stopped()) resampler->Finish();
  return counter.count();
}

void EncodingJob::Run() {
  try {
    if (kept_) {
      NullSink nowhere;
      const std::int64_t samples = Drain(nowhere);
      // Pop also ends when the job is being destroyed: then there is nothing to check.
      if (!queue_.stopped()) {
        if (samples != kept_->samples) {
          throw core::Error(core::ErrorKind::kInternal,
                            "a kept file's audio key matched, but its samples did not (" +
                                std::to_string(kept_->samples) + " kept, " +
                                std::to_string(samples) + " made)");
        }
        result_ = *kept_;
      }
    } else {
      const std::unique_ptr<audio::Encoder> encoder =
          audio::OpenEncoder(path_, settings_, tags_, cover_);
      const std::int64_t samples = Drain(*encoder);
      if (!queue_.stopped()) {
        encoder->Finish(chapters_);
        result_.samples = samples;
        result_.duration_s = audio::ContainerDuration(path_, settings_.format);
        result_.bytes = std::filesystem::file_size(path_);
        if (result_.duration_s > 0) {
          result_.bitrate_kbps = static_cast<double>(result_.bytes) * 8 / result_.duration_s / 1000;
        }
      }
    }
  } catch (...) {
    error_ = std::current_exception();
    queue_.Stop(error_);
  }
  done_ = true;
  if (done_signal_ != nullptr) done_signal_->Notify();
}

}  // namespace langdu::pipeline
