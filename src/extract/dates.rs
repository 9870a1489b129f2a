//! Dates as Vietnamese news writes them, normalised to ISO 8601:
//! "25/10/2025", "25-26/10/2025" (two dates), "25 và 26/10/2025",
//! "ngày 24/12/2024", "ngày 5 tháng 3 năm 2024", "tháng 12/2024",
//! "năm 2019", and a day without a year ("Chiều 25/10", "25.10", "25-10"),
//! which takes the year of the article.

use std::borrow::Cow;

use super::tokens::{lower_case, Token};
use crate::lexicon::clause_group;

/// A date expression: tokens `start..end` of the sentence, and the ISO
/// dates it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub iso: Vec<String>,
}

/// How a day without a year gets its year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YearContext {
    /// The article's own date (dateline or publication line).
    pub dateline: Option<(i32, u32, u32)>,
    /// Else the latest full date the article mentions.
    pub latest: Option<(i32, u32, u32)>,
    /// Else the most frequent year of the full dates anywhere in the file.
    pub common_year: Option<i32>,
}

impl YearContext {
    /// The year of a bare day. With the article's date, the year that puts
    /// the day nearest it: news reports recent events, so "30/12" in an
    /// article of 2/1/2024 is 2023. Without one, the full dates an article
    /// quotes are mostly past, so the day is the next occurrence on or after
    /// the latest of them, unless it falls in the month before it ("19/4"
    /// next to "20/4/2021" is 2021).
    fn year_for(&self, month: u32, day: u32) -> Option<i32> {
        // days on a 372-day calendar: enough to compare distances
        let ord = |y: i32, m: u32, d: u32| i64::from(y) * 372 + i64::from(m * 31 + d);
        if let Some((ry, rm, rd)) = self.dateline {
            let reference = ord(ry, rm, rd);
            // on a tie the earlier year: the past is what news reports
            return [ry - 1, ry, ry + 1]
                .into_iter()
                .min_by_key(|&y| (ord(y, month, day) - reference).abs());
        }
        if let Some((y, m, d)) = self.latest {
            let before = ord(y, m, d) - ord(y, month, day);
            return Some(if before <= 31 { y } else { y + 1 });
        }
        self.common_year
    }

    /// The year of a month named without one ("vào tháng 2", "cuối tháng
    /// 3"): the article's year, whether the month is past or to come.
    fn year_of_month(&self) -> Option<i32> {
        self.dateline
            .or(self.latest)
            .map(|(y, _, _)| y)
            .or(self.common_year)
    }
}

/// Whether `word` is a word of the time of day, which licenses a bare
/// "25.10" or "25-10" (group `time_word` of `data/lexicon/clause_words.txt`).
fn time_word(word: &str) -> bool {
    clause_group!("time_word").has_word(word)
}

/// The month a month name written as a word after "tháng" stands for
/// ("tháng Tám vừa qua"; group `month_word`, the month its tag).
fn month_word(word: &str) -> Option<u32> {
    let months = clause_group!("month_word");
    let ix = months.texts.iter().position(|&name| name == word)?;
    months.tags[ix].parse().ok()
}

/// The month "tháng" opens at token `i` (a number 1-12 or a month word)
/// and the token after it.
fn month_after(lower: &[Cow<str>], i: usize) -> Option<(u32, usize)> {
    let w = |k: usize| lower.get(k).map_or("", |w| w);
    if w(i) != "tháng" {
        return None;
    }
    if let Some(m) = number(w(i + 1)).filter(|m| (1..=12).contains(m)) {
        return Some((m, i + 2));
    }
    let m = month_word(w(i + 1))?;
    // "tháng mười một", "tháng mười hai"
    match (m, w(i + 2)) {
        (10, "một") => Some((11, i + 3)),
        (10, "hai") => Some((12, i + 3)),
        (m, _) => Some((m, i + 2)),
    }
}

/// Whether the date at token `start` is a birth date or a term of office
/// ("sinh năm 1973", "sinh ngày 5/6/1970", "nhiệm kỳ 2021"): it dates no
/// event, so it is no mention.
fn dates_nothing(lower: &[Cow<str>], start: usize) -> bool {
    let w = |k: usize| {
        if k < start {
            lower.get(k).map_or("", |w| w)
        } else {
            ""
        }
    };
    let prev = w(start.wrapping_sub(1));
    let prev2 = w(start.wrapping_sub(2));
    prev == "sinh"
        || (matches!(prev, "ngày" | "năm") && prev2 == "sinh")
        || (prev == "kỳ" && prev2 == "nhiệm")
}

