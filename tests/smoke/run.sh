#!/usr/bin/env bash
# Real-window smoke test for argmap.
#
# Usage: tests/smoke/run.sh PATH/TO/argmap-binary
#
# Starts a private X server (Xvfb) with a window manager (openbox), launches the
# release binary with no arguments, waits for its main window (the bundled article
# map), checks that a screenshot of it is not blank, then closes it the way a user
# would (Ctrl+Q, then the window manager's close) and requires a clean exit 0.
#
# Runs unattended in CI (.ci/run) as root on a fresh Debian 12 machine with no display
# and no standard input, so it installs its own tools with apt-get when they are missing.
#
# Environment:
#   ARGMAP_SMOKE_SHOT  if set, the screenshot is also copied to this path.
#
# Prints "smoke: 1 passed, 0 failed" and exits 0 on success, otherwise
# "smoke: 0 passed, 1 failed" and exits 1.

set -Eeuo pipefail

# The exact title the app gives its window when it opens the bundled article map.
readonly TITLE='Is Khamenei Ruling out Dialogue with Trump? — argmap'
readonly SCREEN='1600x1000x24'
readonly WINDOW_TIMEOUT_S=60    # first start under software GL can be slow
readonly CLOSE_TIMEOUT_S=10     # per close method
readonly MIN_COLOURS=50         # an egui UI with anti-aliased text has hundreds
readonly MIN_STDDEV=0.02        # a blank/uniform window has ~0

BIN=''
WORK=''          # private scratch dir: logs, screenshot, the app's cwd and HOME
XVFB_PID=''
OPENBOX_PID=''
APP_PID=''
APP_LOG=''
APP_EXITED=0     # 1 once we have reaped the app ourselves
APP_STATUS=''
WID=''
LOG_PRINTED=0
PASSED=0

log() { printf 'smoke: %s\n' "$*"; }

# Print the app's log (once) so a failure in CI can be diagnosed from the output alone.
print_app_log() {
    if [[ $LOG_PRINTED -eq 0 && -n $APP_LOG && -f $APP_LOG ]]; then
        LOG_PRINTED=1
        log "---- app log ($APP_LOG) ----"
        cat "$APP_LOG" || true
        log "---- end of app log ----"
    fi
}

fail() {
    log "FAIL: $*"
    print_app_log
    exit 1   # the EXIT trap cleans up and prints the summary line
}

# Milliseconds since the epoch, for "appeared after N s" timings.
now_ms() { date +%s%3N; }
elapsed_s() { # start_ms -> seconds with one decimal
    local d=$(( $(now_ms) - $1 ))
    printf '%d.%d' $(( d / 1000 )) $(( (d % 1000) / 100 ))
}

# True while the process is alive and not a zombie (bash may not have reaped it yet).
alive() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null \
        && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null
}

