#!/usr/bin/env bash
# Renders the Kubernetes manifests (k8s/base and every overlay) with kustomize and validates every rendered document
# against the Kubernetes and KEDA schemas (tools/k8s-validate). Called by .ci/run; exits non-zero on a manifest that
# does not render or does not validate. Usage: bash scripts/validate-k8s.sh [K8S_DIR]   (default: k8s)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-k8s}
out=target/k8s
mkdir -p "$out"

# kustomize: kubectl's built-in one (kustomize v5 in kubectl 1.27+), or a standalone kustomize binary.
if command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then
  render() { kubectl kustomize "$1"; }
elif command -v kustomize >/dev/null 2>&1; then
  render() { kustomize build "$1"; }
else
  echo "validate-k8s: needs kubectl (1.27 or newer, for kustomize components) or kustomize on the PATH" >&2
  exit 1
fi

# The validator's npm packages, pinned by tools/k8s-validate/package-lock.json.
if [ ! -d tools/k8s-validate/node_modules ] || [ tools/k8s-validate/package-lock.json -nt tools/k8s-validate/node_modules ]; then
  npm ci --prefix tools/k8s-validate --no-audit --no-fund --loglevel=error
fi

rendered=()
for kustomization in "$dir"/base "$dir"/overlays/*; do
  name=$(basename "$kustomization")
  render "$kustomization" > "$out/$name.yaml"
  rendered+=("$out/$name.yaml")
done
node tools/k8s-validate/validate.mjs "${rendered[@]}"
