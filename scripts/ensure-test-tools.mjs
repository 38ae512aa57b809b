#!/usr/bin/env node
// The tests need two Debian programs: Chromium (browser tests; playwright cannot download its own
// browser here) and pandoc (an independent check of citation formatting). Installs what is missing
// when we are root with apt-get; otherwise says exactly what to run.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const missing = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(existsSync('/usr/bin/pandoc') ? [] : ['pandoc']),
];
if (missing.length === 0) process.exit(0);

if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
  console.error(`The tests need ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed.\n` +
    `  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
    '  Elsewhere: install them; set CHROMIUM_PATH if Chromium is not at /usr/bin/chromium.');
  process.exit(1);
}
console.log(`Installing ${missing.join(' and ')} for the tests (apt-get)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
