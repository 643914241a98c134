#include "publish/player/read_along_page.h"

#include <string_view>

#include "publish/markup.h"

namespace langdu::publish::player {
namespace {

// The page's style: readable text, a highlight with strong contrast in light and dark schemes,
// and a focus ring on everything that takes focus.
constexpr std::string_view kStyle = R"css(
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdf8; --accent: #0b5394;
  --mark-fg: #000; --mark-bg: #ffe066; --muted: #555; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #ececec; --bg: #161616; --accent: #8ab4f8; --mark-fg: #000; --mark-bg: #ffd43b;
    --muted: #bbb; }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); font: 1.15rem/1.9 system-ui, sans-serif; }
header, nav, main, .player { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header h1 { font-size: 1.6rem; margin: 1.2rem 0 0.2rem; }
header p { margin: 0; color: var(--muted); }
nav ol { padding-left: 1.6rem; margin: 0.6rem 0; }
nav a { color: var(--accent); }
nav a[aria-current] { font-weight: bold; }
.player { position: sticky; top: 0; z-index: 1; background: var(--bg);
  border-bottom: 1px solid var(--muted); padding-top: 0.5rem; padding-bottom: 0.5rem; }
.controls { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.controls button { font: inherit; font-size: 1rem; padding: 0.3rem 0.7rem; border-radius: 0.3rem;
  border: 1px solid var(--accent); color: var(--fg); background: transparent; cursor: pointer; }
.controls output { font-variant-numeric: tabular-nums; margin-left: 0.3rem; }
.now { margin: 0.3rem 0 0; color: var(--muted); font-size: 1rem; }
.keys { margin: 0.2rem 0 0; color: var(--muted); font-size: 0.85rem; }
main h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; }
main p { margin: 0 0 1rem; }
.s { cursor: pointer; border-radius: 0.2rem; }
.s:hover { text-decoration: underline; }
.s[aria-current] { color: var(--mark-fg); background: var(--mark-bg); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
html { scroll-padding-top: 9rem; }
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
)css";

// The page's behaviour. Every time is read from data-begin/data-end; the audio element plays one
// chapter file at a time (with --single, one file for all).
constexpr std::string_view kScript = R"js(
(() => {
  'use strict';
  const audio = document.getElementById('audio');
  const playButton = document.getElementById('play');
  const status = document.getElementById('status');
  const timeOut = document.getElementById('time');
  const rateOut = document.getElementById('rate');
  const links = [...document.querySelectorAll('nav a')];
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const chapters = [...document.querySelectorAll('main section[data-file]')].map((section) => ({
    section,
    file: section.dataset.file,
    title: section.dataset.title,
    start: Number(section.dataset.begin),
    first: -1,
    last: -1,
  }));
  const sentences = [];
  chapters.forEach((chapter, index) => {
    chapter.first = sentences.length;
    for (const el of chapter.section.querySelectorAll('[data-begin]')) {
      sentences.push({ el, chapter: index, begin: Number(el.dataset.begin),
        end: Number(el.dataset.end) });
    }
    chapter.last = sentences.length - 1;
  });
  const storageKey = 'langdu:' + document.body.dataset.book;
  let chapter = -1;
  let current = -1;
  let lastSaved = 0;

  const pad = (n) => String(Math.floor(n)).padStart(2, '0');
  const clock = (s) => (s >= 3600 ? pad(s / 3600) + ':' : '') + pad((s % 3600) / 60) + ':' + pad(s % 60);

  function say(text) {
    status.textContent = text;
  }

  function setChapter(index) {
    if (index === chapter) return;
    chapter = index;
    const c = chapters[index];
    if (audio.getAttribute('src') !== c.file) audio.setAttribute('src', c.file);
    links.forEach((a, i) => (i === index ? a.setAttribute('aria-current', 'location')
      : a.removeAttribute('aria-current')));
    say(c.title);
  }

  function highlight(index) {
    if (index === current) return;
    if (current >= 0) {
      sentences[current].el.removeAttribute('aria-current');
      sentences[current].el.removeAttribute('tabindex');
    }
    current = index;
    if (index < 0) return;
    const el = sentences[index].el;
    el.setAttribute('aria-current', 'true');
    el.setAttribute('tabindex', '-1');
    const box = el.getBoundingClientRect();
    const player = document.querySelector('.player').getBoundingClientRect();
    if (box.top < player.bottom || box.bottom > window.innerHeight) {
      el.scrollIntoView({ block: 'center', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
    }
  }

  // The sentence heard at `time` in the file of chapter `index`: the last one begun by then.
  function sentenceAt(index, time) {
    const file = chapters[index].file;
    let found = -1;
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      if (chapters[s.chapter].file !== file) continue;
      if (s.begin <= time + 0.0005) found = i;
      else if (found >= 0) break;
    }
    return found;
  }

  function follow() {
    if (chapter < 0) return;
    const t = audio.currentTime;
    const index = sentenceAt(chapter, t);
    if (index >= 0 && sentences[index].chapter !== chapter) setChapter(sentences[index].chapter);
    highlight(index);
    timeOut.value = clock(t) + ' / ' + clock(Number.isFinite(audio.duration) ? audio.duration : 0);
  }

  function seek(chapterIndex, time) {
    setChapter(chapterIndex);
    audio.currentTime = time;
    highlight(sentenceAt(chapterIndex, time));
    timeOut.value = clock(time) + ' / ' + clock(Number.isFinite(audio.duration) ? audio.duration : 0);
    save(true);
  }

  function seekSentence(index) {
    const s = sentences[Math.max(0, Math.min(sentences.length - 1, index))];
    seek(s.chapter, s.begin);
  }

  function seekChapter(index) {
    if (index < 0 || index >= chapters.length) return;
    seek(index, chapters[index].first >= 0 ? sentences[chapters[index].first].begin
      : chapters[index].start);
  }

  function play() {
    const p = audio.play();
    if (p) p.catch(() => {});
  }

  function toggle() {
    if (audio.paused) play();
    else audio.pause();
  }

  function setRate(rate) {
    audio.playbackRate = Math.round(Math.max(0.5, Math.min(3, rate)) * 100) / 100;
    rateOut.value = audio.playbackRate + '×';
  }

  function save(now) {
    if (chapter < 0 || (!now && Date.now() - lastSaved < 1000)) return;
    lastSaved = Date.now();
    try {
      localStorage.setItem(storageKey, JSON.stringify({ chapter, time: audio.currentTime,
        rate: audio.playbackRate }));
    } catch (e) { /* storage may be off: the page works without it */ }
  }

  // A link to a sentence (#c3-s17) or a chapter (#c3) starts there; else the last position.
  function restore() {
    const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.dataset.begin !== undefined && target.classList.contains('s')) {
      seekSentence(sentences.findIndex((s) => s.el === target));
      return;
    }
    const section = chapters.findIndex((c) => c.section === target);
    if (section >= 0) {
      seekChapter(section);
      return;
    }
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) || 'null');
      if (saved && saved.chapter >= 0 && saved.chapter < chapters.length) {
        setRate(Number(saved.rate) || 1);
        seek(saved.chapter, Number(saved.time) || 0);
        return;
      }
    } catch (e) { /* nothing saved */ }
    seekChapter(0);
  }

