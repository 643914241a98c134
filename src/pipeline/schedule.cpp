#include "pipeline/schedule.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>
#include <set>

#include "audio/assembler.h"
#include "core/error.h"
#include "core/utf8.h"
#include "pipeline/encoding_job.h"

namespace langdu::pipeline {
namespace {

using publish::RoundSeconds;
using publish::SamplesToSeconds;

// A chapter's manifest records, held until its file's encoder has finished (a file per chapter)
// or written at once (--single, whose chapter fields need no encoder).
struct PendingChapter {
  publish::ChapterRecords records;
  std::int64_t start = 0;  // samples, in its file
  std::int64_t end = 0;
};

// Characters nobody read, said once at the end: "<input>: 3 characters not read: "♥" ×2 (line
// 4), "㊣" (line 9)".
class UnreadCounter {
 public:
  void Add(const std::vector<std::string>& characters, int line) {
    for (const std::string& character : characters) {
      Unread& unread = unread_[character];
      if (unread.count++ == 0) unread.first_line = line;
    }
  }

  // What a file's counter holds, to be journaled with the file.
  std::vector<publish::UnreadCharacter> Entries() const {
    std::vector<publish::UnreadCharacter> entries;
    for (const auto& [character, unread] : unread_) {
      entries.push_back({character, unread.count, unread.first_line});
    }
    return entries;
  }

  // Adds a file's characters, files taken in reading order (so first lines stay the first).
  void Merge(const std::vector<publish::UnreadCharacter>& entries) {
    for (const publish::UnreadCharacter& entry : entries) {
      Unread& unread = unread_[entry.character];
      if (unread.count == 0) unread.first_line = entry.first_line;
      unread.count += entry.count;
    }
  }

  std::string Summary(const std::string& input_name) const {
    if (unread_.empty()) return {};
    std::vector<std::pair<std::string, Unread>> sorted(unread_.begin(), unread_.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.second.first_line != b.second.first_line ? a.second.first_line < b.second.first_line
                                                        : a.first < b.first;
    });
    int total = 0;
    for (const auto& entry : sorted) total += entry.second.count;
    std::string line = input_name + ": " + std::to_string(total) +
                       (total == 1 ? " character" : " characters") + " not read:";
    constexpr std::size_t kListed = 10;
    for (std::size_t i = 0; i < sorted.size() && i < kListed; ++i) {
      const auto& [character, unread] = sorted[i];
      line += (i == 0 ? " \"" : ", \"") + character + "\"";
      if (unread.count > 1) line += " ×" + std::to_string(unread.count);
      line += " (line " + std::to_string(unread.first_line) + ")";
    }
    if (sorted.size() > kListed) line += ", …";
    return line;
  }

 private:
  struct Unread {
    int count = 0;
    int first_line = 0;
  };
  std::map<std::string, Unread> unread_;
};

// One audio file in the making: its encoder thread, the assembler feeding it, its captions.
struct FileWork {
  FileWork(std::size_t index, const FilePlan& plan, const FileOutputs& outputs,
           const ScheduleSettings& settings, DoneSignal& done_signal)
      : index(index),
        plan(plan),
        job(MakeJob(outputs, settings, done_signal)),
        assembler(job->sink(), settings.engine_rate_hz),
        captions(outputs.srt, outputs.vtt, outputs.lrc, outputs.tags.title, outputs.tags.album,
                 outputs.tags.artist) {}

  static std::unique_ptr<EncodingJob> MakeJob(const FileOutputs& outputs,
                                              const ScheduleSettings& settings,
                                              DoneSignal& done_signal) {
    if (outputs.kept) {
      return std::make_unique<EncodingJob>(*outputs.kept, settings.encoder, settings.engine_rate_hz,
                                           &done_signal);
    }
    return std::make_unique<EncodingJob>(outputs.audio, settings.encoder, settings.engine_rate_hz,
                                         outputs.tags, settings.cover, &done_signal);
  }

