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
//!
//! Scraped text also brings HTML along: tags are dropped (block tags such as
//! `<p>` and `<br>` end a line, `<script>` and `<style>` go with their
//! content) and character references (`&amp;`, `&nbsp;`, `&#7853;`,
//! `&#x1EAD;`) are decoded, once: `&amp;lt;` becomes the text `&lt;`.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The five Vietnamese tone marks as combining characters.
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Returns `text` normalised as described in the module documentation.
pub fn normalize(text: &str) -> String {
    normalize_cow(text).into_owned()
}

/// [`normalize`], borrowing `text` when it is normalised already.
fn normalize_cow(text: &str) -> Cow<'_, str> {
    if is_plain(text) {
        return Cow::Borrowed(text);
    }
    let mapped = map_chars(strip_html(text));
    let nfc = if is_nfc(&mapped) {
        mapped
    } else {
        Cow::Owned(mapped.nfc().collect())
    };
    if nfc.is_ascii() {
        return nfc;
    }
    place_tones(nfc)
}

/// Whether every step of [`normalize`] leaves `text` as it is, by one scan
/// of its bytes: no markup, nothing [`map_chars`] replaces, only ASCII and
/// precomposed Latin (NFC, see [`is_nfc`]), and no word that
/// [`place_tones`] changes (only a word ending in a plain "o" or "u" and a
/// marked letter may need it: those few are tried).
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if matches!(b, b'<' | b'&' | b'\x7F') || (b < b' ' && b != b'\t' && b != b'\n') {
                return false;
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            return false;
        };
        if !is_precomposed_latin(c) || is_mapped(c) {
            return false;
        }
        let end = i + c.len_utf8();
        let after_o_or_u = i > 0 && matches!(bytes[i - 1], b'o' | b'O' | b'u' | b'U');
        if after_o_or_u && !text[end..].chars().next().is_some_and(is_alphabetic) {
            // the last letter of a word: is it one place_tones changes?
            let start = text[..i]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_alphabetic(c))
                .last()
                .map_or(i, |(at, _)| at);
            let word = &text[start..end];
            if is_alphabetic(c) && word.chars().count() <= 7 && retone_syllable(word) != word {
                return false;
            }
        }
        i = end;
    }
    true
}

/// Whether [`is_nfc_quick`] says `text` is NFC (`Maybe` counts as no).
fn is_nfc(text: &str) -> bool {
    // Precomposed Latin letters are starters that are NFC whatever comes
    // around them, as ASCII is: the quick check need not look them up.
    let chars = text
        .chars()
        .map(|c| if is_precomposed_latin(c) { 'a' } else { c });
    is_nfc_quick(chars) == IsNormalized::Yes
}

