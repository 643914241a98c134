#include "synth/engine.h"

#include <espeak-ng/speak_lib.h>
#include <link.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "core/error.h"
#include "synth/glibc_random.h"

namespace {

// eSpeak NG draws noise from rand() for every sample it makes, and glibc's rand() takes a lock on
// every call: a tenth of a run's CPU time went to __random. Defined in the executable, these take
// the place of glibc's for libespeak-ng too (its `rand` is bound to the first definition the
// dynamic linker finds, the executable's), and give glibc's very numbers from the same seed, so
// the samples are the same. The state is per thread: the engine seeds and draws on the thread that
// speaks (Engine::Speak), and other callers (libopusenc's serial number, replaced anyway) never
// share it across threads.
thread_local langdu::synth::GlibcRandom random_state;

}  // namespace

extern "C" void srand(unsigned seed) noexcept { random_state.Seed(seed); }
extern "C" int rand() noexcept { return random_state.Next(); }

namespace langdu::synth {
namespace {

std::atomic<bool> engine_exists{false};

// eSpeak hands audio to one global callback; the buffer to fill travels as the user data of each
// espeak_Synth call.
int CollectSamples(short* wav, int count, espeak_EVENT* events) {
  if (wav == nullptr || count <= 0) return 0;
  auto* samples = static_cast<std::vector<std::int16_t>*>(events->user_data);
  samples->insert(samples->end(), wav, wav + count);
  return 0;
}

// The one place where eSpeak's status codes become langdu errors.
void Check(espeak_ERROR status, const std::string& what) {
  if (status == EE_OK) return;
  throw core::Error(core::ErrorKind::kEngine,
                    "espeak-ng: " + what + " failed (status " + std::to_string(status) + ")");
}

std::string WithVariant(const std::string& espeak_voice, const std::string& variant) {
  return variant.empty() ? espeak_voice : espeak_voice + "+" + variant;
}

// The writable globals of the loaded libespeak-ng (.data and .bss), without the part the dynamic
// linker makes read-only after relocation (RELRO).
struct Globals {
  char* begin = nullptr;
  std::size_t size = 0;
};

int FindGlobals(dl_phdr_info* info, std::size_t, void* data) {
  if (info->dlpi_name == nullptr || std::strstr(info->dlpi_name, "libespeak-ng") == nullptr)
    return 0;
  std::uintptr_t relro_end = 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    if (header.p_type == PT_GNU_RELRO)
      relro_end = info->dlpi_addr + header.p_vaddr + header.p_memsz;
  }
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    if (header.p_type != PT_LOAD || (header.p_flags & PF_W) == 0) continue;
    std::uintptr_t begin = info->dlpi_addr + header.p_vaddr;
    const std::uintptr_t end = begin + header.p_memsz;
    if (relro_end > begin && relro_end < end) begin = relro_end;
    auto* globals = static_cast<Globals*>(data);
    globals->begin = reinterpret_cast<char*>(begin);
    globals->size = end - begin;
    return 1;
  }
  return 0;
}

// Rates above this make eSpeak NG time-stretch with libsonic, whose stream lives on the heap.
constexpr int kMaxRewindableRate = 450;

// eSpeak NG is started once per process and never terminated. espeak_Terminate of Debian's 1.51
// can hang for ever: it joins the library's command thread (started even in synchronous mode),
// which may sleep through the wake-up (seen in a test's teardown, joined in pthread_join for
// ten minutes). So a later Engine in the same process takes over the running library, and its
// memory goes back with the process. Returns the sample rate, or 0 when it cannot start.
int StartEspeak() {
  static int sample_rate_hz = 0;  // guarded by engine_exists: one Engine at a time
  if (sample_rate_hz <= 0) {
    sample_rate_hz =
        espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
  }
  return sample_rate_hz;
}

}  // namespace

Engine::Engine() {
  if (engine_exists.exchange(true)) {
    throw core::Error(core::ErrorKind::kInternal, "espeak-ng: one engine per process");
  }
  sample_rate_hz_ = StartEspeak();
  if (sample_rate_hz_ <= 0) {
    engine_exists = false;
    throw core::Error(core::ErrorKind::kEngine, "espeak-ng: cannot start (is espeak-ng-data installed?)");
  }
  espeak_SetSynthCallback(CollectSamples);
}

Engine::~Engine() { engine_exists = false; }

std::string Engine::Version() {
  const char* data_path = nullptr;
  return espeak_Info(&data_path);
}