  std::size_t index;
  const FilePlan& plan;
  std::unique_ptr<EncodingJob> job;
  audio::Assembler assembler;
  publish::CaptionWriter captions;
  std::vector<publish::ChapterRecords> chapters;  // a file per chapter: waiting for the encoder
  UnreadCounter unread;                           // this file's, for the journal
};

class Scheduler {
 public:
  Scheduler(const core::Document& document, const Plan& plan,
            const std::vector<FileOutputs>& outputs, UnitSource& source,
            const ScheduleSettings& settings, publish::ManifestWriter& manifest, Progress& progress)
      : document_(document),
        plan_(plan),
        outputs_(outputs),
        source_(source),
        settings_(settings),
        manifest_(manifest),
        progress_(progress),
        unit_skipped_(plan.units.size(), false) {
    if (!settings_.is_finished) return;
    std::vector<bool> chapter_skipped(document.chapters.size(), false);
    for (std::size_t f = 0; f < plan_.files.size(); ++f) {
      if (!settings_.is_finished(f)) continue;
      file_skipped_.insert(f);
      for (std::size_t c = plan_.files[f].first_chapter; c < plan_.files[f].chapter_end; ++c) {
        chapter_skipped[c] = true;
      }
    }
    for (std::size_t u = 0; u < plan_.units.size(); ++u) {
      unit_skipped_[u] = chapter_skipped[plan_.units[u].chapter];
    }
  }

  ScheduleResult Run() {
    for (std::size_t f = 0; f < plan_.files.size(); ++f) {
      if (file_skipped_.count(f) != 0) {
        // Files are placed in order: those still encoding come first.
        while (!active_.empty()) RetireFront();
        PlaceFinished(f);
        continue;
      }
      done_signal_.WaitUntil([&] { return Encoding() < settings_.encoders; });
      RetireDone();
      active_.push_back(
          std::make_unique<FileWork>(f, plan_.files[f], outputs_[f], settings_, done_signal_));
      NarrateFile(*active_.back());
      RetireDone();
    }
    while (!active_.empty()) RetireFront();
    result_.duration_s = static_cast<double>(book_position_us_) / 1e6;
    result_.unread_summary = unread_.Summary(settings_.input_name);
    return std::move(result_);
  }

 private:
  std::size_t Encoding() const {
    return static_cast<std::size_t>(std::count_if(
        active_.begin(), active_.end(), [](const auto& work) { return !work->job->done(); }));
  }

  void RetireDone() {
    while (!active_.empty() && active_.front()->job->done()) RetireFront();
  }

  void NarrateFile(FileWork& work) {
    for (std::size_t c = work.plan.first_chapter; c < work.plan.chapter_end; ++c) {
      PendingChapter chapter = NarrateChapter(c, work);
      if (settings_.single) {
        WriteSingleChapter(chapter, work);
      } else {
        work.chapters.push_back(std::move(chapter.records));
      }
    }
    work.captions.Finish();
    std::vector<audio::ChapterMark> marks;
    if (settings_.single && document_.chapters.size() > 1) {
      for (const publish::TimedChapter& chapter : result_.chapters) {
        marks.push_back({chapter.title, chapter.start_s, chapter.end_s});
      }
    }
    work.job->Finish(std::move(marks));
  }

  PendingChapter NarrateChapter(std::size_t c, FileWork& work) {
    const core::Chapter& chapter = document_.chapters[c];
    const synth::Voice& voice = settings_.voice;
    progress_.OnChapter(settings_.input_name, chapter.number,
                        static_cast<int>(document_.chapters.size()), chapter.title);
    PendingChapter pending{{chapter.number, chapter.title, {}}, work.assembler.position(), 0};
    work.assembler.AddSilence(voice.chapter_lead_ms);
    for (std::size_t p = 0; p < chapter.paragraphs.size(); ++p) {
      if (p > 0) work.assembler.AddSilence(voice.paragraph_pause_ms);
      pending.records.paragraphs.push_back(NarrateParagraph(c, p, work));
    }
    work.assembler.AddSilence(voice.chapter_tail_ms);
    pending.end = work.assembler.position();
    return pending;
  }

