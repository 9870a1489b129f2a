//! Words and punctuation of a sentence, with byte spans into the document.

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
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_alphanumeric() || unicode_mark(d) {
                    j += 1;
                } else if joins_word(d) && j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric() {
                    j += 2;
                } else {
                    break;
                }
            }
            let end_pos = chars.get(j).map_or(text.len(), |&(p, _)| p);
            out.push(Token {
                start: start + pos,
                end: start + end_pos,
                word: true,
            });
            i = j;
        } else {
            out.push(Token {
                start: start + pos,
                end: start + pos + c.len_utf8(),
                word: false,
            });
            i += 1;
        }
    }
    out
}

fn unicode_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Whether a word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is an acronym: two or more letters, all upper case
/// ("UNODC", "TTXVN", "HĐND").
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
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
        assert!(is_capitalised("Đại") && !is_capitalised("đại"));
    }
}
