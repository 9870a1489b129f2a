# Shared by tests/run.sh and the scripts in tests/setup/: installing the
# tools the interop tests load kgexport's output into.

# apt_install PKG...: installs Debian packages that are not there yet, as root
# only; waits for another apt or dpkg process to let go of the lock instead
# of failing. Returns 1 when it cannot install (not root, no apt).
apt_install() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null || [ "$(id -u)" != 0 ]; then
        echo "tests/setup: cannot install ${missing[*]} (needs apt-get as root)" >&2
        return 1
    fi
    echo "tests/setup: installing ${missing[*]}" >&2
    local lock=(-o DPkg::Lock::Timeout=600)
    if [ -z "${KGEXPORT_APT_UPDATED:-}" ]; then
        apt-get "${lock[@]}" update -qq >/dev/null
        export KGEXPORT_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}
