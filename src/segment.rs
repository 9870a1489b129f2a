//! Segmentation: the article body told apart from page furniture, then cut
//! into sentences with their byte spans.
//!
//! Scraped news pages carry menus before the article and lists of other
//! stories, tags and footers after it. Facts come only from the headline,
//! body and photo captions: a line is furniture when it looks like a menu
//! item, link, file name or label, and everything after a related-stories
//! header ("Có thể bạn quan tâm", "Tin cùng chuyên mục", ...) is furniture.
//! Photo credits ("(Ảnh: TTXVN)") are cut off captions, so photographers
//! never become facts.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lexicon::FastSet;
use crate::normalize::fold_key;

/// What part of the page a sentence comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Headline, or a line of metadata above the body (dateline).
    Title,
    /// Article text.
    Body,
    /// A photo caption, its credit cut off.
    Caption,
    /// Menus, related-story lists, footers: no facts are drawn from these.
    Furniture,
}

/// One sentence: its number in the document and its byte span in the
/// normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub index: u32,
    pub start: usize,
    pub end: usize,
    pub block: BlockKind,
}

impl Sentence {
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

/// The furniture word lists of `data/segment/`, folded for comparison.
struct FurnitureLexicon {
    headers: HashSet<String>,
    lines: HashSet<String>,
    /// The most characters of an entry of either list.
    longest: usize,
}

impl FurnitureLexicon {
    /// The fold key of `line` when it may be an entry of either list.
    ///
    /// Most lines are too long to be: with no markup (`<`, `&`), each
    /// ASCII letter or digit of a line is one character of its key
    /// (normalisation keeps it, or composes marks onto it), so a line
    /// with more of them than the longest entry has is none.
    fn key(&self, line: &str) -> Option<String> {
        let line = strip_decoration(line);
        let markup = line.contains(['<', '&']);
        let mut ascii_alphanumeric = line.bytes().filter(u8::is_ascii_alphanumeric);
        if !markup && ascii_alphanumeric.nth(self.longest).is_some() {
            return None;
        }
        Some(fold_key(line))
    }
}

/// The entries of a word list of `data/segment/`: its lines, trimmed,
/// without comments and blank lines.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn lexicon() -> &'static FurnitureLexicon {
    static LEXICON: OnceLock<FurnitureLexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let parse = |text: &'static str| entries(text).map(fold_key).collect();
        let headers: HashSet<String> = parse(include_str!("../data/segment/furniture_headers.txt"));
        let lines: HashSet<String> = parse(include_str!("../data/segment/furniture_lines.txt"));
        let longest = headers
            .iter()
            .chain(&lines)
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0);
        FurnitureLexicon {
            headers,
            lines,
            longest,
        }
    })
}

/// Splits normalised text into sentences, marking furniture.
pub fn segment(text: &str) -> Vec<Sentence> {
    let lexicon = lexicon();
    let mut out = Vec::new();
    let mut body_started = false;
    let mut after_article = false;
    let mut previous_line = "";
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset + (raw.len() - raw.trim_start().len());
        offset += raw.len();
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let repeated = line == previous_line;
        previous_line = line;
        // folded only when asked for: after the article nothing is
        let folded = std::cell::OnceCell::new();
        let key = || folded.get_or_init(|| lexicon.key(line)).as_deref();
        let kind = if after_article || is_social_line(line) {
            LineKind::Furniture
        } else if body_started
            && (key().is_some_and(|k| lexicon.headers.contains(k)) || is_source_credit(line))
        {
            after_article = true;
            LineKind::Furniture
        } else if repeated || is_furniture_line(line, key(), lexicon) {
            LineKind::Furniture
        } else if let Some(len) = caption_length(line) {
            if len == 0 {
                LineKind::Furniture
            } else {
                LineKind::Caption(len)
            }
        } else if !body_started
            && !ends_sentence(line)
            && word_count(line, MAX_TITLE_WORDS + 1) <= MAX_TITLE_WORDS
        {
            LineKind::Title
        } else {
            LineKind::Body
        };
        match kind {
            LineKind::Furniture => push(&mut out, line_start, line.len(), BlockKind::Furniture),
            LineKind::Title => {
                // "Headline 05/03/2025 18:07": the stamp is a line of its own
                let headline = headline_length(line);
                push(&mut out, line_start, headline, BlockKind::Title);
                let stamp = line[headline..].trim_start();
                if !stamp.is_empty() {
                    let at = line_start + line.len() - stamp.len();
                    push(&mut out, at, stamp.len(), BlockKind::Title);
                }
            }
            LineKind::Caption(len) => {
                split_sentences(&line[..len], line_start, BlockKind::Caption, &mut out)
            }
            LineKind::Body => {
                body_started |= word_count(line, 8) >= 8;
                split_sentences(line, line_start, BlockKind::Body, &mut out)
            }
        }
    }
    drop_cut_word(text, &mut out);
    cut_long_sentences(text, out)
}

