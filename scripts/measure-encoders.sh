#!/usr/bin/env bash
# Measures what each effort setting of the MP3 and Opus encoders costs and gives: encode CPU time,
# bitrate, and the signal-to-distortion ratio (ffmpeg's asdr) of the decoded file against the
# source and against the slowest setting (MP3 --mp3-speed 0, Opus --opus-complexity 10), which
# leaves out what every setting loses alike (the band above LAME's lowpass). MP3 decoders skip
# LAME's delay and Opus decoders its pre-skip, so the files line up. The source is the
# seed speech as langdu speaks it (WAV, engine rate); each case encodes its first 120 s
# (bench/encoders_bench.cpp). Prints a Markdown table, the one in docs/formats.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=samples/district-party-building-speech.txt
[ -x build/bench/langdu_bench ] && [ -x build/src/cli/langdu ] ||
  scripts/build.sh langdu langdu_bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build/src/cli/langdu narrate -q --single --format wav "$seed" -o "$work/wav" >/dev/null
speech=$(ls "$work"/wav/*.wav)
ffmpeg -v error -i "$speech" -t 120 "$work/source.wav"
ffmpeg -v error -i "$work/source.wav" -af aresample=48000:resampler=soxr "$work/source48.wav"
mkdir "$work/out"
LANGDU_BENCH_SPEECH=$speech LANGDU_BENCH_OUT=$work/out build/bench/langdu_bench \
  --benchmark_filter='BM_Encode(Mp3|Opus)' --benchmark_repetitions="${REPEATS:-3}" \
  --benchmark_report_aggregates_only=true --benchmark_format=csv 2>/dev/null >"$work/bench.csv"

# The SDR of $2 against $1 in dB, to 2 decimals; "identical" when the decoded samples are.
sdr() {
  ffmpeg -nostdin -hide_banner -i "$1" -i "$2" -lavfi '[0:a][1:a]asdr' -f null - 2>&1 |
    sed -n 's/.*SDR ch0: \([-0-9.a-z]*\) dB.*/\1/p' |
    awk '{ if ($1 == "inf") print "identical"; else printf "%.2f", $1 }'
}

echo "| encoder | setting | CPU s per 120 s (median of ${REPEATS:-3}) | kbit/s | SDR to source, dB | SDR to slowest, dB |"
echo "| --- | --- | --- | --- | --- | --- |"
grep '_median"' "$work/bench.csv" | while IFS=, read -r name _ _ cpu _ _ _ _ _ _ kbps _; do
  name=${name//\"/}
  setting=$(echo "$name" | cut -d/ -f2 | cut -d_ -f1)
  case $name in
    BM_EncodeMp3*)
      codec=mp3 option=--mp3-speed file=$work/out/bench-$setting.mp3 ref=$work/source.wav
      best=$work/out/bench-0.mp3 ;;
    *)
      codec=opus option=--opus-complexity file=$work/out/bench-$setting.opus
      ref=$work/source48.wav best=$work/out/bench-10.opus ;;
  esac
  printf '| %s | `%s %s` | %.2f | %.1f | %s | %s |\n' "$codec" "$option" "$setting" \
    "$(awk -v ms="$cpu" 'BEGIN { print ms / 1000 }')" "$kbps" "$(sdr "$ref" "$file")" \
    "$(sdr "$best" "$file")"
done