  publish::ParagraphRecord NarrateParagraph(std::size_t c, std::size_t p, FileWork& work) {
    const core::Paragraph& paragraph = document_.chapters[c].paragraphs[p];
    const int rate = settings_.engine_rate_hz;
    publish::ParagraphRecord record;
    record.span = paragraph.span;
    record.start_s = SamplesToSeconds(work.assembler.position(), rate);
    while (next_unit_ < plan_.units.size() && plan_.units[next_unit_].chapter == c &&
           plan_.units[next_unit_].paragraph == p) {
      const WorkUnit& unit = plan_.units[next_unit_];
      const RenderedUnit rendered = NextUnit();
      for (std::size_t s = 0; s < rendered.sentences.size(); ++s) {
        record.sentences.push_back(
            Speak(paragraph.sentences[unit.first_sentence + s], rendered.sentences[s], work));
      }
    }
    record.end_s = SamplesToSeconds(work.assembler.position(), rate);
    return record;
  }

  // The next unit in reading order; asks the source for the ones after it first.
  RenderedUnit NextUnit() {
    if (settings_.check_cancel) settings_.check_cancel();
    const std::size_t limit = std::min(plan_.units.size(), next_unit_ + source_.ahead());
    for (; requested_ < limit; ++requested_) {
      if (!unit_skipped_[requested_]) source_.Request(requested_);
    }
    return source_.Take(next_unit_++);
  }

  publish::SentenceRecord Speak(const core::Sentence& sentence, const RenderedSentence& rendered,
                                FileWork& work) {
    const int rate = settings_.engine_rate_hz;
    audio::Assembler& assembler = work.assembler;
    unread_.Add(rendered.unread, sentence.span.line);
    work.unread.Add(rendered.unread, sentence.span.line);
    publish::SentenceRecord record{
        sentence.source_text, sentence.span, rendered.spoken_text, rendered.engine_input, 0, 0, {}};
    std::vector<publish::TimedClause> timed;
    std::int64_t sentence_start = -1;
    std::int64_t sentence_end = assembler.position();
    for (const RenderedClause& clause : rendered.clauses) {
      const std::int64_t start = assembler.position();
      assembler.AddSpeech(clause.samples);
      const std::int64_t end = assembler.position();
      if (sentence_start < 0) sentence_start = start;
      sentence_end = end;
      record.clauses.push_back({clause.display_text, clause.engine_input,
                                std::string(core::PauseName(clause.pause_after)),
                                SamplesToSeconds(start, rate), SamplesToSeconds(end, rate)});
      if (end > start) {
        timed.push_back(
            {clause.display_text, SamplesToSeconds(start, rate), SamplesToSeconds(end, rate)});
      }
      assembler.AddSilence(clause.pause_ms >= 0 ? clause.pause_ms
                                                : settings_.voice.PauseMs(clause.pause_after));
    }
    if (sentence_start < 0) sentence_start = sentence_end;
    record.start_s = SamplesToSeconds(sentence_start, rate);
    record.end_s = SamplesToSeconds(sentence_end, rate);
    work.captions.AddSentence(timed);
    characters_done_ += core::CodePointCount(sentence.text);
    progress_.OnAdvance(characters_done_, settings_.characters_total);
    return record;
  }

  void WriteChapterRecords(const publish::ChapterRecords& chapter) {
    manifest_.BeginChapter(chapter.number, chapter.title);
    for (const publish::ParagraphRecord& paragraph : chapter.paragraphs) {
      manifest_.AddParagraph(paragraph);
    }
  }

  // --single: a chapter's place in the one file is known as soon as it is spoken.
  void WriteSingleChapter(const PendingChapter& chapter, const FileWork& work) {
    WriteChapterRecords(chapter.records);
    const double start_s = SamplesToSeconds(chapter.start, settings_.engine_rate_hz);
    const double end_s = SamplesToSeconds(chapter.end, settings_.engine_rate_hz);
    publish::ChapterEnd end;
    end.file = work.plan.name;
    end.start_s = start_s;
    end.end_s = end_s;
    end.book_start_s = start_s;
    end.duration_s = RoundSeconds(end_s - start_s);
    manifest_.EndChapter(end);
    result_.chapters.push_back({chapter.records.title, start_s, end_s});
    result_.entries.push_back({work.plan.name, chapter.records.title, start_s, end_s - start_s});
  }

