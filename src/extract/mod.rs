//! Extraction: entity mentions and the relations between them, one document
//! at a time.
//!
//! Each sentence is cut into tokens; one Aho-Corasick pass over the whole
//! document finds the lexicon entries (titles, name heads, known bodies,
//! countries, places); a left-to-right parser (`parse`) builds the
//! mentions from them with the grammar of Vietnamese news (title chains
//! before a name, titles in apposition after it, organisation heads with
//! their capitalised continuation, event heads with their object) and the
//! relations the grammar itself states; clause patterns (`clauses`) add
//! the relations stated by verbs ("chủ trì", "tham dự", "do X tổ chức",
//! "tại X"). Short forms ("Lễ mở ký", "Công ước") are resolved to the full
//! name within the document at the end.

mod clauses;
pub mod dates;
mod doc;
mod events;
mod parse;
mod participation;
pub mod tokens;

use std::sync::Arc;

use crate::graph::{Evidence, NodeKind, Relation};
use crate::lexicon::{fold_case, fold_case_checked, lexicon, to_lower};
use crate::segment::{BlockKind, Sentence};

pub use dates::YearContext;

/// An entity as one document names it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: NodeKind,
    /// The fullest name the document gives (ISO 8601 for dates).
    pub label: String,
    pub label_en: Option<String>,
    /// Other names the document gives it: acronyms, variants, long and
    /// short forms that name this thing and nothing else.
    pub aliases: Vec<String>,
    /// Short forms that name it only in the context of this document
    /// ("Lễ mở ký", "Công ước"): kept as aliases, never used to merge with
    /// other documents' entities.
    pub short_forms: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// A relation between two entities of the same document.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Index into [`DocFacts::entities`].
    pub subject: usize,
    pub relation: Relation,
    pub object: usize,
    pub evidence: Evidence,
    /// The evidence sentence's text.
    pub sentence: Arc<str>,
}

/// What one document says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocFacts {
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
}

/// Extracts entities and relations from document number `doc`, whose
/// normalised text is `text`, cut into `sentences`.
pub fn extract(doc: u32, text: &str, sentences: &[Sentence]) -> DocFacts {
    extract_dated(doc, text, sentences, None)
}

/// [`extract`] of an article whose date is known from outside its text
/// (an archive's publication date): the date of its days without a year.
pub fn extract_dated(
    doc: u32,
    text: &str,
    sentences: &[Sentence],
    published: Option<(i32, u32, u32)>,
) -> DocFacts {
    let lex = lexicon();
    let (folded, folded_is_lower) = fold_case_checked(text);
    let hits = lex.find(&folded);
    let (mut year, stamps) = year_context(text, sentences);
    year.dateline = published.or(year.dateline);
    let article = parse::ArticleContext::new(text, &folded, folded_is_lower, &hits);
    let mut builder = doc::DocBuilder::new(doc, text);
    let mut hit_ix = 0;
    for sentence in sentences {
        if sentence.end > text.len() || sentence.start > sentence.end {
            continue;
        }
        // the hits inside this sentence
        while hit_ix < hits.len() && hits[hit_ix].start < sentence.start {
            hit_ix += 1;
        }
        let first = hit_ix;
        let mut last = hit_ix;
        while last < hits.len() && hits[last].end <= sentence.end {
            last += 1;
        }
        // a publication stamp dates nothing the article reports
        if sentence.block == BlockKind::Furniture || stamps.contains(&sentence.index) {
            continue;
        }
        // the grammar of names first, then the relations its verbs state
        if let Some(mut parsed) =
            parse::parse_sentence(&mut builder, sentence, &hits[first..last], &year, &article)
        {
            clauses::relations(&mut parsed);
        }
    }
    builder.finish()
}

/// Whether `line` is only a publication stamp ("Thứ ba, ngày 21/1/2025",
/// "23/05/2022 - 22:26", "Cập nhật: 14/03/2024 08:30 (GMT+7)").
fn is_stamp(line: &str) -> bool {
    line.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| {
            lexicon()
                .dateline_words()
                .stamp_words
                .contains(&to_lower(w))
        })
}

/// At least as many characters as the longest dateline marker has bytes.
const DATELINE_MARKER_CHARS: usize = 16;

/// The year context of a document: a dateline near the top (after any page
/// menu, before the body has run two long sentences; of several, the last,
/// nearest the article: a page header may show the day it was fetched),
/// else the latest full date of its title and body, else the commonest
/// year of its full dates, else of the years its body names alone.
/// Also the sentences that are only a publication stamp ("Thứ ba, ngày
/// 21/1/2025", "23/05/2022 - 22:26"): a title line of a date, a time and
/// the words of a dateline.
fn year_context(text: &str, sentences: &[Sentence]) -> (YearContext, Vec<u32>) {
    let mut ctx = YearContext::default();
    let mut stamps = Vec::new();
    let mut long_lines = 0;
    for s in sentences.iter().take(20) {
        if s.end > text.len() || s.start > s.end {
            continue;
        }
        let line = s.text(text).trim();
        // fold_case goes char by char: the first chars are enough for the markers
        let head = line
            .char_indices()
            .nth(DATELINE_MARKER_CHARS)
            .map_or(line, |(i, _)| &line[..i]);
        let folded = fold_case(head);
        let marked = lexicon()
            .dateline_words()
            .markers
            .iter()
            .any(|m| folded.starts_with(m));
        if marked || line.len() <= 60 {
            let found = match marked {
                true => dates::dateline_date(line),
                false => dates::full_dates(line).first().copied(),
            };
            if found.is_some() {
                ctx.dateline = found;
                if s.block == BlockKind::Title && line.len() <= 60 && is_stamp(line) {
                    stamps.push(s.index);
                }
            }
        }
        if line.len() > 120 {
            long_lines += 1;
            if long_lines >= 2 {
                break;
            }
        }
    }
    let body: Vec<(i32, u32, u32)> = sentences
        .iter()
        .filter(|s| s.block != BlockKind::Furniture && s.end <= text.len())
        .flat_map(|s| dates::full_dates(s.text(text)))
        .collect();
    ctx.latest = body.iter().copied().max();
    let all = dates::full_dates(text);
    let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
    for (y, _, _) in &all {
        *counts.entry(*y).or_default() += 1;
    }
    if counts.is_empty() {
        for s in sentences.iter().filter(|s| s.block != BlockKind::Furniture) {
            if s.end <= text.len() {
                for y in dates::bare_years(s.text(text)) {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    ctx.common_year = counts
        .iter()
        .max_by_key(|(y, n)| (**n, std::cmp::Reverse(**y)))
        .map(|(y, _)| *y);
    (ctx, stamps)
}

#[cfg(test)]
mod tests;
