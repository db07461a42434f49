// Verify credentials with didkit (Spruce `ssi`), offline, one verdict line per credential:
//   OK <id>                       FAIL <id>: <reason>
//   OK <id> (nested in <parent>)  for credentials inside a CLR or an `endorsement` array
// A file holds one credential or a JSON array of them (an endorser's file). Contexts come
// only from lerkit's bundled copies (the published files); nothing is fetched.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

globalThis.fetch = async (url) => { throw new Error(`network disabled: ${url}`); };

const [cache, ...files] = process.argv.slice(2);
const glue = await import(path.join(cache, 'didkit_wasm.js'));
glue.initSync({ module: fs.readFileSync(path.join(cache, 'didkit_wasm_bg.wasm')) });

const here = path.dirname(fileURLToPath(import.meta.url));
const folder = path.resolve(here, '../../../src/lerkit/core/credentials/contexts');
const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
const contexts = {};
for (const [url, entry] of Object.entries(manifest.contexts)) {
  contexts[url] = fs.readFileSync(path.join(folder, entry.file), 'utf8');
}
const contextMap = JSON.stringify(contexts);
const options = JSON.stringify({ proofPurpose: 'assertionMethod' });

function nested(credential) {
  // CLR 2.0 credentialSubject.verifiableCredential[], and OB 3.0 endorsement[] anywhere
  const found = [];
  const subject = credential.credentialSubject;
  if (subject && Array.isArray(subject.verifiableCredential)) {
    found.push(...subject.verifiableCredential);
  }
  const stack = [credential];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) { stack.push(...node); continue; }
    if (!node || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'endorsement' && Array.isArray(value)) found.push(...value);
      else if (key !== 'verifiableCredential' && key !== 'proof') stack.push(value);
    }
  }
  return found.filter((item) => item && typeof item === 'object');
}

let failed = false;
async function check(credential, label, parent) {
  const id = typeof credential.id === 'string' ? credential.id : label;
  const note = parent ? ` (nested in ${parent})` : '';
  let errors;
  try {
    const result = await glue.verifyCredential(JSON.stringify(credential), options, contextMap);
    const report = typeof result === 'string' ? JSON.parse(result) : result;
    errors = report.errors.length ? report.errors
      : (report.checks.includes('proof') ? [] : ['no proof was checked']);
  } catch (error) {
    errors = [String(error && error.message ? error.message : error)];
  }
  if (errors.length) {
    failed = true;
    console.log(`FAIL ${id}${note}: ${errors.join('; ')}`);
  } else {
    console.log(`OK ${id}${note}`);
  }
  for (const [index, inner] of nested(credential).entries()) {
    await check(inner, `${id}#${index}`, id);
  }
}

for (const file of files) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    failed = true;
    console.log(`FAIL ${file}: cannot read JSON (${error.message})`);
    continue;
  }
  const items = Array.isArray(doc) ? doc : [doc];
  for (const [index, item] of items.entries()) {
    await check(item, Array.isArray(doc) ? `${file}[${index}]` : file, null);
  }
}
process.exit(failed ? 1 : 0);
