// Validates a GitHub Actions workflow file against SchemaStore's workflow schema (@action-validator/core,
// pinned in this folder's lockfile) and prints the result as JSON: {"errors": ["path: message", ...],
// "workflow": <the parsed file>}. Usage: node validate.mjs WORKFLOW.yml
import { readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';

const file = process.argv[2];
if (!file) {
  console.error('Usage: node validate.mjs WORKFLOW.yml');
  process.exit(2);
}
const source = readFileSync(file, 'utf8');

/** Each failed condition, innermost first, as "path: detail" (the validator nests oneOf branches). */
function messages(errors) {
  return errors.flatMap((e) => {
    const nested = (e.states || []).flatMap((s) => messages(s.errors));
    const where = e.path ?? (e.location ? `line ${e.location.line}, column ${e.location.column}` : '');
    return nested.length ? nested : [`${where}: ${e.detail || e.title}`];
  });
}

const result = validateWorkflow(source);
const errors = [...new Set(messages(result.errors))];
let workflow = null;
try {
  workflow = parse(source);
} catch (e) {
  errors.push(`YAML: ${e.message}`);
}
process.stdout.write(JSON.stringify({ errors, workflow }) + '\n');
