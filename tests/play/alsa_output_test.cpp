// ALSA output through ALSA's own "null" plugin, which every ALSA installation defines and which
// needs no sound card (it takes samples at once; `--device null` is langdu's paced ClockOutput).
#include "play/alsa_output.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace langdu::play {
namespace {

TEST(AlsaOutput, PlaysIntoAlsasNullPlugin) {
  AlsaOutput output("null", 22050);
  const std::vector<std::int16_t> samples(22050 / 10, 1000);
  for (int i = 0; i < 5; ++i) output.Write(samples);
  EXPECT_GE(output.Stop(), 0);
  output.Write(samples);
  output.Drain();
}

TEST(AlsaOutput, AnUnknownDeviceIsADeviceErrorThatSuggestsNull) {
  try {
    AlsaOutput output("langdu-no-such-device", 22050);
    FAIL() << "no error";
  } catch (const core::Error& error) {
    EXPECT_EQ(error.kind(), core::ErrorKind::kDevice);
    EXPECT_EQ(std::string(error.what()),
              "--device langdu-no-such-device: cannot open the sound device: No such file or "
              "directory; use --device null to play without sound");
  }
}

}  // namespace
}  // namespace langdu::play
