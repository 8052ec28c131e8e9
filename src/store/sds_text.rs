//! Redis's two text forms of a binary string: `sdssplitargs` (a line of words, quoted
//! where needed, as redis-cli, function shebangs and the append-only manifest write them)
//! and `sdscatrepr` (a string in double quotes with C escapes, as MONITOR and the manifest
//! print it). [`split_args`] reads what [`quote`] writes.

use std::fmt::Write;

/// Splits a line as Redis's `sdssplitargs`: white space separates words, double quotes
/// (with C escapes) and single quotes group them. `None` for an unbalanced quote.
pub(crate) fn split_args(line: &[u8]) -> Option<Vec<Vec<u8>>> {
    let line = crate::store::c_string::c_string(line);
    let is_space = |b: u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0x0b | 0x0c);
    let mut words = Vec::new();
    let mut at = 0;
    loop {
        while at < line.len() && is_space(line[at]) {
            at += 1;
        }
        if at >= line.len() {
            return Some(words);
        }
        let mut word = Vec::new();
        let (mut double, mut single) = (false, false);
        loop {
            let c = line.get(at).copied();
            if double {
                match (c, line.get(at + 1).copied()) {
                    (None, _) => return None,
                    (Some(b'\\'), Some(b'x'))
                        if line.get(at + 2).is_some_and(u8::is_ascii_hexdigit)
                            && line.get(at + 3).is_some_and(u8::is_ascii_hexdigit) =>
                    {
                        let hex = std::str::from_utf8(&line[at + 2..at + 4]).ok()?;
                        word.push(u8::from_str_radix(hex, 16).ok()?);
                        at += 3;
                    }
                    (Some(b'\\'), Some(escaped)) => {
                        word.push(match escaped {
                            b'n' => b'\n',
                            b'r' => b'\r',
                            b't' => b'\t',
                            b'b' => 0x08,
                            b'a' => 0x07,
                            other => other,
                        });
                        at += 1;
                    }
                    (Some(b'"'), next) => {
                        if next.is_some_and(|b| !is_space(b)) {
                            return None;
                        }
                        at += 1;
                        break;
                    }
                    (Some(c), _) => word.push(c),
                }
            } else if single {
                match (c, line.get(at + 1).copied()) {
                    (None, _) => return None,
                    (Some(b'\\'), Some(b'\'')) => {
                        word.push(b'\'');
                        at += 1;
                    }
                    (Some(b'\''), next) => {
                        if next.is_some_and(|b| !is_space(b)) {
                            return None;
                        }
                        at += 1;
                        break;
                    }
                    (Some(c), _) => word.push(c),
                }
            } else {
                match c {
                    None => break,
                    Some(b) if is_space(b) => break,
                    Some(b'"') => double = true,
                    Some(b'\'') => single = true,
                    Some(b) => word.push(b),
                }
            }
            at += 1;
        }
        words.push(word);
    }
}

/// Appends `word` in double quotes as redis-server's `sdscatrepr` writes it: `\\`, `\"`,
/// `\n`, `\r`, `\t`, `\a`, `\b` escaped, other unprintable bytes as `\xHH`.
pub(crate) fn quote(text: &mut String, word: &[u8]) {
    text.push('"');
    for &byte in word {
        match byte {
            b'\\' => text.push_str("\\\\"),
            b'"' => text.push_str("\\\""),
            b'\n' => text.push_str("\\n"),
            b'\r' => text.push_str("\\r"),
            b'\t' => text.push_str("\\t"),
            0x07 => text.push_str("\\a"),
            0x08 => text.push_str("\\b"),
            0x20..=0x7e => text.push(byte as char),
            _ => {
                let _ = write!(text, "\\x{byte:02x}");
            }
        }
    }
    text.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_args_groups_quotes_and_decodes_escapes() {
        let words = split_args(br#"#!lua "a b" 'c\'d' "\x41\n""#).unwrap();
        assert_eq!(
            words,
            vec![
                b"#!lua".to_vec(),
                b"a b".to_vec(),
                b"c'd".to_vec(),
                b"A\n".to_vec()
            ]
        );
        assert_eq!(split_args(b"\"unterminated"), None);
        assert_eq!(split_args(b"\"closed\"x"), None);
        assert_eq!(split_args(b"  "), Some(vec![]));
    }

    #[test]
    fn quoted_words_split_back_to_themselves() {
        let word = b"a \"b\"\\\n\x01\xff".to_vec();
        let mut text = String::new();
        quote(&mut text, &word);
        assert_eq!(split_args(text.as_bytes()), Some(vec![word]));
    }
}
