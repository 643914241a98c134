#!/usr/bin/env bash
# Times langdu narrating the seed speech against the by-hand baselines of issue 14, in one run on
# this machine, and reports medians:
#   chaptered MP3   vs  espeak-ng -v cmn-latn-pinyin -f seed -w x.wav, then ffmpeg libmp3lame -q:a 4
#   chaptered WAV   vs  espeak-ng … -w x.wav alone
#   chaptered Opus  vs  espeak-ng … -w x.wav, then ffmpeg libopus -b:a 32k
# then the speed-up of synthesis from -j 1 to -j 2 (WAV, whose encoding costs next to nothing),
# peak memory (RSS) per process and in total, where the time goes, `langdu play`'s time to first
# sound, the talking book's formats (EPUB over MP3, M4B against ffmpeg -c:a aac), and the stage
# benchmarks.
# Runs alternate (baseline, langdu, baseline, ...) so that load from other work hits both alike.
# The by-hand baselines are timed step by step in each round: espeak-ng once, then each ffmpeg
# encode of its WAV; a baseline is the sum of its steps in that round.
#   REPEATS   rounds (default 5)
#   JOBS      -j for the format comparison (default: langdu's own, one per core)
#   SCALE     also measure peak RSS on the seed repeated SCALE times (e.g. 30; default: off)
# Builds build/ first if a binary is missing. Prints the load average, since on a shared machine
# it explains most of the spread.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${REPEATS:-5}
seed=samples/district-party-building-speech.txt
langdu=build/src/cli/langdu
[ -x "$langdu" ] && [ -x build/bench/langdu_bench ] || scripts/build.sh langdu langdu_bench >/dev/null
jobs_option=()
[ -n "${JOBS:-}" ] && jobs_option=(-j "$JOBS")
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (scripts/install-deps.sh)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs "$@" once and prints "<wall s> <CPU s>" (user + system, the command and its children):
# on a loaded machine the wall time grows with the load, the CPU time much less.
timed() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1
  tail -1 "$work/time" | awk '{ printf "%.2f %.2f", $1, $2 + $3 }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); printf "%.2f", (NR % 2) ? v[m] : (v[m] + v[m + 1]) / 2 }'; }
