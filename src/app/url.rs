//! Which addresses argmap will hand to the browser. A map file is untrusted input: nothing in
//! it runs or opens by itself, and a click opens only ordinary web and mail addresses.

/// The address to open, trimmed, if it is http, https or mailto; otherwise why not.
pub fn openable(url: &str) -> Result<&str, String> {
    let url = url.trim();
    if url.is_empty() {
        return Err("This source has no address.".into());
    }
    // Control characters and spaces could hide what is really opened.
    let hidden = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if url
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || hidden(c))
    {
        return Err(
            "This address contains spaces or control characters; argmap will not open it.".into(),
        );
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
        assert!(
            openable("https://example.org/\u{202e}gpj.exe").is_err(),
            "hidden direction override"
        );
    }
}
