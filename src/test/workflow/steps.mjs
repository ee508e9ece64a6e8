// Runs steps of a GitHub Actions workflow on this machine, as the runner would run their `run:` scripts
// (bash -e, the workflow's, job's and step's env), for .ci/run to build exactly what CI deploys.
// Values that are `${{ }}` expressions are taken from NAME=VALUE arguments instead (or left empty).
// Usage: node steps.mjs WORKFLOW.yml JOB STEP_ID... [NAME=VALUE...]
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';

const [file, jobName, ...rest] = process.argv.slice(2);
const stepIds = rest.filter((a) => !a.includes('='));
const given = Object.fromEntries(rest.filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
if (!file || !jobName || stepIds.length === 0) {
  console.error('Usage: node steps.mjs WORKFLOW.yml JOB STEP_ID... [NAME=VALUE...]');
  process.exit(2);
}
const workflow = parse(readFileSync(file, 'utf8'));
const job = workflow.jobs?.[jobName];
if (!job) {
  console.error(`${file}: no job '${jobName}'`);
  process.exit(2);
}

function resolve(env = {}) {
  return Object.fromEntries(Object.entries(env).map(([name, value]) =>
    [name, /\$\{\{/.test(String(value)) ? (given[name] ?? '') : String(value)]));
}

for (const id of stepIds) {
  const step = (job.steps || []).find((s) => s.id === id);
  if (!step || !step.run) {
    console.error(`${file}: job '${jobName}' has no step with id '${id}' and a run: script`);
    process.exit(2);
  }
  const env = { ...process.env, ...resolve(workflow.env), ...resolve(job.env), ...resolve(step.env) };
  for (const [name, value] of Object.entries(given)) if (!(name in env) || env[name] === '') env[name] = value;
  console.log(`${file} → ${jobName} → ${step.name || id}: ${step.run.trim()}`);
  const run = spawnSync('bash', ['-e', '-c', step.run], { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`Step '${step.name || id}' of ${file} failed (exit ${run.status ?? run.signal}).`);
    process.exit(run.status || 1);
  }
}
