#!/usr/bin/env bash
# Installs code-server (a full VS Code: server + web workbench) into
# .cache/code-server for the in-VS-Code tests, as described in
# docs/vscode-extension.md. Idempotent: does nothing when the install is
# complete. Needs the npm registry and the Debian packages chromium,
# libkrb5-dev and ripgrep; never downloads anything else.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
MARKER="$DIR/.installed-$VERSION"

if [[ -f "$MARKER" ]]; then
  echo "code-server $VERSION already installed in $DIR"
  exit 0
fi

for tool in chromium rg; do
  if ! command -v "$tool" >/dev/null; then
    echo "setup-code-server: '$tool' is missing; install the Debian packages: apt-get install -y chromium libkrb5-dev ripgrep" >&2
    exit 1
  fi
done

echo "Installing code-server $VERSION into $DIR (takes a few minutes)..."
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
# A scratch package, so the project's own dependencies and lock file stay untouched.
echo '{ "name": "densho-code-server-cache", "private": true }' > package.json
# --ignore-scripts: code-server's postinstall refuses to run as root and downloads ripgrep.
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION"
npm rebuild argon2

VSCODE="$DIR/node_modules/code-server/lib/vscode"
cd "$VSCODE"
npm install --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev)

touch "$MARKER"
echo "code-server $VERSION installed in $DIR"