plus() { awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.2f %.2f", x[1] + y[1], x[2] + y[2] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

speak() { timed espeak-ng -v cmn-latn-pinyin -f "$seed" -w "$work/x.wav"; }
ffmpeg_to() {  # ffmpeg_to FILE CODEC OPTIONS...: encodes the baseline's WAV
  local file=$1
  shift
  timed ffmpeg -nostdin -loglevel error -y -i "$work/x.wav" -c:a "$@" "$work/$file"
}

# narrate FORMAT [options...]: the seed, chaptered, into a fresh folder, with an empty synthesis
# cache (what a first narration costs, writing the cache included).
narrate() {
  local format=$1
  shift
  rm -rf "$work/out" "$work/cache"
  local cache=(--cache "$work/cache")
  [[ " $* " == *" --no-cache "* ]] && cache=()
  timed "$langdu" narrate -q --format "$format" "${cache[@]}" "$@" "$seed" -o "$work/out"
}

echo "cores: $(nproc); load average at start: $(cut -d' ' -f1-3 /proc/loadavg); rounds: $repeats"
declare -a speak_t mp3_base_t opus_base_t wav_t mp3_t opus_t j1_t j2_t
for ((i = 0; i < repeats; i++)); do
  s=$(speak)
  speak_t+=("$s")
  wav_t+=("$(narrate wav "${jobs_option[@]}")")
  mp3_base_t+=("$(plus "$s" "$(ffmpeg_to x.mp3 libmp3lame -q:a 4)")")
  mp3_t+=("$(narrate mp3 "${jobs_option[@]}")")
  opus_base_t+=("$(plus "$s" "$(ffmpeg_to x.opus libopus -b:a 32k)")")
  opus_t+=("$(narrate opus "${jobs_option[@]}")")
  j1_t+=("$(narrate wav -j 1)")
  j2_t+=("$(narrate wav -j 2)")
done

wall() { printf '%s\n' "$@" | cut -d' ' -f1 | median; }
cpu() { printf '%s\n' "$@" | cut -d' ' -f2 | median; }
runs() { printf '%s\n' "$@" | cut -d' ' -f1 | paste -sd' '; }
row() {  # row NAME GOAL LANGDU-ARRAY-NAME BASELINE-ARRAY-NAME
  local -n ours=$3 theirs=$4
  local w1 w2 c1 c2
  w1=$(wall "${ours[@]}") w2=$(wall "${theirs[@]}") c1=$(cpu "${ours[@]}") c2=$(cpu "${theirs[@]}")
  printf '| %s | %s s | %s s | **%s×** | ≤ %s× | %s s | %s s | %s× |\n' "$1" "$w1" "$w2" \
    "$(ratio "$w1" "$w2")" "$2" "$c1" "$c2" "$(ratio "$c1" "$c2")"
}
echo
echo "| output (vs by-hand baseline) | langdu wall | baseline wall | ratio | goal | langdu CPU | baseline CPU | CPU ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
row "chaptered MP3 (espeak-ng -w + ffmpeg libmp3lame -q:a 4)" 0.40 mp3_t mp3_base_t
row "chaptered WAV (espeak-ng -w alone)" 0.60 wav_t speak_t
row "chaptered Opus (espeak-ng -w + ffmpeg libopus 32k)" 0.30 opus_t opus_base_t
echo
echo "wall times of the runs (s): mp3 $(runs "${mp3_t[@]}") | baseline $(runs "${mp3_base_t[@]}")"
echo "  wav $(runs "${wav_t[@]}") | espeak-ng -w $(runs "${speak_t[@]}")"
echo "  opus $(runs "${opus_t[@]}") | baseline $(runs "${opus_base_t[@]}")"
j1=$(wall "${j1_t[@]}")
j2=$(wall "${j2_t[@]}")
echo
echo "synthesis (chaptered WAV) -j 1: ${j1} s, -j 2: ${j2} s, speed-up $(ratio "$j1" "$j2")× (goal ≥ 1.7×);" \
  "CPU $(cpu "${j1_t[@]}") s and $(cpu "${j2_t[@]}") s"
echo "  runs -j 1: $(runs "${j1_t[@]}") | -j 2: $(runs "${j2_t[@]}")"

# Peak memory: GNU time gives the peak RSS of the largest of langdu and the workers it waited for
# (per process). The total is sampled every 20 ms over every langdu process of the run's session,
# as the sum of RSS and as the sum of PSS (proportional: pages that forked workers share with
# their parent counted once); a separate run, since sampling costs time.
peak_rss() {  # prints "<largest process MiB> <total RSS MiB> <total PSS MiB>" for "$@"
  setsid /usr/bin/time -f %M -o "$work/maxrss" "$@" >/dev/null 2>&1 &
  local sid=$! rss=0 pss=0 now
  while kill -0 "$sid" 2>/dev/null; do
    # The run may end between kill and ps: then ps finds nothing, and that is no error.
    now=$(ps -s "$sid" -o pid=,rss=,comm= 2>/dev/null | awk '$3 == "langdu" {
      rss += $2; f = "/proc/" $1 "/smaps_rollup"
      while ((getline line < f) > 0) if (line ~ /^Pss:/) { split(line, v, " "); pss += v[2] }
      close(f) } END { print rss + 0, pss + 0 }' || true)
    read -r now_rss now_pss <<<"$now"
    ((now_rss > rss)) && rss=$now_rss
    ((now_pss > pss)) && pss=$now_pss
    sleep 0.02
  done
  wait "$sid" || true
  awk -v a="$(cat "$work/maxrss")" -v b="$rss" -v c="$pss" \
    'BEGIN { printf "%.1f %.1f %.1f\n", a / 1024, b / 1024, c / 1024 }'
}
echo
echo "peak memory (MiB): largest process RSS / all langdu processes RSS / all PSS"
for format in mp3 opus wav; do
  for j in 1 2; do
    rm -rf "$work/out"
    read -r one rss pss < <(peak_rss "$langdu" narrate -q --format "$format" -j "$j" "$seed" -o "$work/out")
    printf '  %-5s -j %s  %6s / %6s / %6s\n' "$format" "$j" "$one" "$rss" "$pss"
  done
done
if [ -n "${SCALE:-}" ]; then
  for ((i = 0; i < SCALE; i++)); do cat "$seed"; done >"$work/scaled.txt"
  rm -rf "$work/out"
  read -r one rss pss < <(peak_rss "$langdu" narrate -q --format mp3 "$work/scaled.txt" -o "$work/out")
  printf '  mp3 on the seed ×%s (%s bytes): %s / %s / %s\n' "$SCALE" \
    "$(stat -c %s "$work/scaled.txt")" "$one" "$rss" "$pss"
fi

# Where the time goes: start-up (a one-sentence input), then synthesis (the WAV runs above), and
# each encoder's CPU time per minute of this speech on one core (bench/encoders_bench.cpp).
printf '第一句。\n' >"$work/one.txt"
startup_t=()
for ((i = 0; i < repeats; i++)); do
  rm -rf "$work/out"
  startup_t+=("$(timed "$langdu" narrate -q --format wav "$work/one.txt" -o "$work/out")")
done
total_duration() { grep -o '"duration_s": *[0-9.]*' "$1" | tail -1 | sed 's/.*: *//'; }
audio_s=$(total_duration "$work/out/manifest.json")
rm -rf "$work/out"
"$langdu" narrate -q --single --format wav "$seed" -o "$work/out" >/dev/null
seed_audio_s=$(total_duration "$work/out/manifest.json")
echo
echo "where the time goes (seed: ${seed_audio_s} s of audio):"
echo "  start-up and a one-sentence input (${audio_s} s of audio): $(wall "${startup_t[@]}") s," \
  "CPU $(cpu "${startup_t[@]}") s"
echo "  synthesis, chaptered WAV, -j 1: ${j1} s, CPU $(cpu "${j1_t[@]}") s"
speech=$(ls "$work"/out/*.wav)
mp3_speed=$("$langdu" narrate --help | sed -n 's/.*--mp3-speed.*(default \([0-9]*\)).*/\1/p')
opus_complexity=$("$langdu" narrate --help | sed -n 's/.*--opus-complexity.*(default \([0-9]*\)).*/\1/p')
LANGDU_BENCH_SPEECH=$speech build/bench/langdu_bench --benchmark_format=csv \
  --benchmark_filter="BM_Encode(Mp3/$mp3_speed/|Opus/$opus_complexity/|Other/)" 2>/dev/null |
  awk -F, -v total="$seed_audio_s" -v mp3="$mp3_speed" -v opus="$opus_complexity" '
    NR > 1 {
      gsub(/"/, "", $1); split($1, part, "/"); rate = $NF + 0
      name = part[1]; sub(/BM_Encode/, "", name)
      if (name == "Other") name = (part[2] == 0 ? "WAV" : part[2] == 1 ? "FLAC" : "Vorbis")
      else if (name == "Mp3") name = "MP3 (speed " mp3 ")"
      else name = "Opus (complexity " opus ")"
      printf "  encoding %-22s %6.2f s CPU for the seed (one core; from its first 120 s)\n", name,
        total / rate
    }'

# Time to first sound of `langdu play` on a text: from the start of the process to its first
# line, which it prints as the first sentence's samples go to the device (here --device null).
# The process is then told to quit.
now() { date +%s.%N; }
first_sound() {
  local start
  start=$(now)
  (sleep 1; echo q) | XDG_STATE_HOME="$work/state" "$langdu" play --device null --restart "$1" \
    2>/dev/null | { head -n1 >/dev/null; now >"$work/first"; cat >/dev/null; }
  awk -v a="$start" -v b="$(cat "$work/first")" 'BEGIN { printf "%.3f", b - a }'
}
echo
for text in "$seed" samples/three-chapters.txt; do
  times=()
  for ((i = 0; i < repeats; i++)); do times+=("$(first_sound "$text")"); done
  printf '%-34s %s s   (runs: %s)\n' "play: first sound, $(basename "$text" .txt)" \
    "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
done

# The talking book (issue 11): --format epub against the MP3 run it extends, and --format m4b
# against FFmpeg's own AAC encoder on the same audio (one WAV of the book), alternating.
"$langdu" narrate -q --format wav --single "${jobs_option[@]}" "$seed" -o "$work/book" >/dev/null
book_wav=$(ls "$work"/book/*.wav)
declare -a tb_mp3_t tb_epub_t tb_m4b_t tb_aac_t
for ((i = 0; i < repeats; i++)); do
  tb_mp3_t+=("$(narrate mp3 "${jobs_option[@]}")")
  tb_epub_t+=("$(narrate epub "${jobs_option[@]}")")
  tb_m4b_t+=("$(narrate m4b "${jobs_option[@]}")")
  tb_aac_t+=("$(timed ffmpeg -nostdin -loglevel error -y -i "$book_wav" -c:a aac -b:a 48k \
    "$work/ffmpeg.m4a")")
done
wall_median() { printf '%s\n' "$@" | median; }
echo
echo "talking book:"
echo "  epub $(wall_median "${tb_epub_t[@]}") s vs mp3 $(wall_median "${tb_mp3_t[@]}") s:" \
  "$(awk -v a="$(wall_median "${tb_epub_t[@]}")" -v b="$(wall_median "${tb_mp3_t[@]}")" \
    'BEGIN { printf "%+.1f %%", (a / b - 1) * 100 }') over the MP3 run"
echo "  m4b (chaptered) $(wall_median "${tb_m4b_t[@]}") s; ffmpeg -c:a aac -b:a 48k on the" \
  "book's WAV alone: $(wall_median "${tb_aac_t[@]}") s"

# The synthesis cache (issue 15), MP3: a first run without the cache and with an empty one (the
# cost of writing it), what the cache holds then, a rerun with --force of the unchanged text (every
# unit from the cache, every file kept) and one after editing a sentence of chapter 5 (one unit
# synthesized, one file encoded), each against the first run. Alternating.
edited="$work/edited.txt"
sed 's/要加强日常监督。/要切实加强日常监督。/' "$seed" >"$edited"
cmp -s "$seed" "$edited" && { echo "bench: the chapter 5 edit no longer applies to the seed" >&2; exit 1; }
declare -a c_none_t c_cold_t c_same_t c_edit_t
for ((i = 0; i < repeats; i++)); do
  c_none_t+=("$(narrate mp3 --no-cache "${jobs_option[@]}")")
  c_cold_t+=("$(narrate mp3 "${jobs_option[@]}")")
  cache_bytes=$(du -sb "$work/cache" | cut -f1)
  cache_entries=$(find "$work/cache" -name '*.unit' | wc -l)
  c_same_t+=("$(timed "$langdu" narrate -q --force --format mp3 --cache "$work/cache" \
    "${jobs_option[@]}" "$seed" -o "$work/out")")
  cp -r "$work/out" "$work/out-same"
  c_edit_t+=("$(timed "$langdu" narrate -q --force --format mp3 --cache "$work/cache" \
    --summary "$work/summary.json" "${jobs_option[@]}" "$edited" -o "$work/out")")
  changed=$(for f in "$work"/out/*.mp3; do cmp -s "$f" "$work/out-same/$(basename "$f")" || basename "$f"; done)
  rm -rf "$work/out-same"
done
cache_audio_s=$(total_duration "$work/out/manifest.json")
echo
echo "synthesis cache (mp3, the seed: $(printf '%.0f' "$cache_audio_s") s of audio):"
echo "  first run: no cache $(wall "${c_none_t[@]}") s, empty cache" \
  "$(wall "${c_cold_t[@]}") s (runs: $(runs "${c_cold_t[@]}"))"
echo "  cache size: $cache_entries units, $((cache_bytes / 1048576)) MiB;" \
  "$(awk -v b="$cache_bytes" -v s="$cache_audio_s" 'BEGIN { printf "%.0f", b / 1048576 / s * 3600 }') MiB per hour of audio"
echo "  rerun --force, unchanged: $(wall "${c_same_t[@]}") s = $(ratio "$(wall "${c_same_t[@]}")" \
  "$(wall "${c_cold_t[@]}")")× the first run (runs: $(runs "${c_same_t[@]}"))"
echo "  rerun --force, one sentence of chapter 5 edited: $(wall "${c_edit_t[@]}") s =" \
  "$(ratio "$(wall "${c_edit_t[@]}")" "$(wall "${c_cold_t[@]}")")× the first run (goal ≤ 0.35×;" \
  "runs: $(runs "${c_edit_t[@]}"))"
echo "  after the edit: $(grep -o '"units_cached": *[0-9]*' "$work/summary.json" | grep -o '[0-9]*$') of" \
  "$(grep -o '"units": *[0-9]*' "$work/summary.json" | grep -o '[0-9]*$') units from the cache," \
  "$(grep -o '"files_kept": *[0-9]*' "$work/summary.json" | grep -o '[0-9]*$') files kept; audio changed:" \
  "$(echo $changed)"

# Stage throughput without the engine (Google Benchmark).
echo
build/bench/langdu_bench --benchmark_filter='-BM_Encode' --benchmark_min_time=0.2
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
