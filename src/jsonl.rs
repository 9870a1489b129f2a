//! JSON Lines archives: one article a line, a JSON object with its URL,
//! date, title and text, as news-please and Common Crawl news extracts
//! write them. Each article's URL is its source name; its date dates the
//! days it names without a year.

use std::io::BufRead;

use serde_json::{Map, Value};
use unicode_normalization::UnicodeNormalization;

use crate::error::Error;
use crate::input::{read_line_limited, Document, Loaded};

/// The fields read, each the first of its names present with a string:
/// news-please writes `url`, `date_publish`, `title`, `maintext`.
const URL_FIELDS: [&str; 4] = ["url", "source_url", "link", "uri"];
const DATE_FIELDS: [&str; 6] = [
    "date_publish",
    "date_published",
    "published",
    "publish_date",
    "date",
    "published_at",
];
const TITLE_FIELDS: [&str; 2] = ["title", "headline"];
const TEXT_FIELDS: [&str; 5] = ["maintext", "text", "content", "body", "article"];

/// The articles of the JSON Lines `reader`, named `file` in messages, read
/// one line at a time. Blank lines are passed over; a line that is not a
/// JSON object with a text field, or longer than `max_bytes`, is an error
/// naming the file and the line. A read error ends the articles.
pub fn articles(
    mut reader: impl BufRead,
    file: String,
    max_bytes: u64,
) -> impl Iterator<Item = Result<Loaded, Error>> {
    let mut line = Vec::new();
    let mut number = 0usize;
    let mut done = false;
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        number += 1;
        let at = || format!("{file}:{number}");
        match read_line_limited(&mut reader, &mut line, max_bytes) {
            Err(e) => {
                done = true;
                return Some(Err(Error::io(at(), e)));
            }
            Ok(None) => return None,
            Ok(Some(false)) => {
                return Some(Err(Error::TooLarge {
                    path: at(),
                    size: format!("a line of more than {max_bytes} bytes"),
                    limit: max_bytes,
                }))
            }
            Ok(Some(true)) if line.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(Some(true)) => {
                return Some(article(&line).map_err(|why| Error::Unreadable { path: at(), why }))
            }
        }
    })
}

/// The article of one line, or why there is none.
fn article(line: &[u8]) -> Result<Loaded, String> {
    let value: Value =
        serde_json::from_slice(line).map_err(|e| format!("not a JSON article ({e})"))?;
    let Value::Object(fields) = value else {
        return Err("not a JSON object (one article a line is expected)".into());
    };
    let text = first_string(&fields, &TEXT_FIELDS).ok_or_else(|| {
        format!(
            "no article text (a string field {})",
            TEXT_FIELDS.join(", ")
        )
    })?;
    let title = first_string(&fields, &TITLE_FIELDS).map(str::trim);
    // the headline first, as in an article file, unless the text opens with it
    let text = match title {
        Some(title) if !title.is_empty() && !text.trim_start().starts_with(title) => {
            format!("{title}\n\n{text}")
        }
        _ => text.to_string(),
    };
    let url = first_string(&fields, &URL_FIELDS)
        .map(str::trim)
        .filter(|url| !url.is_empty());
    let mut notes = Vec::new();
    let Some(url) = url else {
        return Err(format!(
            "no URL (a string field {}) to name the article by",
            URL_FIELDS.join(", ")
        ));
    };
    let published = match first_string(&fields, &DATE_FIELDS) {
        Some(date) => {
            let day = iso_day(date);
            if day.is_none() {
                notes.push(format!(
                    "{url}: date {date:?} not read (YYYY-MM-DD expected)"
                ));
            }
            day
        }
        None => None,
    };
    let mut doc = Document::new(url.nfc().collect::<String>(), text);
    doc.published = published;
    Ok(Loaded { doc, notes })
}

fn first_string<'a>(fields: &'a Map<String, Value>, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .find_map(|name| fields.get(*name).and_then(Value::as_str))
}

/// The day of a date that starts `YYYY-MM-DD` (ISO 8601 and the
/// `YYYY-MM-DD HH:MM:SS` news-please writes).
fn iso_day(date: &str) -> Option<(i32, u32, u32)> {
    let date = date.trim();
    let day = date.get(..10)?;
    let rest = &date[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' ', 't'])) {
        return None;
    }
    let mut parts = day.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Result<Loaded, Error>> {
        articles(text.as_bytes(), "a.jsonl".into(), 1 << 20).collect()
    }

    #[test]
    fn articles_take_the_usual_field_names() {
        let got = read(concat!(
            r#"{"url":"https://example.vn/a","date_publish":"2021-08-10 07:00:00","title":"Tin A","maintext":"Nội dung A."}"#,
            "\n\n",
            r#"{"source_url":"https://example.vn/b","published":"2022-01-02T00:00:00Z","text":"Nội dung B."}"#,
            "\r\n",
        ));
        assert_eq!(got.len(), 2);
        let a = &got[0].as_ref().unwrap().doc;
        assert_eq!(a.name, "https://example.vn/a");
        assert_eq!(a.text, "Tin A\n\nNội dung A.");
        assert_eq!(a.published, Some((2021, 8, 10)));
        let b = &got[1].as_ref().unwrap().doc;
        assert_eq!(
            (b.name.as_str(), b.published),
            ("https://example.vn/b", Some((2022, 1, 2)))
        );
    }

    #[test]
    fn bad_lines_name_the_file_and_the_line() {
        let got = read(concat!(
            "{\"url\":\"u\",\"text\":\"t\"}\n",
            "{not json\n",
            "[1,2]\n",
            "{\"url\":\"u2\"}\n",
            "{\"text\":\"no url\"}\n",
        ));
        let errors: Vec<String> = got
            .iter()
            .filter_map(|r| r.as_ref().err().map(ToString::to_string))
            .collect();
        assert_eq!(errors.len(), 4, "{errors:?}");
        for (error, line) in errors.iter().zip(2..) {
            assert!(error.starts_with(&format!("a.jsonl:{line}: ")), "{error}");
        }
        assert!(errors[2].contains("no article text"));
        assert!(errors[3].contains("no URL"));
    }

    #[test]
    fn a_line_too_long_is_an_error_and_the_next_line_is_read() {
        let long = format!("{{\"url\":\"u\",\"text\":\"{}\"}}\n", "x".repeat(100));
        let text = format!("{long}{{\"url\":\"v\",\"text\":\"y\"}}\n");
        let got: Vec<_> = articles(text.as_bytes(), "b.jsonl".into(), 50).collect();
        assert!(matches!(&got[0], Err(Error::TooLarge { path, .. }) if path == "b.jsonl:1"));
        assert_eq!(got[1].as_ref().unwrap().doc.name, "v");
    }

    #[test]
    fn dates_are_read_only_when_they_are_days() {
        assert_eq!(iso_day("2025-10-25"), Some((2025, 10, 25)));
        assert_eq!(iso_day("2025-10-25T08:00:00+07:00"), Some((2025, 10, 25)));
        assert_eq!(iso_day("25/10/2025"), None);
        assert_eq!(iso_day("2025-13-01"), None);
        assert_eq!(iso_day("2025-10-251"), None);
    }
}