  audio.addEventListener('timeupdate', () => { follow(); save(false); });
  audio.addEventListener('seeked', follow);
  audio.addEventListener('play', () => { playButton.textContent = '暂停'; });
  audio.addEventListener('pause', () => { playButton.textContent = '播放'; save(true); });
  audio.addEventListener('ended', () => {
    const next = chapters.findIndex((c, i) => i > chapter && c.file !== chapters[chapter].file);
    if (next >= 0) { seekChapter(next); play(); }
  });
  window.addEventListener('pagehide', () => save(true));

  playButton.addEventListener('click', toggle);
  document.getElementById('prev-sentence').addEventListener('click', () => seekSentence(current - 1));
  document.getElementById('next-sentence').addEventListener('click', () => seekSentence(current + 1));
  document.getElementById('prev-chapter').addEventListener('click', () => seekChapter(chapter - 1));
  document.getElementById('next-chapter').addEventListener('click', () => seekChapter(chapter + 1));
  document.getElementById('slower').addEventListener('click', () => setRate(audio.playbackRate - 0.25));
  document.getElementById('faster').addEventListener('click', () => setRate(audio.playbackRate + 0.25));

  links.forEach((a, i) => a.addEventListener('click', (event) => {
    event.preventDefault();
    seekChapter(i);
    chapters[i].section.querySelector('h2').focus();
  }));
  document.querySelector('main').addEventListener('click', (event) => {
    const el = event.target.closest('[data-begin]');
    if (!el) return;
    const index = sentences.findIndex((s) => s.el === el);
    seekSentence(index);
    play();
  });

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const onControl = event.target.closest && event.target.closest('button, a, input, select, textarea');
    if (onControl && (event.key === ' ' || event.key === 'Enter')) return;
    const actions = {
      ' ': toggle,
      ArrowLeft: () => seekSentence(current - 1),
      ArrowRight: () => seekSentence(current + 1),
      '[': () => seekChapter(chapter - 1),
      ']': () => seekChapter(chapter + 1),
      '+': () => setRate(audio.playbackRate + 0.25),
      '=': () => setRate(audio.playbackRate + 0.25),
      '-': () => setRate(audio.playbackRate - 0.25),
      '−': () => setRate(audio.playbackRate - 0.25),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  setRate(1);
  restore();
})();
)js";

