//! Text inside Argdown statements: escaping for the writer, shortcodes and normalising for the
//! reader, and which titles are safe to write.
//!
//! The rules follow the lexer of the reference implementation (`@argdown/core` 1.7.5): a
//! backslash escapes any character; `.name.` and `:name:` are "special characters" that turn
//! into symbols when they are known shortcodes (`.->.` → →) and stay literal otherwise.

/// The shortcodes of `@argdown/core` 1.7.5 (`plugins/shortcodes.js`) and what they become.
pub const SHORTCODES: &[(&str, &str)] = &[
    (".A.", "∀"),
    (":A:", "∀"),
    (".E.", "∃"),
    (":E:", "∃"),
    (".O.", "𝗢"),
    (":O:", "𝗢"),
    (".P.", "𝗣"),
    (":P:", "𝗣"),
    (".->.", "→"),
    (":->:", "→"),
    (".<->.", "↔"),
    (":<->:", "↔"),
    (".~.", "¬"),
    (":~:", "¬"),
    (".^.", "∧"),
    (":^:", "∧"),
    (".v.", "∨"),
    (":v:", "∨"),
    (".v_.", "⊻"),
    (":v_:", "⊻"),
    (".<>.", "◇"),
    (":<>:", "◇"),
    (".[].", "◻"),
    (":[]:", "◻"),
    (":happy:", "😀"),
    (".happy.", "😀"),
    (":smile:", "☺️"),
    (".smile.", "☺"),
    (":smiley:", "☺"),
    (".smiley.", "☺"),
    (":laugh:", "😆"),
    (".laugh.", "😆"),
    (":lol:", "😆"),
    (".lol.", "😆"),
    (":rofl:", "🤣"),
    (".rofl.", "🤣"),
    (":joy:", "😂"),
    (".joy.", "😂"),
    (":heart:", "❤"),
    (".heart.", "❤"),
    (".?.", "❓"),
    (":?:", "❓"),
    (".question.", "❓"),
    (":question:", "❓"),
    (":love:", "😍"),
    (".love.", "😍"),
    (":wink:", "😉"),
    (".wink.", "😉"),
    (":shush:", "🤫"),
    (".shush.", "🤫"),
    (":meh:", "😐"),
    (".meh.", "😐"),
    (":eye-roll:", "🙄"),
    (".eye-roll.", "🙄"),
    (":sad:", "😢"),
    (".sad.", "😢"),
    (":disappointed:", "😞"),
    (".disappointed.", "😞"),
    (":scream:", "😱"),
    (".scream.", "😱"),
    (":+1:", "👍"),
    (".+1.", "👍"),
    (":up:", "👍"),
    (".up.", "👍"),
    (":-1:", "👎"),
    (".-1.", "👎"),
    (":down:", "👎"),
    (".down.", "👎"),
    (":think:", "🤔"),
    (".think.", "🤔"),
    (".star.", "⭐"),
    (":star:", "⭐"),
    (".y.", "✔"),
    (":y:", "✔"),
    (".agree.", "✔"),
    (":agree:", "✔"),
    (".n.", "❌"),
    (":n:", "❌"),
    (".disagree.", "❌"),
    (":disagree:", "❌"),
];

/// The symbol a special character stands for, when it is a known shortcode.
pub fn shortcode(code: &str) -> Option<&'static str> {
    SHORTCODES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, symbol)| *symbol)
}

/// Whitespace as JavaScript's `\s` sees it (what Argdown's patterns mean by a space).
pub fn js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

/// Length in characters of the special character (`.x.` or `:x:`, plus one following space or
/// tab) starting at `chars[i]`, if one starts there.
pub fn special_char_len(chars: &[char], i: usize) -> Option<usize> {
    special_char(chars.get(i..)?.iter().copied()).map(|(chars, _)| chars)
}

/// The special character (`.x.` or `:x:`, plus one following space or tab) that `chars`
/// start with, if they start with one: its length in characters and in bytes.
pub fn special_char(chars: impl Iterator<Item = char>) -> Option<(usize, usize)> {
    let mut chars = chars.peekable();
    let delim = chars.next()?;
    if delim != '.' && delim != ':' {
        return None;
    }
    // At least one non-space character, then the first closing delimiter.
    let first = chars.next().filter(|c| !js_space(*c))?;
    let (mut count, mut bytes) = (2, 1 + first.len_utf8());
    loop {
        let c = chars.next()?;
        count += 1;
        bytes += c.len_utf8();
        if c == delim {
            let trailing = usize::from(matches!(chars.peek(), Some(' ' | '\t')));
            return Some((count + trailing, bytes + trailing));
        }
        if js_space(c) {
            return None;
        }
    }
}

