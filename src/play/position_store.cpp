#include "play/position_store.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.h"

namespace langdu::play {

std::filesystem::path DefaultStateDir() {
  if (const char* state = std::getenv("XDG_STATE_HOME"); state != nullptr && *state == '/') {
    return std::filesystem::path(state) / "langdu";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".local" / "state" / "langdu";
  }
  return {};
}

std::filesystem::path PositionStore::PathOf(const std::string& key) const {
  return dir_ / "positions" / (key + ".json");
}

std::optional<SavedPosition> PositionStore::Load(const std::string& key) const {
  std::ifstream in(PathOf(key));
  if (!in) return std::nullopt;
  const nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  if (!json.is_object() || !json.contains("position") || !json["position"].is_string()) {
    return std::nullopt;
  }
  return SavedPosition{json["position"].get<std::string>(), json.value("input", std::string())};
}

void PositionStore::Save(const std::string& key, const SavedPosition& position) const {
  const std::filesystem::path path = PathOf(key);
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  const std::filesystem::path temporary =
      path.string() + ".langdu-" + std::to_string(getpid()) + ".tmp";
  {
    std::ofstream out(temporary);
    out << nlohmann::json{{"position", position.label}, {"input", position.input}}.dump() << '\n';
    if (!out.flush()) {
      throw core::Error(core::ErrorKind::kOutput, path.string() + ": cannot save the position");
    }
  }
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw core::Error(core::ErrorKind::kOutput, path.string() + ": cannot save the position");
  }
}

void PositionStore::Forget(const std::string& key) const {
  std::error_code error;
  std::filesystem::remove(PathOf(key), error);
}

}  // namespace langdu::play
