//! Words and punctuation of a sentence, with byte spans into the document.

use std::borrow::Cow;

use crate::normalize::{is_alphabetic, is_alphanumeric};

/// One token: a word (letters and digits, with inner `/ - . & '` as in
/// "25/10/2025", "68-NQ/TW", "TP.HCM") or one punctuation character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
}

impl Token {
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

fn joins_word(c: char) -> bool {
    matches!(c, '/' | '-' | '.' | '&' | '\'')
}

/// Tokens of `doc[start..end]`.
pub fn tokenize(doc: &str, start: usize, end: usize) -> Vec<Token> {
    let text = &doc[start..end];
    // about one token in four bytes of news text: few reallocations
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if is_alphanumeric(c) {
            let mut end_pos = pos + c.len_utf8();
            let mut rest = text[end_pos..].chars();
            while let Some(d) = rest.next() {
                if is_alphanumeric(d) || unicode_mark(d) {
                    end_pos += d.len_utf8();
                } else if let Some(e) = rest.next().filter(|&e| joins_word(d) && is_alphanumeric(e))
                {
                    end_pos += d.len_utf8() + e.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Token {
                start: start + pos,
                end: start + end_pos,
                word: true,
            });
            pos = end_pos;
        } else {
            out.push(Token {
                start: start + pos,
                end: start + pos + c.len_utf8(),
                word: false,
            });
            pos += c.len_utf8();
        }
    }
    out
}

fn unicode_mark(c: char) -> bool {
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c)
}

/// `word.to_lowercase()`, borrowing a word that has no upper case (most
/// words, and every number).
pub fn lower_case(word: &str) -> Cow<'_, str> {
    let is_lower = if word.is_ascii() {
        !word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        // 'Σ' aside (not unchanged anyway), lower-casing goes char by char
        word.chars().all(lowers_to_itself)
    };
    if is_lower {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(crate::lexicon::to_lower(word))
    }
}

/// Whether `c.to_lowercase()` is `c`: ASCII and precomposed Latin letters
/// (all of Vietnamese) without a look-up in the case tables.
fn lowers_to_itself(c: char) -> bool {
    use std::sync::OnceLock;
    const LATIN: std::ops::Range<u32> = 0xC0..0x250;
    const LATIN_ADDITIONAL: std::ops::Range<u32> = 0x1E00..0x1F00;
    static TABLE: OnceLock<Vec<bool>> = OnceLock::new();
    let code = u32::from(c);
    let ix = if c.is_ascii() {
        return !c.is_ascii_uppercase();
    } else if LATIN.contains(&code) {
        code - LATIN.start
    } else if LATIN_ADDITIONAL.contains(&code) {
        code - LATIN_ADDITIONAL.start + LATIN.len() as u32
    } else {
        return lowers_to_itself_by_tables(c);
    };
    let table = TABLE.get_or_init(|| {
        LATIN
            .chain(LATIN_ADDITIONAL)
            .map(|code| char::from_u32(code).is_some_and(lowers_to_itself_by_tables))
            .collect()
    });
    table[ix as usize]
}

fn lowers_to_itself_by_tables(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

/// The words of `text` as `split_whitespace` cuts them, through ASCII
/// whitespace alone when `text` has no byte that may begin other
/// whitespace (most names): that is cheaper than decoding every character.
pub fn words(text: &str) -> Vec<&str> {
    // besides ASCII's, whitespace is U+000B, U+0085 and U+00A0 (0xC2 ..),
    // U+1680 (0xE1 0x9A ..), U+2000 to U+205F (0xE2 ..) and U+3000 (0xE3 ..)
    let bytes = text.as_bytes();
    let other_space = bytes.iter().enumerate().any(|(i, &b)| {
        matches!(b, 0x0B | 0xC2 | 0xE2 | 0xE3) || (b == 0xE1 && bytes.get(i + 1) == Some(&0x9A))
    });
    match other_space {
        true => text.split_whitespace().collect(),
        false => text.split_ascii_whitespace().collect(),
    }
}

/// Whether a word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is an acronym: two or more letters, all upper case
/// ("UNODC", "TTXVN", "HĐND").
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|&c| is_alphabetic(c)).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
}

/// Whether a word is an initialism, possibly with inner "-", "." or "/"
/// ("GD-ĐT", "KH-CN", "TNHH"): two or more letters, all upper case, no digit.
pub fn is_initialism(word: &str) -> bool {
    let letters = word.chars().filter(|&c| is_alphabetic(c)).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '-' | '.' | '/' | '&'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_punctuation() {
        let s = "Sáng 25-26/10/2025, TP.HCM (UNODC) ký 68-NQ/TW.";
        let toks: Vec<&str> = tokenize(s, 0, s.len()).iter().map(|t| t.text(s)).collect();
        assert_eq!(
            toks,
            [
                "Sáng",
                "25-26/10/2025",
                ",",
                "TP.HCM",
                "(",
                "UNODC",
                ")",
                "ký",
                "68-NQ/TW",
                "."
            ]
        );
        assert!(is_acronym("UNODC") && is_acronym("HĐND") && !is_acronym("Bộ"));
        assert!(is_initialism("GD-ĐT") && is_initialism("TNHH") && !is_initialism("68-NQ/TW"));
        assert!(is_capitalised("Đại") && !is_capitalised("đại"));
    }

    #[test]
    fn words_are_split_whitespace() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!(" Hà{c}Nội  {c} ệ");
            assert_eq!(words(&s), s.split_whitespace().collect::<Vec<_>>(), "{c:?}");
        }
    }

    #[test]
    fn lower_case_table_agrees_with_the_case_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(lowers_to_itself(c), lowers_to_itself_by_tables(c), "{c:?}");
        }
        for word in ["hà", "Hà", "HÀ", "ẞ", "İ", "Ⱥ", "ΣΑ", "σ", "25/10", "ǅ"] {
            assert_eq!(lower_case(word), word.to_lowercase(), "{word}");
        }
    }
}
