//! Redis's glob patterns, matched in bounded time.
//!
//! The syntax is redis-server's `stringmatchlen`: `*` (any run), `?` (any one byte),
//! `[abc]`, `[a-z]` (a reversed range such as `[z-a]` counts too), `[^a]` (negation), and
//! `\x` (a literal `x`, also inside classes). Quirks kept on purpose because KEYS, SCAN MATCH
//! and PSUBSCRIBE users depend on them: an unterminated class runs to the end of the
//! pattern, a `\` at the very end matches a literal `\`, and in `[a-]` the range is `]`..`a`.
//!
//! Redis's original matcher recursed at every `*` and took exponential time on patterns
//! such as `a*a*a*a*a*a*a*a*a*b` (CVE-2022-36021). This one compiles the pattern into tokens,
//! each of which consumes exactly one byte except `*`, and matches with the classic
//! two-pointer algorithm that backtracks only to the most recent `*`: that is correct for such
//! tokens and costs at most O(pattern × text) steps.

/// A compiled glob pattern.
///
/// ```
/// use embedis::Glob;
/// let glob = Glob::new(b"user:[0-9]*");
/// assert!(glob.matches(b"user:42"));
/// assert!(!glob.matches(b"user:x"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    tokens: Vec<Token>,
    /// `*` alone matches everything, the empty string included (KEYS and SCAN MATCH skip
    /// matching for it); checked first because it is the common default.
    match_all: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// `*`: any run of bytes, possibly empty (consecutive stars are folded into one).
    Star,
    /// `?`: any one byte.
    Any,
    /// One literal byte.
    Byte(u8),
    /// A bracket class: the bytes it admits, as a 256-bit set.
    Class(Box<[bool; 256]>),
}

impl Glob {
    /// Compiles `pattern`. Every byte string is a valid pattern, as in Redis.
    ///
    /// ```
    /// assert!(embedis::Glob::new(b"news.*").matches(b"news.sport"));
    /// ```
    pub fn new(pattern: &[u8]) -> Glob {
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < pattern.len() {
            match pattern[i] {
                b'*' => {
                    if tokens.last() != Some(&Token::Star) {
                        tokens.push(Token::Star);
                    }
                    i += 1;
                }
                b'?' => {
                    tokens.push(Token::Any);
                    i += 1;
                }
                b'[' => {
                    let (class, next) = compile_class(pattern, i + 1);
                    tokens.push(Token::Class(class));
                    i = next;
                }
                b'\\' if i + 1 < pattern.len() => {
                    tokens.push(Token::Byte(pattern[i + 1]));
                    i += 2;
                }
                byte => {
                    tokens.push(Token::Byte(byte));
                    i += 1;
                }
            }
        }
        let match_all = pattern == b"*";
        Glob { tokens, match_all }
    }

    /// Whether the pattern is empty: the only one the empty string matches under Redis's
    /// matcher, which KEYS bypasses for `*` but PSUBSCRIBE does not.
    ///
    /// ```
    /// assert!(embedis::Glob::new(b"").is_empty_pattern());
    /// assert!(!embedis::Glob::new(b"*").is_empty_pattern());
    /// ```
    pub fn is_empty_pattern(&self) -> bool {
        self.tokens.is_empty() && !self.match_all
    }

