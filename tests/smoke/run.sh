#!/usr/bin/env bash
# Real-window smoke test for argmap.
#
# Usage: tests/smoke/run.sh PATH/TO/argmap-binary
#
# Starts a private X server (Xvfb) with a window manager (openbox) and runs four
# scenarios against the real binary, each with its own app process, HOME and files:
#
#   1. open and close: launch with no arguments, wait for the main window (the bundled
#      article map), check that a screenshot of it is not blank, then close it the way a
#      user would (Ctrl+Q, then the window manager's close) and require a clean exit 0.
#   2. find, add a linked node, save, quit: launch on a copy of maps/khamenei-trump-
#      dialogue.ron; Ctrl+F "Khamenei" Enter Esc, Tab "Smoke test sentence" Enter,
#      Ctrl+S, Ctrl+Q; the app must exit 0 by itself, and the saved file (checked through
#      `argmap export` to JSON and `argmap check`) must hold exactly one new node with
#      that text, linked to the node the search found.
#   3. delete and undo leaves the map unchanged: on a fresh copy, Ctrl+F "Khamenei"
#      Enter Esc, Delete, Ctrl+Z, Ctrl+S, Ctrl+Q; exit 0, and the saved file must be
#      byte-identical to the original (the repository's map is in canonical form).
#   4. present: launch `argmap --present` on a copy of the article map; the window must
#      fill the screen (its geometry is the screen's size, and so is a screenshot of it);
#      screenshot, Right, screenshot again: the two must differ (the talk moved on a
#      step); then Esc leaves the presentation and Ctrl+Q quits with exit 0, the map
#      unchanged (title without "• ", file byte-identical).
#
# Runs unattended in CI (.ci/run) as root on a fresh Debian 12 machine with no display
# and no standard input, so it installs its own tools with apt-get when they are missing.
#
# Environment:
#   ARGMAP_SMOKE_SHOT       if set, scenario 1's screenshot is also copied to this path.
#   ARGMAP_SMOKE_SHOT_EDIT  if set, scenario 2's screenshot of the in-place text field
#                           (after typing, before Enter) is also copied to this path.
#   ARGMAP_SMOKE_SHOT_PRESENT  if set, a directory: scenario 4's two screenshots are also
#                           copied into it as present-1.png and present-2.png.
#
# Prints "smoke: N passed, M failed" at the end; exits 0 only when all passed.

set -Eeuo pipefail

# The exact title the app gives its window for the article map (bundled or from the
# file: both have the same map title); a leading "• " marks unsaved changes.
readonly TITLE='Is Khamenei Ruling out Dialogue with Trump? — argmap'
readonly DIRTY_TITLE="• $TITLE"
readonly SCREEN='1600x1000x24'
readonly WINDOW_TIMEOUT_S=60    # first start under software GL can be slow
readonly CLOSE_TIMEOUT_S=10     # per close method
readonly STATE_TIMEOUT_S=10     # for the window title to show a new state
readonly STEP_S=0.5             # pause between keystrokes (the app renders on demand)
readonly MIN_COLOURS=50         # an egui UI with anti-aliased text has hundreds
readonly MIN_STDDEV=0.02        # a blank/uniform window has ~0
readonly SCENARIOS=4
readonly MIN_CHANGED_PIXELS=1000  # a step changes far more (a card appears, the camera moves)

readonly SEARCH='Khamenei'
readonly NEW_TEXT='Smoke test sentence'

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
readonly REPO
readonly MAP_SRC="$REPO/maps/khamenei-trump-dialogue.ron"

BIN=''
WORK=''          # private scratch dir: one subdirectory per scenario, X logs
XVFB_PID=''
OPENBOX_PID=''
SCEN_PID=''      # the subshell running the current scenario
PASSED=0
FAILED=0

