#include "core/speech_script.h"

namespace langdu::core {

std::string EngineInput(const SpeechClause& clause) {
  std::string input;
  for (const SpeechRun& run : clause.runs) {
    if (run.text.empty()) continue;
    if (!input.empty()) input += ' ';
    input += run.text;
  }
  if (clause.engine_mark != '\0') input += clause.engine_mark;
  return input;
}

std::string EngineInput(const SpeechScript& script) {
  std::string input;
  for (const SpeechClause& clause : script.clauses) {
    std::string part = EngineInput(clause);
    if (part.empty()) continue;
    if (!input.empty()) input += ' ';
    input += part;
  }
  return input;
}

}  // namespace langdu::core
