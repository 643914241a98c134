#include "pipeline/encoding_job.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>

#include "core/error.h"
#include "test_util.h"

namespace langdu::pipeline {
namespace {

TEST(SampleQueue, PushWaitsForRoom) {
  SampleQueue queue(100);
  queue.Push(std::vector<std::int16_t>(100));
  auto pushed = std::async(std::launch::async, [&] { queue.Push(std::vector<std::int16_t>(10)); });
  EXPECT_EQ(pushed.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
  EXPECT_EQ(queue.Pop()->size(), 100u);
  pushed.get();
  EXPECT_EQ(queue.queued(), 10u);
  queue.Close();
  EXPECT_EQ(queue.Pop()->size(), 10u);
  EXPECT_EQ(queue.Pop(), std::nullopt);
}

TEST(SampleQueue, PushRethrowsTheConsumersError) {
  SampleQueue queue(10);
  queue.Stop(std::make_exception_ptr(core::Error(core::ErrorKind::kOutput, "x.mp3: disk full")));
  try {
    queue.Push(std::vector<std::int16_t>(1));
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(std::string(e.what()), "x.mp3: disk full");
  }
}

TEST(EncodingJob, ResamplesEncodesAndTags) {
  testing::TempDir dir;
  const audio::EncoderSettings settings =
      audio::ResolveEncoder(audio::Format::kOpus, 22050, std::nullopt, std::nullopt, std::nullopt);
  audio::Tags tags;
  tags.title = "标题";
  const std::optional<audio::Picture> no_cover;
  EncodingJob job(dir / "a.opus", settings, 22050, tags, no_cover);
  std::vector<std::int16_t> second(22050);
  for (std::size_t i = 0; i < second.size(); ++i)
    second[i] = static_cast<std::int16_t>(i % 200 * 50);
  for (int i = 0; i < 3; ++i) job.sink().Write(second);
  job.Finish({});
  const EncodedFile file = job.Wait();
  EXPECT_NEAR(static_cast<double>(file.samples), 3 * 24000.0, 2.0);
  EXPECT_NEAR(file.duration_s, 3.0, 0.002);
  EXPECT_EQ(file.bytes, std::filesystem::file_size(dir / "a.opus"));
  EXPECT_GT(file.bitrate_kbps, 10);
}

// A file kept from an earlier run: the samples are counted at the output rate (here resampled
// to Opus's 24 kHz, as encoding would), nothing is written, and the kept record comes back.
TEST(EncodingJob, AKeptFileIsCountedAndNotWritten) {
  const audio::EncoderSettings settings =
      audio::ResolveEncoder(audio::Format::kOpus, 22050, std::nullopt, std::nullopt, std::nullopt);
  testing::TempDir dir;
  const std::optional<audio::Picture> no_cover;
  EncodingJob encoded(dir / "a.opus", settings, 22050, {}, no_cover);
  encoded.sink().Write(std::vector<std::int16_t>(22050, 100));
  encoded.Finish({});
  const EncodedFile made = encoded.Wait();

  EncodingJob kept(made, settings, 22050);
  kept.sink().Write(std::vector<std::int16_t>(22050, 100));
  kept.Finish({});
  const EncodedFile file = kept.Wait();
  EXPECT_EQ(file.samples, made.samples);
  EXPECT_EQ(file.bytes, made.bytes);
  EXPECT_EQ(file.duration_s, made.duration_s);

  // Other samples than the kept file's: an error, never a file that lies.
  EncodingJob wrong(made, settings, 22050);
  wrong.sink().Write(std::vector<std::int16_t>(11025, 100));
  wrong.Finish({});
  try {
    wrong.Wait();
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kInternal);
    EXPECT_EQ(std::string(e.what()).rfind(
                  "a kept file's audio key matched, but its samples did not (", 0),
              0u);
  }
}

TEST(EncodingJob, AnUnfinishedJobStopsWhenDestroyed) {
  testing::TempDir dir;
  const audio::EncoderSettings settings =
      audio::ResolveEncoder(audio::Format::kWav, 22050, std::nullopt, std::nullopt, std::nullopt);
  const std::optional<audio::Picture> no_cover;
  const auto threads = [] {
    return std::distance(std::filesystem::directory_iterator("/proc/self/task"),
                         std::filesystem::directory_iterator());
  };
  const auto before = threads();
  {
    EncodingJob job(dir / "a.wav", settings, 22050, {}, no_cover);
    job.sink().Write(std::vector<std::int16_t>(100000));
    EXPECT_EQ(threads(), before + 1);
  }
  EXPECT_EQ(threads(), before);
  EXPECT_FALSE(std::filesystem::exists(dir / "a.wav"));
}

TEST(EncodingJob, EncoderErrorsComeBackFromWait) {
  const audio::EncoderSettings settings =
      audio::ResolveEncoder(audio::Format::kWav, 22050, std::nullopt, std::nullopt, std::nullopt);
  const std::optional<audio::Picture> no_cover;
  EncodingJob job("/nonexistent-folder/a.wav", settings, 22050, {}, no_cover);
  job.Finish({});
  try {
    job.Wait();
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kOutput);
    EXPECT_EQ(std::string(e.what()).rfind("/nonexistent-folder/a.wav: cannot create: ", 0), 0u)
        << e.what();
  }
}

}  // namespace
}  // namespace langdu::pipeline
