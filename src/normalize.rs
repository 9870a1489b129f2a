//! Text normalisation: one spelling for one word.
//!
//! Input arrives NFC or NFD, with old or new Vietnamese tone placement
//! ("hoà"/"hòa", "Uỷ"/"Ủy"), look-alike letters from scrapers (U+00D0 "Ð"
//! for U+0110 "Đ"), typographic quotes and dashes, non-breaking and
//! zero-width spaces, CR LF line ends. Everything downstream sees one form:
//! NFC, tone on the first vowel of an open "oa", "oe", "uy" (the placement
//! of the sample corpus and most Vietnamese news), ASCII quotes and hyphens,
//! plain spaces and `\n`. Byte spans in the graph's provenance refer to this
//! normalised text.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The five Vietnamese tone marks as combining characters.
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Returns `text` normalised as described in the module documentation.
pub fn normalize(text: &str) -> String {
    let mapped = map_chars(text);
    let nfc: String = match is_nfc_quick(mapped.chars()) {
        IsNormalized::Yes => mapped,
        _ => mapped.nfc().collect(),
    };
    if nfc.is_ascii() {
        return nfc;
    }
    place_tones(&nfc)
}

/// Character-level clean-up: look-alikes, quotes, dashes, spaces, controls.
fn map_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CR LF and lone CR both end a line
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{00D0}' => out.push('\u{0110}'), // Ð (Icelandic eth) for Đ
            '\u{00F0}' => out.push('\u{0111}'), // ð for đ
            '\u{0189}' => out.push('\u{0110}'), // Ɖ (African D) for Đ
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
            | '\u{2033}' => out.push('"'),
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push(' ')
            }
            // zero-width characters and byte order marks carry no text
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Moves the tone mark of open "oa", "oe", "uy" syllables onto their first
/// vowel ("hoà" → "hòa", "Uỷ" → "Ủy"); leaves "quý" and closed syllables
/// ("hoàng", "khuyến") alone, as both conventions agree on those.
fn place_tones(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush_word(&mut word, &mut out);
            out.push(c);
        }
    }
    flush_word(&mut word, &mut out);
    out
}

fn flush_word(word: &mut String, out: &mut String) {
    if word.is_ascii() || word.chars().count() > 7 {
        // ASCII needs nothing, and no Vietnamese syllable is longer
        out.push_str(word);
    } else {
        out.push_str(&retone_syllable(word));
    }
    word.clear();
}

fn retone_syllable(syllable: &str) -> String {
    // Base letters with their marks split off: (letter, marks on it).
    let mut letters: Vec<(char, Vec<char>)> = Vec::new();
    for c in syllable.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            match letters.last_mut() {
                Some(last) => last.1.push(c),
                None => return syllable.to_string(),
            }
        } else {
            letters.push((c, Vec::new()));
        }
    }
    let n = letters.len();
    if n < 2 {
        return syllable.to_string();
    }
    let lower = |i: usize| letters[i].0.to_lowercase().next().unwrap_or(letters[i].0);
    let (first, second) = (lower(n - 2), lower(n - 1));
    let open_pair = matches!((first, second), ('o', 'a') | ('o', 'e') | ('u', 'y'));
    let after_q = first == 'u' && n >= 3 && lower(n - 3) == 'q';
    let plain_first = letters[n - 2].1.is_empty();
    let tone_on_second = letters[n - 1].1.iter().position(|m| TONE_MARKS.contains(m));
    match tone_on_second {
        Some(pos) if open_pair && !after_q && plain_first => {
            let tone = letters[n - 1].1.remove(pos);
            letters[n - 2].1.push(tone);
            letters
                .iter()
                .flat_map(|(c, marks)| std::iter::once(*c).chain(marks.iter().copied()))
                .nfc()
                .collect()
        }
        _ => syllable.to_string(),
    }
}

/// A comparison key: normalised, lower-cased, runs of white space folded to
/// one space, ends trimmed. Two surface forms of one name share a key.
pub fn fold_key(text: &str) -> String {
    let norm = normalize(text);
    let mut out = String::with_capacity(norm.len());
    for word in norm.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_and_nfc_agree() {
        let nfd: String = "Lương Tam Quang".nfd().collect();
        assert_ne!(nfd, "Lương Tam Quang");
        assert_eq!(normalize(&nfd), "Lương Tam Quang");
    }

    #[test]
    fn tone_placement_is_unified() {
        assert_eq!(normalize("hoà bình"), normalize("hòa bình"));
        assert_eq!(normalize("hoà bình"), "hòa bình");
        assert_eq!(normalize("Uỷ ban"), "Ủy ban");
        assert_eq!(normalize("thuý"), "thúy");
        assert_eq!(normalize("khoẻ"), "khỏe");
        // closed syllables and "qu" keep their mark where it is
        assert_eq!(normalize("hoàng"), "hoàng");
        assert_eq!(normalize("quý"), "quý");
        assert_eq!(normalize("khuyến"), "khuyến");
        // upper case too
        assert_eq!(normalize("HOÀ"), "HÒA");
    }

    #[test]
    fn look_alikes_quotes_dashes_and_spaces() {
        assert_eq!(normalize("\u{00D0}ại tướng"), "Đại tướng");
        assert_eq!(normalize("“Công ước” – 2025"), "\"Công ước\" - 2025");
        assert_eq!(normalize("Hà\u{00A0}Nội\u{200B}"), "Hà Nội");
        assert_eq!(normalize("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(normalize("\u{FEFF}x\u{0007}y"), "x y");
    }

    #[test]
    fn fold_key_ignores_case_space_and_spelling() {
        assert_eq!(fold_key("  Liên  hợp Quốc "), "liên hợp quốc");
        assert_eq!(fold_key("Hoà Bình"), fold_key("hòa bình"));
    }
}
