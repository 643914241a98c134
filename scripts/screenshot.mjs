// Takes a PNG of a page with headless Chromium through the DevTools protocol over a pipe
// (no package needed): node scripts/screenshot.mjs URL OUT.png [width height]. The page's own
// scrolling is honoured, which chromium --screenshot gets wrong on a scrolled page.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, out, width = '900', height = '900'] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'langdu-shot-'));
const exited = () => new Promise((resolve) => browser.once('exit', resolve));
const browser = spawn('/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars',
  '--mute-audio', '--force-prefers-reduced-motion', '--remote-debugging-pipe',
  `--user-data-dir=${profile}`, `--window-size=${width},${height}`, 'about:blank',
], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const [toBrowser, fromBrowser] = [browser.stdio[3], browser.stdio[4]];
let buffer = '';
let nextId = 0;
const waiting = new Map();
fromBrowser.on('data', (chunk) => {
  buffer += chunk.toString();
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (waiting.has(message.id)) waiting.get(message.id)(message);
  }
});
const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
  const id = ++nextId;
  waiting.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result)));
  toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

try {
  const { targetInfos } = await send('Target.getTargets');
  const page = targetInfos.find((t) => t.type === 'page');
  const { sessionId } = await send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
  await send('Page.navigate', { url }, sessionId);
  await sleep(3000);
  const { data } = await send('Page.captureScreenshot', { format: 'png' }, sessionId);
  writeFileSync(out, Buffer.from(data, 'base64'));
  const exit = exited();
  await send('Browser.close').catch(() => {});
  await exit;
} finally {
  if (browser.exitCode === null) browser.kill();
  rmSync(profile, { recursive: true, force: true });
}
