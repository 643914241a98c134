#pragma once

#include <stdexcept>
#include <string>

namespace langdu::core {

/// What went wrong, by class. Each class has its own process exit code (see ExitCode).
enum class ErrorKind {
  kUsage,         ///< bad command line (exit 2)
  kInputMissing,  ///< input file missing or unreadable (exit 3)
  kInputDecode,   ///< input bytes do not decode in the detected or given encoding (exit 4)
  kInputEmpty,    ///< input has nothing to say (exit 5)
  kVoice,         ///< unknown or invalid narrator voice (exit 6)
  kOutput,        ///< output exists, or cannot be written (exit 7)
  kEngine,        ///< the speech engine failed (exit 8)
  kData,          ///< a data file (voice, lexicon, dictionary) is invalid (exit 9)
  kDevice,        ///< the sound device cannot be opened or fails (exit 11)
  kLocked,        ///< another langdu run is writing to the output folder (exit 12)
  kBatch,         ///< some inputs of a batch failed, the others were narrated (exit 13)
  kInterrupted,   ///< stopped by a signal (exit 130)
  kInternal,      ///< a bug in langdu (exit 70)
};

/// The process exit code for an error class; documented in README.md.
int ExitCode(ErrorKind kind);

/// The one error type of langdu. The message has the form "<where>: <what>", lowercase, values
/// quoted, e.g. `speech.txt:12: invalid UTF-8 at byte 3071`; main prints it after "langdu: error:
/// ".
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace langdu::core