    /// Whether `text` matches the whole pattern.
    ///
    /// ```
    /// use embedis::Glob;
    /// let evil = Glob::new(b"a*a*a*a*a*a*a*a*a*a*a*a*b");
    /// assert!(!evil.matches(&[b'a'; 10_000])); // fast, not exponential
    /// assert!(Glob::new(b"h?llo").matches(b"hallo"));
    /// assert!(Glob::new(b"h[^e]llo").matches(b"hallo"));
    /// ```
    pub fn matches(&self, text: &[u8]) -> bool {
        if self.match_all {
            return true;
        }
        if text.is_empty() {
            // Redis's matcher consumes the pattern only while there is text left, so the
            // empty string matches nothing but the empty pattern (`**` and `?*` miss it).
            return self.tokens.is_empty();
        }
        let tokens = &self.tokens;
        let (mut t, mut s) = (0, 0);
        // Where the last `*` was, and the text position it is currently made to cover up to.
        let mut star: Option<(usize, usize)> = None;
        while s < text.len() {
            if t < tokens.len() {
                match &tokens[t] {
                    Token::Star => {
                        star = Some((t, s));
                        t += 1;
                        continue;
                    }
                    token if token_matches(token, text[s]) => {
                        t += 1;
                        s += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            // Mismatch: let the last star swallow one more byte, or fail.
            match star {
                Some((star_t, star_s)) => {
                    star = Some((star_t, star_s + 1));
                    t = star_t + 1;
                    s = star_s + 1;
                }
                None => return false,
            }
        }
        tokens[t..].iter().all(|token| *token == Token::Star)
    }
}

fn token_matches(token: &Token, byte: u8) -> bool {
    match token {
        Token::Star | Token::Any => true,
        Token::Byte(expected) => *expected == byte,
        Token::Class(set) => set[usize::from(byte)],
    }
}

/// Compiles the class starting after its `[`; returns the set and the index after the class.
fn compile_class(pattern: &[u8], mut i: usize) -> (Box<[bool; 256]>, usize) {
    let mut set = Box::new([false; 256]);
    let negate = pattern.get(i) == Some(&b'^');
    if negate {
        i += 1;
    }
    loop {
        let remaining = pattern.len().saturating_sub(i);
        match pattern.get(i) {
            None => break, // unterminated: the class ends with the pattern
            Some(b']') => {
                i += 1;
                break;
            }
            Some(b'\\') if remaining >= 2 => {
                set[usize::from(pattern[i + 1])] = true;
                i += 2;
            }
            Some(&start) if remaining >= 3 && pattern[i + 1] == b'-' => {
                // Redis compares the bytes of a range as C `char`s, signed on x86-64: a
                // bound of 0x80 or more is negative, so `[a-\xff]` is `\xff`..`a` and
                // admits `A` but not `b`.
                let (start, end) = (start as i8, pattern[i + 2] as i8);
                let (low, high) = if start <= end {
                    (start, end)
                } else {
                    (end, start)
                };
                for byte in low..=high {
                    set[usize::from(byte as u8)] = true;
                }
                i += 3;
            }
            Some(&byte) => {
                set[usize::from(byte)] = true;
                i += 1;
            }
        }
    }
    if negate {
        for admitted in set.iter_mut() {
            *admitted = !*admitted;
        }
    }
    (set, i)
}

#[cfg(test)]
mod tests {
    use super::Glob;

    fn m(pattern: &str, text: &str) -> bool {
        Glob::new(pattern.as_bytes()).matches(text.as_bytes())
    }

    #[test]
    fn star_question_and_literals() {
        assert!(m("*", ""));
        assert!(m("*", "anything"));
        assert!(m("a*", "a"));
        assert!(m("a*c", "abbbc"));
        assert!(!m("a*c", "abbb"));
        assert!(m("*a*b*", "xxaxxbxx"));
        assert!(m("h?llo", "hello"));
        assert!(!m("h?llo", "hllo"));
        assert!(!m("", "a"));
        assert!(m("", ""));
        assert!(m("*", ""), "`*` alone matches everything");
        assert!(
            !m("**", ""),
            "otherwise the empty string matches only the empty pattern"
        );
        assert!(!m("?*", ""));
    }

    #[test]
    fn ranges_compare_signed_chars() {
        let glob = Glob::new(b"[a-\xff]");
        assert!(glob.matches(b"\xff"));
        assert!(glob.matches(b"A"));
        assert!(glob.matches(b"a"));
        assert!(!glob.matches(b"b"));
        assert!(!glob.matches(b"\x80"));
    }

    #[test]
    fn classes_ranges_and_negation() {
        assert!(m("h[ae]llo", "hallo"));
        assert!(!m("h[ae]llo", "hillo"));
        assert!(m("h[^e]llo", "hallo"));
        assert!(!m("h[^e]llo", "hello"));
        assert!(m("h[a-b]llo", "hbllo"));
        assert!(m("h[b-a]llo", "hallo"), "reversed range");
        assert!(!m("[]", "a"), "empty class admits nothing");
        assert!(m("[^]", "a"));
    }

    #[test]
    fn escapes_and_quirks() {
        assert!(m("\\*", "*"));
        assert!(!m("\\*", "a"));
        assert!(m("a\\", "a\\"), "trailing backslash is literal");
        assert!(m("[\\]]", "]"));
        assert!(m("[a-]", "]"), "in [a-] the range runs from ']' to 'a'");
        assert!(m("[a-]", "_"));
        assert!(!m("[a-]", "b"));
        assert!(m("[abc", "b"), "unterminated class ends with the pattern");
        assert!(!m("a[", "a"));
    }

    #[test]
    fn pathological_pattern_is_fast() {
        let text = vec![b'a'; 50_000];
        let glob = Glob::new(b"a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b");
        assert!(!glob.matches(&text));
    }
}
