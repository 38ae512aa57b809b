#!/usr/bin/env node
// The browser tests drive Debian's Chromium (playwright cannot download its own browser here).
// Installs it when missing and we are root with apt-get; otherwise says exactly what to run.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`Chromium is not installed at ${chromium}; the browser tests need it.\n` +
    '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
    '  Elsewhere: install Chromium and set CHROMIUM_PATH to its executable.');
  process.exit(1);
}
console.log('Installing Debian\'s chromium for the browser tests (apt-get)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