std::string Nav(const TalkingBook& book) {
  std::string nav = "<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">目录</h2>\n<ol>\n";
  for (const BookChapter& chapter : book.chapters) {
    nav += "<li><a href=\"#c" + std::to_string(chapter.number) + "\">" +
           EscapeMarkup(chapter.title) + "</a></li>\n";
  }
  return nav + "</ol>\n</nav>\n";
}

std::string SentenceSpan(int chapter, int number, const BookSentence& sentence) {
  return "<span class=\"s\" id=\"" + SentenceId(chapter, number) + "\" data-begin=\"" +
         SecondsText(sentence.start_s) + "\" data-end=\"" + SecondsText(sentence.end_s) + "\">" +
         EscapeMarkup(sentence.text) + "</span>";
}

// A chapter as a section: its heading (the spoken heading sentence when there is one), then its
// paragraphs, every sentence numbered through the chapter.
std::string Chapter(const BookChapter& chapter) {
  const std::string id = "c" + std::to_string(chapter.number);
  const bool spoken_heading = HeadingIsFirstSentence(chapter);
  std::string html =
      "<section id=\"" + id + "\" aria-labelledby=\"" + id + "-h\" data-file=\"" +
      EscapeMarkup(UrlPath(chapter.file)) + "\" data-begin=\"" + SecondsText(chapter.start_s) +
      "\" data-end=\"" + SecondsText(chapter.end_s) + "\" data-title=\"" +
      EscapeMarkup(chapter.title) + "\">\n<h2 id=\"" + id + "-h\" tabindex=\"-1\">" +
      (spoken_heading ? SentenceSpan(chapter.number, 1, chapter.paragraphs[0].sentences[0])
                      : EscapeMarkup(chapter.title)) +
      "</h2>\n";
  int number = spoken_heading ? 1 : 0;
  for (const BookParagraph& paragraph : chapter.paragraphs) {
    std::string sentences;
    for (const BookSentence& sentence : paragraph.sentences) {
      if (&paragraph == &chapter.paragraphs[0] && &sentence == &paragraph.sentences[0] &&
          spoken_heading) {
        continue;
      }
      sentences += SentenceSpan(chapter.number, ++number, sentence);
    }
    if (!sentences.empty()) html += "<p>" + sentences + "</p>\n";
  }
  return html + "</section>\n";
}

// The player bar: labelled buttons with their keys, the playing chapter in a live region.
constexpr std::string_view kPlayer = R"html(<section class="player" aria-label="播放器">
<audio id="audio" preload="metadata"></audio>
<div class="controls">
<button type="button" id="prev-chapter" aria-keyshortcuts="[">上一章</button>
<button type="button" id="prev-sentence" aria-keyshortcuts="ArrowLeft">上一句</button>
<button type="button" id="play" aria-keyshortcuts="Space">播放</button>
<button type="button" id="next-sentence" aria-keyshortcuts="ArrowRight">下一句</button>
<button type="button" id="next-chapter" aria-keyshortcuts="]">下一章</button>
<button type="button" id="slower" aria-keyshortcuts="-">减速</button>
<button type="button" id="faster" aria-keyshortcuts="+">加速</button>
<output id="rate" aria-label="语速">1×</output>
<output id="time" aria-label="时间">00:00 / 00:00</output>
</div>
<p class="now">正在播放：<span id="status" role="status" aria-live="polite"></span></p>
<p class="keys">按键：空格 播放/暂停 · ←/→ 上一句/下一句 · [/] 上一章/下一章 · +/− 语速 · 点击句子跳转</p>
</section>
)html";

}  // namespace

std::string ReadAlongPage(const TalkingBook& book) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + EscapeMarkup(book.language) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"langdu\">\n<title>" +
                     EscapeMarkup(book.title) + "</title>\n<style>" + std::string(kStyle) +
                     "</style>\n</head>\n<body data-book=\"" + EscapeMarkup(book.sha256) +
                     "\">\n<header>\n<h1>" + EscapeMarkup(book.title) + "</h1>\n<p>" +
                     EscapeMarkup(book.author) + "</p>\n</header>\n" + Nav(book) +
                     std::string(kPlayer) + "<main>\n";
  for (const BookChapter& chapter : book.chapters) html += Chapter(chapter);
  return html + "</main>\n<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
}

}  // namespace langdu::publish::player