# Stop a background process we started: TERM, then KILL if it lingers.
stop_process() {
    local pid=$1 name=$2 i
    alive "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 30; i++)); do
        alive "$pid" || break
        sleep 0.1
    done
    if alive "$pid"; then
        log "$name (pid $pid) ignored SIGTERM; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

# Runs on every exit, success or not: nothing we started may outlive the test.
cleanup() {
    local rc=$?
    trap - EXIT ERR
    set +e
    if [[ -n $APP_PID && $APP_EXITED -eq 0 ]] && alive "$APP_PID"; then
        log "app still running at exit; killing it"
        rc=1
    fi
    stop_process "$APP_PID" app
    stop_process "$OPENBOX_PID" openbox
    stop_process "$XVFB_PID" Xvfb
    if [[ $rc -eq 0 && $PASSED -eq 1 ]]; then
        [[ -n $WORK ]] && rm -rf "$WORK"
        log "1 passed, 0 failed"
        exit 0
    fi
    print_app_log
    [[ -n $WORK ]] && log "scratch files kept in $WORK"
    log "0 passed, 1 failed"
    exit 1
}

# Report where an unexpected command failure happened (set -e would otherwise be silent).
on_err() { log "FAIL: command failed (status $1) at line $2: $3"; }

# --- setup -------------------------------------------------------------------------

# Install Xvfb, the window manager, the X tools and the runtime libraries the app
# dlopens (GL/EGL via Mesa, xkbcommon-x11, Xcursor, Xi, Xrandr) if any is missing.
install_dependencies() {
    local missing=() cmd lib
    for cmd in Xvfb openbox xdotool import identify xprop xdpyinfo; do
        command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
    done
    # The tools may be present on a machine that lacks the app's runtime libraries.
    local libs
    libs=$({ command -v ldconfig >/dev/null && ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null || true)
    for lib in libGL.so.1 libEGL.so.1 libxkbcommon-x11.so.0 libXcursor.so.1 libXi.so.6 \
        libXrandr.so.2 libX11-xcb.so.1; do
        grep -q "[[:space:]]$lib " <<<"$libs" || missing+=("$lib")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0

    log "missing: ${missing[*]}; installing with apt-get"
    [[ $(id -u) -eq 0 ]] || fail "must run as root to install missing packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq \
        xvfb openbox xdotool imagemagick x11-utils \
        libgl1 libglx-mesa0 libgl1-mesa-dri libegl1 \
        libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2 libx11-xcb1 \
        </dev/null >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt-get install failed"; }
    for cmd in Xvfb openbox xdotool import identify; do
        command -v "$cmd" >/dev/null 2>&1 || fail "$cmd still missing after installing"
    done
}

# Start Xvfb on the first free display from :97 on. A number is free when neither its
# socket nor its lock file exists; if Xvfb still fails to start (a race with another
# server), try the next one.
start_xvfb() {
    local n i
    for ((n = 97; n < 160; n++)); do
        [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] && continue
        log "starting Xvfb on :$n"
        Xvfb ":$n" -screen 0 "$SCREEN" -nolisten tcp -noreset \
            </dev/null >"$WORK/xvfb-$n.log" 2>&1 &
        XVFB_PID=$!
        for ((i = 0; i < 100; i++)); do   # up to 10 s
            alive "$XVFB_PID" || break
            if xdpyinfo -display ":$n" >/dev/null 2>&1; then
                export DISPLAY=":$n"
                return 0
            fi
            sleep 0.1
        done
        log "Xvfb on :$n did not come up; trying the next display"
        cat "$WORK/xvfb-$n.log" || true
        stop_process "$XVFB_PID" Xvfb
        XVFB_PID=''
    done
    fail "could not start Xvfb on any display from :97 to :159"
}

# Without a window manager the app's window never gets keyboard focus (so no input),
# and nothing would translate a close request into WM_DELETE_WINDOW.
start_openbox() {
    local i
    log "starting openbox on $DISPLAY"
    HOME="$WORK/wm-home" openbox --sm-disable </dev/null >"$WORK/openbox.log" 2>&1 &
    OPENBOX_PID=$!
    # openbox is ready once it has advertised itself on the root window (EWMH).
    for ((i = 0; i < 100; i++)); do   # up to 10 s
        alive "$OPENBOX_PID" || { cat "$WORK/openbox.log"; fail "openbox exited at start"; }
        if xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; then
            return 0
        fi
        sleep 0.1
    done
    cat "$WORK/openbox.log" || true
    fail "openbox did not become ready within 10 s"
}

# Start the app with no arguments in an empty cwd, with a fresh HOME so no settings
# saved by an earlier run apply, and with Mesa's software renderer (no GPU in CI).
start_app() {
    mkdir -p "$WORK/cwd" "$WORK/home"
    APP_LOG="$WORK/app.log"
    log "starting $BIN (cwd $WORK/cwd, HOME $WORK/home)"
    (
        cd "$WORK/cwd"
        # XDG_* would override HOME for eframe's settings; WAYLAND_DISPLAY would make
        # winit pick Wayland instead of our X server.
        exec env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME \
            -u XDG_RUNTIME_DIR -u WAYLAND_DISPLAY \
            HOME="$WORK/home" LIBGL_ALWAYS_SOFTWARE=1 RUST_BACKTRACE=1 \
            "$BIN"
    ) </dev/null >"$APP_LOG" 2>&1 &
    APP_PID=$!
}

# Collect the exit status of the app once it has exited (sets APP_STATUS). Not to be
# called in a $(...) subshell: only this shell can wait for its child.
reap_app() {
    APP_STATUS=0
    wait "$APP_PID" || APP_STATUS=$?
    APP_EXITED=1
}

# --- the checks ----------------------------------------------------------------------

# Regex for `xdotool search --name`, which matches WM_NAME. winit stores UTF-8 bytes
# there under the Latin-1 type STRING, so xdotool sees the em dash as mojibake: match
# only the ASCII part before " — " (escaped: xdotool uses extended regexes, and '?' is
# special) and compare the full title exactly with `getwindowname`, which reads the
# UTF-8 _NET_WM_NAME.
title_regex() {
    printf '^%s' "$(printf '%s' "${TITLE%% — *}" | sed 's/[][\.*^$?+(){}|/]/\\&/g')"
}

# Poll for the app's window; sets WID. Fails if the app exits or the time runs out.
wait_for_window() {
    local start re wid name
    start=$(now_ms)
    re=$(title_regex)
    while (( $(now_ms) - start < WINDOW_TIMEOUT_S * 1000 )); do
        if ! alive "$APP_PID"; then
            reap_app
            fail "app exited with status $APP_STATUS before its window appeared"
        fi
        for wid in $(xdotool search --onlyvisible --name "$re" 2>/dev/null || true); do
            # The exact title, em dash included (the regex only checks a prefix).
            name=$(xdotool getwindowname "$wid" 2>/dev/null || true)
            if [[ $name == "$TITLE" ]]; then
                WID=$wid
                log "window $(printf '0x%x' "$wid") appeared after $(elapsed_s "$start") s"
                return 0
            fi
        done
        sleep 0.5
    done
    # A picture of the screen helps tell "no window" from "a window with another title".
    import -window root "$WORK/root.png" 2>/dev/null && log "screen captured in $WORK/root.png"
    log "windows present on $DISPLAY:"
    for wid in $(xdotool search --name '.' 2>/dev/null || true); do
        log "  $(printf '0x%x' "$wid"): $(xdotool getwindowname "$wid" 2>/dev/null || true)"
    done
    fail "no window named '$TITLE' within $WINDOW_TIMEOUT_S s"
}

# Screenshot the app's window and make sure it shows something (not a blank or black
# rectangle, which is what a broken GL setup produces).
check_screenshot() {
    local shot="$WORK/argmap-smoke.png" colours stddev geometry
    geometry=$(xdotool getwindowgeometry "$WID" 2>/dev/null | sed -n 's/^ *Geometry: //p')
    log "window geometry ${geometry:-unknown}"
    # Capture the window itself, not the root: openbox's gradient title bar alone has
    # enough colours to make a blank app window look "not blank".
    timeout 30 import -window "$WID" "$shot" || fail "import could not capture the window"
    if [[ -n ${ARGMAP_SMOKE_SHOT:-} ]]; then
        cp "$shot" "$ARGMAP_SMOKE_SHOT"
        log "screenshot copied to $ARGMAP_SMOKE_SHOT"
    fi
    colours=$(identify -format '%k' "$shot")
    stddev=$(identify -format '%[fx:standard_deviation]' "$shot")
    log "screenshot $(identify -format '%wx%h' "$shot") has $colours colours, standard deviation $stddev"
    (( colours > MIN_COLOURS )) || fail "screenshot looks blank: $colours colours (need > $MIN_COLOURS)"
    awk -v s="$stddev" -v m="$MIN_STDDEV" 'BEGIN { exit !(s > m) }' \
        || fail "screenshot looks blank: standard deviation $stddev (need > $MIN_STDDEV)"
}

# Wait up to CLOSE_TIMEOUT_S for the app to exit by itself; true if it did.
wait_for_exit() {
    local i
    for ((i = 0; i < CLOSE_TIMEOUT_S * 10; i++)); do
        alive "$APP_PID" || return 0
        sleep 0.1
    done
    return 1
}

# Close the window as a user would and require a clean exit 0. The app must exit by
# itself: if it has to be killed (by cleanup), the test fails.
close_app() {
    local start method
    start=$(now_ms)

    # 1. The app's own quit shortcut. xdotool uses XTEST (real key events) when the
    #    target window has focus, which windowactivate --sync ensures.
    method='ctrl+q'
    log "closing with ctrl+q"
    timeout 10 xdotool windowactivate --sync "$WID" 2>/dev/null || true
    timeout 10 xdotool key --window "$WID" ctrl+q 2>/dev/null || true
    if ! wait_for_exit; then
        # 2. The window manager's close (WM_DELETE_WINDOW), as the title bar's X would:
        #    openbox binds Alt+F4 to Close by default; wmctrl asks it via EWMH.
        method='window manager close (alt+F4)'
        log "app still running $(elapsed_s "$start") s after ctrl+q; trying $method"
        if alive "$APP_PID"; then
            timeout 10 xdotool windowactivate --sync "$WID" 2>/dev/null || true
            timeout 10 xdotool key --clearmodifiers alt+F4 2>/dev/null || true
            if command -v wmctrl >/dev/null 2>&1; then
                wmctrl -i -c "$(printf '0x%x' "$WID")" 2>/dev/null || true
            fi
        fi
        wait_for_exit || fail "app did not exit within $((2 * CLOSE_TIMEOUT_S)) s of being asked to close"
    fi

    reap_app
    log "app exited with $APP_STATUS after $(elapsed_s "$start") s ($method)"
    [[ $APP_STATUS -eq 0 ]] || fail "app exited with status $APP_STATUS, expected 0"
}

main() {
    if [[ $# -ne 1 ]]; then
        echo "usage: $0 PATH/TO/argmap-binary" >&2
        exit 2
    fi
    trap cleanup EXIT
    trap 'on_err $? $LINENO "$BASH_COMMAND"' ERR

    [[ -x $1 && -f $1 ]] || fail "binary '$1' does not exist or is not executable"
    BIN=$(readlink -f "$1")   # absolute: the app runs from another cwd
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/argmap-smoke.XXXXXX")

    install_dependencies
    start_xvfb
    start_openbox
    start_app
    wait_for_window
    sleep 2   # let the first frames render (software GL, fonts, layout)
    check_screenshot
    close_app
    PASSED=1
}

main "$@"