void Engine::Select(const std::string& espeak_voice) {
  if (selected_ == espeak_voice) return;
  if (!checkpoint_.empty()) {
    throw LeavesCheckpoint("voice \"" + espeak_voice + "\" after a checkpoint in \"" + selected_ +
                           "\"");
  }
  if (espeak_SetVoiceByName(espeak_voice.c_str()) != EE_OK) {
    selected_.clear();
    throw core::Error(core::ErrorKind::kVoice,
                      "voice \"" + voice_.name + "\": espeak-ng has no voice \"" + espeak_voice + "\"");
  }
  selected_ = espeak_voice;
  // Choosing a voice resets the speech parameters to the voice's own.
  Check(espeak_SetParameter(espeakRATE, voice_.rate_wpm, 0), "setting the rate");
  rate_wpm_ = voice_.rate_wpm;
  Check(espeak_SetParameter(espeakPITCH, voice_.pitch, 0), "setting the pitch");
  Check(espeak_SetParameter(espeakRANGE, voice_.pitch_range, 0), "setting the pitch range");
  Check(espeak_SetParameter(espeakVOLUME, voice_.volume, 0), "setting the volume");
}

bool Engine::ReadsHanzi(const std::string& espeak_voice) {
  if (espeak_SetVoiceByName(espeak_voice.c_str()) != EE_OK) return false;
  selected_.clear();
  const char* text = "你好";
  const void* cursor = text;
  const char* phonemes = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, 0);
  // A voice that does not know Han characters switches to English and spells their code points.
  return phonemes != nullptr && std::strstr(phonemes, "(en)") == nullptr && std::strlen(phonemes) < 40;
}

std::vector<std::string> Engine::Use(const Voice& voice) {
  std::vector<std::string> warnings;
  voice_ = voice;
  if (!ReadsHanzi(voice_.mandarin)) {
    warnings.push_back("voice \"" + voice.name + "\": espeak-ng " + Version() + " voice \"" +
                       voice.mandarin + "\" reads Han characters as English; using cmn-latn-pinyin");
    voice_.mandarin = "cmn-latn-pinyin";
  }
  selected_.clear();
  Select(WithVariant(voice_.english, voice_.variant));
  Select(WithVariant(voice_.mandarin, voice_.variant));
  // eSpeak makes some of its buffers on the first synthesis: made now, they are part of the
  // state every unit starts from (and that Checkpoint copies).
  std::vector<std::int16_t> warm_up;
  Speak("a1", warm_up);
  return warnings;
}

void Engine::Speak(const std::string& text, std::vector<std::int16_t>& samples) {
  // eSpeak draws its noise sources from rand(): a fixed seed per call makes the same text give the
  // same samples, so that the same input gives the same output bytes.
  std::srand(1);
  Check(espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                     &samples),
        "synthesis");
}

bool Engine::Checkpoint() {
  checkpoint_.clear();
  if (selected_.empty() || voice_.rate_wpm > kMaxRewindableRate) return false;
  Globals globals;
  dl_iterate_phdr(FindGlobals, &globals);
  if (globals.size == 0) return false;
  globals_ = globals.begin;
  checkpoint_.assign(globals.begin, globals.begin + globals.size);
  checkpoint_rate_wpm_ = rate_wpm_;
  return true;
}

void Engine::Rewind() {
  if (checkpoint_.empty()) return;
  std::memcpy(globals_, checkpoint_.data(), checkpoint_.size());
  // The rate eSpeak speaks at is among the globals just put back.
  rate_wpm_ = checkpoint_rate_wpm_;
}

void Engine::DropCheckpoint() {
  checkpoint_.clear();
  checkpoint_.shrink_to_fit();
  globals_ = nullptr;
}

std::vector<std::int16_t> Engine::Synthesize(const core::SpeechClause& clause) {
  std::vector<std::int16_t> samples;
  for (std::size_t i = 0; i < clause.runs.size(); ++i) {
    const core::SpeechRun& run = clause.runs[i];
    if (run.text.empty()) continue;
    const bool english = run.language == core::Language::kEnglish;
    Select(WithVariant(english ? voice_.english : voice_.mandarin, voice_.variant));
    // The author's rate (SSML <prosody rate>) scales the narrator's, within eSpeak's limits.
    const int rate_wpm = std::clamp(static_cast<int>(std::lround(voice_.rate_wpm * clause.rate)),
                                    kRateWpm.low, kRateWpm.high);
    if (rate_wpm != rate_wpm_) {
      Check(espeak_SetParameter(espeakRATE, rate_wpm, 0), "setting the rate");
      rate_wpm_ = rate_wpm;
    }
    std::string text;
    if (run.spell) {
      // Letters one by one, so that eSpeak says their names: "GDP" → "G D P".
      for (char c : run.text) {
        if (!text.empty()) text += ' ';
        text += c;
      }
    } else {
      text = run.text;
    }
    if (i + 1 == clause.runs.size() && clause.engine_mark != '\0') text += clause.engine_mark;
    Speak(text, samples);
  }
  return samples;
}

}  // namespace langdu::synth