# Per scenario (each runs in its own subshell, so these start fresh every time).
SDIR=''          # the scenario's directory: app.log, app.pid, cwd, home, map, shots
APP_PID=''
APP_LOG=''
APP_EXITED=0     # 1 once we have reaped the app ourselves
APP_STATUS=''
WID=''
LOG_PRINTED=0

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

# In a scenario: ends the scenario (its EXIT trap cleans up and reports). In setup: ends
# the whole run (the main EXIT trap cleans up and prints the summary line).
fail() {
    log "FAIL: $*"
    exit 1
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

# Stop a background process: TERM, then KILL if it lingers.
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

# Runs on every exit of the whole script, success or not: nothing we started may
# outlive the test.
cleanup() {
    local rc=$? f pid
    trap - EXIT ERR INT TERM
    set +e
    # A scenario still running (we were interrupted): its own trap stops its app.
    stop_process "$SCEN_PID" scenario
    # Belt and braces: every app a scenario started recorded its pid.
    if [[ -n $WORK ]]; then
        for f in "$WORK"/*/app.pid; do
            [[ -f $f ]] || continue
            pid=$(<"$f")
            if alive "$pid"; then
                log "app (pid $pid) still running at exit; killing it"
                kill -KILL "$pid" 2>/dev/null || true
                rc=1
            fi
        done
    fi
    stop_process "$OPENBOX_PID" openbox
    stop_process "$XVFB_PID" Xvfb
    # Scenarios that never ran (setup failed, or we were interrupted) count as failed.
    FAILED=$(( SCENARIOS - PASSED ))
    if [[ $rc -eq 0 && $FAILED -eq 0 ]]; then
        [[ -n $WORK ]] && rm -rf "$WORK"
        log "$PASSED passed, 0 failed"
        exit 0
    fi
    [[ -n $WORK ]] && log "scratch files kept in $WORK"
    log "$PASSED passed, $FAILED failed"
    exit 1
}

# Report where an unexpected command failure happened (set -e would otherwise be silent).
on_err() { log "FAIL: command failed (status $1) at line $2: $3"; }

# --- setup -------------------------------------------------------------------------

# Install Xvfb, the window manager, the X tools, python3 (to read the JSON export) and
# the runtime libraries the app dlopens (GL/EGL via Mesa, xkbcommon-x11, Xcursor, Xi,
# Xrandr) if any is missing.
install_dependencies() {
    local missing=() cmd lib
    for cmd in Xvfb openbox xdotool import identify compare xprop xdpyinfo python3 cmp; do
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
        xvfb openbox xdotool imagemagick x11-utils python3 diffutils \
        libgl1 libglx-mesa0 libgl1-mesa-dri libegl1 \
        libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2 libx11-xcb1 \
        </dev/null >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt-get install failed"; }
    for cmd in Xvfb openbox xdotool import identify compare python3 cmp; do
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

# --- the app -------------------------------------------------------------------------

# Start the app with the given arguments (none, or a map file) in an empty cwd, with a
# fresh HOME so no settings saved by an earlier run apply, and with Mesa's software
# renderer (no GPU in CI).
start_app() {
    mkdir -p "$SDIR/cwd" "$SDIR/home"
    APP_LOG="$SDIR/app.log"
    log "starting $BIN${*:+ $*} (cwd $SDIR/cwd, HOME $SDIR/home)"
    (
        cd "$SDIR/cwd"
        # XDG_* would override HOME for eframe's settings; WAYLAND_DISPLAY would make
        # winit pick Wayland instead of our X server.
        exec env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME \
            -u XDG_RUNTIME_DIR -u WAYLAND_DISPLAY \
            HOME="$SDIR/home" LIBGL_ALWAYS_SOFTWARE=1 RUST_BACKTRACE=1 \
            "$BIN" "$@"
    ) </dev/null >"$APP_LOG" 2>&1 &
    APP_PID=$!
    echo "$APP_PID" >"$SDIR/app.pid"   # for the main cleanup, should this shell die
}

# Collect the exit status of the app once it has exited (sets APP_STATUS). Not to be
# called in a $(...) subshell: only the shell that started it can wait for it.
reap_app() {
    APP_STATUS=0
    wait "$APP_PID" || APP_STATUS=$?
    APP_EXITED=1
}

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
    local start re wid name pid
    start=$(now_ms)
    re=$(title_regex)
    while (( $(now_ms) - start < WINDOW_TIMEOUT_S * 1000 )); do
        if ! alive "$APP_PID"; then
            reap_app
            fail "app exited with status $APP_STATUS before its window appeared"
        fi
        for wid in $(xdotool search --onlyvisible --name "$re" 2>/dev/null || true); do
            # Only this scenario's app (winit sets _NET_WM_PID).
            pid=$(xdotool getwindowpid "$wid" 2>/dev/null || true)
            [[ -z $pid || $pid == "$APP_PID" ]] || continue
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
    import -window root "$SDIR/root.png" 2>/dev/null && log "screen captured in $SDIR/root.png"
    log "windows present on $DISPLAY:"
    for wid in $(xdotool search --name '.' 2>/dev/null || true); do
        log "  $(printf '0x%x' "$wid"): $(xdotool getwindowname "$wid" 2>/dev/null || true)"
    done
    fail "no window named '$TITLE' within $WINDOW_TIMEOUT_S s"
}

window_title() { xdotool getwindowname "$WID" 2>/dev/null || true; }

# Wait until the window's title (read from _NET_WM_NAME) is exactly $1; the title is the
# app's only outside sign of whether it has unsaved changes.
wait_for_title() {
    local want=$1 what=$2 start
    start=$(now_ms)
    while (( $(now_ms) - start < STATE_TIMEOUT_S * 1000 )); do
        alive "$APP_PID" || { reap_app; fail "app exited with status $APP_STATUS while waiting for $what"; }
        if [[ $(window_title) == "$want" ]]; then
            log "  title shows $what after $(elapsed_s "$start") s"
            return 0
        fi
        sleep 0.1
    done
    shoot "$SDIR/stuck.png"
    fail "title never showed $what within $STATE_TIMEOUT_S s: it is '$(window_title)' (want '$want'); window captured in $SDIR/stuck.png"
}

# Give the app's window the keyboard focus (XTEST key events go to the focused window).
focus_app() {
    timeout 10 xdotool windowactivate --sync "$WID" 2>/dev/null \
        || timeout 10 xdotool windowfocus --sync "$WID" 2>/dev/null \
        || fail "could not give the window keyboard focus"
}

# Press keys (xdotool names: ctrl+f, Return, Tab…) in the focused window, then give the
# app time to handle them and render.
press() {
    log "  key $*"
    timeout 10 xdotool key "$@" || fail "xdotool key $* failed"
    sleep "$STEP_S"
}

# Type text in the focused window.
type_text() {
    log "  type \"$1\""
    timeout 30 xdotool type --delay 30 "$1" || fail "xdotool type failed"
    sleep "$STEP_S"
}

# Screenshot the app's window to $1.
shoot() {
    timeout 30 import -window "$WID" "$1" 2>/dev/null
}

# Screenshot the app's window and make sure it shows something (not a blank or black
# rectangle, which is what a broken GL setup produces).
check_screenshot() {
    local shot="$SDIR/argmap-smoke.png" colours stddev geometry
    geometry=$(xdotool getwindowgeometry "$WID" 2>/dev/null | sed -n 's/^ *Geometry: //p')
    log "window geometry ${geometry:-unknown}"
    # Capture the window itself, not the root: openbox's gradient title bar alone has
    # enough colours to make a blank app window look "not blank".
    shoot "$shot" || fail "import could not capture the window"
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

# Ctrl+Q with everything saved: the app must exit 0 by itself, with no other help (if
# it still had unsaved changes it would ask Save/Discard/Cancel instead).
quit_saved_app() {
    local start
    start=$(now_ms)
    focus_app
    log "  key ctrl+q"
    timeout 10 xdotool key ctrl+q || fail "xdotool key ctrl+q failed"
    if ! wait_for_exit; then
        shoot "$SDIR/not-quit.png"
        fail "app still running $CLOSE_TIMEOUT_S s after ctrl+q (title '$(window_title)'); window captured in $SDIR/not-quit.png"
    fi
    reap_app
    log "app exited with $APP_STATUS after $(elapsed_s "$start") s"
    [[ $APP_STATUS -eq 0 ]] || fail "app exited with status $APP_STATUS, expected 0"
}

# Copy the repository's article map into the scenario's directory as map.ron.
copy_map() {
    [[ -f $MAP_SRC ]] || fail "map file $MAP_SRC not found"
    cp "$MAP_SRC" "$SDIR/map.ron"
    cp "$MAP_SRC" "$SDIR/original.ron"
}

# The app's JSON export of a map: argmap export MAP --to OUT.
export_json() {
    "$BIN" export "$1" --to "$2" >"$SDIR/export.log" 2>&1 \
        || { cat "$SDIR/export.log"; fail "argmap export $1 failed"; }
}

# Open Find, search, go to the first match and close the bar (leaving it selected).
find_and_select() {
    press ctrl+f
    type_text "$SEARCH"
    press Return
    press Escape
}

# --- scenarios -----------------------------------------------------------------------

scenario_open_close() {
    start_app
    wait_for_window
    sleep 2   # let the first frames render (software GL, fonts, layout)
    check_screenshot
    close_app
}

scenario_find_add_save() {
    copy_map
    export_json "$SDIR/original.ron" "$SDIR/original.json"
    start_app "$SDIR/map.ron"
    wait_for_window
    sleep 2   # the first frames: the keyboard goes nowhere before the UI exists
    focus_app

    find_and_select
    [[ $(window_title) == "$TITLE" ]] || fail "finding changed the map: title '$(window_title)'"
    press Tab
    type_text "$NEW_TEXT"
    shoot "$SDIR/edit.png" || fail "import could not capture the window while editing"
    log "  captured the text field in $SDIR/edit.png"
    if [[ -n ${ARGMAP_SMOKE_SHOT_EDIT:-} ]]; then
        cp "$SDIR/edit.png" "$ARGMAP_SMOKE_SHOT_EDIT"
        log "  screenshot copied to $ARGMAP_SMOKE_SHOT_EDIT"
    fi
    press Return
    wait_for_title "$DIRTY_TITLE" 'unsaved changes'
    press ctrl+s
    wait_for_title "$TITLE" 'the map saved'
    quit_saved_app

    log "checking the saved map"
    "$BIN" check "$SDIR/map.ron" >"$SDIR/check.log" 2>&1 \
        || { cat "$SDIR/check.log"; fail "argmap check rejects the saved map"; }
    export_json "$SDIR/map.ron" "$SDIR/saved.json"
    python3 - "$SDIR/original.json" "$SDIR/saved.json" "$NEW_TEXT" "$SEARCH" <<'EOF' \
        || fail "the saved map is not the original plus one linked node"
import json, sys

original, saved = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
text, search = sys.argv[3], sys.argv[4]
ok = True

def check(cond, message):
    global ok
    print(f"smoke:   {'ok' if cond else 'WRONG'}: {message}")
    ok = ok and cond

before, after = len(original["nodes"]), len(saved["nodes"])
check(after == before + 1, f"{after} nodes, the original {before} + 1")
new = [n for n in saved["nodes"] if n["text"] == text]
check(len(new) == 1, f"{len(new)} node(s) with the text {text!r} (want 1)")
if len(new) == 1:
    new_id = new[0]["id"]
    texts = {n["id"]: n["text"] for n in saved["nodes"]}
    links = [l for l in saved["links"] if l["from"] == new_id and l["to"] != new_id]
    check(len(links) >= 1, f"links from {new_id!r}: {links}")
    targets = [l["to"] for l in links if search.lower() in texts.get(l["to"], "").lower()]
    check(len(targets) >= 1,
          f"linked to a node whose text contains {search!r}: {targets} "
          f"({[texts.get(l['to']) for l in links]})")
    old_ids = {n["id"] for n in original["nodes"]}
    check(new_id not in old_ids, f"the new node's id {new_id!r} is new")
    check(old_ids <= set(texts), "every original node is still there")
sys.exit(0 if ok else 1)
EOF
}

scenario_delete_undo() {
    local before after
    copy_map
    before=$(stat -c '%i %y' "$SDIR/map.ron")
    start_app "$SDIR/map.ron"
    wait_for_window
    sleep 2
    focus_app

    find_and_select
    press Delete
    wait_for_title "$DIRTY_TITLE" 'unsaved changes (the node deleted)'
    press ctrl+z
    press ctrl+s
    wait_for_title "$TITLE" 'the map saved'
    quit_saved_app

    log "checking the saved map"
    after=$(stat -c '%i %y' "$SDIR/map.ron")
    [[ $after != "$before" ]] || fail "ctrl+s did not write the file (same inode and modification time)"
    cmp "$SDIR/original.ron" "$SDIR/map.ron" \
        || { diff -u "$SDIR/original.ron" "$SDIR/map.ron" | head -n 60 || true
             fail "the saved map differs from the original"; }
    log "  ok: the saved file is byte-identical to the original"
}

# The screen's size as WxH, from the X server. (awk reads all of xdpyinfo's output: an
# early exit would kill xdpyinfo with SIGPIPE and fail the pipeline.)
screen_size() {
    xdpyinfo 2>/dev/null | awk '/dimensions:/ && !done { print $2; done = 1 }'
}

# The app window's size as WxH (xdotool's "Geometry:" line).
window_size() {
    xdotool getwindowgeometry "$WID" 2>/dev/null | sed -n 's/^ *Geometry: //p'
}

# Wait until the window is exactly the screen's size (presentation mode asks for full
# screen once its first frame is up, and the window manager then resizes the window).
wait_for_fullscreen() {
    local want start
    want=$(screen_size)
    [[ -n $want ]] || fail "could not read the screen size with xdpyinfo"
    start=$(now_ms)
    while (( $(now_ms) - start < STATE_TIMEOUT_S * 1000 )); do
        alive "$APP_PID" || { reap_app; fail "app exited with status $APP_STATUS while waiting for full screen"; }
        if [[ $(window_size) == "$want" ]]; then
            log "  window fills the $want screen after $(elapsed_s "$start") s"
            return 0
        fi
        sleep 0.1
    done
    shoot "$SDIR/not-fullscreen.png"
    fail "window is $(window_size), not the screen's $want, $STATE_TIMEOUT_S s after starting to present; captured in $SDIR/not-fullscreen.png"
}

# Screenshot the presenting window to $1, require it to be the screen's size and not blank.
shoot_presenting() {
    local shot=$1 size colours want
    want=$(screen_size)
    shoot "$shot" || fail "import could not capture the window"
    size=$(identify -format '%wx%h' "$shot")
    colours=$(identify -format '%k' "$shot")
    log "  screenshot $(basename "$shot"): $size, $colours colours"
    [[ $size == "$want" ]] || fail "screenshot is $size, not the screen's $want"
    (( colours > MIN_COLOURS )) || fail "screenshot $shot looks blank: $colours colours"
}

scenario_present() {
    local raw changed
    copy_map
    start_app --present "$SDIR/map.ron"
    wait_for_window
    wait_for_fullscreen
    sleep 2   # the first frames and the camera's glide to the first step
    focus_app
    shoot_presenting "$SDIR/present-1.png"
    press Right
    sleep 1   # the glide to the next step takes 0.4 s
    shoot_presenting "$SDIR/present-2.png"
    if [[ -n ${ARGMAP_SMOKE_SHOT_PRESENT:-} ]]; then
        mkdir -p "$ARGMAP_SMOKE_SHOT_PRESENT"
        cp "$SDIR/present-1.png" "$SDIR/present-2.png" "$ARGMAP_SMOKE_SHOT_PRESENT/"
        log "  screenshots copied to $ARGMAP_SMOKE_SHOT_PRESENT"
    fi
    # `compare -metric AE` prints the number of differing pixels on stderr (as 1.2e+06
    # when large) and exits 1 when the pictures differ (2 on errors).
    raw=$(compare -metric AE "$SDIR/present-1.png" "$SDIR/present-2.png" null: 2>&1 >/dev/null || true)
    raw=${raw%% *}
    [[ $raw =~ ^[0-9][0-9.e+]*$ ]] || fail "compare could not compare the screenshots: $raw"
    changed=$(awk -v n="$raw" 'BEGIN { printf "%d", n }')
    log "  $changed pixels changed after Right"
    (( changed >= MIN_CHANGED_PIXELS )) \
        || fail "Right did not move the talk on: only $changed pixels changed (need >= $MIN_CHANGED_PIXELS)"
    press Escape
    [[ $(window_title) == "$TITLE" ]] || fail "presenting changed the map: title '$(window_title)'"
    quit_saved_app
    cmp "$SDIR/original.ron" "$SDIR/map.ron" || fail "presenting changed the map file"
    log "  ok: the map file is unchanged"
}

# Run scenario number $1 (function $2, described as $3) in a subshell of its own, so a
# failure ends only that scenario; its EXIT trap stops its app and reports.
run_scenario() {
    local n=$1 func=$2 title=$3 rc=0
    log "== scenario $n: $title"
    SDIR="$WORK/scenario-$n"
    mkdir -p "$SDIR"
    (
        set -Eeuo pipefail
        scenario_done() {
            local rc=$?
            trap - EXIT
            set +e
            if [[ -n $APP_PID && $APP_EXITED -eq 0 ]] && alive "$APP_PID"; then
                [[ $rc -eq 0 ]] && log "FAIL: app still running at the end of the scenario"
                rc=1
                [[ -n $WID ]] && shoot "$SDIR/at-failure.png" \
                    && log "window captured in $SDIR/at-failure.png"
                stop_process "$APP_PID" app
            fi
            if [[ $rc -ne 0 ]]; then
                print_app_log
                log "scenario files in $SDIR"
            fi
            exit "$rc"
        }
        trap scenario_done EXIT
        trap 'exit 143' TERM
        trap 'exit 130' INT
        "$func"
    ) &
    SCEN_PID=$!
    wait "$SCEN_PID" || rc=$?
    SCEN_PID=''
    if [[ $rc -eq 0 ]]; then
        PASSED=$((PASSED + 1))
        log "== scenario $n passed"
    else
        FAILED=$((FAILED + 1))
        log "== scenario $n FAILED"
    fi
}

main() {
    if [[ $# -ne 1 ]]; then
        echo "usage: $0 PATH/TO/argmap-binary" >&2
        exit 2
    fi
    trap cleanup EXIT
    trap 'on_err $? $LINENO "$BASH_COMMAND"' ERR
    trap 'log "interrupted (SIGTERM)"; exit 143' TERM
    trap 'log "interrupted (SIGINT)"; exit 130' INT

    [[ -x $1 && -f $1 ]] || fail "binary '$1' does not exist or is not executable"
    BIN=$(readlink -f "$1")   # absolute: the app runs from another cwd
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/argmap-smoke.XXXXXX")

    install_dependencies
    start_xvfb
    start_openbox
    run_scenario 1 scenario_open_close 'open the bundled map, screenshot, close'
    run_scenario 2 scenario_find_add_save 'find, add a linked node, save, quit'
    run_scenario 3 scenario_delete_undo 'delete and undo leaves the map unchanged'
    run_scenario 4 scenario_present 'present full screen, step forward, leave, quit'
}

main "$@"
