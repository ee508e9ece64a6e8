// Runs one command under GNU time and, meanwhile, samples the resident memory of its whole
// process tree from /proc. Appends one JSON line with the measurements to RESULTS_FILE.
// Usage: node measure.js RESULTS_FILE PAGES ENGINE LOG_FILE -- COMMAND [ARGS...]
//
// Why both: GNU time's "Maximum resident set size" is the largest single process, counting
// waited-for children (the kernel keeps the max over reaped descendants), never their sum. Our
// launcher keeps its first JVM waiting while a tuned child JVM builds, and Hugo runs several
// asciidoctor processes at once, so the memory those builds hold at one moment is the sum over
// the tree. Shared library pages count once per process in that sum.
'use strict';
const fs = require('fs');
const { spawn } = require('child_process');

const SAMPLE_MS = 50;

const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
if (dashes !== 4 || argv.length < 6) {
  console.error('usage: node measure.js RESULTS_FILE PAGES ENGINE LOG_FILE -- COMMAND [ARGS...]');
  process.exit(2);
}
const [resultsFile, pages, engine, logFile] = argv;
const command = argv.slice(5);

function read(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return ''; // the process ended between listing and reading
  }
}

// Children of every thread of a process (any thread may be the one that forked).
function childrenOf(pid) {
  let tasks;
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((tid) => read(`/proc/${pid}/task/${tid}/children`).split(' ').filter(Boolean));
}

function residentKb(pid) {
  const match = read(`/proc/${pid}/status`).match(/^VmRSS:\s+(\d+) kB/m);
  return match ? Number(match[1]) : 0;
}

// Sum of resident memory of all descendants of pid (GNU time itself is left out).
function treeKb(pid) {
  let total = 0;
  const pending = childrenOf(pid);
  while (pending.length) {
    const next = pending.pop();
    total += residentKb(next);
    pending.push(...childrenOf(next));
  }
  return total;
}

const log = fs.openSync(logFile, 'w');
const timeFile = `${logFile}.time`;
const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, ...command], { stdio: ['ignore', log, log] });
let peakTreeKb = 0;
const sampler = setInterval(() => {
  peakTreeKb = Math.max(peakTreeKb, treeKb(child.pid));
}, SAMPLE_MS);

child.on('exit', (code) => {
  clearInterval(sampler);
  const report = read(timeFile);
  const field = (label) => {
    const line = report.split('\n').find((l) => l.trim().startsWith(label));
    return line ? line.slice(line.lastIndexOf(': ') + 2).trim() : '';
  };
  // "h:mm:ss" or "m:ss.ss"
  const wall = field('Elapsed (wall clock) time').split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  const maxProcessKb = Number(field('Maximum resident set size (kbytes)'));
  // User and system time of the command and every descendant it waited for (all of them here).
  const cpu = Number(field('User time (seconds)')) + Number(field('System time (seconds)'));
  if (code !== 0 || !report) {
    console.error(`${engine} on ${pages} pages failed (exit ${code}); its output is in ${logFile}:`);
    console.error(read(logFile).split('\n').slice(-20).join('\n'));
    process.exit(1);
  }
  const result = {
    pages: Number(pages),
    engine,
    wallSeconds: wall,
    cpuSeconds: Math.round(cpu * 100) / 100,
    // A sample can miss a short spike; the tree never holds less than its largest process did.
    peakMb: Math.round(Math.max(peakTreeKb, maxProcessKb) / 1024),
    maxProcessMb: Math.round(maxProcessKb / 1024),
  };
  fs.appendFileSync(resultsFile, JSON.stringify(result) + '\n');
  console.log(`  ${engine}: ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, peak ${result.peakMb} MB over the process tree `
    + `(largest single process ${result.maxProcessMb} MB)`);
});
