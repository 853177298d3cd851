// Validates rendered Kubernetes manifests (multi-document YAML files, as `kubectl kustomize` prints them) against
// the Kubernetes API schemas (npm kubernetes-models, generated from Kubernetes' published OpenAPI definitions) and
// KEDA's CRD schemas (npm @kubernetes-models/keda, generated from KEDA's published CRDs), in two passes:
// 1. the packages' schema validators: types, required fields, enums and formats;
// 2. strict fields: every document is type-checked by the TypeScript compiler against the packages' generated
//    interfaces, whose excess-property check rejects a field the schema does not define (a misspelt or misplaced
//    key, which the schemas alone let through), like kubeconform's -strict.
// Every document must be of a kind known here: one the checker has no schema for fails instead of passing unchecked.
// Usage: node validate.mjs FILE...   Exit status 1 on any invalid or unknown document.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));

/** The module holding the model and interface of an apiVersion/kind, or null when no schema covers it. */
function modelModule(apiVersion, kind) {
  if (!/^([a-z0-9.]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return null;
  }
  return apiVersion.startsWith("keda.sh/")
    ? `@kubernetes-models/keda/${apiVersion}/${kind}`
    : `kubernetes-models/${apiVersion}/${kind}`;
}

async function schemaErrors(doc, module) {
  let model;
  try {
    model = (await import(module))[doc.kind];
  } catch {
    model = null;
  }
  if (!model) {
    return [`no schema for ${doc.apiVersion} ${doc.kind}`];
  }
  try {
    new model(doc).validate();
    return [];
  } catch (e) {
    return [e.message];
  }
}

/** Type-checks each document against its generated interface; returns the errors by document index. */
function strictFieldErrors(docs) {
  const file = join(here, "manifests.generated.ts");
  const lines = docs.map(({ doc, module }, i) =>
    `import type { I${doc.kind} as T${i} } from "${module}"; export const d${i}: T${i} = ${JSON.stringify(doc)};`);
  const source = lines.join("\n") + "\n";
  const options = {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => name === file
    ? ts.createSourceFile(name, source, version)
    : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const byDoc = new Map();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const line = d.file?.fileName === file ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
    const key = line >= 0 ? line : "all";
    byDoc.set(key, [...(byDoc.get(key) ?? []), message]);
  }
  return byDoc;
}

const docs = [];
let failures = 0;
for (const file of process.argv.slice(2)) {
  for (const parsed of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (parsed.errors.length > 0) {
      failures++;
      console.log(`${file}: YAML error: ${parsed.errors[0].message}`);
      continue;
    }
    const doc = parsed.toJS();
    if (doc !== null) {
      docs.push({ file, doc });
    }
  }
}

const known = [];
const results = [];
for (const entry of docs) {
  const { doc } = entry;
  const module = typeof doc.apiVersion === "string" && typeof doc.kind === "string"
    ? modelModule(doc.apiVersion, doc.kind) : null;
  const errors = module ? await schemaErrors(doc, module) : ["no apiVersion or kind, or one of no known form"];
  results.push({ ...entry, errors });
  if (errors.length === 0) {
    known.push({ doc, module, result: results.at(-1) });
  }
}
const strict = strictFieldErrors(known);
known.forEach(({ result }, i) => result.errors.push(...(strict.get(i) ?? [])));
if (strict.has("all")) {
  failures++;
  console.log(`type check: ${strict.get("all").join("; ")}`);
}

for (const { file, doc, errors } of results) {
  const name = `${doc.kind ?? "?"}/${doc.metadata?.name ?? "?"}`;
  if (errors.length > 0) {
    failures++;
    console.log(`${file}: ${name}: INVALID: ${errors.join("; ")}`);
  } else {
    console.log(`${file}: ${name}: valid`);
  }
}
console.log(`k8s manifests: ${results.length} checked, ${failures} invalid`);
process.exit(failures > 0 || results.length === 0 ? 1 : 0);
