#!/usr/bin/env bash
# Installs the Debian 12 packages langdu needs to build, test and run; does nothing when they are
# all present. Needs root (or sudo) only when something is missing. Optional groups:
#   scripts/install-deps.sh fuzz   also what scripts/fuzz.sh needs
#   scripts/install-deps.sh deb    also what scripts/test-deb.sh needs
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libespeak-ng-dev espeak-ng-data   # the speech engine (library API) and its voices
  espeak-ng                         # its command line: the round-trip test and the bench baseline
  libsndfile1-dev                   # WAV, FLAC and Ogg Vorbis encoding
  libmp3lame-dev                    # MP3 through LAME directly: algorithm quality (--mp3-speed),
                                    # which libsndfile never sets, and the Xing/LAME info frame
  libopusenc-dev                    # Ogg Opus: --opus-complexity (libsndfile fixes it at 10), tags,
                                    # chapters and cover art written with the headers
  libsoxr-dev                       # resampling (--sample-rate, Opus at 24 kHz), never relabelling
  libtag1-dev                       # tags libsndfile cannot write: UTF-8 ID3v2, Vorbis comments,
                                    # cover art, chapter marks (ID3v2 CHAP/CTOC, CHAPTERnnn, WAV cues)
  libicu-dev                        # charset detection, normalization, breaks, number spell-out
  libcli11-dev                      # command line
  nlohmann-json3-dev                # manifest and voice files
  libssl-dev                        # SHA-256 of inputs in the manifest (libcrypto)
  libcmark-dev                      # Markdown input: the CommonMark reference parser, not regexes
  libxml2-dev                       # HTML/XHTML input (its HTML parser) and EPUB's XML files
  libzip-dev                        # EPUB: reading the zip container (input), and writing it
                                    # with a stored mimetype first (--format epub)
  libgtest-dev libbenchmark-dev     # tests and benchmarks
  ffmpeg                            # ffprobe, to read outputs back in tests
  time                              # GNU time: peak memory in scripts/bench.sh
  libavformat-dev libavcodec-dev    # M4B (--format m4b): native AAC, the ipod muxer, chapter
  libavutil-dev                     # track and Nero chpl, faststart
  epubcheck default-jre-headless    # validates the EPUB in the tests (java -jar epubcheck.jar)
  chromium                          # drives the read-along page (index.html) in the tests
  fonts-wqy-zenhei                  # a Chinese font for the page's screenshot (scripts/screenshot.sh)
  libasound2-dev                    # langdu play: sound output through ALSA
  libsonic-dev                      # langdu play: time-stretch of recorded audio, pitch kept
  tmux                              # the play tests drive the real binary in a terminal
  slurmctld slurmd slurm-client     # scripts/scale/slurm-local-test.sh: the Slurm array recipe on
  munge                             # a real single-node Slurm (test SlurmArraySlow)
)

for group in "$@"; do
  case $group in
    # clang 14 with its runtimes: libFuzzer (libclang_rt.fuzzer), ASan and UBSan for fuzz/
    fuzz) packages+=(clang-14 libclang-rt-14-dev) ;;
    # cpack -G DEB: dpkg-shlibdeps (dpkg-dev) computes Depends from the linked libraries; file
    # tells it which installed files are ELF binaries
    deb) packages+=(dpkg-dev file) ;;
    *) echo "install-deps.sh: unknown group \"$group\" (fuzz, deb)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "langdu: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
