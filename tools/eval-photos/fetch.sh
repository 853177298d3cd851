#!/usr/bin/env bash
# Fetches the evaluation photos listed in photos.tsv, fresh-photos.tsv, fresh2-photos.tsv and fresh3-photos.tsv (unlabelled photos for a last, one-time
# check of the embedding shaping, issue 10; never used to fit or choose anything) from the packages that ship them (Debian packages with
# `apt-get download`, npm packages with `npm pack`), verifies every file's sha1 and puts it at
# $CACHE/photos/<id>.<ext>. Nothing is written into the repository; no root needed (apt-get download and
# dpkg-deb -x run as any user, after an `apt-get update` by root once).
#
# Idempotent: photos already in place with the right sha1 are kept; a package is downloaded only while one of
# its photos is missing. Exits non-zero, naming each photo, when a sha1 does not match.
#
# Ids and sha1s are distinct across all manifests.
#
# Usage: tools/eval-photos/fetch.sh [CACHE]   (default: $GALLERY_VISION_EVAL_CACHE or ~/.cache/gallery-vision/eval-photos)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
manifests=("$here/photos.tsv" "$here/fresh-photos.tsv" "$here/fresh2-photos.tsv" "$here/fresh3-photos.tsv")
cache="${1:-${GALLERY_VISION_EVAL_CACHE:-$HOME/.cache/gallery-vision/eval-photos}}"
packages="$cache/packages"
photos="$cache/photos"
mkdir -p "$packages" "$photos"

sha1_of() { sha1sum "$1" | cut -d' ' -f1; }
extension_of() { local name="${1##*/}"; echo "${name##*.}" | tr '[:upper:]' '[:lower:]'; }

# Debian: the archive name apt-get download gives (epochs are written as %3a).
deb_archive() {
  local package="$1" version="$2"
  ls "$packages/${package}_${version/:/%3a}_"*.deb 2>/dev/null | head -n 1
}

download_deb() {
  local package="$1" version="$2"
  local archive
  archive="$(deb_archive "$package" "$version")"
  if [[ -z "$archive" ]]; then
    echo "fetch: apt-get download $package=$version" >&2
    (cd "$packages" && apt-get download -q "$package=$version" >/dev/null) || {
      echo "fetch: cannot download $package=$version (run 'apt-get update' as root; if this version has left the" \
           "archive, update photos.tsv with tools/eval-photos/dev/make-manifest.mjs)" >&2
      return 1
    }
    archive="$(deb_archive "$package" "$version")"
  fi
  echo "$archive"
}

download_npm() {
  local name="$1" version="$2"
  local archive="$packages/$(echo "${name#@}" | tr / -)-$version.tgz"
  if [[ ! -f "$archive" ]]; then
    echo "fetch: npm pack $name@$version" >&2
    (cd "$packages" && npm pack --silent "$name@$version" >/dev/null)
  fi
  echo "$archive"
}

# Group the missing photos by package, so that each archive is read once.
declare -A wanted=()    # "source<TAB>version" -> newline-separated "id<TAB>path<TAB>sha1"
declare -A seen_sha1=()
declare -A seen_id=()
total=0
while IFS=$'\t' read -r id source version path sha1 _tags _licence; do
  [[ "$id" == "id" || -z "$id" ]] && continue
  total=$((total + 1))
  if [[ -n "${seen_sha1[$sha1]:-}" ]]; then
    echo "fetch: $id has the same sha1 as ${seen_sha1[$sha1]}: photos must be distinct" >&2
    exit 1
  fi
  if [[ -n "${seen_id[$id]:-}" ]]; then
    echo "fetch: the id $id is listed twice: ids must be distinct across the manifests" >&2
    exit 1
  fi
  seen_sha1[$sha1]="$id"
  seen_id[$id]=1
  target="$photos/$id.$(extension_of "$path")"
  if [[ -f "$target" && "$(sha1_of "$target")" == "$sha1" ]]; then
    continue
  fi
  key="$source"$'\t'"$version"
  wanted[$key]+="$id"$'\t'"$path"$'\t'"$sha1"$'\n'
done < <(cat "${manifests[@]}")

failed=0
for key in "${!wanted[@]}"; do
  source="${key%%$'\t'*}"
  version="${key#*$'\t'}"
  staging="$(mktemp -d "$cache/.extract.XXXXXX")"
  mapfile -t entries < <(printf '%s' "${wanted[$key]}")
  members=()
  for entry in "${entries[@]}"; do
    IFS=$'\t' read -r _id path _sha1 <<< "$entry"
    members+=("$path")
  done
  if [[ "$source" == npm:* ]]; then
    archive="$(download_npm "${source#npm:}" "$version")"
    tar -xzf "$archive" -C "$staging" "${members[@]}"
  else
    archive="$(download_deb "$source" "$version")"
    dpkg-deb --fsys-tarfile "$archive" | tar -x -C "$staging" "${members[@]/#/./}"
  fi
  for entry in "${entries[@]}"; do
    IFS=$'\t' read -r id path sha1 <<< "$entry"
    actual="$(sha1_of "$staging/$path")"
    if [[ "$actual" != "$sha1" ]]; then
      echo "fetch: sha1 mismatch for $id ($source $version $path): expected $sha1, got $actual" >&2
      failed=$((failed + 1))
      continue
    fi
    cp "$staging/$path" "$photos/$id.$(extension_of "$path")"
  done
  rm -rf "$staging"
done

if (( failed > 0 )); then
  echo "fetch: $failed of $total photos failed verification" >&2
  exit 1
fi
echo "fetch: $total photos verified in $photos"
