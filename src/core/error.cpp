#include "core/error.h"

namespace langdu::core {

int ExitCode(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kUsage:
      return 2;
    case ErrorKind::kInputMissing:
      return 3;
    case ErrorKind::kInputDecode:
      return 4;
    case ErrorKind::kInputEmpty:
      return 5;
    case ErrorKind::kVoice:
      return 6;
    case ErrorKind::kOutput:
      return 7;
    case ErrorKind::kEngine:
      return 8;
    case ErrorKind::kData:
      return 9;
    case ErrorKind::kDevice:
      return 11;
    case ErrorKind::kLocked:
      return 12;
    case ErrorKind::kBatch:
      return 13;
    case ErrorKind::kInterrupted:
      return 130;
    case ErrorKind::kInternal:
      return 70;
  }
  return 70;
}

}  // namespace langdu::core