  void RetireFront() {
    FileWork& work = *active_.front();
    const EncodedFile encoded = work.job->Wait();
    const audio::EncoderSettings& encoder = settings_.encoder;
    publish::FinishedFile finished{
        {work.plan.name, std::string(audio::Extension(encoder.format)), encoder.sample_rate_hz,
         encoded.samples, SamplesToSeconds(encoded.samples, encoder.sample_rate_hz),
         RoundSeconds(encoded.duration_s), encoded.bitrate_kbps, encoded.bytes,
         outputs_[work.index].audio_key},
        std::move(work.chapters),
        work.unread.Entries()};
    if (settings_.single) {
      result_.files.push_back(finished.file);
      book_position_us_ = std::llround(finished.file.duration_s * 1e6);
    } else {
      if (settings_.on_file_done) settings_.on_file_done(work.index, finished);
      PlaceFile(finished);
    }
    active_.pop_front();
  }

  // A file an earlier run finished: its records in place of its audio.
  void PlaceFinished(std::size_t f) {
    const FilePlan& file = plan_.files[f];
    const publish::FinishedFile finished = settings_.read_finished(f);
    if (finished.chapters.size() != file.chapter_end - file.first_chapter) {
      throw core::Error(core::ErrorKind::kOutput,
                        file.name + ": the journal's chapters do not match the plan's");
    }
    PlaceFile(finished);
    unread_.Merge(finished.unread);
    while (next_unit_ < plan_.units.size() && plan_.units[next_unit_].chapter < file.chapter_end) {
      ++next_unit_;
    }
    requested_ = std::max(requested_, next_unit_);
    for (std::size_t c = file.first_chapter; c < file.chapter_end; ++c) {
      for (const core::Paragraph& paragraph : document_.chapters[c].paragraphs) {
        for (const core::Sentence& sentence : paragraph.sentences) {
          characters_done_ += core::CodePointCount(sentence.text);
        }
      }
    }
    progress_.OnAdvance(characters_done_, settings_.characters_total);
  }

  // A file per chapter: its chapters' records, each spanning the whole file. Durations are the
  // container's, rounded as the manifest keeps them, so that a file placed from the journal of an
  // earlier run gives the same playlist and chapters.vtt as one made now.
  void PlaceFile(const publish::FinishedFile& finished) {
    result_.files.push_back(finished.file);
    const double duration_s = finished.file.duration_s;
    for (const publish::ChapterRecords& chapter : finished.chapters) {
      WriteChapterRecords(chapter);
      publish::ChapterEnd end;
      end.file_record = finished.file;
      end.book_start_s = static_cast<double>(book_position_us_) / 1e6;
      manifest_.EndChapter(end);
      result_.chapters.push_back({chapter.title, end.book_start_s, end.book_start_s + duration_s});
      result_.entries.push_back({finished.file.file, chapter.title, 0, duration_s});
      book_position_us_ += std::llround(duration_s * 1e6);
    }
  }

  const core::Document& document_;
  const Plan& plan_;
  const std::vector<FileOutputs>& outputs_;
  UnitSource& source_;
  const ScheduleSettings& settings_;
  publish::ManifestWriter& manifest_;
  Progress& progress_;

  std::size_t next_unit_ = 0;
  std::size_t requested_ = 0;
  std::size_t characters_done_ = 0;
  std::int64_t book_position_us_ = 0;   // microseconds, so the sum does not drift
  std::set<std::size_t> file_skipped_;  // files an earlier run finished
  std::vector<bool> unit_skipped_;      // units of those files
  UnreadCounter unread_;
  ScheduleResult result_;
  // Declared before `active_`, whose jobs notify it, so that it outlives them.
  DoneSignal done_signal_;
  std::deque<std::unique_ptr<FileWork>> active_;
};

}  // namespace

ScheduleResult Schedule(const core::Document& document, const Plan& plan,
                        const std::vector<FileOutputs>& outputs, UnitSource& source,
                        const ScheduleSettings& settings, publish::ManifestWriter& manifest,
                        Progress& progress) {
  return Scheduler(document, plan, outputs, source, settings, manifest, progress).Run();
}

}  // namespace langdu::pipeline
