#include "publish/batch_summary.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace langdu::publish {

namespace {

int CountOf(const std::vector<BatchRecord>& records, BatchRecord::Status status) {
  return static_cast<int>(std::count_if(records.begin(), records.end(),
                                        [&](const BatchRecord& r) { return r.status == status; }));
}

}  // namespace

int BatchSummary::done() const { return CountOf(records, BatchRecord::Status::kDone); }
int BatchSummary::skipped() const { return CountOf(records, BatchRecord::Status::kSkipped); }
int BatchSummary::failed() const { return CountOf(records, BatchRecord::Status::kFailed); }

std::string BatchSummaryJson(const BatchSummary& summary) {
  nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
  for (const BatchRecord& record : summary.records) {
    nlohmann::ordered_json entry = {{"input", record.input},
                                    {"output", record.output_dir.string()}};
    if (record.status != BatchRecord::Status::kFailed) {
      entry["status"] = record.status == BatchRecord::Status::kDone ? "done" : "skipped";
      entry["chapters"] = record.chapters;
      entry["audio_s"] = record.audio_s;
      entry["units"] = record.units;
      entry["units_cached"] = record.units_cached;
      entry["files_kept"] = record.files_kept;
    } else {
      entry["status"] = "failed";
      entry["error"] = record.error;
      entry["exit_code"] = record.exit_code;
    }
    inputs.push_back(std::move(entry));
  }
  const nlohmann::ordered_json json = {{"done", summary.done()},
                                       {"skipped", summary.skipped()},
                                       {"failed", summary.failed()},
                                       {"shard", summary.shard},
                                       {"other_shards_inputs", summary.other_shards_inputs},
                                       {"inputs", std::move(inputs)}};
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace langdu::publish