/// A page stored cut off mid-word ("... và Ban Thư") ends its last
/// paragraph with a letter, without a full stop or a line end: the broken
/// last word names nothing, so the sentence ends before it; when it is
/// capitalised the name it opens or ends is broken too, and the sentence
/// ends at the clause before it (a comma, "và"), or is dropped.
fn drop_cut_word(text: &str, out: &mut Vec<Sentence>) {
    let cut = text.chars().next_back().is_some_and(char::is_alphanumeric);
    // a text of one line (a headline piped in) may well end without a stop
    let body_before = out.iter().rev().skip(1).any(|s| s.block == BlockKind::Body);
    let Some(last) = out.last_mut() else { return };
    if !cut || !body_before || last.end != text.len() || last.block == BlockKind::Furniture {
        return;
    }
    let sentence = &text[last.start..last.end];
    let word_start = sentence.rfind(char::is_whitespace).map_or(0, |at| at + 1);
    let capitalised = sentence[word_start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let keep = if capitalised {
        let before = &sentence[..word_start];
        [",", ";", ":", "(", " và ", " cùng "]
            .iter()
            .filter_map(|b| before.rfind(b))
            .max()
            .unwrap_or(0)
    } else {
        word_start
    };
    let kept = sentence[..keep].trim_end().len();
    if kept == 0 {
        out.pop();
    } else {
        last.end = last.start + kept;
    }
}

/// More words than any headline: a longer line without a final stop (a
/// whole article on one line) is body text, cut into sentences, not one
/// title cut into pieces of [`MAX_SENTENCE_BYTES`].
const MAX_TITLE_WORDS: usize = 60;

/// The longest sentence, in bytes, handed to extraction. News sentences
/// stay far below it (the longest in the sample corpus has 951 bytes).
/// Extraction time and memory grow with the square of a sentence's length
/// (each fact keeps a copy of its sentence), so one 1 MB run of clauses
/// without a full stop took 23 GB: longer runs (hostile input, flattened
/// tables) are cut at spaces into pieces at most this long.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// `sentences` with every one longer than [`MAX_SENTENCE_BYTES`] cut at the
/// last whitespace that keeps a piece within it (at a character boundary
/// when there is none), numbered again.
fn cut_long_sentences(text: &str, sentences: Vec<Sentence>) -> Vec<Sentence> {
    if sentences
        .iter()
        .all(|s| s.end - s.start <= MAX_SENTENCE_BYTES)
    {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.start;
        while s.end - start > MAX_SENTENCE_BYTES {
            let mut limit = start + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            let window = &text[start..limit];
            // the piece ends at its last word, or at the limit inside a word
            let before_space = window
                .rfind(char::is_whitespace)
                .map(|i| window[..i].trim_end().len());
            let cut = match before_space {
                Some(len) if len > 0 => start + len,
                _ => limit,
            };
            push(&mut out, start, cut - start, s.block);
            let rest = &text[cut..s.end];
            start = cut + (rest.len() - rest.trim_start().len());
        }
        if start < s.end {
            push(&mut out, start, s.end - start, s.block);
        }
    }
    out
}

enum LineKind {
    Furniture,
    Title,
    /// A caption, with the byte length kept once its credit is cut off.
    Caption(usize),
    Body,
}

fn push(out: &mut Vec<Sentence>, start: usize, len: usize, block: BlockKind) {
    out.push(Sentence {
        index: out.len() as u32,
        start,
        end: start + len,
        block,
    });
}

/// The line without list bullets, stars, pipes and a final colon.
fn strip_decoration(line: &str) -> &str {
    line.trim_matches(|c: char| {
        matches!(
            c,
            '•' | '★' | '☆' | '|' | '*' | '-' | '+' | '>' | '»' | '·' | ':' | '[' | ']'
        ) || c.is_whitespace()
    })
}

/// The number of words of `line`, counted up to `max` (a longer line counts `max`).
fn word_count(line: &str, max: usize) -> usize {
    line.split_whitespace().take(max).count()
}

fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '\'', ')', ' ']);
    line.ends_with(['.', '!', '?', ':', ';'])
}

