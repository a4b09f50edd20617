//! Splits Argdown text into tokens, the way the reference lexer (`@argdown/core` 1.7.5,
//! `lexer.js`) does: the same token kinds, tried in the same order, with the same rules for
//! what only counts at the start of a line. Where the reference lexer gives up (a backslash
//! before a line break, an unclosed `/*`), this one reads the characters as text instead and
//! says so.

use super::text::{js_space, shortcode, special_char};
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::VecDeque;

/// How the element on a relation line bears on the element above it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// `+` or `<+`: the line's element supports the one above.
    ChildSupports,
    /// `-` or `<-`: the line's element attacks the one above.
    ChildAttacks,
    /// `_` or `<_`: the line's element undercuts the one above.
    ChildUndercuts,
    /// `+>`: the element above supports the line's element.
    ParentSupports,
    /// `->`: the element above attacks the line's element.
    ParentAttacks,
    /// `_>`: the element above undercuts the line's element.
    ParentUndercuts,
    /// `><`: the two contradict each other.
    Contradicts,
}

#[derive(Clone, Debug, PartialEq)]
/// Texts are borrowed from the input where they are written as they are: a token is
/// then no allocation of its own.
pub enum Tok<'a> {
    /// YAML between `===` lines.
    FrontMatter(Cow<'a, str>),
    /// `{…}` YAML data, braces included.
    Data(Cow<'a, str>),
    Newline,
    /// One or more blank lines.
    Emptyline,
    /// A relation marker at the start of a line, indented by `indent` characters.
    Relation {
        rel: Rel,
        indent: usize,
    },
    Heading(usize),
    /// `(n)` at the start of a line: a statement of a premise–conclusion structure.
    StatementNumber(Cow<'a, str>),
    /// `*` or `1.` at the start of a line.
    ListItem,
    /// An inference line (`----`) or block (`--` rules `--`).
    Inference {
        rules: Cow<'a, str>,
        data: Option<&'a str>,
    },
    StatementDef(Cow<'a, str>),
    StatementRef(Cow<'a, str>),
    ArgumentDef(Cow<'a, str>),
    ArgumentRef(Cow<'a, str>),
    Tag(Cow<'a, str>),
    Text(Cow<'a, str>),
    /// An emphasis marker (`**`, `__`, `*`, `_`), opening or closing.
    Emph {
        marker: &'static str,
        open: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token<'a> {
    pub tok: Tok<'a>,
    /// Byte offset in the input.
    pub at: usize,
}

/// All the tokens of a text.
#[cfg(test)]
pub struct Lexed<'a> {
    pub tokens: Vec<Token<'a>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Newline,
    Emptyline,
    Other,
}

/// Splits a text into tokens as they are asked for (see [`Lexer::next_token`]): a table of
/// all a big file's tokens took five times the file.
///
/// Positions are byte offsets into `text`, always at the start of a character. (A table of
/// the characters and their offsets took twelve bytes per byte of text.) Markup is ASCII, so
/// a search for it may step byte by byte: no byte of a longer character is ASCII.
pub struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    i: usize,
    last: Last,
    /// The last thing read was spaces skipped between tokens.
    after_skipped_spaces: bool,
    emph: Vec<&'static str>,
    /// Tokens read and not yet taken (one step of the lexer may read two).
    tokens: VecDeque<Token<'a>>,
    remarks: Vec<(usize, String)>,
    /// From where on `*/` and `-->` are known not to occur: a text full of unclosed `/*`
    /// must not be searched to its end once per `/*`.
    no_block_close_from: Cell<usize>,
    no_html_close_from: Cell<usize>,
    /// The last scan for the end of `{…}` data: (where it started, the first character it
    /// did not look at, its answer). A later start inside that range has the same answer or
    /// none, so a text full of `{` is scanned once, not once per `{`.
    last_data_scan: Cell<Option<(usize, usize, Option<usize>)>>,
    /// For each of [`CLOSERS`], the last search on a line: (where it started, where the
    /// closer is, or the line's end when it is not there; found?). A line full of `[` or `<`
    /// is then searched once per closer, not once per bracket.
    last_closer_scan: [Cell<Option<(usize, usize, bool)>>; CLOSERS.len()],
}

/// What [`Lexer::closed_on_line`] looks for.
const CLOSERS: [&str; 6] = ["](", "]:", "]", ")", ">:", ">"];

fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// Characters that end a run of free text (Argdown's `Freestyle` excludes them).
const CONTROL: &str = "\\@#*_[],.:;</>-\r\n(){}";
/// Characters that are text on their own when nothing else matches (`UnusedControlChar`).
const UNUSED_CONTROL: &str = "@#*_[],.:;</>-(){}";

/// Every token of `text` at once.
#[cfg(test)]
pub fn lex(text: &str) -> Lexed<'_> {
    let mut lexer = Lexer::new(text);
    Lexed {
        tokens: std::iter::from_fn(|| lexer.next_token()).collect(),
    }
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Self {
        Lexer {
            text,
            bytes: text.as_bytes(),
            i: 0,
            last: Last::Nothing,
            after_skipped_spaces: false,
            emph: Vec::new(),
            tokens: VecDeque::new(),
            remarks: Vec::new(),
            no_block_close_from: Cell::new(usize::MAX),
            no_html_close_from: Cell::new(usize::MAX),
            last_data_scan: Cell::new(None),
            last_closer_scan: Default::default(),
        }
    }

    /// The next token, none at the end of the text.
    pub fn next_token(&mut self) -> Option<Token<'a>> {
        // One token ahead, to know whether an empty line is the last token.
        while self.tokens.len() < 2 && self.i < self.len() {
            self.step();
        }
        let token = self.tokens.pop_front()?;
        // A trailing empty line ends nothing.
        if token.tok == Tok::Emptyline && self.tokens.is_empty() {
            return None;
        }
        Some(token)
    }

    /// The remarks so far (all of them once [`Self::next_token`] has given none).
    pub fn take_remarks(&mut self) -> Vec<(usize, String)> {
        std::mem::take(&mut self.remarks)
    }

    /// The character at byte `i` (none at the end, or inside a character).
    fn at(&self, i: usize) -> Option<char> {
        match self.bytes.get(i) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => self.text.get(i..)?.chars().next(),
            None => None,
        }
    }

    /// Where the character at `i` ends.
    fn after(&self, i: usize) -> usize {
        i + self.at(i).map_or(1, char::len_utf8)
    }

    fn starts(&self, i: usize, s: &str) -> bool {
        self.bytes
            .get(i..)
            .is_some_and(|b| b.starts_with(s.as_bytes()))
    }

    fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether byte `i` is a line break.
    fn break_at(&self, i: usize) -> bool {
        matches!(self.bytes.get(i), Some(b'\n' | b'\r'))
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[from..to]
    }

    fn push(&mut self, tok: Tok<'a>, start: usize) {
        self.after_skipped_spaces = false;
        self.last = match tok {
            Tok::Newline => Last::Newline,
            Tok::Emptyline => Last::Emptyline,
            _ => Last::Other,
        };
        self.tokens.push_back(Token { tok, at: start });
    }

    fn remark(&mut self, at: usize, message: impl Into<String>) {
        self.remarks.push((at, message.into()));
    }

    /// Reads what starts at `self.i` (a token, two, or something skipped).
    fn step(&mut self) {
        if self.comment() || self.front_matter() || self.data() || self.escaped() {
            return;
        }
        if self.special_char() || self.line_break() {
            return;
        }
        if matches!(self.last, Last::Nothing | Last::Newline | Last::Emptyline) && self.line_start()
        {
            return;
        }
        if self.emphasis() || self.bracketed() || self.tag() {
            return;
        }
        self.text_run();
    }

    /// Where a comment starting at `i` ends (exclusive), if one starts there.
    fn comment_end(&self, i: usize) -> Option<usize> {
        let find = |from: usize, end: &str, none_from: &Cell<usize>| {
            if from >= none_from.get() {
                return None;
            }
            let found = self.text[from..].find(end).map(|j| from + j + end.len());
            if found.is_none() {
                none_from.set(from);
            }
            found
        };
        if self.starts(i, "<!--") {
            find(i + 4, "-->", &self.no_html_close_from)
        } else if self.starts(i, "/*") {
            find(i + 2, "*/", &self.no_block_close_from)
        } else if self.starts(i, "//") {
            Some(
                (i..self.len())
                    .find(|&j| self.break_at(j))
                    .unwrap_or(self.len()),
            )
        } else {
            None
        }
    }

    /// Length of one line break with the spaces before it, at `i`.
    fn break_len(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while matches!(self.at(j), Some(' ' | '\t')) {
            j += 1;
        }
        match self.at(j) {
            Some('\r') if self.at(j + 1) == Some('\n') => Some(j + 2 - i),
            Some('\r' | '\n') => Some(j + 1 - i),
            _ => None,
        }
    }

    fn comment(&mut self) -> bool {
        let Some(mut end) = self.comment_end(self.i) else {
            if self.starts(self.i, "/*") || self.starts(self.i, "<!--") {
                self.remark(self.i, "this comment is never closed; it is read as text");
            }
            return false;
        };
        // Like Argdown, a comment on lines of its own takes its line breaks with it.
        match self.last {
            Last::Emptyline => {
                while let Some(len) = self.break_len(end) {
                    end += len;
                }
            }
            Last::Newline => {
                if let Some(len) = self.break_len(end)
                    && self.break_len(end + len).is_none()
                {
                    end += len;
                }
            }
            _ => {}
        }
        self.i = end;
        true
    }

    fn front_matter(&mut self) -> bool {
        if !self.starts(self.i, "===") {
            return false;
        }
        let mut open_end = self.i;
        while self.at(open_end) == Some('=') {
            open_end += 1;
        }
        let Some(close) = self.text[open_end..].find("===").map(|j| open_end + j) else {
            return false;
        };
        let mut close_end = close;
        while self.at(close_end) == Some('=') {
            close_end += 1;
        }
        let inner = Cow::Borrowed(self.slice(open_end, close));
        let start = self.i;
        self.i = close_end;
        self.push(Tok::FrontMatter(inner), start);
        true
    }

    /// Where `{…}` data starting at `i` ends (exclusive), by the rule of Argdown's pattern
    /// `{((?!}\s[^,}])(.|\n))*}(?!\s*(,|}))`: the last `}` that may close it before a `}`
    /// followed by a space and another character would have to be inside it.
    fn data_end(&self, i: usize) -> Option<usize> {
        if let Some((from, end, best)) = self.last_data_scan.get()
            && from <= i
            && i + 1 < end
        {
            // `best` is the last closing brace the scan found; none after it qualifies.
            return best.filter(|&b| b - 1 > i);
        }
        let mut best = None;
        let mut q = i + 1;
        while let Some(c) = self.at(q) {
            if c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                break;
            }
            if c == '}' {
                let mut r = q + 1;
                while let Some(space) = self.at(r).filter(|&c| js_space(c)) {
                    r += space.len_utf8();
                }
                if !matches!(self.at(r), Some(',' | '}')) {
                    best = Some(q + 1);
                }
                let blocks = self.at(q + 1).is_some_and(js_space)
                    && self
                        .at(self.after(q + 1))
                        .is_some_and(|c| !matches!(c, ',' | '}'));
                if blocks {
                    // This brace was looked at too.
                    q += 1;
                    break;
                }
            }
            q += c.len_utf8();
        }
        self.last_data_scan.set(Some((i, q, best)));
        best
    }

    fn data(&mut self) -> bool {
        if self.at(self.i) != Some('{') {
            return false;
        }
        let Some(end) = self.data_end(self.i) else {
            return false;
        };
        let start = self.i;
        let raw = Cow::Borrowed(self.slice(start, end));
        self.i = end;
        self.push(Tok::Data(raw), start);
        true
    }

    fn escaped(&mut self) -> bool {
        if self.at(self.i) != Some('\\') {
            return false;
        }
        let start = self.i;
        match self.at(self.i + 1) {
            Some(c) if !is_break(c) && c != '\u{2028}' && c != '\u{2029}' => {
                let mut text = c.to_string();
                self.i += 1 + c.len_utf8();
                while self.at(self.i) == Some(' ') {
                    text.push(' ');
                    self.i += 1;
                }
                self.push(Tok::Text(text.into()), start);
            }
            _ => {
                // Argdown cannot read a backslash at the end of a line; keep it as text.
                self.remark(start, "a backslash at the end of a line escapes nothing");
                self.i += 1;
                self.push(Tok::Text(Cow::Borrowed("\\")), start);
            }
        }
        true
    }

    fn special_char(&mut self) -> bool {
        let Some((_, len)) = special_char(self.text[self.i..].chars()) else {
            return false;
        };
        let start = self.i;
        let span = self.slice(start, start + len);
        let code = span.trim_end_matches([' ', '\t']);
        let text: Cow<str> = match shortcode(code) {
            Some(symbol) => format!("{symbol}{}", &span[code.len()..]).into(),
            None => span.into(),
        };
        self.i += len;
        self.push(Tok::Text(text), start);
        true
    }

    fn line_break(&mut self) -> bool {
        let Some(first) = self.break_len(self.i) else {
            return false;
        };
        let start = self.i;
        let mut end = start + first;
        let mut breaks = 1;
        while let Some(len) = self.break_len(end) {
            end += len;
            breaks += 1;
        }
        self.i = end;
        if breaks >= 2 && self.last != Last::Emptyline {
            self.emph.clear();
            self.push(Tok::Emptyline, start);
        } else if breaks >= 2 {
            // Already after an empty line (a comment took the line between).
        } else {
            self.push(Tok::Newline, start);
        }
        true
    }

    /// Relation markers, inference lines, headings, numbered statements and list items.
    fn line_start(&mut self) -> bool {
        let start = self.i;
        let mut j = start;
        while matches!(self.at(j), Some(' ' | '\t')) {
            j += 1;
        }
        let indent = j - start;
        if self.starts(j, "--") {
            self.inference(j);
            return true;
        }
        let next = self.at(j + 1);
        let relation = match (self.at(j), next) {
            (Some('+'), Some('>')) => Some((Rel::ParentSupports, 2)),
            (Some('-'), Some('>')) => Some((Rel::ParentAttacks, 2)),
            (Some('<'), Some('+')) => Some((Rel::ChildSupports, 2)),
            (Some('+'), _) => Some((Rel::ChildSupports, 1)),
            (Some('<'), Some('-')) => Some((Rel::ChildAttacks, 2)),
            (Some('-'), _) => Some((Rel::ChildAttacks, 1)),
            (Some('>'), Some('<')) => Some((Rel::Contradicts, 2)),
            (Some('_'), Some('>')) => Some((Rel::ParentUndercuts, 2)),
            (Some('<'), Some('_')) => Some((Rel::ChildUndercuts, 2)),
            (Some('_'), Some(c)) if js_space(c) => Some((Rel::ChildUndercuts, 1)),
            _ => None,
        };
        if let Some((rel, len)) = relation {
            self.i = j + len;
            self.emph.clear();
            self.push(Tok::Relation { rel, indent }, j);
            return true;
        }
        if self.at(j) == Some('#') {
            let mut k = j;
            while self.at(k) == Some('#') {
                k += 1;
            }
            if self.at(k) == Some(' ') {
                self.i = k + 1;
                self.push(Tok::Heading(k - j), j);
                return true;
            }
        }
        if self.at(j) == Some('(') {
            let mut k = j + 1;
            while self.at(k).is_some_and(|c| c.is_ascii_digit()) {
                k += 1;
            }
            if k > j + 1 && self.at(k) == Some(')') {
                let number = self.slice(j + 1, k);
                self.i = k + 1;
                self.push(Tok::StatementNumber(number.into()), j);
                return true;
            }
        }
        let mut k = j;
        while self.at(k).is_some_and(|c| c.is_ascii_digit()) {
            k += 1;
        }
        let ordered = k > j && self.at(k) == Some('.') && self.at(k + 1).is_some_and(js_space);
        let unordered = self.at(j) == Some('*') && self.at(j + 1).is_some_and(js_space);
        if ordered || unordered {
            self.i = if ordered { k + 1 } else { j + 1 };
            self.push(Tok::ListItem, j);
            return true;
        }
        false
    }

    /// `--` at `j`: an inference line (`----`, `-- rules --`) or block (`--`, rules, `--`).
    fn inference(&mut self, j: usize) {
        let line_end = (j..self.len())
            .find(|&k| self.break_at(k))
            .unwrap_or(self.len());
        let line = self.slice(j, line_end).trim().to_owned();
        let (content_start, close_start, close_end) = if line.chars().all(|c| c == '-')
            && line != "--"
        {
            // `----`: a complete inference line without rules.
            (line_end, line_end, line_end)
        } else {
            // Rules follow, up to the next run of two or more hyphens (on this line or a later
            // one, before an empty line); `{…}` data among them is skipped over.
            let from = j + 2;
            let mut k = from;
            let mut found = None;
            while k < self.len() {
                if self.bytes[k] == b'{'
                    && let Some(end) = self.data_end(k)
                {
                    k = end;
                    continue;
                }
                if self.starts(k, "--") {
                    let mut e = k;
                    while self.at(e) == Some('-') {
                        e += 1;
                    }
                    found = Some((k, e));
                    break;
                }
                if let Some(len) = self.break_len(k)
                    && self.break_len(k + len).is_some()
                {
                    break;
                }
                k += 1;
            }
            match found {
                Some((a, b)) => (from, a, b),
                None => {
                    self.remark(
                        j,
                        "this inference (`--`) is never closed with `--`; the rest of its line is read as its rules",
                    );
                    (from, line_end, line_end)
                }
            }
        };
        let content = self.slice(content_start, close_start);
        // Data inside the inference, if any, is kept apart from the rules.
        let (rules, data) = match (content.find('{'), content.rfind('}')) {
            (Some(a), Some(b)) if a < b => (
                Cow::Owned(format!("{}{}", &content[..a], &content[b + 1..])),
                Some(&content[a..=b]),
            ),
            _ => (Cow::Borrowed(content), None),
        };
        let rules = rules
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .into();
        self.i = close_end;
        self.push(Tok::Inference { rules, data }, j);
    }

    fn emphasis(&mut self) -> bool {
        const MARKERS: [&str; 4] = ["**", "__", "*", "_"];
        let start = self.i;
        for marker in MARKERS {
            if self.emph.last() == Some(&marker) && self.starts(start, marker) {
                let after = start + marker.len();
                let closes = match self.at(after) {
                    None => true,
                    Some(c) => " \t\n\r)}_.,!?;:-*".contains(c),
                };
                if closes && !self.after_skipped_spaces {
                    self.emph.pop();
                    self.i = after;
                    self.push(
                        Tok::Emph {
                            marker,
                            open: false,
                        },
                        start,
                    );
                    if matches!(self.at(self.i), Some(' ' | '\t')) {
                        self.i += 1;
                        self.push(Tok::Text(" ".into()), start);
                    }
                    return true;
                }
            }
        }
        for marker in MARKERS {
            if self.starts(start, marker)
                && self.at(start + marker.len()).is_some_and(|c| !js_space(c))
            {
                self.emph.push(marker);
                self.i = start + marker.len();
                self.push(Tok::Emph { marker, open: true }, start);
                return true;
            }
        }
        false
    }

    /// The end (exclusive) of `open` … `close` on one line, with at least one character
    /// between, when the first one between is allowed by `first_ok`.
    fn closed_on_line(
        &self,
        from: usize,
        close: &str,
        first_ok: impl Fn(char) -> bool,
    ) -> Option<usize> {
        let first = self.at(from)?;
        if is_break(first) || !first_ok(first) {
            return None;
        }
        self.first_on_line(from + first.len_utf8(), close)
            .map(|k| k + close.len())
    }

    /// Where `close` (one of [`CLOSERS`]) first starts at or after `start`, on this line.
    fn first_on_line(&self, start: usize, close: &str) -> Option<usize> {
        let memo = CLOSERS
            .iter()
            .position(|c| *c == close)
            .map(|i| &self.last_closer_scan[i]);
        // An earlier search from before `start` found the answer, unless it is before `start`.
        if let Some(Some((scanned_from, at, found))) = memo.map(Cell::get)
            && scanned_from <= start
            && start <= at
        {
            return found.then_some(at);
        }
        let mut k = start;
        while k < self.len() && !self.break_at(k) {
            if self.starts(k, close) {
                break;
            }
            k += 1;
        }
        let found = k < self.len() && !self.break_at(k);
        if let Some(m) = memo {
            m.set(Some((start, k, found)));
        }
        found.then_some(k)
    }

    /// Links, statement and argument definitions, references and mentions.
    fn bracketed(&mut self) -> bool {
        let start = self.i;
        let c = self.at(start);
        if c == Some('[') {
            // [text](url)
            // (No `]` before the `](`, and none of `)` before the `)`: that the first `]`
            // is the one of `](` says so without reading the text again.)
            if let Some(text_end) = self.closed_on_line(start + 1, "](", |c| c != ']')
                && self.first_on_line(start + 1, "]") == Some(text_end - 2)
                && let Some(url_end) = self.closed_on_line(text_end, ")", |c| c != ')')
            {
                let text = self.slice(start + 1, text_end - 2);
                let url = self.slice(text_end, url_end - 1);
                self.i = url_end;
                let mut shown = format!("{text} ({url})");
                if matches!(self.at(self.i), Some(' ' | '\t')) {
                    self.i += 1;
                    shown.push(' ');
                }
                self.push(Tok::Text(shown.into()), start);
                return true;
            }
            if let Some(end) = self.closed_on_line(start + 1, "]:", |_| true) {
                let title = self.slice(start + 1, end - 2);
                self.i = end;
                self.push(Tok::StatementDef(title.into()), start);
                return true;
            }
            if let Some(end) = self.closed_on_line(start + 1, "]", |c| c != '-') {
                let title = self.slice(start + 1, end - 1);
                self.i = end;
                self.push(Tok::StatementRef(title.into()), start);
                return true;
            }
        }
        if c == Some('@') && matches!(self.at(start + 1), Some('[' | '<')) {
            let close = if self.at(start + 1) == Some('[') {
                "]"
            } else {
                ">"
            };
            if let Some(mut end) = self.closed_on_line(start + 2, close, |_| true) {
                if matches!(self.at(end), Some(' ' | '\t')) {
                    end += 1;
                }
                let text = self.slice(start, end);
                self.i = end;
                self.push(Tok::Text(text.into()), start);
                return true;
            }
        }
        if c == Some('<') {
            if let Some(end) = self.closed_on_line(start + 1, ">:", |_| true) {
                let title = self.slice(start + 1, end - 2);
                self.i = end;
                self.push(Tok::ArgumentDef(title.into()), start);
                return true;
            }
            if let Some(end) = self.closed_on_line(start + 1, ">", |c| c != '-') {
                let title = self.slice(start + 1, end - 1);
                self.i = end;
                self.push(Tok::ArgumentRef(title.into()), start);
                return true;
            }
        }
        false
    }

    fn tag(&mut self) -> bool {
        let start = self.i;
        if self.at(start) != Some('#') {
            return false;
        }
        let (name, mut end) = if self.at(start + 1) == Some('(') {
            let mut k = start + 2;
            while self.bytes.get(k).is_some_and(|&b| b != b')') {
                k += 1;
            }
            if k == start + 2 || self.at(k) != Some(')') {
                return false;
            }
            (self.slice(start + 2, k), k + 1)
        } else {
            let tag_char = |c: char| {
                ('A'..='z').contains(&c)
                    || c.is_ascii_digit()
                    || c == '-'
                    || ('\u{a0}'..='\u{d7ff}').contains(&c)
                    || ('\u{f900}'..='\u{fdcf}').contains(&c)
                    || ('\u{fdf0}'..='\u{ffef}').contains(&c)
            };
            let mut k = start + 1;
            while let Some(c) = self.at(k).filter(|&c| tag_char(c)) {
                k += c.len_utf8();
            }
            if k == start + 1 {
                return false;
            }
            (self.slice(start + 1, k), k)
        };
        if matches!(self.at(end), Some(' ' | '\t')) {
            end += 1;
        }
        self.i = end;
        self.push(Tok::Tag(name.into()), start);
        true
    }

    /// Spaces (skipped, as Argdown skips them between tokens), free text, or one control
    /// character with the space after it.
    fn text_run(&mut self) {
        let start = self.i;
        let Some(c) = self.at(start) else {
            return;
        };
        if c == ' ' || c == '\t' {
            while matches!(self.at(self.i), Some(' ' | '\t')) {
                self.i += 1;
            }
            self.after_skipped_spaces = true;
            return;
        }
        if !CONTROL.contains(c) {
            while self
                .bytes
                .get(self.i)
                .is_some_and(|&b| !CONTROL.as_bytes().contains(&b))
            {
                self.i += 1;
            }
            let text = self.slice(start, self.i);
            self.push(Tok::Text(text.into()), start);
            return;
        }
        self.i += 1;
        if UNUSED_CONTROL.contains(c) && matches!(self.at(self.i), Some(' ' | '\t')) {
            self.i += 1;
        }
        let text = self.slice(start, self.i);
        self.push(Tok::Text(text.into()), start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok<'_>> {
        lex(text).tokens.into_iter().map(|t| t.tok).collect()
    }

    fn t(s: &str) -> Tok<'_> {
        Tok::Text(s.into())
    }

    #[test]
    fn statements_relations_and_data() {
        assert_eq!(
            toks("[A]: text #claim {id: \"a\"}\n  <+ [B]\n  - <C>: c\n"),
            vec![
                Tok::StatementDef("A".into()),
                t("text "),
                Tok::Tag("claim".into()),
                Tok::Data("{id: \"a\"}".into()),
                Tok::Newline,
                Tok::Relation {
                    rel: Rel::ChildSupports,
                    indent: 2
                },
                Tok::StatementRef("B".into()),
                Tok::Newline,
                Tok::Relation {
                    rel: Rel::ChildAttacks,
                    indent: 2
                },
                Tok::ArgumentDef("C".into()),
                t("c"),
                Tok::Newline,
            ]
        );
    }

    #[test]
    fn all_relation_markers() {
        let rels: Vec<Rel> =
            toks("a\n +> b\n -> c\n + d\n <+ e\n - f\n <- g\n >< h\n _> i\n <_ j\n _ k\n")
                .into_iter()
                .filter_map(|t| match t {
                    Tok::Relation { rel, .. } => Some(rel),
                    _ => None,
                })
                .collect();
        use Rel::*;
        assert_eq!(
            rels,
            vec![
                ParentSupports,
                ParentAttacks,
                ChildSupports,
                ChildSupports,
                ChildAttacks,
                ChildAttacks,
                Contradicts,
                ParentUndercuts,
                ChildUndercuts,
                ChildUndercuts
            ]
        );
    }

    #[test]
    fn comments_escapes_and_special_chars() {
        assert_eq!(
            toks("a // note\nb /* x\ny */ c <!-- z --> \\[d\\] .->. e.g."),
            vec![
                t("a "),
                Tok::Newline,
                t("b "),
                t("c "),
                t("["),
                t("d"),
                t("] "),
                t("→ "),
                t("e"),
                t(".g."),
            ]
        );
    }

    #[test]
    fn comment_lines_vanish_with_their_line_breaks() {
        assert_eq!(
            toks("a\n// only a comment\nb\n\n/* block */\n\nc"),
            vec![t("a"), Tok::Newline, t("b"), Tok::Emptyline, t("c")]
        );
    }

    #[test]
    fn pcs_inferences_headings_lists() {
        assert_eq!(
            toks("# Head\n\n(1) p\n----\n(2) c\n--\nModus ponens {uses: [1]}\n--\n* x\n1. y"),
            vec![
                Tok::Heading(1),
                t("Head"),
                Tok::Emptyline,
                Tok::StatementNumber("1".into()),
                t("p"),
                Tok::Newline,
                Tok::Inference {
                    rules: "".into(),
                    data: None
                },
                Tok::Newline,
                Tok::StatementNumber("2".into()),
                t("c"),
                Tok::Newline,
                Tok::Inference {
                    rules: "Modus ponens".into(),
                    data: Some("{uses: [1]}")
                },
                Tok::Newline,
                Tok::ListItem,
                t("x"),
                Tok::Newline,
                Tok::ListItem,
                t("y"),
            ]
        );
    }

    #[test]
    fn front_matter_links_mentions_emphasis() {
        assert_eq!(
            toks("===\ntitle: T\n===\n\n[A]: **bold** see [site](http://x.org) @[B] #(two words)"),
            vec![
                Tok::FrontMatter("\ntitle: T\n".into()),
                Tok::Emptyline,
                Tok::StatementDef("A".into()),
                Tok::Emph {
                    marker: "**",
                    open: true
                },
                t("bold"),
                Tok::Emph {
                    marker: "**",
                    open: false
                },
                t(" "),
                t("see "),
                t("site (http://x.org) "),
                t("@[B] "),
                Tok::Tag("two words".into()),
            ]
        );
    }

    #[test]
    fn data_ends_where_argdown_ends_it() {
        assert_eq!(
            toks("{a: \"x} y\"}"),
            vec![Tok::Data("{a: \"x}".into()), t("y\""), t("}")]
        );
        assert_eq!(
            toks("{a: {b: 1}}\n"),
            vec![Tok::Data("{a: {b: 1}}".into()), Tok::Newline]
        );
    }

    #[test]
    fn never_panics_and_always_advances() {
        for text in [
            "\\",
            "\\\n",
            "[",
            "[]",
            "[]]",
            "<",
            "<>",
            "@[",
            "#",
            "#(",
            "#()",
            "(",
            "(1",
            "--",
            "---",
            "-- x",
            "{",
            "{}",
            "}",
            "===",
            "=== x ===",
            "/*",
            "<!--",
            ".",
            "..",
            ":a",
            "*",
            "**",
            "_ ",
            "\r",
            "\r\n\r\n",
            "é\u{2028}x",
            "[a]:",
            "<a>:",
            "  \t  ",
        ] {
            let _ = lex(text);
        }
    }
}
