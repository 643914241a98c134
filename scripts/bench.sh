#!/usr/bin/env bash
# Times langdu narrating the seed speech into chaptered MP3 (and EPUB, Opus, FLAC, WAV, M4B)
# against the by-hand baseline of the issue, in one run on this machine (then `langdu play`'s
# time to first sound, and the stages without the engine):
#   espeak-ng -v cmn-latn-pinyin -f seed -w x.wav && ffmpeg -i x.wav -c:a libmp3lame -q:a 4 x.mp3
# Runs alternate (baseline, langdu, baseline, ...) so that load from other work hits both alike;
# the median of the repeats is compared. REPEATS (default 5) sets the MP3 and baseline repeats,
# OTHER_REPEATS (default 3) those of the other formats, JOBS the -j given to langdu (default: its
# own, one per core). Builds build/ first if the binary is missing. Prints the load average, since
# on a shared machine it explains most of the spread.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${REPEATS:-5}
other_repeats=${OTHER_REPEATS:-3}
seed=samples/district-party-building-speech.txt
langdu=build/src/cli/langdu
[ -x "$langdu" ] || scripts/build.sh langdu
jobs_option=()
[ -n "${JOBS:-}" ] && jobs_option=(-j "$JOBS")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }

# Runs "$@" once and prints its wall time in seconds.
timed() {
  local start end
  start=$(now)
  "$@" >/dev/null 2>&1
  end=$(now)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); printf "%.3f", (NR % 2) ? v[m] : (v[m] + v[m + 1]) / 2 }'; }

baseline() {
  espeak-ng -v cmn-latn-pinyin -f "$seed" -w "$work/x.wav" &&
    ffmpeg -loglevel error -y -i "$work/x.wav" -c:a libmp3lame -q:a 4 "$work/x.mp3"
}

narrate() {
  rm -rf "$work/out"
  "$langdu" narrate -q --format "$1" "${jobs_option[@]}" "$seed" -o "$work/out"
}

echo "cores: $(nproc); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
baseline_times=()
mp3_times=()
epub_times=()
for ((i = 0; i < repeats; i++)); do
  baseline_times+=("$(timed baseline)")
  mp3_times+=("$(timed narrate mp3)")
  epub_times+=("$(timed narrate epub)")
done
baseline_median=$(printf '%s\n' "${baseline_times[@]}" | median)
printf '%-34s %s s   (runs: %s)\n' "baseline espeak-ng + ffmpeg mp3" "$baseline_median" \
  "${baseline_times[*]}"
report() {
  local name=$1 median_s
  shift
  median_s=$(printf '%s\n' "$@" | median)
  printf '%-34s %s s   ratio to baseline %.2f   (runs: %s)\n' "langdu $name, chaptered" "$median_s" \
    "$(awk -v a="$median_s" -v b="$baseline_median" 'BEGIN { print a / b }')" "$*"
}
report mp3 "${mp3_times[@]}"
report epub "${epub_times[@]}"
mp3_median=$(printf '%s\n' "${mp3_times[@]}" | median)
epub_median=$(printf '%s\n' "${epub_times[@]}" | median)
printf '%-34s %+.1f %%   (the same MP3 run, plus the EPUB; runs alternate)\n' "EPUB over MP3" \
  "$(awk -v a="$epub_median" -v b="$mp3_median" 'BEGIN { print (a / b - 1) * 100 }')"
for format in opus flac wav; do
  times=()
  for ((i = 0; i < other_repeats; i++)); do times+=("$(timed narrate "$format")"); done
  report "$format" "${times[@]}"
done

# M4B: langdu's run (one file with chapters) and the same run to WAV, against FFmpeg's native
# AAC encoder (the one langdu uses through libavcodec) on that WAV, alternating.
"$langdu" narrate -q --format wav --single "${jobs_option[@]}" "$seed" -o "$work/wav" >/dev/null
book_wav=$(ls "$work"/wav/*.wav)
ffmpeg_aac() { ffmpeg -loglevel error -y -i "$book_wav" -c:a aac -b:a 48k "$work/ffmpeg.m4a"; }
m4b_times=()
wav_single_times=()
aac_times=()
for ((i = 0; i < other_repeats; i++)); do
  m4b_times+=("$(timed narrate m4b)")
  wav_single_times+=("$(timed "$langdu" narrate -q --force --format wav --single "${jobs_option[@]}" \
    "$seed" -o "$work/wav")")
  aac_times+=("$(timed ffmpeg_aac)")
done
m4b_median=$(printf '%s\n' "${m4b_times[@]}" | median)
wav_single_median=$(printf '%s\n' "${wav_single_times[@]}" | median)
aac_median=$(printf '%s\n' "${aac_times[@]}" | median)
printf '%-34s %s s   (runs: %s)\n' "langdu m4b, one file" "$m4b_median" "${m4b_times[*]}"
printf '%-34s %s s   (runs: %s)\n' "langdu wav --single" "$wav_single_median" \
  "${wav_single_times[*]}"
printf '%-34s %s s   (runs: %s)\n' "ffmpeg -c:a aac -b:a 48k on that WAV" "$aac_median" "${aac_times[*]}"
printf '%-34s %.3f s   (m4b run - wav run; ffmpeg alone: %s s)\n' "langdu's M4B encoding" \
  "$(awk -v a="$m4b_median" -v b="$wav_single_median" 'BEGIN { print a - b }')" "$aac_median"
# Time to first sound of `langdu play` on a text: from the start of the process to its first
# line, which it prints as the first sentence's samples go to the device (here --device null).
# The process is then told to quit.
first_sound() {
  local start
  start=$(now)
  (sleep 1; echo q) | XDG_STATE_HOME="$work/state" "$langdu" play --device null --restart "$1" \
    2>/dev/null | { head -n1 >/dev/null; now >"$work/first"; cat >/dev/null; }
  awk -v a="$start" -v b="$(cat "$work/first")" 'BEGIN { printf "%.3f", b - a }'
}
for text in "$seed" samples/three-chapters.txt; do
  times=()
  for ((i = 0; i < repeats; i++)); do times+=("$(first_sound "$text")"); done
  printf '%-34s %s s   (runs: %s)\n' "play: first sound, $(basename "$text" .txt)" \
    "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
done

# Stage throughput without the engine (Google Benchmark).
[ -x build/bench/langdu_bench ] || scripts/build.sh langdu_bench >/dev/null
build/bench/langdu_bench --benchmark_min_time=0.2
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