/// Menu items, buttons, links, file names, labels and bylines.
fn is_furniture_line(line: &str, key: Option<&str>, lexicon: &FurnitureLexicon) -> bool {
    if key.is_some_and(|k| lexicon.lines.contains(k) || lexicon.headers.contains(k)) {
        return true;
    }
    let words = word_count(line, 13);
    let bullet = line.starts_with(['•', '★', '☆', '|', '»', '·']);
    // menu entries and tag lists; list items of an article read as sentences
    if bullet && words <= 12 && !ends_sentence(line) {
        return true;
    }
    // "PV", "aA", "fb yt zl tw": too short to state anything
    if words <= 3 && !ends_sentence(line) && !line.chars().any(|c| c.is_ascii_digit()) {
        return !looks_like_heading(line);
    }
    // a bare date line stays: it is the article's dateline
    if words == 1 && is_link_or_file(line) {
        return true;
    }
    false
}

/// A short line that may still be a headline ("Hà Nội đón khách"): three
/// words, the first capitalised and the others not all capitalised.
fn looks_like_heading(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() == 3
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words[1..]
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// URLs, domains and image file names.
fn is_link_or_file(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || [
            ".jpg", ".jpeg", ".png", ".gif", ".webp", ".vn", ".com", ".net", ".org",
        ]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// "(Theo TTXVN/Vietnam+)", "Nguồn: VTV": the article's last line. A
/// short sentence opening with "Theo" ("Theo ông Lâm, dự án xong.") and a
/// social line ("Theo dõi ... trên ...") are none.
fn is_source_credit(line: &str) -> bool {
    let inner = line.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace());
    // the first nine characters lower-cased are all the test looks at
    let lower: String = inner.chars().take(9).flat_map(char::to_lowercase).collect();
    let credit =
        lower.starts_with("theo ") && !lower.starts_with("theo dõi") && !inner.contains(',');
    (credit || lower.starts_with("nguồn:")) && word_count(inner, 7) <= 6
}

/// "Theo dõi Báo X trên Google News", "Theo dõi chúng tôi trên Zalo": a
/// button line, wherever it stands; the article goes on after it.
fn is_social_line(line: &str) -> bool {
    let line = strip_decoration(line);
    let Some(rest) = line
        .strip_prefix("Theo dõi ")
        .or_else(|| line.strip_prefix("theo dõi "))
        .or_else(|| line.strip_prefix("THEO DÕI "))
    else {
        return false;
    };
    word_count(rest, 12) < 12
        && (rest.contains(" trên ") || rest.contains(" tại "))
        && !ends_sentence(line)
}

/// The byte length of a headline without a publication stamp glued to its
/// end ("… Samsung Việt Nam 05/03/2025 18:07", "… 12/4/2024"): the line's
/// length when it has none.
fn headline_length(line: &str) -> usize {
    let mut end = line.len();
    let mut words = line.rsplit(' ');
    let is_time = |w: &str| {
        let (h, m) = w.split_once(':').unwrap_or(("", ""));
        !h.is_empty()
            && h.len() <= 2
            && m.len() == 2
            && (h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
    };
    let is_date = |w: &str| {
        let parts: Vec<&str> = w.split('/').collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            && parts[2].len() == 4
    };
    let mut last = words.next().unwrap_or("");
    if is_time(last) {
        end = end.saturating_sub(last.len() + 1);
        last = words.next().unwrap_or("");
    }
    if is_date(last) && end > last.len() {
        end -= last.len();
        let head = line[..end].trim_end();
        // a line that is only a stamp is a dateline, not a headline
        if word_count(head, 3) >= 3 {
            return head.len();
        }
    }
    line.len()
}

/// When the line is a photo caption ("… (Ảnh: X)", "… ẢNH: X"), the byte
/// length of its text without the credit (0 when it is only a credit).
fn caption_length(line: &str) -> Option<usize> {
    // Each marker has a ':' or an ASCII "minh h" (any case) that stays
    // where it is when lower-cased (no other letter lower-cases to it).
    if !line.contains(':') && !contains_ascii_ci(line, "minh h") {
        return None;
    }
    let lower = line.to_lowercase();
    let at = ["ảnh:", "photo:", "ảnh minh họa", "ảnh minh hoạ"]
        .iter()
        .filter_map(|marker| lower.rfind(marker))
        .max()?;
    // lower-casing keeps byte offsets for Vietnamese, but check anyway
    if !line.is_char_boundary(at) || lower.len() != line.len() {
        return None;
    }
    let credit = &line[at..];
    if word_count(credit, 9) > 8 {
        return None;
    }
    let text = line[..at].trim_end_matches(|c: char| c == '(' || c == '-' || c.is_whitespace());
    Some(text.len())
}

/// Whether `haystack` contains `needle` (ASCII, lower case), ignoring ASCII case.
fn contains_ascii_ci(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Abbreviations after which a full stop does not end a sentence
/// (`data/segment/abbreviations.txt`), as written.
fn abbreviations() -> &'static FastSet<&'static str> {
    static ABBREVIATIONS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    ABBREVIATIONS
        .get_or_init(|| entries(include_str!("../data/segment/abbreviations.txt")).collect())
}

/// Cuts a line into sentences at `.`, `!`, `?` followed by a space and a
/// capital letter, digit or quote.
fn split_sentences(line: &str, line_start: usize, block: BlockKind, out: &mut Vec<Sentence>) {
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < bytes.len()
                && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')')
            {
                end += 1;
            }
            let next = line[end..].trim_start();
            let spaced = end < bytes.len() && bytes[end] == b' ';
            let opens_sentence = next
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '(');
            if spaced && opens_sentence && !ends_with_abbreviation(&line[..i]) {
                push_trimmed(line, start, end, line_start, block, out);
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(line, start, line.len(), line_start, block, out);
}

fn ends_with_abbreviation(before: &str) -> bool {
    let last = before.rsplit(' ').next().unwrap_or("");
    abbreviations().contains(last)
        || (last.chars().count() == 1 && last.chars().all(char::is_uppercase))
}

fn push_trimmed(
    line: &str,
    start: usize,
    end: usize,
    line_start: usize,
    block: BlockKind,
    out: &mut Vec<Sentence>,
) {
    let piece = &line[start..end];
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    push(out, line_start + start + lead, trimmed.len(), block);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<(BlockKind, &str)> {
        segment(text)
            .into_iter()
            .map(|s| (s.block, s.text(text)))
            .collect()
    }

    fn facts_text(text: &str) -> Vec<&str> {
        segment(text)
            .into_iter()
            .filter(|s| s.block != BlockKind::Furniture)
            .map(|s| s.text(text))
            .collect()
    }

    #[test]
    fn menus_before_the_article_are_furniture() {
        let page = "Logo\n  • Trang chủ\n  • Thời sự\n    • Quốc tế\nĐà Nẵng khai trương cảng biển mới\n\
Sáng 3/4, Ủy ban nhân dân thành phố Đà Nẵng tổ chức lễ khai trương cảng Liên Chiểu với sự tham dự của nhiều đại biểu.\n";
        let b = blocks(page);
        assert_eq!(b[0].0, BlockKind::Furniture);
        assert_eq!(b[1].0, BlockKind::Furniture);
        assert_eq!(b[3], (BlockKind::Furniture, "• Quốc tế"));
        assert_eq!(
            b[4],
            (BlockKind::Title, "Đà Nẵng khai trương cảng biển mới")
        );
        assert_eq!(b[5].0, BlockKind::Body);
    }

    #[test]
    fn everything_after_a_related_stories_header_is_furniture() {
        let page = "Tiêu đề bài viết về kinh tế\n\
Ngân hàng Nhà nước Việt Nam vừa công bố chính sách mới về lãi suất cho doanh nghiệp nhỏ.\n\
Tin cùng chuyên mục\n\
Thống đốc Trần Văn Bình thăm Nhật Bản để thúc đẩy hợp tác tài chính giữa hai nước.\n\
Trụ sở tòa soạn: số 1 phố Huế, Hà Nội.\n";
        let kept = facts_text(page);
        assert_eq!(kept.len(), 2);
        assert!(kept[1].starts_with("Ngân hàng"));
    }

    #[test]
    fn a_header_in_markup_is_found_however_long_the_markup() {
        let page = "Ngân hàng Nhà nước Việt Nam vừa công bố chính sách mới về lãi suất cho doanh nghiệp nhỏ.\n\
<span class=\"tin-cung-chuyen-muc-kinh-te-tai-chinh\">Tin cùng  chuyên mục\n\
Thống đốc Trần Văn Bình thăm Nhật Bản để thúc đẩy hợp tác tài chính giữa hai nước.\n";
        assert_eq!(facts_text(page).len(), 1);
        // a longest entry of the lists, as it is and with ASCII letters added
        let lexicon = lexicon();
        let longest = lexicon.headers.iter().chain(&lexicon.lines);
        let longest = longest.max_by_key(|k| k.chars().count()).unwrap();
        assert_eq!(lexicon.key(longest).as_deref(), Some(longest.as_str()));
        assert!(lexicon.key(&format!("{longest} a")).is_some());
        assert!(lexicon.key(&format!("{longest} {longest}")).is_none());
    }

    #[test]
    fn a_header_before_the_body_does_not_end_the_article() {
        let page = "Tin mới\nBộ Y tế họp bàn về dịch bệnh mùa hè tại Hà Nội cùng đại diện các tỉnh phía Bắc.\n";
        let kept = facts_text(page);
        assert_eq!(
            kept,
            vec!["Bộ Y tế họp bàn về dịch bệnh mùa hè tại Hà Nội cùng đại diện các tỉnh phía Bắc."]
        );
    }

    #[test]
    fn captions_lose_their_credit_and_repeats_are_dropped() {
        let page = "Ông Hoàng Minh Đức phát biểu tại hội nghị. (Ảnh: Quang Vinh)\n\
Ông Hoàng Minh Đức phát biểu tại hội nghị. (Ảnh: Quang Vinh)\n\
Bà Lê Thu Trang tiếp đoàn khách ẢNH: NGỌC ANH\n\
Ảnh: Báo Mới\n";
        let b = blocks(page);
        assert_eq!(
            b[0],
            (
                BlockKind::Caption,
                "Ông Hoàng Minh Đức phát biểu tại hội nghị."
            )
        );
        assert_eq!(b[1].0, BlockKind::Furniture);
        assert_eq!(
            b[2],
            (BlockKind::Caption, "Bà Lê Thu Trang tiếp đoàn khách")
        );
        assert_eq!(b[3].0, BlockKind::Furniture);
    }

    #[test]
    fn links_files_bylines_and_source_credit() {
        let page = "Hội thảo quốc tế về năng lượng tái tạo đã diễn ra tại Cần Thơ trong hai ngày cuối tuần.\n\
anh-hoi-thao.jpg\nbaomoi.com\nPV\n(Theo Báo Đầu tư)\nMột tin khác về giá vàng hôm nay tăng mạnh theo thị trường thế giới.\n";
        let kept = facts_text(page);
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn sentences_split_at_full_stops_not_abbreviations_or_numbers() {
        let text = "Hơn 2.500 đại biểu dự lễ. TP. Hồ Chí Minh đăng cai hội nghị! Ông nói: \"Chúng tôi sẵn sàng.\" Sau đó đoàn rời đi.";
        let sentences: Vec<&str> = segment(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(
            sentences,
            vec![
                "Hơn 2.500 đại biểu dự lễ.",
                "TP. Hồ Chí Minh đăng cai hội nghị!",
                "Ông nói: \"Chúng tôi sẵn sàng.\"",
                "Sau đó đoàn rời đi."
            ]
        );
    }

    #[test]
    fn listed_abbreviations_keep_their_stop_in_the_sentence() {
        let text =
            "Hội thảo do PGS. Đỗ Hải Nam và ThS. Vi Thu Hằng chủ trì. Các đại biểu thảo luận.";
        let sentences: Vec<&str> = segment(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(
            sentences,
            vec![
                "Hội thảo do PGS. Đỗ Hải Nam và ThS. Vi Thu Hằng chủ trì.",
                "Các đại biểu thảo luận."
            ]
        );
        assert!(abbreviations().contains("v.v") && !abbreviations().contains("ths"));
    }

    #[test]
    fn spans_index_the_text() {
        let text =
            "  Một câu đầu tiên khá dài để làm thân bài của bài báo này.  \n\nCâu thứ hai.\n";
        for s in segment(text) {
            assert_eq!(s.text(text), s.text(text).trim());
            assert!(!s.text(text).is_empty());
        }
        let idx: Vec<u32> = segment(text).iter().map(|s| s.index).collect();
        assert_eq!(idx, vec![0, 1]);
    }

    #[test]
    fn long_runs_without_a_full_stop_are_cut_at_spaces() {
        let clause = "Bộ trưởng Bộ Y tế Trần Văn Khải dự họp tại Hà Nội, ";
        let text = clause.repeat(200) + "\n" + &"ạ".repeat(3000) + "\nCâu ngắn.\n";
        let sentences = segment(&text);
        for (i, s) in sentences.iter().enumerate() {
            assert_eq!(s.index as usize, i);
            let piece = s.text(&text);
            assert!(
                s.end - s.start <= MAX_SENTENCE_BYTES,
                "{} bytes",
                s.end - s.start
            );
            assert_eq!(piece, piece.trim(), "pieces carry no outer whitespace");
        }
        // the clauses are cut between words, the run of "ạ" between characters
        let first_line = text.find('\n').unwrap();
        let words: Vec<&str> = sentences
            .iter()
            .filter(|s| s.end <= first_line)
            .map(|s| s.text(&text))
            .collect();
        assert!(words.len() > 1);
        assert!(words.join(" ") == clause.repeat(200).trim_end());
        let runs: Vec<&str> = sentences
            .iter()
            .map(|s| s.text(&text))
            .filter(|t| t.starts_with('ạ'))
            .collect();
        assert_eq!(runs.len(), 3, "9,000 bytes in pieces of at most 4,096");
        assert!(runs.concat() == "ạ".repeat(3000));
        assert_eq!(sentences.last().unwrap().text(&text), "Câu ngắn.");
    }

    #[test]
    fn a_word_cut_off_at_the_end_of_the_text_is_dropped() {
        let lead =
            "Sáng 3/6, Ủy ban nhân dân tỉnh Yên Bái tổ chức hội nghị giao ban với các sở, ngành.\n";
        let kept = |tail: &str| {
            facts_text(&format!("{lead}{tail}"))
                .last()
                .map(|s| s.to_string())
        };
        // a broken name: back to the clause before it
        assert_eq!(
            kept("Tham dự có ông Lục Văn Bình, Giám đốc Sở Nội vụ, và ông Giàng Seo Ph").as_deref(),
            Some("Tham dự có ông Lục Văn Bình, Giám đốc Sở Nội vụ,")
        );
        // a broken common word alone
        assert_eq!(
            kept("Ông Lục Văn Bình cho biết đã hoàn thành việc sắp xếp bộ má").as_deref(),
            Some("Ông Lục Văn Bình cho biết đã hoàn thành việc sắp xếp bộ")
        );
        // a whole last word, a line end, or a text of one line stay
        assert!(kept("Ông Lục Văn Bình dự họp ")
            .unwrap()
            .ends_with("dự họp"));
        assert!(kept("Ông Lục Văn Bình dự họp\n")
            .unwrap()
            .ends_with("dự họp"));
        assert_eq!(
            facts_text("Ông Lục Văn Bình dự họp"),
            ["Ông Lục Văn Bình dự họp"]
        );
    }

    #[test]
    fn social_lines_and_stamps() {
        let page =
            "Ông Phùng Văn Kiệt, Giám đốc Sở Tài chính tỉnh Kon Tum, cho biết nguồn thu tăng.\n\
Theo dõi Báo Cao Nguyên trên Google News\n\
Bà Hứa Thị Lành phát biểu tại hội nghị tổng kết của ngành tài chính tỉnh Kon Tum.\n";
        let kept = facts_text(page);
        assert_eq!(kept.len(), 2);
        assert!(kept[1].starts_with("Bà Hứa Thị Lành"));
        let page = "Thứ trưởng Nông Quốc Bảo tiếp Đại sứ Mikko Saari 14/02/2031 10:25\n";
        assert_eq!(
            facts_text(page),
            [
                "Thứ trưởng Nông Quốc Bảo tiếp Đại sứ Mikko Saari",
                "14/02/2031 10:25"
            ]
        );
        assert_eq!(headline_length("18:07"), 5);
        assert_eq!(headline_length("05/03/2025 18:07"), 16);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            ".",
            "..",
            "Ảnh:",
            "(",
            "•",
            "ẢNH: Ảnh: ảnh:",
            "a.\u{1F600} B",
            "Ω. Ω",
        ] {
            let _ = segment(text);
        }
    }
}