/// Whether the days before token `i` ("18, 19 và 22-3", "18 - 19.11")
/// follow a word of the time of day, which licenses a day written with
/// "-" or ".".
fn listed_after_time_word(lower: &[Cow<str>], i: usize) -> bool {
    let w = |k: usize| lower.get(k).map_or("", |w| w);
    let mut k = i;
    while k >= 2 && matches!(w(k - 1), "," | "và" | "-") && number(w(k - 2)).is_some() {
        k -= 2;
    }
    k < i && k >= 1 && time_word(w(k - 1))
}

fn valid(year: i32, month: u32, day: u32) -> bool {
    (1000..=2999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn day_iso(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Splits "25/10/2025" (or with `-`, `.`) into numbers.
fn numbers(word: &str, sep: char) -> Option<Vec<u32>> {
    if !word.contains(sep) {
        return None;
    }
    word.split(sep)
        .map(|p| {
            if !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        })
        .collect()
}

/// A single number word.
fn number(word: &str) -> Option<u32> {
    if !word.is_empty() && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        word.parse().ok()
    } else {
        None
    }
}

/// Finds the date expressions among the `tokens` of a sentence of `doc`.
pub fn find_dates(doc: &str, tokens: &[Token], ctx: &YearContext) -> Vec<DateMention> {
    let lower: Vec<Cow<str>> = tokens.iter().map(|t| lower_case(t.text(doc))).collect();
    find_dates_lower(&lower, ctx)
}

/// [`find_dates`] of tokens given lower-cased (see [`lower_case`]).
pub fn find_dates_lower(lower: &[Cow<str>], ctx: &YearContext) -> Vec<DateMention> {
    let word = |i: usize| lower.get(i).map_or("", |w| w);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        if let Some((end, iso)) = date_at(lower, i, ctx) {
            // "25 - 26/10/2025", "25 và 26/10/2025": a first day before it
            let mut start = i;
            let mut iso = iso;
            // "từ ngày 9 đến 20/12/2025", "từ 9 đến 20/12/2025" too
            let until = i >= 3
                && matches!(word(i - 1), "đến" | "tới")
                && matches!(word(i - 3), "ngày" | "từ");
            if i >= 2 && (word(i - 1) == "-" || word(i - 1) == "và" || until) {
                if let (Some(d), Some(first)) = (number(word(i - 2)), iso.first().cloned()) {
                    if (1..=31).contains(&d) && first.len() == 10 {
                        iso.insert(0, format!("{}-{d:02}", &first[..7]));
                        start = i - 2;
                        // "các ngày 18, 19 và 22-3-2021": more days before
                        while start >= 2 && word(start - 1) == "," {
                            match number(word(start - 2)).filter(|d| (1..=31).contains(d)) {
                                Some(d) => {
                                    iso.insert(0, format!("{}-{d:02}", &first[..7]));
                                    start -= 2;
                                }
                                None => break,
                            }
                        }
                        // drop a mention of that day already taken alone
                        out.retain(|m: &DateMention| m.end <= start);
                    }
                }
            }
            // "30/9 - 2/10/2025": a first day without a year takes the
            // year of the day the range ends on
            if start == i && i >= 2 && matches!(word(i - 1), "-" | "đến" | "tới" | "và") {
                if let (Some(prev), Some(last)) = (out.last_mut(), iso.first()) {
                    let bare = numbers(word(i - 2), '/').is_some_and(|p| p.len() == 2);
                    if prev.end == i - 1 && bare && prev.iso.len() == 1 && last.len() == 10 {
                        let first = &prev.iso[0];
                        if first.len() == 10 && first[..4] != last[..4] && first[5..] <= last[5..] {
                            prev.iso[0] = format!("{}{}", &last[..4], &first[4..]);
                        }
                    }
                }
            }
            if dates_nothing(lower, start) {
                i = end;
                continue;
            }
            out.push(DateMention { start, end, iso });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The date starting at token `i`: its end and ISO forms.
fn date_at(lower: &[Cow<str>], i: usize, ctx: &YearContext) -> Option<(usize, Vec<String>)> {
    let w = |k: usize| lower.get(k).map_or("", |w| w);
    let prev = if i > 0 { w(i - 1) } else { "" };
    let cur = w(i);
    // every form below opens with a number, "tháng" or "năm"
    if !cur.starts_with(|c: char| c.is_ascii_digit()) && cur != "tháng" && cur != "năm" {
        return None;
    }
    // ngày 5 tháng 3 năm 2024 / 5 tháng 3 năm 2024 / tháng 3 năm 2024
    if let Some(d) = number(cur) {
        if w(i + 1) == "tháng" {
            if let Some(m) = number(w(i + 2)) {
                if w(i + 3) == "năm" {
                    if let Some(y) = number(w(i + 4)) {
                        if valid(y as i32, m, d) {
                            return Some((i + 5, vec![day_iso(y as i32, m, d)]));
                        }
                    }
                }
                if prev == "ngày" {
                    let y = ctx.year_for(m, d)?;
                    if valid(y, m, d) {
                        return Some((i + 3, vec![day_iso(y, m, d)]));
                    }
                }
            }
        }
    }
    // "tháng Tám năm 2025", "cuối tháng 3", "tháng Tám vừa qua": a month
    // without a year takes the article's
    if let Some((m, after)) = month_after(lower, i) {
        if w(after) == "năm" && w(after + 1) != "nay" {
            if let Some(y) = number(w(after + 1)).filter(|_| w(after + 1).len() == 4) {
                if valid(y as i32, m, 1) {
                    return Some((after + 2, vec![format!("{y:04}-{m:02}")]));
                }
            }
        } else if w(after) == "năm" && w(after + 1) == "nay" {
            // "tháng 3 năm nay": this year's
            let y = ctx.year_of_month()?;
            return Some((after + 2, vec![format!("{y:04}-{m:02}")]));
        } else if number(prev).is_none() {
            // (a number before it, "5 tháng 3" or "3 tháng 6 ngày", is a
            // day or a count of months)
            let y = ctx.year_of_month()?;
            return Some((after, vec![format!("{y:04}-{m:02}")]));
        }
    }
    if cur == "tháng" {
        if let Some(m) = number(w(i + 1)) {
            if w(i + 2) == "năm" {
                if let Some(y) = number(w(i + 3)) {
                    if valid(y as i32, m, 1) {
                        return Some((i + 4, vec![format!("{y:04}-{m:02}")]));
                    }
                }
            }
        }
        if let Some(parts) = numbers(w(i + 1), '/').or_else(|| numbers(w(i + 1), '-')) {
            if let [m, y] = parts[..] {
                if valid(y as i32, m, 1) {
                    return Some((i + 2, vec![format!("{y:04}-{m:02}")]));
                }
            }
        }
    }
    if cur == "năm" {
        if let Some(y) = number(w(i + 1)) {
            if (1000..=2999).contains(&y) && w(i + 1).len() == 4 {
                return Some((i + 2, vec![format!("{y:04}")]));
            }
        }
    }
    // one token: 25/10/2025, 25-26/10/2025, 25/10, 25.10, 25-10
    for sep in ['/', '.', '-'] {
        let Some(parts) = numbers(cur, sep) else {
            continue;
        };
        match parts[..] {
            [d, m, y] if y >= 1000 && valid(y as i32, m, d) => {
                return Some((i + 1, vec![day_iso(y as i32, m, d)]));
            }
            [m, y] if sep == '/' && prev == "tháng" && valid(y as i32, m, 1) => {
                return Some((i + 1, vec![format!("{y:04}-{m:02}")]));
            }
            [d, m]
                if m <= 12
                    && (sep == '/' || time_word(prev) || listed_after_time_word(lower, i)) =>
            {
                let y = ctx.year_for(m, d)?;
                if valid(y, m, d) {
                    return Some((i + 1, vec![day_iso(y, m, d)]));
                }
            }
            _ => {}
        }
    }
    // "25-26/10/2025", "18-19/11": a range of days in one token
    if let Some((range, rest)) = cur.split_once('-') {
        if let (Some(d1), Some(parts)) = (number(range), numbers(rest, '/')) {
            let (d2, m, y) = match parts[..] {
                [d2, m, y] => (d2, m, Some(y as i32)),
                [d2, m] => (d2, m, None),
                _ => return None,
            };
            let y = match y {
                Some(y) => y,
                None if m <= 12 => ctx.year_for(m, d2)?,
                None => return None,
            };
            if valid(y, m, d1) && valid(y, m, d2) && d1 < d2 {
                return Some((i + 1, vec![day_iso(y, m, d1), day_iso(y, m, d2)]));
            }
        }
        // "30/9-2/10": a range across months
        if let (Some(a), Some(b)) = (numbers(range, '/'), numbers(rest, '/')) {
            if let ([d1, m1], [d2, m2]) = (&a[..], &b[..]) {
                let y = ctx.year_for(*m2, *d2)?;
                // a range across the new year starts the year before
                let y1 = if m1 > m2 { y - 1 } else { y };
                if valid(y1, *m1, *d1) && valid(y, *m2, *d2) {
                    return Some((i + 1, vec![day_iso(y1, *m1, *d1), day_iso(y, *m2, *d2)]));
                }
            }
        }
    }
    None
}

/// The date of a dateline or publication line: its first full date
/// ("Thứ Năm, 18/10/2018 16:15"), else an ISO month ("date 2020-05", taken
/// as its middle day), else a month written as a word before the day
/// ("Thứ năm, Tháng ba 5, 2026").
pub fn dateline_date(line: &str) -> Option<(i32, u32, u32)> {
    if let Some(&d) = full_dates(line).first() {
        return Some(d);
    }
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for w in &words {
        if let Some([y, m]) = numbers(w, '-').as_deref() {
            if w.len() == 7 && valid(*y as i32, *m, 1) {
                return Some((*y as i32, *m, 15));
            }
        }
    }
    // in a dateline every month word is a month, "ba" and "năm" too
    const ALL_MONTHS: [&str; 12] = [
        "một",
        "hai",
        "ba",
        "tư",
        "năm",
        "sáu",
        "bảy",
        "tám",
        "chín",
        "mười",
        "mười một",
        "mười hai",
    ];
    let at = words.iter().position(|w| w == "tháng")?;
    let rest = &words[at + 1..];
    let (month, used) = match rest {
        [a, b, ..] if a == "mười" && (b == "một" || b == "hai") => {
            (if b == "một" { 11 } else { 12 }, 2)
        }
        [a, ..] => (ALL_MONTHS.iter().position(|m| m == a)? as u32 + 1, 1),
        [] => return None,
    };
    match rest[used..] {
        [ref d, ref y, ..] => {
            let (d, y) = (number(d)?, number(y)? as i32);
            valid(y, month, d).then_some((y, month, d))
        }
        _ => None,
    }
}

/// The years written alone in `text` ("năm 2025", "thường niên 2025", "–
/// 2018"): what gives a day its year when the article has no full date.
/// Left out: birth years ("sinh năm 1970", "SN 1962"), terms of office
/// ("nhiệm kỳ 2016 – 2021") and years inside a name ("Asian Cup 2019").
pub fn bare_years(text: &str) -> impl Iterator<Item = i32> + '_ {
    let mut prev = ["", ""];
    let mut term = false;
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '.' | ';'))
        .filter(|w| !w.is_empty())
        .filter_map(move |w| {
            let year = (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
                .then(|| w.parse::<i32>().ok())
                .flatten()
                .filter(|y| (1900..=2100).contains(y));
            let born = prev[1].eq_ignore_ascii_case("sn")
                || prev[1] == "sinh"
                || (prev[1] == "năm" && prev[0] == "sinh");
            // "nhiệm kỳ 2016 – 2021": both ends of the term
            let ends_term = term && matches!(prev[1], "-" | "–");
            let starts_term = prev[1] == "kỳ" && prev[0] == "nhiệm";
            if !matches!(w, "-" | "–") {
                term = year.is_some() && (ends_term || starts_term);
            }
            let in_name = prev[1].chars().next().is_some_and(char::is_uppercase);
            prev = [prev[1], w];
            year.filter(|_| !born && !term && !ends_term && !in_name)
        })
}

/// Full dates (with a year) in `text`, anywhere, as (year, month, day):
/// used to find the article's year.
pub fn full_dates(text: &str) -> Vec<(i32, u32, u32)> {
    let mut out = Vec::new();
    // the words are runs of these ASCII bytes, so bytes are split, not chars
    let in_word = |b: u8| b.is_ascii_digit() || b == b'/' || b == b'-' || b == b'.';
    let bytes = text.as_bytes();
    let mut end = 0;
    while let Some(start) = bytes[end..]
        .iter()
        .position(|&b| in_word(b))
        .map(|i| end + i)
    {
        end = bytes[start..]
            .iter()
            .position(|&b| !in_word(b))
            .map_or(bytes.len(), |i| start + i);
        let word = text[start..end].trim_matches(|c: char| !c.is_ascii_digit());
        if word.len() < 8 {
            // shorter than "1/1/1999": no full date
            continue;
        }
        for sep in ['/', '.', '-'] {
            if let Some(parts) = numbers(word, sep) {
                match parts[..] {
                    [d, m, y] if y >= 1000 && valid(y as i32, m, d) => {
                        out.push((y as i32, m, d));
                    }
                    [y, m, d] if y >= 1000 && sep == '-' && valid(y as i32, m, d) => {
                        out.push((y as i32, m, d));
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn isos(text: &str, ctx: &YearContext) -> Vec<String> {
        let toks = tokenize(text, 0, text.len());
        find_dates(text, &toks, ctx)
            .into_iter()
            .flat_map(|m| m.iso)
            .collect()
    }

    #[test]
    fn every_form_news_uses() {
        let ctx = YearContext {
            dateline: Some((2023, 3, 9)),
            ..Default::default()
        };
        assert_eq!(
            isos("Hội chợ mở từ ngày 14-16/7/2022 ở Đà Lạt", &ctx),
            ["2022-07-14", "2022-07-16"]
        );
        assert_eq!(
            isos("diễn ra 3 - 4/8/2021", &ctx),
            ["2021-08-03", "2021-08-04"]
        );
        assert_eq!(
            isos("vào ngày 9 và 10/11/2020", &ctx),
            ["2020-11-09", "2020-11-10"]
        );
        assert_eq!(
            isos("diễn ra từ ngày 9 đến 20/12/2025", &ctx),
            ["2025-12-09", "2025-12-20"]
        );
        // a date opening the sentence has no word before it
        assert_eq!(isos("20/12/2025 là hạn chót", &ctx), ["2025-12-20"]);
        assert_eq!(isos("tăng 18 đến 20/12/2025", &ctx), ["2025-12-20"]);
        assert_eq!(isos("ký ngày 2 tháng 9 năm 1945", &ctx), ["1945-09-02"]);
        assert_eq!(
            isos("từ tháng 5/2018 đến năm 2020", &ctx),
            ["2018-05", "2020"]
        );
        assert_eq!(isos("Tối 8/3, đội tuyển", &ctx), ["2023-03-08"]);
        assert_eq!(
            isos("Sáng 8.3 và chiều 9-3", &ctx),
            ["2023-03-08", "2023-03-09"]
        );
        // fractions and codes are not dates
        assert!(isos("giảm 2-3 lần, số 34/GP-BC", &ctx).is_empty());
    }

    #[test]
    fn bare_day_takes_its_year_from_the_reference_date() {
        let ctx = YearContext {
            latest: Some((2021, 12, 20)),
            ..Default::default()
        };
        assert_eq!(isos("Sáng 15/4, phiên tòa", &ctx), ["2022-04-15"]);
        assert_eq!(isos("Chiều 19/12, phiên tòa", &ctx), ["2021-12-19"]);
        let new_year = YearContext {
            dateline: Some((2024, 1, 2)),
            ..Default::default()
        };
        assert_eq!(isos("Tối 30/12, lễ hội", &new_year), ["2023-12-30"]);
        assert_eq!(isos("Sáng 13/3", &new_year), ["2024-03-13"]);
        let none = YearContext::default();
        assert!(isos("Sáng 15/4", &none).is_empty());
    }

    #[test]
    fn datelines_and_bare_years() {
        assert_eq!(
            dateline_date("date 2020-05 Chiều 23/5"),
            Some((2020, 5, 15))
        );
        assert_eq!(
            dateline_date("Thứ năm, Tháng ba 5, 2026"),
            Some((2026, 3, 5))
        );
        assert_eq!(
            dateline_date("Thứ Năm 18/10/2018 16:15"),
            Some((2018, 10, 18))
        );
        assert_eq!(dateline_date("Thứ Năm"), None);
        let years: Vec<i32> =
            bare_years("sinh năm 1970, SN 1962, nhiệm kỳ 2016 – 2021, Asian Cup 2019, năm 2025")
                .collect();
        assert_eq!(years, [2025]);
    }

    #[test]
    fn full_dates_in_text() {
        assert_eq!(
            full_dates("x 2024-02-03 y 5/6/2020."),
            [(2024, 2, 3), (2020, 6, 5)]
        );
    }
}