/// `text` on one line, as a statement shows it: control characters and runs of whitespace
/// become one space, and the ends are trimmed.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// `text` (already on one line, see [`one_line`]) escaped so that Argdown reads it back as
/// exactly this text: every character that could start markup is escaped with a backslash,
/// and special characters are escaped only when they would turn into a symbol.
pub fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '.' | ':' => match special_char_len(&chars, i) {
                Some(len) => {
                    let span: String = chars[i..i + len].iter().collect();
                    if shortcode(span.trim_end_matches([' ', '\t'])).is_some() {
                        out.push('\\');
                        out.push(c);
                        i += 1;
                    } else {
                        // Argdown reads the whole span as one literal token: escapes inside it
                        // would stay in the text, so it is written as it is.
                        out.push_str(&span);
                        i += len;
                    }
                    continue;
                }
                None => out.push(c),
            },
            '\\' | '[' | ']' | '<' | '{' | '}' | '#' | '*' | '_' | '@' => {
                out.push('\\');
                out.push(c);
            }
            '/' if matches!(next, Some('/' | '*')) => out.push_str("\\/"),
            '=' if next == Some('=') && chars.get(i + 2) == Some(&'=') => out.push_str("\\="),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Characters a title written by argmap may hold (besides letters and digits).
const TITLE_PUNCTUATION: &str = " -_.,'&()+!?";

/// True when `title` can be written as `[title]` and read back unchanged by Argdown and by
/// argmap, and is pleasant to read.
pub fn is_safe_title(title: &str) -> bool {
    !title.is_empty()
        && title.chars().count() <= 60
        && !title.starts_with(['-', ' '])
        && !title.ends_with(' ')
        && !title.contains("  ")
        && title
            .chars()
            .all(|c| c.is_alphanumeric() || TITLE_PUNCTUATION.contains(c))
}

/// A readable title made of the first words of `text` (letters, digits and a few marks).
pub fn title_from_text(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-'".contains(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut title = String::new();
    for word in cleaned.split_whitespace().take(6) {
        let word = word.trim_start_matches('-');
        if word.is_empty() {
            continue;
        }
        if title.chars().count() + word.chars().count() + 1 > 48 {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_chars_match_like_argdown() {
        let chars: Vec<char> = "e.g. x".chars().collect();
        assert_eq!(special_char_len(&chars, 1), Some(4)); // ".g. "
        let chars: Vec<char> = "a. b.".chars().collect();
        assert_eq!(special_char_len(&chars, 1), None);
        let chars: Vec<char> = "...".chars().collect();
        assert_eq!(special_char_len(&chars, 0), Some(3));
        assert_eq!(shortcode(".->."), Some("→"));
        assert_eq!(shortcode(".g."), None);
    }

    #[test]
    fn escape_hides_markup_and_keeps_ordinary_text_readable() {
        assert_eq!(
            escape("Air improved 30% (see p. 4)."),
            "Air improved 30% (see p. 4)."
        );
        assert_eq!(
            escape("[a] <b> {c} #d *e* _f_ @g"),
            "\\[a\\] \\<b> \\{c\\} \\#d \\*e\\* \\_f\\_ \\@g"
        );
        assert_eq!(escape("https://x.org/a"), "https:\\//x.org/a");
        assert_eq!(escape("a === b"), "a \\=== b");
        assert_eq!(escape("x .->. y"), "x \\.->. y");
        assert_eq!(escape("e.g. this"), "e.g. this");
        assert_eq!(escape("back\\slash"), "back\\\\slash");
    }

    #[test]
    fn one_line_collapses_whitespace_and_controls() {
        assert_eq!(one_line("  a \n\t b\u{0}c  "), "a b c");
        assert_eq!(one_line("\n"), "");
    }

    #[test]
    fn safe_titles_and_titles_from_text() {
        assert!(is_safe_title("ev-rouhani-obama-rejected"));
        assert!(is_safe_title("Statement 1"));
        assert!(!is_safe_title("a]b"));
        assert!(!is_safe_title("-x"));
        assert!(!is_safe_title(""));
        assert_eq!(
            title_from_text("The city should ban [private] cars from the old town."),
            "The city should ban private cars"
        );
        assert_eq!(title_from_text("--- !!!"), "");
    }
}
