//! How argmap reports a failure on stderr. Shared by the command line and the window's start
//! (which has no window to show an error in), so neither depends on the other.

/// Prints `argmap: error: …` to stderr: the one-line form every failure on stderr takes.
pub fn report_error(message: impl std::fmt::Display) {
    eprintln!("argmap: error: {message}");
}