/// Latin-1 letters and symbols (from U+00A0), Latin Extended-A and -B,
/// Latin Extended Additional: the letters of Vietnamese.
fn is_precomposed_latin(c: char) -> bool {
    matches!(c, '\u{A0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

/// [`char::is_alphabetic`], without the table look-up for ASCII and
/// precomposed Latin letters.
pub fn is_alphabetic(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphabetic(),
        '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`], without the table look-up for ASCII and
/// precomposed Latin letters.
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Longest tag looked for after a `<`; a `<` with no `>` within reach is
/// text ("giá < 5 triệu", "<3"), and the bound keeps the scan linear.
const MAX_TAG_BYTES: usize = 2048;

/// Tags that end a line of text (as a browser would break there).
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

/// Tags whose content is not text.
const HIDDEN_TAGS: &[&str] = &["script", "style", "noscript", "template"];

/// Named character references: the common ones in scraped news, with the
/// Latin-1 and Vietnamese letters some sites write as entities.
const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{A0}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("shy", "\u{AD}"),
    ("zwj", "\u{200D}"),
    ("zwnj", "\u{200C}"),
    ("ndash", "\u{2013}"),
    ("mdash", "\u{2014}"),
    ("hellip", "\u{2026}"),
    ("lsquo", "\u{2018}"),
    ("rsquo", "\u{2019}"),
    ("sbquo", "\u{201A}"),
    ("ldquo", "\u{201C}"),
    ("rdquo", "\u{201D}"),
    ("bdquo", "\u{201E}"),
    ("laquo", "\u{AB}"),
    ("raquo", "\u{BB}"),
    ("bull", "\u{2022}"),
    ("middot", "\u{B7}"),
    ("copy", "\u{A9}"),
    ("reg", "\u{AE}"),
    ("trade", "\u{2122}"),
    ("deg", "\u{B0}"),
    ("euro", "\u{20AC}"),
    ("times", "\u{D7}"),
    ("divide", "\u{F7}"),
    ("percnt", "%"),
    ("Agrave", "À"),
    ("Aacute", "Á"),
    ("Acirc", "Â"),
    ("Atilde", "Ã"),
    ("Abreve", "Ă"),
    ("agrave", "à"),
    ("aacute", "á"),
    ("acirc", "â"),
    ("atilde", "ã"),
    ("abreve", "ă"),
    ("Egrave", "È"),
    ("Eacute", "É"),
    ("Ecirc", "Ê"),
    ("egrave", "è"),
    ("eacute", "é"),
    ("ecirc", "ê"),
    ("Igrave", "Ì"),
    ("Iacute", "Í"),
    ("Itilde", "Ĩ"),
    ("igrave", "ì"),
    ("iacute", "í"),
    ("itilde", "ĩ"),
    ("Ograve", "Ò"),
    ("Oacute", "Ó"),
    ("Ocirc", "Ô"),
    ("Otilde", "Õ"),
    ("ograve", "ò"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("otilde", "õ"),
    ("Ugrave", "Ù"),
    ("Uacute", "Ú"),
    ("Utilde", "Ũ"),
    ("ugrave", "ù"),
    ("uacute", "ú"),
    ("utilde", "ũ"),
    ("Yacute", "Ý"),
    ("yacute", "ý"),
    ("Dstrok", "Đ"),
    ("dstrok", "đ"),
    ("ETH", "Ð"),
    ("eth", "ð"),
];

/// `text` with HTML tags dropped and character references decoded; the
/// text itself when it has neither.
fn strip_html(text: &str) -> Cow<'_, str> {
    if !text.contains(['<', '&']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    // Hidden tags with no closing tag left: not searched for again, so a
    // page of unclosed `<script>` costs one scan, not one per tag.
    let mut unclosed: Vec<&'static str> = Vec::new();
    // Where the next `>` is, searched for only once we are past it: text
    // full of `<` and no `>` costs one scan, not one per `<`.
    let mut next_gt: Option<usize> = None;
    let mut rest = text;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let consumed = if rest.starts_with('<') {
            let pos = text.len() - rest.len();
            let gt = match next_gt {
                Some(gt) if gt >= pos => gt,
                _ => rest.find('>').map_or(text.len(), |i| pos + i),
            };
            next_gt = Some(gt);
            let tag_len = (gt < text.len()).then_some(gt - pos + 1);
            skip_tag(rest, tag_len, &mut out, &mut unclosed)
        } else {
            decode_reference(rest, &mut out)
        };
        match consumed {
            Some(n) => rest = &rest[n..],
            None => {
                // not markup: the character is text
                out.push_str(&rest[..1]);
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// If `text` starts with a tag or comment, writes what stands for it (a
/// line end for block tags, nothing else) and returns its length.
/// `to_gt` is the length of `text` up to and including its first `>`.
fn skip_tag(
    text: &str,
    to_gt: Option<usize>,
    out: &mut String,
    unclosed: &mut Vec<&'static str>,
) -> Option<usize> {
    const COMMENT: &str = "<!--";
    let bytes = text.as_bytes();
    if text.starts_with(COMMENT) {
        if !unclosed.contains(&COMMENT) {
            match text.find("-->") {
                Some(end) => return Some(end + 3),
                None => unclosed.push(COMMENT),
            }
        }
        // unclosed (a truncated page): only the opener goes, the text stays
        return Some(COMMENT.len());
    }
    let (name_start, closing) = match bytes.get(1)? {
        b'/' => (2, true),
        // <!DOCTYPE html>, <?xml version="1.0"?>
        b'!' | b'?' => (2, false),
        _ => (1, false),
    };
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let end = to_gt.filter(|&len| len <= MAX_TAG_BYTES)?;
    let name: String = text[name_start..end]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if BLOCK_TAGS.contains(&name.as_str()) {
        out.push('\n');
    } else if matches!(name.as_str(), "td" | "th") {
        out.push(' ');
    }
    if let Some(&hidden) = HIDDEN_TAGS.iter().find(|&&t| t == name) {
        if !closing && !text[..end].ends_with("/>") && !unclosed.contains(&hidden) {
            let close = format!("</{hidden}");
            match find_ascii_ci(&text[end..], &close) {
                Some(at) => {
                    let after = end + at;
                    let close_end = text[after..]
                        .find('>')
                        .map_or(text.len(), |i| after + i + 1);
                    return Some(close_end);
                }
                None => unclosed.push(hidden),
            }
        }
    }
    Some(end)
}

/// Byte offset of `needle` (ASCII, lower case) in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// If `text` starts with a character reference (`&name;`, `&#123;`,
/// `&#x7B;`), writes the character and returns the reference's length.
/// Numeric references to nothing (0, surrogates, beyond U+10FFFF) become
/// U+FFFD, as in HTML.
fn decode_reference(text: &str, out: &mut String) -> Option<usize> {
    const MAX_REFERENCE_BYTES: usize = 12;
    // bytes, not str: the window may end inside a character
    let window = &text.as_bytes()[..text.len().min(MAX_REFERENCE_BYTES)];
    let semi = window.iter().position(|&b| b == b';')?;
    let body = &text[1..semi];
    if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()?
            }
            Some(_) => return None,
            None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                number.parse().ok()?
            }
            None => return None,
        };
        let c = match code {
            0 => '\u{FFFD}',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        out.push(c);
        return Some(semi + 1);
    }
    let (_, decoded) = NAMED_ENTITIES.iter().find(|(name, _)| *name == body)?;
    out.push_str(decoded);
    Some(semi + 1)
}

/// Whether [`map_chars`] replaces or drops `c`.
fn is_mapped(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        ' '..='~' => false,
        '\u{00D0}' | '\u{00F0}' | '\u{0189}' => true,
        '\u{2028}' | '\u{2029}' => true,
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => true,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => true,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2026}' => true,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => true,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => true,
        // '\r' and the other controls
        c => c.is_control(),
    }
}

/// Character-level clean-up: look-alikes, quotes, dashes, spaces, controls.
fn map_chars(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.chars().any(is_mapped) {
        return text;
    }
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
            // line and paragraph separators: XML and CSV readers rewrite
            // them (to a space or a line feed), so they become the line feed
            // every reader keeps
            '\u{2028}' | '\u{2029}' => out.push('\n'),
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
    Cow::Owned(out)
}

/// Moves the tone mark of open "oa", "oe", "uy" syllables onto their first
/// vowel ("hoà" → "hòa", "Uỷ" → "Ủy"); leaves "quý" and closed syllables
/// ("hoàng", "khuyến") alone, as both conventions agree on those.
fn place_tones(text: Cow<'_, str>) -> Cow<'_, str> {
    // Words (runs of letters) are copied unchanged but for the few that
    // [`may_retone`] picks out, whose retoned spelling, if it differs, is
    // written into a copy made at the first such word.
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut word = WordScan::default();
    let mut start = 0;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if is_alphabetic(c) {
            if word.chars == 0 {
                start = at;
            }
            word.push(c);
            continue;
        }
        if word.may_retone() {
            let syllable = &text[start..at];
            let retoned = retone_syllable(syllable);
            if retoned != syllable {
                let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                out.push_str(&text[copied..start]);
                out.push_str(&retoned);
                copied = at;
            }
        }
        word = WordScan::default();
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => text,
    }
}

/// What [`place_tones`] needs to know of a word to skip it.
#[derive(Default)]
struct WordScan {
    chars: usize,
    ascii: bool,
    /// Every letter is ASCII or a precomposed Latin letter: one letter
    /// each to [`retone_syllable`], with its marks.
    latin: bool,
    last: char,
    before_last: char,
}

impl WordScan {
    fn push(&mut self, c: char) {
        if self.chars == 0 {
            self.ascii = true;
            self.latin = true;
        }
        self.chars += 1;
        self.ascii &= c.is_ascii();
        self.latin &= c.is_ascii() || is_precomposed_latin(c);
        self.before_last = self.last;
        self.last = c;
    }

    /// Whether [`retone_syllable`] may change the word: not when it is
    /// ASCII or longer than any Vietnamese syllable (left alone), nor when
    /// it is Latin and does not end in a plain "o" or "u" and a marked
    /// letter (an open "oa", "oe", "uy" with the tone on the second vowel).
    fn may_retone(&self) -> bool {
        self.chars > 0
            && !self.ascii
            && self.chars <= 7
            && (!self.latin
                || (matches!(self.before_last, 'o' | 'O' | 'u' | 'U') && !self.last.is_ascii()))
    }
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
    let norm = normalize_cow(text);
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
    fn html_tags_dropped_and_entities_decoded() {
        assert_eq!(
            normalize("Bộ trưởng &amp; Thứ trưởng"),
            "Bộ trưởng & Thứ trưởng"
        );
        assert_eq!(normalize("Hà&nbsp;Nội"), "Hà Nội");
        assert_eq!(normalize("h&#7853;u qu&#x1EA3;"), "hậu quả");
        assert_eq!(
            normalize("&#0;&#xD800;&#1114112;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(normalize("&agrave; &Dstrok;"), "à Đ");
        assert_eq!(
            normalize("<p>Một</p><p>Hai<br/>Ba</p>"),
            "\nMột\n\nHai\nBa\n"
        );
        assert_eq!(
            normalize("<b>Nguyễn</b> <a href=\"/x?a=1&amp;b=2\">Văn</a>"),
            "Nguyễn Văn"
        );
        assert_eq!(
            normalize("a<!-- x -->b<script>var s = '<p>';</script>c"),
            "abc"
        );
        assert_eq!(normalize("<STYLE>p{}</Style>d"), "d");
        // decoded once: escaped markup stays text
        assert_eq!(normalize("&lt;p&gt; &amp;amp;"), "<p> &amp;");
        // not markup
        assert_eq!(
            normalize("giá < 5 triệu, Q&A, AT&T; <3 &unknown; &#xZZ;"),
            "giá < 5 triệu, Q&A, AT&T; <3 &unknown; &#xZZ;"
        );
        assert_eq!(normalize("a <b"), "a <b");
        assert_eq!(normalize("<!DOCTYPE html><?xml x?>a<!-- cut"), "a cut");
        assert_eq!(normalize("&"), "&");
        assert_eq!(normalize("<"), "<");
        assert_eq!(normalize("&#"), "&#");
    }

    #[test]
    fn markup_characters_next_to_any_text_never_panic() {
        let pieces = [
            "&", "<", ">", ";", "#", "x", "&#", "&#x", "<!--", "-->", "</", "<script>", "ộ", "ữ",
            "😀", "a", " ", "\n", "&amp;", "<p>", "1",
        ];
        // every sequence of up to three pieces, which puts each markup
        // character before and after multi-byte characters at every offset
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    let _ = normalize(&text);
                    let _ = normalize(&format!("{text}{}", "ộ".repeat(5)));
                }
            }
        }
    }

    #[test]
    fn html_scanning_stays_linear() {
        let many_scripts = "<script>".repeat(50_000);
        assert_eq!(normalize(&many_scripts), "");
        assert_eq!(normalize(&"<!--".repeat(50_000)), "");
        let many_opens = "<a".repeat(50_000);
        assert_eq!(normalize(&many_opens), many_opens);
        let start = std::time::Instant::now();
        let many_amps = "&amp".repeat(100_000);
        assert_eq!(normalize(&many_amps), many_amps);
        assert!(start.elapsed().as_secs() < 10);
    }

    #[test]
    fn fast_paths_agree_with_the_unicode_tables() {
        use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            if !is_precomposed_latin(c) {
                continue;
            }
            // is_nfc: a starter that is NFC whatever surrounds it, as ASCII
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes);
            // place_tones: one letter to retone_syllable, a plain "o" or "u"
            // only as itself, and a tone mark only on a non-ASCII letter
            let mut parts = std::iter::once(c).nfd();
            let base = parts.next().unwrap();
            assert!(!is_combining_mark(base), "{c:?}");
            assert!(parts.all(is_combining_mark), "{c:?}");
            let unmarked = base == c;
            let lower = c.to_lowercase().next().unwrap();
            if unmarked && matches!(lower, 'o' | 'u') {
                assert!(c.is_ascii(), "{c:?}");
            }
        }
    }

    #[test]
    fn fast_path_boundaries() {
        // NFC and needing a new tone placement, with nothing else to do
        assert_eq!(normalize("Hoà Bình, thuý"), "Hòa Bình, thúy");
        assert!(matches!(normalize_cow("Hòa Bình"), Cow::Borrowed(_)));
        for plain in ["Hòa Bình", "quý, thúy", "hoàng 25°C", "ngoằnhoà", "\tx\n"] {
            assert!(is_plain(plain), "{plain:?}");
        }
        for not_plain in [
            "hoà", "Thuý,", "a<b", "a&b", "e\u{301}", "Ω", "\r", "\u{D0}", "«",
        ] {
            assert!(!is_plain(not_plain), "{not_plain:?}");
        }
        // the tone moves in the last of several words, not in an 8-letter one
        assert_eq!(normalize("một hai hoà"), "một hai hòa");
        assert_eq!(normalize("ngoằnhoà hoà"), "ngoằnhoà hòa");
        // a Latin letter next to a combining mark is not NFC
        assert_eq!(normalize("e\u{302}\u{301}"), "ế");
        assert_eq!(normalize("ê\u{301}"), "ế");
        // words with letters outside precomposed Latin go the long way
        assert_eq!(normalize("Ωoà oà"), normalize("Ωoà ") + "òa");
        // each character that map_chars replaces, alone
        for c in [
            '\r', '\u{D0}', '\u{2019}', '\u{2013}', '\u{2026}', '\u{A0}', '\u{AD}', '\u{85}',
            '\u{2028}', '\u{2029}',
        ] {
            assert_ne!(normalize(&format!("a{c}b")), format!("a{c}b"), "{c:?}");
        }
        // what XML and CSV readers would rewrite becomes what they keep
        for separator in ['\u{2028}', '\u{2029}', '\r'] {
            assert_eq!(
                normalize(&format!("a{separator}b")),
                "a\nb",
                "{separator:?}"
            );
        }
        assert_eq!(normalize("a\u{85}b\u{b}c\u{c}d"), "a b c d");
    }

    #[test]
    fn fold_key_ignores_case_space_and_spelling() {
        assert_eq!(fold_key("  Liên  hợp Quốc "), "liên hợp quốc");
        assert_eq!(fold_key("Hoà Bình"), fold_key("hòa bình"));
    }
}
