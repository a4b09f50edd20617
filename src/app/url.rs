//! Which addresses argmap will hand to the browser. A map file is untrusted input: nothing in
//! it runs or opens by itself, and a click opens only ordinary web and mail addresses.

use crate::text::{escape_hidden, is_hidden_char};
use std::borrow::Cow;

/// An address as the window shows it: hidden characters (direction overrides, zero-width
/// spaces) written out as `\u{202E}`, so that what is shown is the real address.
pub fn shown(url: &str) -> Cow<'_, str> {
    escape_hidden(url)
}

/// The address to open, trimmed, if it is http, https or mailto; otherwise why not.
pub fn openable(url: &str) -> Result<&str, String> {
    let url = url.trim();
    if url.is_empty() {
        return Err("This source has no address.".into());
    }
    // Hidden characters (a right-to-left override, zero-width spaces) and spaces could make
    // the address look like another: refused, with the real address shown.
    if url.contains(|c: char| c.is_whitespace() || is_hidden_char(c)) {
        return Err(format!(
            "This address contains spaces or hidden characters ({}); argmap will not open it.",
            shown(url)
        ));
    }
    let Some((scheme, rest)) = url.split_once(':') else {
        return Err(format!(
            "“{url}” has no scheme (such as https:); argmap will not open it."
        ));
    };
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" if rest.starts_with("//") && rest.len() > 2 => Ok(url),
        "mailto" if !rest.is_empty() => Ok(url),
        "http" | "https" | "mailto" => Err(format!("“{url}” is not a complete address.")),
        other => Err(format!(
            "argmap opens only http, https and mailto addresses, not “{other}:” ones."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::openable;

    #[test]
    fn web_and_mail_addresses_open() {
        assert_eq!(
            openable(" https://example.org/a?b=c "),
            Ok("https://example.org/a?b=c")
        );
        assert_eq!(openable("HTTP://Example.org"), Ok("HTTP://Example.org"));
        assert_eq!(
            openable("mailto:desk@example.org"),
            Ok("mailto:desk@example.org")
        );
    }

    #[test]
    fn everything_else_is_refused_with_a_reason() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "jAvAsCrIpT:alert(1)",
            "file:///etc/passwd",
            "FILE:///C:/Windows",
            "data:text/html,<script>",
            "vbscript:msgbox",
            "smb://server/share",
            "ssh://host",
        ] {
            let err = openable(url).unwrap_err();
            assert!(err.contains("only http, https and mailto"), "{url}: {err}");
        }
        assert!(openable("").is_err());
        assert!(openable("example.org").unwrap_err().contains("no scheme"));
        assert!(
            openable("https:")
                .unwrap_err()
                .contains("not a complete address")
        );
        assert!(openable("https://exa mple.org").is_err());
        let spoofed = openable("https://example.org/\u{202e}gpj.exe").unwrap_err();
        assert!(
            spoofed.contains("https://example.org/\\u{202E}gpj.exe"),
            "the real address is shown: {spoofed}"
        );
        for hidden in ['\u{200B}', '\u{2066}', '\u{FEFF}', '\u{061C}', '\u{E0041}'] {
            assert!(
                openable(&format!("https://a{hidden}b.org")).is_err(),
                "{hidden:?}"
            );
        }
    }

    #[test]
    fn addresses_are_shown_with_hidden_characters_written_out() {
        assert_eq!(
            super::shown("https://x.org/\u{202E}fdp.exe"),
            "https://x.org/\\u{202E}fdp.exe"
        );
        assert_eq!(super::shown("https://x.org/a"), "https://x.org/a");
    }
}
