#include "synth/glibc_random.h"

#include <dlfcn.h>
#include <gtest/gtest.h>

#include <cstdlib>

namespace langdu::synth {
namespace {

// glibc's own generator, on a state of its own (initstate_r with 128 bytes is rand()'s TYPE_3).
std::vector<int> GlibcNumbers(unsigned seed, int count) {
  char state[128] = {};
  random_data data{};
  EXPECT_EQ(initstate_r(seed, state, sizeof state, &data), 0);
  std::vector<int> numbers;
  for (int i = 0; i < count; ++i) {
    std::int32_t number = 0;
    random_r(&data, &number);
    numbers.push_back(number);
  }
  return numbers;
}

TEST(GlibcRandom, GivesGlibcsNumbersFromEverySeed) {
  for (unsigned seed : {1u, 0u, 2u, 12345u, 2147483647u, 2147483648u, 4294967295u}) {
    GlibcRandom random(seed);
    std::vector<int> ours;
    for (int i = 0; i < 100000; ++i) ours.push_back(random.Next());
    EXPECT_EQ(ours, GlibcNumbers(seed, 100000)) << "seed " << seed;
  }
}

TEST(GlibcRandom, StartsAsSeededWithOneAndReseeds) {
  GlibcRandom random;
  const int first = random.Next();
  random.Next();
  random.Seed(1);
  EXPECT_EQ(random.Next(), first);
  EXPECT_EQ(first, GlibcNumbers(1, 1)[0]);
}

// The executable's rand() and srand() (synth/engine.cpp) are these, exported, so that eSpeak's
// calls reach them and not glibc's (found after them).
TEST(GlibcRandom, RandAndSrandAreTheLockFreeOnes) {
  EXPECT_EQ(dlsym(RTLD_DEFAULT, "rand"), reinterpret_cast<void*>(&rand));
  EXPECT_EQ(dlsym(RTLD_DEFAULT, "srand"), reinterpret_cast<void*>(&srand));
  EXPECT_NE(dlsym(RTLD_NEXT, "rand"), reinterpret_cast<void*>(&rand));
  std::srand(7);
  const std::vector<int> expected = GlibcNumbers(7, 5);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(std::rand(), expected[static_cast<std::size_t>(i)]);
}

}  // namespace
}  // namespace langdu::synth
