//! When the window cannot open: what failed, in words, and what to try.

/// Which part of opening a window failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// No connection to a display server (X11 or Wayland).
    Display,
    /// Connected, but the window system refused the window.
    Window,
    /// The window exists but OpenGL could not be started in it.
    OpenGl,
    /// argmap's own start-up failed.
    App,
}

pub fn stage(error: &eframe::Error) -> Stage {
    match error {
        eframe::Error::WinitEventLoop(_) => Stage::Display,
        eframe::Error::Winit(_) => Stage::Window,
        eframe::Error::Glutin(_)
        | eframe::Error::NoGlutinConfigs(..)
        | eframe::Error::OpenGL(_) => Stage::OpenGl,
        eframe::Error::AppCreation(_) => Stage::App,
    }
}

/// The display servers this process was told about (`DISPLAY`, `WAYLAND_DISPLAY`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    pub x11: Option<String>,
    pub wayland: Option<String>,
}

impl Session {
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
        Self {
            x11: var("DISPLAY"),
            wayland: var("WAYLAND_DISPLAY"),
        }
    }

    fn describe(&self) -> String {
        match (&self.wayland, &self.x11) {
            (Some(w), Some(x)) => format!("Wayland ({w}), with X11 ({x}) beside it"),
            (Some(w), None) => format!("Wayland ({w})"),
            (None, Some(x)) => format!("X11 ({x})"),
            (None, None) => "none: DISPLAY and WAYLAND_DISPLAY are both unset".into(),
        }
    }
}

/// The message for stderr: the error, what it means, and what to try, one step a line.
pub fn explain(stage: Stage, error: &str, session: &Session) -> String {
    let mut lines = vec![format!("cannot open the argmap window: {error}")];
    let mut what = |s: &str| lines.push(s.to_owned());
    match stage {
        Stage::Display => {
            what("  What failed: argmap could not connect to a display server.");
            what(&format!("  Display server: {}.", session.describe()));
            if session.x11.is_none() && session.wayland.is_none() {
                what("  Try: start argmap from a terminal inside your desktop session;");
                what("       over SSH, connect with `ssh -X` (or -Y);");
                what("       with no screen at all, run it under Xvfb: `xvfb-run argmap`.");
            } else {
                what("  Try: check that the display server is running and that you may use it;");
                what("       on Wayland, try X11 instead: `WAYLAND_DISPLAY= argmap`.");
            }
        }
        Stage::Window => {
            what("  What failed: the window system refused to create the window.");
            what(&format!("  Display server: {}.", session.describe()));
            what("  Try: `WAYLAND_DISPLAY= argmap` to use X11 (XWayland) instead of Wayland.");
        }
        Stage::OpenGl => {
            what("  What failed: OpenGL 2.0 (or OpenGL ES 2.0) could not be started; argmap");
            what("  draws its window with it.");
            what("  Try: install your graphics drivers (Debian/Ubuntu: `sudo apt install");
            what("       libgl1-mesa-dri libegl1 libglx-mesa0`);");
            what("       draw in software: `LIBGL_ALWAYS_SOFTWARE=1 argmap`;");
            if session.wayland.is_some() {
                what("       use X11 instead of Wayland: `WAYLAND_DISPLAY= argmap`;");
            }
            what("       in a virtual machine or remote desktop, turn on 3D acceleration.");
        }
        Stage::App => {
            what("  What failed: argmap's own start-up, after the window opened.");
        }
    }
    what("  The command line works without a window: `argmap --help`.");
    what(
        "  For the details, run again with RUST_LOG=debug (or RUST_LOG=eframe=debug,winit=debug).",
    );
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_display_at_all_says_so_and_suggests_a_session_ssh_or_xvfb() {
        let text = explain(Stage::Display, "os error", &Session::default());
        assert!(text.starts_with("cannot open the argmap window: os error\n"));
        assert!(text.contains("DISPLAY and WAYLAND_DISPLAY are both unset"));
        assert!(text.contains("ssh -X"));
        assert!(text.contains("xvfb-run argmap"));
        assert!(text.contains("RUST_LOG=debug"));
    }

    #[test]
    fn missing_opengl_suggests_drivers_and_software_rendering() {
        let session = Session {
            x11: Some(":0".into()),
            wayland: Some("wayland-0".into()),
        };
        let text = explain(Stage::OpenGl, "no config", &session);
        assert!(text.contains("OpenGL 2.0"));
        assert!(text.contains("LIBGL_ALWAYS_SOFTWARE=1 argmap"));
        assert!(text.contains("WAYLAND_DISPLAY= argmap"));
        let x11_only = Session {
            x11: Some(":0".into()),
            wayland: None,
        };
        assert!(!explain(Stage::OpenGl, "e", &x11_only).contains("WAYLAND_DISPLAY= argmap"));
    }

    #[test]
    fn an_app_error_is_told_apart() {
        let error = eframe::Error::AppCreation("boom".into());
        assert_eq!(stage(&error), Stage::App);
        assert!(explain(stage(&error), &error.to_string(), &Session::default()).contains("boom"));
    }
}
