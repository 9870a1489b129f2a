//! The sentence parser: mentions built left to right from tokens and
//! lexicon hits with the grammar of Vietnamese news names, and the
//! relations that grammar states (a title and its holder, a title and its
//! organisation, a body and the body it belongs to, an event and the
//! document or event it is built on).

use super::dates::{find_dates_lower, YearContext};
use super::doc::{DocBuilder, Form};
use super::tokens::{is_acronym, is_capitalised, is_initialism, lower_case, tokenize, Token};
use crate::graph::{NodeKind, Relation};
use crate::lexicon::{clause_group, fold_case, lexicon, to_lower, Category, Entry, Hit};
use crate::segment::Sentence;
use std::sync::Arc;

/// A mention found in a sentence: tokens `start..end`, and for a person
/// the first token of the titles before the name (`from`).
#[derive(Clone, Copy, Debug)]
pub struct Mention {
    pub kind: NodeKind,
    pub start: usize,
    pub from: usize,
    pub end: usize,
    pub entity: usize,
    /// Not inside another mention's name.
    pub top: bool,
}

/// What a name parser found.
#[derive(Clone, Debug)]
struct Parsed {
    end: usize,
    entity: usize,
    /// The canonical label (known names spelled out).
    label: String,
    /// For an event, what its name says it is about or part of, after the
    /// head and modifiers ("Mekong - Lan Thương" of "Hội nghị thượng đỉnh
    /// Mekong - Lan Thương").
    object: Option<String>,
}

/// A run of a name: plain tokens, or a lexicon entry spelled canonically.
enum Piece {
    Tokens(usize, usize),
    Known(usize, usize, &'static Entry),
}

/// The most tokens a ministry's field takes after "Bộ trưởng" when the
/// ministry is named without "Bộ" ("Văn hóa , Thể thao và Du lịch").
const MINISTRY_FIELD_TOKENS: usize = 8;

/// Where the parties of a document's "giữa X và Y" start.
type Parties = [Option<usize>; 2];

pub struct SentenceParser<'b, 'a> {
    pub b: &'b mut DocBuilder<'a>,
    pub text: &'a str,
    pub toks: Vec<Token>,
    pub lower: Vec<std::borrow::Cow<'a, str>>,
    /// Per token: the lexicon hit starting there (end token, pattern).
    hits: Vec<Option<(usize, usize)>>,
    pub sentence: Sentence,
    /// Per token, the clause-word groups a phrase of which begins there
    /// ([`crate::lexicon::ClauseWords::starts`]).
    pub clause_starts: Vec<u64>,
    /// The sentence's text, shared by every fact drawn from it.
    sentence_text: Arc<str>,
    pub mentions: Vec<Mention>,
    pub dates: Vec<(usize, usize, Vec<usize>)>,
    /// Titles being read in apposition after their holder's name ("X, Chủ
    /// tịch HĐQT Tập đoàn Sao Mai"): no holder follows them, so a body's
    /// name runs on through words that look like a personal name.
    holder_before: bool,
    /// The province the article is about, if it names one most often.
    article_province: Option<&'static str>,
    /// The words the article writes last in parentheses ("(UNICEF)",
    /// "(gọi tắt là JICA)"), sorted: the short forms it defines.
    defined_short_forms: &'b [&'a str],
}

/// What the parser of one sentence needs to know of the whole article,
/// computed once per document.
pub struct ArticleContext<'a> {
    /// See [`article_province`].
    pub province: Option<&'static str>,
    /// The words right before a ")" (after a space or the "("), sorted.
    pub defined_short_forms: Vec<&'a str>,
    /// The article in lower case, when [`crate::lexicon::fold_case`] of it
    /// is its lower case (all but a few texts in other scripts): the lower
    /// case of each token is a slice of it.
    lower_text: Option<&'a str>,
}

impl<'a> ArticleContext<'a> {
    /// The context of `text`, whose [`crate::lexicon::fold_case`] is
    /// `folded` (`is_lower`: which is also its lower case) with the lexicon
    /// hits `hits`.
    pub fn new(text: &'a str, folded: &'a str, is_lower: bool, hits: &[Hit]) -> Self {
        ArticleContext {
            province: article_province(folded, hits),
            defined_short_forms: defined_short_forms(text),
            lower_text: is_lower.then_some(folded),
        }
    }
}

/// The words an article writes last in parentheses, sorted: one pass over
/// the text, so that asking whether it defines a short form costs no scan.
fn defined_short_forms(text: &str) -> Vec<&str> {
    let mut words: Vec<&str> = Vec::new();
    for (close, _) in text.match_indices(')') {
        let before = &text[..close];
        let Some(open) = before.rfind([' ', '(']) else {
            continue;
        };
        let word = &before[open + 1..];
        if !word.is_empty() {
            words.push(word);
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// The province an article names most often as "tỉnh X" (none on a tie):
/// the province of its bare local bodies ("Tỉnh ủy", "UBND tỉnh").
pub fn article_province(folded: &str, hits: &[Hit]) -> Option<&'static str> {
    let lex = lexicon();
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for h in hits {
        if !folded[..h.start].ends_with("tỉnh ") {
            continue;
        }
        let Some(place) = lex
            .entries_at(h.pattern)
            .iter()
            .map(|&ix| lex.entry(ix))
            .find(|e| e.category == Category::Place)
        else {
            continue;
        };
        match counts.iter_mut().find(|(p, _)| *p == place.canonical) {
            Some((_, n)) => *n += 1,
            None => counts.push((place.canonical.as_str(), 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    let mut top = counts.iter().filter(|(_, n)| *n == best);
    let first = top.next()?;
    top.next().is_none().then_some(first.0)
}

/// Parses the mentions and dates of one sentence into the builder, and
/// gives the parsed sentence back for the clause relations; `None` for a
/// sentence without a word.
pub fn parse_sentence<'b, 'a>(
    b: &'b mut DocBuilder<'a>,
    sentence: &Sentence,
    hits: &[Hit],
    year: &YearContext,
    article: &'b ArticleContext<'a>,
) -> Option<SentenceParser<'b, 'a>> {
    let text = b.text;
    let toks = tokenize(text, sentence.start, sentence.end);
    if toks.is_empty() {
        return None;
    }
    let lower: Vec<std::borrow::Cow<str>> = match article.lower_text {
        Some(lower_text) => toks.iter().map(|t| t.text(lower_text).into()).collect(),
        None => toks.iter().map(|t| lower_case(t.text(text))).collect(),
    };
    let mut hit_at = vec![None; toks.len()];
    let mut t = 0;
    for h in hits {
        while t < toks.len() && toks[t].start < h.start {
            t += 1;
        }
        if t < toks.len() && toks[t].start == h.start {
            if let Some(end) = (t..toks.len()).find(|&k| toks[k].end == h.end) {
                hit_at[t] = Some((end + 1, h.pattern));
            }
        }
    }
    recover_hidden_hits(text, &toks, &mut hit_at);
    let clause_starts = crate::lexicon::clause_words().starts(&lower);
    let mut p = SentenceParser {
        b,
        text,
        toks,
        lower,
        hits: hit_at,
        sentence: *sentence,
        clause_starts,
        sentence_text: Arc::from(sentence.text(text)),
        mentions: Vec::new(),
        dates: Vec::new(),
        holder_before: false,
        article_province: article.province,
        defined_short_forms: &article.defined_short_forms,
    };
    p.parse_dates(year);
    p.parse_mentions();
    Some(p)
}

/// A lower-case hit of a head written capitalised ("xuất quân Đoàn" read
/// as "Quân đoàn") hides the name that starts inside it ("Đoàn Thể thao
/// Việt Nam"): the text from that capitalised word is matched again. Rare,
/// so the extra matching costs little.
fn recover_hidden_hits(text: &str, toks: &[Token], hit_at: &mut [Option<(usize, usize)>]) {
    let lex = lexicon();
    for t in 0..toks.len() {
        let Some((end, pattern)) = hit_at[t] else {
            continue;
        };
        let capital_only = lex.entries_at(pattern).iter().all(|&ix| {
            matches!(
                lex.entry(ix).category,
                Category::OrgHead | Category::Office | Category::Rank | Category::Organization
            )
        });
        if !capital_only || is_capitalised(toks[t].text(text)) {
            continue;
        }
        let Some(inner) =
            (t + 1..end).find(|&k| toks[k].word && is_capitalised(toks[k].text(text)))
        else {
            continue;
        };
        if hit_at[inner].is_some() {
            continue;
        }
        let from = toks[inner].start;
        let to = toks[toks.len() - 1].end;
        let folded = fold_case(&text[from..to]);
        if let Some(h) = lex.find(&folded).first().filter(|h| h.start == 0) {
            if let Some(e) = (inner..toks.len()).find(|&k| toks[k].end == from + h.end) {
                hit_at[inner] = Some((e + 1, h.pattern));
            }
        }
    }
}

impl SentenceParser<'_, '_> {
    fn n(&self) -> usize {
        self.toks.len()
    }

    /// The lower-case text of token `i` ("" past the end).
    pub fn low_at(&self, i: usize) -> &str {
        self.low(i)
    }

    /// The head of the document named at token `i` ("Công ước").
    pub fn document_head(&self, i: usize) -> Option<String> {
        self.hit(i, &[Category::DocumentHead, Category::NumberedDocumentHead])
            .map(|(end, _)| self.span(i, end).to_string())
    }

    /// Whether token `i` is an honorific ("ông", "bà").
    pub fn honorific_at(&self, i: usize) -> bool {
        self.hit(i, &[Category::Honorific]).is_some()
    }

    /// Whether token `i` is a lower-case word.
    pub fn lowercase_at(&self, i: usize) -> bool {
        self.lowercase_word(i)
    }

    /// Whether token `i` is a capitalised word.
    pub fn cap_at(&self, i: usize) -> bool {
        self.cap(i)
    }

    fn low(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w)
    }

    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }

    fn cap(&self, i: usize) -> bool {
        self.is_word(i) && is_capitalised(self.word(i))
    }

    pub(super) fn lowercase_word(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// Text of tokens `start..end` as written.
    pub fn span(&self, start: usize, end: usize) -> &str {
        if start >= end || end > self.n() {
            return "";
        }
        &self.text[self.toks[start].start..self.toks[end - 1].end]
    }

    pub fn evidence(&self, start: usize, end: usize, confidence: f32) -> crate::graph::Evidence {
        let (s, e) = if start < end && end <= self.n() {
            (self.toks[start].start, self.toks[end - 1].end)
        } else {
            (self.sentence.start, self.sentence.end)
        };
        self.b.evidence(self.sentence.index, s, e, confidence)
    }

    /// The sentence-level evidence of a fact.
    pub fn fact_evidence(&self, confidence: f32) -> crate::graph::Evidence {
        self.b.evidence(
            self.sentence.index,
            self.sentence.start,
            self.sentence.end,
            confidence,
        )
    }

    pub fn fact(&mut self, s: usize, rel: Relation, o: usize, confidence: f32) {
        let ev = self.fact_evidence(confidence);
        self.b.fact(s, rel, o, ev, Arc::clone(&self.sentence_text));
    }

    /// The lexicon entry of a category in `cats` at token `i`.
    fn hit(&self, i: usize, cats: &[Category]) -> Option<(usize, &'static Entry)> {
        let (end, pattern) = (*self.hits.get(i)?)?;
        let lex = lexicon();
        lex.entries_at(pattern)
            .iter()
            .map(|&ix| lex.entry(ix))
            .find(|e| cats.contains(&e.category))
            .map(|e| (end, e))
    }

    /// The end of the lexicon hit at `i`, if any; street and lake heads
    /// ("đường", "hồ") do not count: they are syllables of names and
    /// common words too.
    fn hit_end(&self, i: usize) -> Option<usize> {
        let (end, pattern) = self.hits.get(i).copied().flatten()?;
        let lex = lexicon();
        lex.entries_at(pattern)
            .iter()
            .any(|&ix| lex.entry(ix).category != Category::FeatureHead)
            .then_some(end)
    }

    fn push(&mut self, kind: NodeKind, start: usize, end: usize, entity: usize, top: bool) {
        self.mentions.push(Mention {
            kind,
            start,
            from: start,
            end,
            entity,
            top,
        });
    }

    fn parse_dates(&mut self, year: &YearContext) {
        let found = find_dates_lower(&self.lower, year);
        for d in found {
            let written = self.span(d.start, d.end).to_string();
            let ev = self.evidence(d.start, d.end, 0.9);
            // a range ("9 đến 20/12/2025") names two days: its text is an
            // alias of neither, or the second day would find the first
            let range = d.iso.len() > 1;
            let ents: Vec<usize> = d
                .iso
                .iter()
                .map(|iso| {
                    let surface = if range {
                        iso.as_str()
                    } else {
                        written.as_str()
                    };
                    self.b
                        .mention(NodeKind::Date, iso, surface, None, Form::Full, ev)
                })
                .collect();
            self.dates.push((d.start, d.end, ents));
        }
    }

    fn in_date(&self, i: usize) -> Option<usize> {
        self.dates
            .iter()
            .find(|(s, e, _)| *s <= i && i < *e)
            .map(|(_, e, _)| *e)
    }

    fn parse_mentions(&mut self) {
        let mut i = 0;
        while i < self.n() {
            if let Some(end) = self.in_date(i) {
                i = end;
                continue;
            }
            if let Some(end) = self.parse_title_person(i) {
                i = end;
                continue;
            }
            if let Some(end) = self.parse_honorific_person(i) {
                i = end;
                continue;
            }
            if let Some(p) = self.parse_event(i, true) {
                i = p.end;
                continue;
            }
            if let Some(p) = self.parse_document(i, true) {
                i = p.end;
                continue;
            }
            if let Some(p) = self.parse_org(i, false, true) {
                i = p.end;
                continue;
            }
            if let Some(p) = self.parse_place(i, true) {
                i = p.end;
                continue;
            }
            if let Some(end) = self.parse_bare_person(i) {
                i = end;
                continue;
            }
            if self.is_word(i) && is_acronym(self.word(i)) {
                let w = self.word(i).to_string();
                if let Some(e) = self.b.find(NodeKind::Organization, &w) {
                    let ev = self.evidence(i, i + 1, 0.8);
                    self.b
                        .mention(NodeKind::Organization, &w, &w, None, Form::Full, ev);
                    self.push(NodeKind::Organization, i, i + 1, e, true);
                }
            }
            i += 1;
        }
    }

    // ------------------------------------------------------------ names

    /// Whether a document's name runs on into the capitalised word at `k`:
    /// not when an event, an office or a person's name starts there.
    fn document_name_goes_on(&self, k: usize) -> bool {
        self.cap(k)
            && !self.person_start(k)
            && self
                .hit(
                    k,
                    &[
                        Category::EventHead,
                        Category::EventHeadStandalone,
                        Category::Office,
                    ],
                )
                .is_none()
    }

    /// The continuation of a name after its head: capitalised word groups
    /// (each a capitalised syllable and up to two lower-case ones), known
    /// names, "và" before another capitalised group, a "về" topic, an
    /// administrative unit with its name, a number ("số 3"). `stop_at_person`
    /// ends it before a Vietnamese personal name (after a title).
    fn continuation(&self, k: usize, stop_at_person: bool) -> (usize, Vec<Piece>) {
        self.continuation_with(k, stop_at_person, 4)
    }

    /// [`Self::continuation`] with up to `max_lower` lower-case words after a
    /// capitalised one (document titles run longer: "Hiệp ước Bảo vệ rừng
    /// nhiệt đới").
    fn continuation_with(
        &self,
        mut k: usize,
        stop_at_person: bool,
        max_lower: usize,
    ) -> (usize, Vec<Piece>) {
        let lex = lexicon();
        let stop_at_person = stop_at_person && !self.holder_before;
        let mut pieces = Vec::new();
        let mut topic = 0usize;
        let start = k;
        while k < self.n() && k - start < 16 {
            if self.cap(k) {
                if !pieces.is_empty()
                    && self
                        .hit(
                            k,
                            &[
                                Category::Office,
                                Category::Rank,
                                Category::Honorific,
                                Category::EventHead,
                                Category::EventHeadStandalone,
                            ],
                        )
                        .is_some()
                {
                    break;
                }
                if stop_at_person
                    && (self.person_start(k)
                        || (!pieces.is_empty() && self.foreign_person_start(k)))
                {
                    break;
                }
                // a one-word country before a lower-case syllable is a
                // syllable of a word ("Ủy ban Pháp luật"), not the country
                let syllable = |end: usize| {
                    end == k + 1
                        && self.lowercase_word(end)
                        && !lex.is_stopword(self.low(end))
                        && !self.lower_blocks(end)
                };
                if let Some((end, e)) = self
                    .hit(
                        k,
                        &[Category::Organization, Category::Country, Category::Place],
                    )
                    .filter(|&(end, _)| !syllable(end))
                {
                    pieces.push(Piece::Known(k, end, e));
                    k = end;
                    // "Tổng Giám đốc Công ty Samsung Việt Nam Choi Joo Ho":
                    // after a title, a body's name ends at its country or
                    // province; capitalised words after it name the holder
                    if stop_at_person
                        && e.category != Category::Organization
                        && self.cap(k)
                        && self.hit_end(k).is_none()
                    {
                        break;
                    }
                    continue;
                }
                // a head of several words inside the name ("Chi nhánh Ngân
                // hàng Nông nghiệp"): one piece, whatever its second word
                if let Some((he, _)) = self
                    .hit(k, &[Category::OrgHead])
                    .filter(|(he, _)| *he > k + 1)
                {
                    pieces.push(Piece::Tokens(k, he));
                    k = he;
                    continue;
                }
                let s = k;
                k += 1;
                // "Trung ương" is spelled with a lower-case second syllable
                // inside capitalised names ("Bệnh viện Phổi Trung ương")
                let central = self.low(s) == "trung" && self.low(k) == "ương";
                if central {
                    k += 1;
                }
                // the second capitalised word of a proper name ("Nghĩa Lộ")
                // takes no lower-case words after it
                let proper = matches!(pieces.last(), Some(Piece::Tokens(ps, pe)) if pe - ps == 1 && self.cap(*ps) && !is_acronym(self.word(*ps)) && *pe == s);
                // a word of several syllables is a foreign or brand name
                // ("Tập đoàn Daewon"): lower-case words after it are the
                // sentence's ("Daewon mong muốn")
                let brand = self.toks[s].end - self.toks[s].start > 1
                    && !is_acronym(self.word(s))
                    && several_syllables(self.word(s));
                // "Trung ương" and an acronym ("Bộ GD-ĐT giữ chức") end their
                // group: lower-case words after them are the sentence's,
                // unless a capitalised name follows them ("Công ty TNHH
                // thương mại Hòa Bình")
                let closed = central || (is_initialism(self.word(s)) && !self.lower_then_cap(k));
                let mut lower_run = if proper || brand || closed {
                    max_lower
                } else {
                    0
                };
                while lower_run < max_lower
                    && self.lowercase_word(k)
                    && (!lex.is_stopword(self.low(k)) || self.compound(k))
                    && !self.lower_blocks(k)
                {
                    k += 1;
                    lower_run += 1;
                }
                pieces.push(Piece::Tokens(s, k));
                continue;
            }
            let w = self.low(k);
            // a quoted proper part: Công ty cổ phần "Sao Khuê" (curly
            // quotes are straight after normalising)
            if w == "\"" && self.cap(k + 1) {
                if let Some(c) = (k + 2..self.n().min(k + 9)).find(|&x| self.word(x) == "\"") {
                    if (k + 1..c).all(|x| self.is_word(x)) {
                        pieces.push(Piece::Tokens(k, c + 1));
                        k = c + 1;
                        continue;
                    }
                }
            }
            if w == "," && !pieces.is_empty() {
                if let Some(e) = self.comma_in_name(k, max_lower) {
                    pieces.push(Piece::Tokens(k, e));
                    k = e;
                    continue;
                }
            }
            // ("Sở Thông tin & Truyền thông": "&" joins as "và" does)
            if (w == "và" || w == "&")
                && self.cap(k + 1)
                && self
                    .hit(
                        k + 1,
                        &[
                            // "Bệnh viện X và PGS.TS Y": the next person
                            Category::Honorific,
                            Category::EventHead,
                            Category::EventHeadStandalone,
                            Category::DocumentHead,
                            Category::NumberedDocumentHead,
                            Category::Office,
                            Category::Rank,
                            Category::Organization,
                            Category::OrgHead,
                            Category::VenueHead,
                        ],
                    )
                    .is_none()
                && !pieces.is_empty()
            {
                pieces.push(Piece::Tokens(k, k + 1));
                k += 1;
                continue;
            }
            // after a place ("UBND TP HCM về tiến độ dự án") a lower-case
            // "về" is the sentence's
            let after_place = match pieces.last() {
                Some(Piece::Known(_, _, e)) => e.category != Category::Organization,
                Some(&Piece::Tokens(ps, _)) => self.hit(ps, &[Category::AreaHead]).is_some(),
                None => false,
            };
            if w == "về"
                && !pieces.is_empty()
                && (self.cap(k + 1)
                    || (!after_place
                        && self.lowercase_word(k + 1)
                        && !lex.is_stopword(self.low(k + 1))))
            {
                pieces.push(Piece::Tokens(k, k + 1));
                k += 1;
                topic = 6;
                continue;
            }
            if topic > 0 && self.lowercase_word(k) && !lex.is_stopword(w) {
                pieces.push(Piece::Tokens(k, k + 1));
                k += 1;
                topic -= 1;
                continue;
            }
            if let Some((end, _)) = self.hit(k, &[Category::AreaHead]) {
                // "Chủ tịch UBND tỉnh Lê Hồng Vinh": the province is
                // understood, the name is the holder's
                if stop_at_person
                    && self.hit(end, &[Category::Place]).is_none()
                    && self.person_start(end)
                {
                    pieces.push(Piece::Tokens(k, end));
                    k = end;
                    break;
                }
                if self.cap(end) || self.hit(end, &[Category::Place]).is_some() {
                    let (name_end, _) = self.cap_run(end);
                    pieces.push(Piece::Tokens(k, name_end));
                    k = name_end;
                    continue;
                }
                // "Phó Chủ tịch UBND tỉnh;", "Trụ sở UBND tỉnh,", "Chủ tịch
                // HĐND tỉnh chủ trì": the province is the article's
                if !self.is_word(end) || self.lowercase_word(end) {
                    pieces.push(Piece::Tokens(k, end));
                    k = end;
                    break;
                }
            }
            if w == "-"
                && !pieces.is_empty()
                && self.cap(k + 1)
                && !self.dashed_holder(k)
                && self
                    .hit(
                        k + 1,
                        &[
                            Category::Office,
                            Category::Rank,
                            Category::EventHead,
                            Category::EventHeadStandalone,
                        ],
                    )
                    .is_none()
            {
                pieces.push(Piece::Tokens(k, k + 1));
                k += 1;
                continue;
            }
            // "Bệnh viện Đa khoa số 3", "Phòng thủ khu vực 4"
            if !pieces.is_empty()
                && k > 0
                && matches!(self.low(k - 1), "số" | "vực" | "thứ")
                && self
                    .word(k)
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_digit())
                && self.in_date(k).is_none()
            {
                pieces.push(Piece::Tokens(k, k + 1));
                k += 1;
                continue;
            }
            if (w == "số" || w == "khu") && !pieces.is_empty() {
                let mut e = k + 1;
                if self.low(e) == "vực" {
                    e += 1;
                }
                if self
                    .word(e)
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_digit())
                {
                    pieces.push(Piece::Tokens(k, e + 1));
                    k = e + 1;
                    continue;
                }
            }
            break;
        }
        // a trailing "và" or "về" is no part of the name
        while let Some(Piece::Tokens(s, e)) = pieces.last() {
            if e - s == 1 && matches!(self.low(*s), "và" | "về" | "&") {
                k = *s;
                pieces.pop();
            } else {
                break;
            }
        }
        (k, pieces)
    }

    /// Whether lower-case words from `k` lead to a capitalised word of the
    /// same name (not an office, a person or another body).
    fn lower_then_cap(&self, k: usize) -> bool {
        let lex = lexicon();
        let mut m = k;
        while m - k < 4 && self.lowercase_word(m) && !lex.is_stopword(self.low(m)) {
            m += 1;
        }
        m > k && self.cap(m) && !self.person_start(m) && !self.name_stops_at(m)
    }

    /// Whether a name cannot run on into token `m`: an office, an
    /// honorific, an event or document, a body's head or a known name
    /// start there.
    fn name_stops_at(&self, m: usize) -> bool {
        self.hit(
            m,
            &[
                Category::Office,
                Category::Rank,
                Category::Honorific,
                Category::EventHead,
                Category::EventHeadStandalone,
                Category::DocumentHead,
                Category::NumberedDocumentHead,
                Category::OrgHead,
                Category::Organization,
                Category::Country,
                Category::Place,
                Category::AreaHead,
            ],
        )
        .is_some()
    }

    /// A comma inside a name at `k` and where the name goes on to: a pair
    /// of fields ("Luật Phòng, chống ma túy", "Trật tự, an toàn giao
    /// thông") or a list of fields closed by "và" ("Bộ Khoa học, Công nghệ
    /// và Đổi mới", "Viện Nghiên cứu Biển, đảo và Môi trường").
    fn comma_in_name(&self, k: usize, max_lower: usize) -> Option<usize> {
        let lex = lexicon();
        let field_word = |m: usize| {
            self.is_word(m)
                && (self.cap(m) || !lex.is_stopword(self.low(m)) || self.compound(m))
                && !self.name_stops_at(m)
                && !self.person_start(m)
                && self.in_date(m).is_none()
        };
        // a pair: the words before the comma and after it
        for (left, right) in lex.name_pairs() {
            let n = left.len();
            let matches_left = k >= n && (0..n).all(|x| self.low(k - n + x) == left[x]);
            let matches_right = (0..right.len()).all(|x| self.low(k + 1 + x) == right[x]);
            if matches_left && matches_right {
                let mut e = k + 1 + right.len();
                let mut run = 0;
                while run < max_lower
                    && self.lowercase_word(e)
                    && (!lex.is_stopword(self.low(e)) || self.compound(e))
                    && !self.lower_blocks(e)
                {
                    e += 1;
                    run += 1;
                }
                return Some(e);
            }
        }
        // a list closed by "và": ", W+ và W+" with no other body in it
        let mut m = k + 1;
        while m - k <= 5 && field_word(m) {
            m += 1;
        }
        if m == k + 1 || self.low(m) != "và" {
            return None;
        }
        let mut e = m + 1;
        while e - m <= 4 && field_word(e) {
            e += 1;
        }
        (e > m + 1).then_some(e)
    }

    /// Whether token `k` is a short number ending a proper name ("Bạch Đằng
    /// 2 tại", "Nhơn Trạch 3,"), not a count ("2 tỷ", "3 km") nor a date:
    /// a function word, a name or punctuation follows it.
    fn name_number(&self, k: usize) -> bool {
        let w = self.word(k);
        self.is_word(k)
            && !w.is_empty()
            && w.len() <= 3
            && w.bytes().all(|b| b.is_ascii_digit())
            && self.in_date(k).is_none()
            && (!self.is_word(k + 1) || self.cap(k + 1) || lexicon().is_stopword(self.low(k + 1)))
            && self.low(k + 1) != "%"
    }

    /// Whether token `k` is a number of an ordinal or a term: "8", "XV"
    /// (not a date).
    fn ordinal(&self, k: usize) -> bool {
        let w = self.word(k);
        let digits = w.bytes().next().is_some_and(|b| b.is_ascii_digit());
        let roman = !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| b"IVXLC".contains(&b));
        self.is_word(k) && (digits || roman) && self.in_date(k).is_none()
    }

    /// Whether an ordinal follows "thứ" at `k`: a number ("thứ 8") or a
    /// number word in lower case ("thứ hai"; "thứ Hai" is a weekday).
    fn ordinal_after_thu(&self, k: usize) -> bool {
        self.ordinal(k) || (self.lowercase_word(k) && lexicon().is_ordinal_word(self.word(k)))
    }

    /// The end of an acronym in parentheses at `k` ("(ASEM)").
    fn paren_acronym(&self, k: usize) -> Option<usize> {
        (self.word(k) == "(" && is_acronym(self.word(k + 1)) && self.word(k + 2) == ")")
            .then_some(k + 3)
    }

    /// Whether a name ends in an administrative unit without its name
    /// ("UBND tỉnh").
    fn bare_area(&self, pieces: &[Piece]) -> bool {
        matches!(pieces.last(), Some(&Piece::Tokens(s, e))
            if self.hit(s, &[Category::AreaHead]).is_some_and(|(he, _)| he == e))
    }

    /// Whether token `k` is a syllable of a two-syllable word, with the one
    /// before or after, that alone would end a name ("tự do", "nhân lực").
    fn compound(&self, k: usize) -> bool {
        let lex = lexicon();
        (k > 0 && lex.is_compound(self.low(k - 1), self.low(k)))
            || lex.is_compound(self.low(k), self.low(k + 1))
    }

    /// Whether a lower-case word at `k` opens something else: an
    /// administrative unit ("tỉnh"), an event ("lễ"), an honorific.
    fn lower_blocks(&self, k: usize) -> bool {
        self.hit(
            k,
            &[
                Category::AreaHead,
                Category::EventHead,
                Category::EventHeadStandalone,
                Category::Honorific,
            ],
        )
        .is_some()
    }

    /// Capitalised words (or a known place) from `k`: end and whether any.
    fn cap_run(&self, k: usize) -> (usize, bool) {
        if let Some((end, _)) = self.hit(k, &[Category::Place, Category::Country]) {
            return (end, true);
        }
        let mut e = k;
        while self.cap(e) && e - k < 5 {
            e += 1;
        }
        (e, e > k)
    }

    /// Renders pieces: tokens as written, known names canonically.
    fn render(&self, pieces: &[Piece]) -> String {
        let mut out = String::new();
        for p in pieces {
            let part = match *p {
                Piece::Tokens(s, e) => self.span(s, e).to_string(),
                Piece::Known(_, _, entry) => entry.canonical.clone(),
            };
            // a comma inside the name ("Bộ Văn hóa, Thể thao") follows its word
            if !out.is_empty() && !part.starts_with(',') {
                out.push(' ');
            }
            out.push_str(&part);
        }
        out
    }

    /// Records a mention of the known name `entry` at tokens `s..e` (as a
    /// mention inside another name unless `top`) and returns its entity.
    fn known_mention(
        &mut self,
        entry: &Entry,
        s: usize,
        e: usize,
        confidence: f32,
        top: bool,
    ) -> usize {
        let kind = kind_of(entry.category);
        let surface = self.span(s, e).to_string();
        let ev = self.evidence(s, e, confidence);
        let ent = self.b.mention(
            kind,
            &entry.canonical,
            &surface,
            entry.english.as_deref(),
            Form::Full,
            ev,
        );
        self.push(kind, s, e, ent, top);
        ent
    }

    /// Registers the known names inside a name as mentions of their own.
    fn known_pieces(&mut self, pieces: &[Piece]) -> Vec<usize> {
        let mut out = Vec::new();
        for p in pieces {
            if let Piece::Known(s, e, entry) = *p {
                out.push(self.known_mention(entry, s, e, 0.9, false));
            }
        }
        out
    }

    /// Whether a Vietnamese personal name starts at `k`: a family name and
    /// another capitalised word, neither a known name.
    fn person_start(&self, k: usize) -> bool {
        lexicon().is_surname(self.word(k))
            && self.cap(k + 1)
            && self.hit_end(k).is_none()
            && self
                .hit(
                    k + 1,
                    &[Category::Office, Category::OrgHead, Category::Organization],
                )
                .is_none()
    }

    /// Whether a dash at `k` leads from a title to its holder's full name
    /// ("Chủ tịch UBND tỉnh X - Nguyễn Văn A"): a surname, then a name of
    /// two words or more that ends the capitalised run.
    fn dashed_holder(&self, k: usize) -> bool {
        self.word(k) == "-"
            && self.person_start(k + 1)
            && self
                .licensed_name(k + 1)
                .is_some_and(|e| e >= k + 3 && !self.cap(e))
    }

    /// Whether a family name that also heads bodies ("Đoàn") opens a
    /// personal name at `k`: two or three capitalised one-syllable words
    /// follow, none a known name ("Đoàn Văn Hậu", not "Đoàn Thanh niên",
    /// "Đoàn Hà Nội").
    fn surname_head_person(&self, k: usize) -> bool {
        if !lexicon().is_surname(self.word(k)) || self.hit_end(k) != Some(k + 1) {
            return false;
        }
        let mut e = k + 1;
        // (a one-word country is a given name too: "Đức")
        while e < k + 4
            && self.cap(e)
            && self.hit_end(e).is_none_or(|he| {
                he == e + 1 && self.hit(e, &[Category::Country, Category::Place]).is_some()
            })
            && !is_acronym(self.word(e))
            && !several_syllables(self.word(e))
            && self.name_word(e, false)
        {
            e += 1;
        }
        e >= k + 3
    }

    /// Whether a foreign personal name starts at `k`: an East Asian family
    /// name before a capitalised given name ("Park Ji-hoon", "Choi Min
    /// Seo"), or two words of several syllables ("Antonio Costa").
    fn foreign_person_start(&self, k: usize) -> bool {
        let lex = lexicon();
        if !self.cap(k) || !self.cap(k + 1) || self.hit_end(k).is_some() {
            return false;
        }
        let plain = |x: usize| {
            self.hit_end(x).is_none()
                && !is_acronym(self.word(x))
                && self.word(x).chars().all(|c| c.is_alphabetic() || c == '-')
        };
        if lex.is_foreign_surname(self.word(k)) && plain(k + 1) {
            return true;
        }
        let w = self.word(k);
        let given = self.word(k + 1);
        let foreign = |w: &str| several_syllables(w) || not_vietnamese_syllable(w);
        plain(k) && plain(k + 1) && several_syllables(w) && foreign(given)
    }

    // ------------------------------------------------------------ organisations

    /// An organisation at `i`: a known body, or a head with its
    /// continuation; then an acronym or short form in parentheses.
    fn parse_org(&mut self, i: usize, after_title: bool, top: bool) -> Option<Parsed> {
        let lex = lexicon();
        // "nguyên giám đốc sở Y tế": after a title in lower case its body's
        // head is lower case too
        let lower_head = after_title
            && i > 0
            && self.lowercase_word(i)
            && self.lowercase_word(i - 1)
            && self.hit(i, &[Category::OrgHead]).is_some()
            && self.cap(i + 1);
        // "đảng Dân chủ Tự do": a party is written with a lower-case head
        let lower_party = self.low(i) == "đảng"
            && self
                .hit(i, &[Category::OrgHead])
                .is_some_and(|(he, _)| he == i + 1)
            && self.cap(i + 1);
        if !self.cap(i) && !lower_head && !lower_party {
            return None;
        }
        // an acronym the article defined ("JICA")
        if self.hit_end(i).is_none() && is_acronym(self.word(i)) {
            let w = self.word(i).to_string();
            let ent = self.b.find(NodeKind::Organization, &w)?;
            let label = self.b.label(ent).to_string();
            let ev = self.evidence(i, i + 1, 0.8);
            self.b
                .mention(NodeKind::Organization, &label, &w, None, Form::Full, ev);
            self.push(NodeKind::Organization, i, i + 1, ent, top);
            return Some(Parsed {
                end: i + 1,
                entity: ent,
                label,
                object: None,
            });
        }
        let (end, label, parent_entity) = if let Some((end, e)) =
            self.hit(i, &[Category::Organization])
        {
            let (end2, qualifier) = match self.hit(end, &[Category::Country]) {
                Some((ce, c)) if !after_title || self.low(ce) != "," => (ce, Some(c)),
                _ => (end, None),
            };
            let surface = self.span(i, end2).to_string();
            let ev = self.evidence(i, end2, 0.95);
            // "Quốc hội Brazil" is Brazil's, not the known (Vietnamese) body
            let foreign = qualifier.filter(|c| c.canonical != "Việt Nam");
            let (label, english, parent) = match foreign {
                Some(c) => (format!("{} {}", e.canonical, c.canonical), None, None),
                None => (e.canonical.clone(), e.english.clone(), e.parent.clone()),
            };
            let ent = self.b.mention(
                NodeKind::Organization,
                &label,
                &surface,
                english.as_deref(),
                Form::Full,
                ev,
            );
            if let Some(c) = qualifier {
                let cev = self.evidence(end, end2, 0.9);
                let cent = self.b.mention(
                    NodeKind::Country,
                    &c.canonical,
                    self.span(end, end2).to_string().as_str(),
                    c.english.as_deref(),
                    Form::Full,
                    cev,
                );
                self.push(NodeKind::Country, end, end2, cent, false);
            }
            self.push(NodeKind::Organization, i, end2, ent, top);
            let parent_entity = parent.and_then(|p| {
                lex.lookup(&p)
                    .map(|pe| (pe.canonical.clone(), pe.english.clone()))
            });
            (end2, label, (ent, parent_entity))
        } else if let Some((head_end, head)) = self.hit(i, &[Category::OrgHead]) {
            if self.surname_head_person(i) {
                return None;
            }
            let (mut end, mut pieces) = self.continuation(head_end, after_title);
            if pieces.is_empty() {
                if let Some((e2, p2)) = self.lower_then_name(head_end, head, after_title) {
                    end = e2;
                    pieces = p2;
                }
            }
            if pieces.is_empty() && after_title {
                if let Some((e2, p2)) = self.lower_case_name(head_end) {
                    end = e2;
                    pieces = p2;
                }
            }
            // a court's or procuracy's level and seat: "TAND cấp cao tại Đà
            // Nẵng", "VKSND Cấp cao tại Hà Nội"
            if pieces.is_empty() && self.low(head_end) == "cấp" && self.low(head_end + 1) == "cao"
            {
                pieces.push(Piece::Tokens(head_end, head_end + 2));
                end = head_end + 2;
            }
            if end >= head_end + 2
                && self.low(end - 2) == "cấp"
                && self.low(end - 1) == "cao"
                && self.low(end) == "tại"
                && self.cap(end + 1)
            {
                if let Some((pe, seat)) = self.hit(end + 1, &[Category::Place]) {
                    pieces.push(Piece::Tokens(end, end + 1));
                    pieces.push(Piece::Known(end + 1, pe, seat));
                    end = pe;
                }
            }
            if pieces.is_empty() && !head.standalone {
                return None;
            }
            // "Tỉnh ủy", "UBND tỉnh": the body of the article's province,
            // named in full elsewhere or not at all
            let mut short = pieces.is_empty() || self.bare_area(&pieces);
            let mut label = self.span(i, head_end).to_string();
            if !pieces.is_empty() {
                label = format!("{label} {}", self.render(&pieces));
            }
            // ... which the sentence or the article names: "Phó Bí thư Tỉnh
            // ủy, Chủ tịch UBND tỉnh Sơn La", "Tại tỉnh X, ... Bí thư Tỉnh ủy"
            let mut province_given = false;
            if lower_head || lower_party {
                capitalise_first(&mut label);
            }
            if self.ends_in_bare_province(end) {
                if let Some(province) = self.province_for(end) {
                    label = format!("{label} {province}");
                    short = false;
                    province_given = true;
                }
            } else if head.canonical == "Sở"
                && !pieces.iter().any(|p| match *p {
                    Piece::Known(..) => true,
                    Piece::Tokens(s, _) => self.hit(s, &[Category::AreaHead]).is_some(),
                })
                && !self.cap(end)
            {
                // a province's department named without its province
                // ("Sở Y tế") is the department of the article's province
                if let Some(province) = self.province_for(end) {
                    label = format!("{label} tỉnh {province}");
                    province_given = true;
                }
            }
            let mut en = None;
            // "Chương trình Phát triển LHQ" spelled out is a known body
            if let Some(e) = lex
                .lookup(&label)
                .filter(|e| e.category == Category::Organization)
            {
                label = e.canonical.clone();
                en = e.english.clone();
            }
            // (a bare "UBND tỉnh" is no alias: it would merge provinces)
            let surface = if province_given {
                label.clone()
            } else {
                self.span(i, end).to_string()
            };
            let ev = self.evidence(i, end, 0.8);
            let other = lex.other_spelling(&label);
            let known = self.known_pieces(&pieces);
            let form = if short { Form::Short } else { Form::Full };
            let ent = self.b.mention(
                NodeKind::Organization,
                &label,
                &surface,
                en.as_deref(),
                form,
                ev,
            );
            self.push(NodeKind::Organization, i, end, ent, top);
            if let Some(other) = other {
                self.b.add_alias(ent, &other);
            }
            // "Công ty cổ phần Tập đoàn X" is "Tập đoàn X" too
            if head.canonical.starts_with("Công ty")
                && self.hit(head_end, &[Category::OrgHead]).is_some()
            {
                let inner = self.render(&pieces);
                self.b.add_alias(ent, &inner);
            }
            // a body named after the body it belongs to: "Văn phòng Pháp
            // lý Liên hợp quốc", "Đại hội đồng Liên hợp quốc"
            if let (Some(Piece::Known(_, _, entry)), Some(&parent)) = (pieces.last(), known.last())
            {
                if entry.category == Category::Organization {
                    self.fact(ent, Relation::PartOf, parent, 0.8);
                }
            } else if let Some(x) = (head_end + 1..end).find(|&x| {
                self.cap(x)
                    && self.low(x - 1) != "và"
                    && self.hit(x, &[Category::OrgHead]).is_some()
            }) {
                // "Cơ quan Cảnh sát điều tra Công an tỉnh X", "Ban Tuyên
                // giáo Thành ủy Y": a body named with the body it is part of
                if let Some(q) = self.parse_org(x, false, false) {
                    if q.end == end {
                        self.fact(ent, Relation::PartOf, q.entity, 0.7);
                    }
                }
            }
            (end, label, (ent, None))
        } else {
            return None;
        };
        let (ent, parent) = parent_entity;
        if let Some((pl, _)) = parent {
            if let Some(pe) = self.b.find(NodeKind::Organization, &pl) {
                self.fact(ent, Relation::PartOf, pe, 0.7);
            } else {
                self.b.pending_parent(
                    ent,
                    &pl,
                    self.fact_evidence(0.7),
                    Arc::clone(&self.sentence_text),
                );
            }
        }
        let end = self.alias_tail(end, ent, NodeKind::Organization);
        Some(Parsed {
            end,
            entity: ent,
            label,
            object: None,
        })
    }

    /// Whether a body's name ending before `end` ends in a province's
    /// unit without its name: "UBND tỉnh", "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy".
    fn ends_in_bare_province(&self, end: usize) -> bool {
        let last = end.checked_sub(1).map_or("", |x| self.low(x));
        let before = end.checked_sub(2).map_or("", |x| self.low(x));
        let bare = last == "tỉnh" || (before == "tỉnh" && last == "ủy");
        bare && !(self.cap(end) && self.hit(end, &[Category::Place]).is_some())
    }

    /// The province of a bare local body ending at `end`: the nearest "tỉnh
    /// X" after it in a few words ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh
    /// X"), else the nearest before it, else any in the sentence, else the
    /// article's.
    fn province_for(&self, end: usize) -> Option<&'static str> {
        let named: Vec<(usize, &'static str)> = (1..self.n())
            .filter(|&p| self.low(p - 1) == "tỉnh" && self.cap(p))
            .filter_map(|p| {
                self.hit(p, &[Category::Place])
                    .map(|(_, e)| (p, e.canonical.as_str()))
            })
            .collect();
        named
            .iter()
            .find(|(p, _)| *p > end && *p <= end + 10)
            .or_else(|| named.iter().rev().find(|(p, _)| *p < end))
            .or_else(|| named.first())
            .map(|(_, name)| *name)
            .or(self.article_province)
    }

    /// Lower-case words between an organisation's head and its proper name
    /// ("Ủy ban hỗn hợp Việt Nam - Chile", "Bệnh viện đa khoa tỉnh Bình
    /// Định", "Ngân hàng thương mại cổ phần Á Châu"): up to four, then a
    /// capitalised continuation. A delegation ("Đoàn công tác Bộ X") is no
    /// body of its own.
    fn lower_then_name(
        &self,
        head_end: usize,
        head: &Entry,
        after_title: bool,
    ) -> Option<(usize, Vec<Piece>)> {
        let lex = lexicon();
        if matches!(head.canonical.as_str(), "Đoàn" | "Phái đoàn") {
            return None;
        }
        let mut m = head_end;
        while m - head_end < 4
            && self.lowercase_word(m)
            && (!lex.is_stopword(self.low(m)) || self.compound(m))
            && self
                .hit(
                    m,
                    &[
                        Category::EventHead,
                        Category::EventHeadStandalone,
                        Category::Honorific,
                    ],
                )
                .is_none()
            && self.in_date(m).is_none()
            && (m == head_end || self.hit(m, &[Category::AreaHead]).is_none())
        {
            m += 1;
        }
        if m == head_end || !(self.cap(m) || self.hit(m, &[Category::AreaHead]).is_some()) {
            return None;
        }
        if self.person_start(m) || self.starts_title(m) {
            return None;
        }
        let (end, more) = self.continuation(m, after_title);
        if more.is_empty() {
            return None;
        }
        let mut pieces = vec![Piece::Tokens(head_end, m)];
        pieces.extend(more);
        Some((end, pieces))
    }

    /// A body's name written in lower case after its head, as some outlets
    /// write after a title ("Vụ trưởng Vụ quản lý doanh nghiệp", "Chủ nhiệm
    /// Ủy ban kinh tế của Quốc hội"): lower-case words up to a pause, then
    /// "của" and the known body it belongs to.
    fn lower_case_name(&self, head_end: usize) -> Option<(usize, Vec<Piece>)> {
        let lex = lexicon();
        let mut m = head_end;
        let field = |m: usize| {
            self.lowercase_word(m)
                && (!lex.is_stopword(self.low(m)) || self.compound(m))
                && !self.lower_blocks(m)
                && self
                    .hit(m, &[Category::Office, Category::OrgHead])
                    .is_none()
                && self.in_date(m).is_none()
        };
        while m - head_end < 8 {
            if field(m) {
                m += 1;
            } else if m > head_end && self.low(m) == "," {
                // "Ủy ban tài chính, ngân sách", "khoa học, công nghệ và môi trường"
                match self.comma_in_name(m, 3) {
                    Some(e) => m = e,
                    None => break,
                }
            } else if m > head_end && self.low(m) == "và" && field(m + 1) {
                m += 2;
            } else {
                break;
            }
        }
        if m == head_end || self.lowercase_word(m) && self.low(m) != "của" {
            return None;
        }
        let mut pieces = vec![Piece::Tokens(head_end, m)];
        if self.low(m) == "của" && self.cap(m + 1) {
            if let Some((oe, e)) = self.hit(m + 1, &[Category::Organization]) {
                pieces.push(Piece::Tokens(m, m + 1));
                pieces.push(Piece::Known(m + 1, oe, e));
                m = oe;
            }
        }
        Some((m, pieces))
    }

    /// "(OLA)", "(gọi tắt là X)", "(X)", `- "X"`, ", còn gọi là X," after a
    /// name: another name of the same entity.
    fn alias_tail(&mut self, end: usize, entity: usize, kind: NodeKind) -> usize {
        let mut k = end;
        let dash = self.word(k) == "-" && self.word(k + 1) == "\"";
        // ", còn gọi là X": only with its marker, a comma alone lists things
        let comma = self.word(k) == "," && self.alias_marker(k + 1);
        if self.word(k) != "(" && !dash && !comma {
            return end;
        }
        k += if dash { 2 } else { 1 };
        let s = k + self.alias_marker_len(k).unwrap_or(0);
        // "Bộ Công an (Việt Nam)": the country the body belongs to
        if kind == NodeKind::Organization && !dash && !comma {
            if let Some((ce, c)) = self.hit(k, &[Category::Country]) {
                if self.word(ce) == ")" && self.cap(k) {
                    self.known_mention(c, k, ce, 0.9, false);
                    let label = self.b.label(entity).to_string();
                    self.b
                        .add_alias(entity, &format!("{label} {}", c.canonical));
                    return ce + 1;
                }
            }
        }
        let closes = |w: &str| match (dash, comma) {
            (true, _) => w == "\"",
            (_, true) => matches!(w, "," | "." | ";" | ")" | ":"),
            _ => w == ")",
        };
        let limit = self.n().min(s + 12);
        let e = match (s..limit).find(|&x| closes(self.word(x))) {
            Some(e) => e,
            // ", còn gọi là EVFTA" may end the sentence
            None if comma && self.n() <= s + 12 => self.n(),
            None => return end,
        };
        // "Công ty cổ phần Sữa Đồng Xanh (“Đồng Xanh”)": a quoted short name
        let quoted = !dash
            && e > s + 2
            && matches!(self.word(s), "“" | "\"")
            && matches!(self.word(e - 1), "”" | "\"");
        let (s, e_name) = if quoted { (s + 1, e - 1) } else { (s, e) };
        if e_name == s {
            return end;
        }
        let alias = self.span(s, e_name).to_string();
        let ok = match kind {
            NodeKind::Organization if quoted => self.cap(s),
            // "(UNODC)", "(Vietcombank)", "(gọi tắt là X)"
            NodeKind::Organization => {
                (e == s + 1 && self.cap(s) && self.name_word(s, false))
                    || (e == s + 1 && is_acronym(&alias))
                    || s > k
            }
            NodeKind::Document => {
                (e == s + 1 && is_acronym(&alias))
                    || self
                        .hit(s, &[Category::DocumentHead, Category::NumberedDocumentHead])
                        .is_some()
            }
            _ => false,
        };
        if !ok {
            return end;
        }
        self.b.add_alias(entity, &alias);
        let ev = self.evidence(s, e_name, 0.9);
        let label = self.b.label(entity).to_string();
        self.b.mention(kind, &label, &alias, None, Form::Full, ev);
        e + 1
    }

    /// "gọi tắt là", "còn gọi là", "viết tắt là" at `k`.
    fn alias_marker(&self, k: usize) -> bool {
        self.alias_marker_len(k).is_some()
    }

    /// The length of the words that introduce a short name at `k`, if any
    /// ("gọi tắt là", a company's ticker: "mã chứng khoán:").
    fn alias_marker_len(&self, k: usize) -> Option<usize> {
        lexicon()
            .name_words()
            .alias_markers
            .iter()
            .find(|marker| {
                marker
                    .iter()
                    .enumerate()
                    .all(|(o, w)| self.low(k + o) == *w)
            })
            .map(|marker| marker.len())
    }

    // ------------------------------------------------------------ titles and people

    /// One title at `k` ("nguyên" Bộ trưởng Bộ Công an): the role entity,
    /// its end, and the body it belongs to. A former holder ("nguyên",
    /// "cựu") held the same role: the word stays out of its label.
    fn parse_title(&mut self, k: usize) -> Option<(usize, usize, Option<usize>)> {
        let lex = lexicon();
        let s = self.title_start(k)?;
        let (t_end, title) = self.hit(s, &[Category::Office, Category::Rank])?;
        let mut end = t_end;
        let mut complement: Option<(usize, String, Option<String>)> = None;
        // the complement is a country with the office's field before it
        let mut of_country = false;
        let mut member_of = None;
        let mut field: Option<String> = None;
        if let (Some(unit), true) = (unit_of_title(&title.canonical), self.cap(t_end)) {
            // "Trưởng ban Tổ chức Trung ương", "Trưởng phòng Kinh tế
            // huyện X": the title ends with the unit's head, the name
            // follows; the body is "Ban Tổ chức Trung ương"
            let (ce, pieces) = self.continuation(t_end, true);
            if !pieces.is_empty() {
                let name = self.render(&pieces);
                let label = format!("{unit} {name}");
                // (the name without its head is no name of it)
                let ev = self.evidence(t_end, ce, 0.8);
                let ent =
                    self.b
                        .mention(NodeKind::Organization, &label, &label, None, Form::Full, ev);
                self.push(NodeKind::Organization, t_end, ce, ent, false);
                complement = Some((ent, name, None));
                of_country = true;
                end = ce;
            }
        }
        if complement.is_none() && title.canonical.ends_with("Trưởng đoàn") && self.cap(t_end - 1)
        {
            // "Trưởng Đoàn đại biểu Quốc hội tỉnh X": a delegation named by
            // lower-case words and the known body it is sent by; its name
            // goes on with the province
            let mut m = t_end;
            // (any words: the known body after them is the guard)
            while m < t_end + 3 && self.lowercase_word(m) {
                m += 1;
            }
            // (the known body may sit inside a title's hit: "đại biểu Quốc hội")
            let body_end = (m + 1..=m + 3).rev().find(|&e| {
                self.cap(m)
                    && lex
                        .lookup(self.span(m, e))
                        .is_some_and(|b| b.category == Category::Organization)
            });
            if let Some(be) = body_end.filter(|_| m > t_end) {
                let (ce, pieces) = self.continuation(be, true);
                if !pieces.is_empty() || self.low(be) != "tỉnh" {
                    let ce = ce.max(be);
                    let mut name = self.span(t_end, be).to_string();
                    if !pieces.is_empty() {
                        name = format!("{name} {}", self.render(&pieces));
                    }
                    let label = format!("Đoàn {name}");
                    let ev = self.evidence(t_end - 1, ce, 0.8);
                    let ent = self.b.mention(
                        NodeKind::Organization,
                        &label,
                        &label,
                        None,
                        Form::Full,
                        ev,
                    );
                    self.push(NodeKind::Organization, t_end - 1, ce, ent, false);
                    complement = Some((ent, name, None));
                    of_country = true;
                    end = ce;
                }
            }
        }
        if complement.is_some() {
            // named above
        } else if title.category == Category::Office {
            if let Some(p) = self.parse_org(t_end, true, false) {
                end = p.end;
                let en = lexicon().lookup(&p.label).and_then(|e| e.english.clone());
                complement = Some((p.entity, p.label.clone(), en));
                // "Giám đốc Ban X tại Văn phòng Y": X belongs to Y
                if self.low(end) == "tại" {
                    if let Some(q) = self.parse_org(end + 1, true, false) {
                        self.fact(p.entity, Relation::PartOf, q.entity, 0.7);
                        member_of = Some(q.entity);
                        end = q.end;
                    }
                } else if self.low(end) == "," && self.parent_body_at(end + 1) {
                    // "Phó Cục trưởng Cục X, Bộ Y": the department's ministry
                    if let Some(q) = self.parse_org(end + 1, true, false) {
                        self.fact(p.entity, Relation::PartOf, q.entity, 0.7);
                        end = q.end;
                    }
                }
            } else if let Some((ce, c)) = self.hit(t_end, &[Category::Country]) {
                if self.cap(t_end) {
                    let ent = self.known_mention(c, t_end, ce, 0.9, false);
                    complement = Some((ent, c.canonical.clone(), c.english.clone()));
                    end = ce;
                }
            } else if matches!(title.canonical.as_str(), "Bộ trưởng" | "Thứ trưởng")
                && self.cap(t_end)
            {
                // "Bộ trưởng Ngoại giao Argentina": a minister of another
                // country named by the field and the country; the ministry
                // is not named, the office is the country's
                let mut g = t_end + 1;
                while g < t_end + 3
                    && ((self.lowercase_word(g) && !lex.is_stopword(self.low(g)))
                        || (self.cap(g) && self.hit_end(g).is_none()))
                {
                    g += 1;
                }
                if let Some((ce, c)) = self
                    .hit(g, &[Category::Country])
                    .filter(|(_, c)| self.cap(g) && c.canonical != "Việt Nam")
                {
                    let ent = self.known_mention(c, g, ce, 0.9, false);
                    let label = format!("{} {}", self.span(t_end, g), c.canonical);
                    complement = Some((ent, label, None));
                    of_country = true;
                    end = ce;
                }
                // "Bộ trưởng Công an (Việt Nam)": the ministry named without "Bộ"
                // (up to the longest ministry name: "Văn hóa, Thể thao và Du lịch")
                for len in (1..=MINISTRY_FIELD_TOKENS.min(self.n().saturating_sub(t_end))).rev() {
                    if complement.is_some() {
                        continue;
                    }
                    let name = format!("Bộ {}", self.span(t_end, t_end + len));
                    if let Some(e) = lex
                        .lookup(&name)
                        .filter(|e| e.category == Category::Organization)
                    {
                        let mut org_end = t_end + len;
                        if self.hit(org_end, &[Category::Country]).is_some() && self.cap(org_end) {
                            // "Việt Nam": the known, Vietnamese ministry
                            org_end = self
                                .hit(org_end, &[Category::Country])
                                .map_or(org_end, |(ce, _)| ce);
                        }
                        let label = e.canonical.clone();
                        let en = e.english.clone();
                        let surface = self.span(t_end, org_end).to_string();
                        let ev = self.evidence(t_end, org_end, 0.8);
                        let ent = self.b.mention(
                            NodeKind::Organization,
                            &label,
                            &surface,
                            en.as_deref(),
                            Form::Full,
                            ev,
                        );
                        self.push(NodeKind::Organization, t_end, org_end, ent, false);
                        complement = Some((ent, label, en));
                        end = org_end;
                    }
                }
                // "Bộ trưởng Nông nghiệp Henrik Dahl": a foreign minister
                // named by the field alone; the title is whole, no body
                if complement.is_none() && self.hit_end(t_end).is_none() {
                    let mut g = t_end + 1;
                    while g < t_end + 4 && self.lowercase_word(g) && !lex.is_stopword(self.low(g)) {
                        g += 1;
                    }
                    if self.foreign_person_start(g) {
                        field = Some(self.span(t_end, g).to_string());
                        end = g;
                    }
                }
            }
        }
        // "CEO PNJ", "Tổng Giám đốc EVN": an acronym after an office is its
        // body (unless the article defines it in parentheses elsewhere: then
        // it is that long name's, read when the definition is)
        if complement.is_none()
            && title.category == Category::Office
            && self.is_word(t_end)
            && is_acronym(self.word(t_end))
            && self.hit_end(t_end).is_none()
            && self.in_date(t_end).is_none()
            && self
                .defined_short_forms
                .binary_search(&self.word(t_end))
                .is_err()
        {
            let w = self.word(t_end).to_string();
            let ev = self.evidence(t_end, t_end + 1, 0.7);
            let ent = self
                .b
                .mention(NodeKind::Organization, &w, &w, None, Form::Full, ev);
            self.push(NodeKind::Organization, t_end, t_end + 1, ent, false);
            complement = Some((ent, w, None));
            end = t_end + 1;
        }
        // "Chủ tịch, Tổng Giám đốc Tập đoàn X": a bare head of a company
        // shares the body of the title after it
        if complement.is_none() && lex.shares_next_body(&title.canonical) {
            let gap = match (self.low(t_end), self.low(t_end + 1)) {
                (",", "kiêm") => 2,
                (",", _) => 1,
                _ => 0,
            };
            if gap > 0 {
                if let Some((ne, next)) = self.hit(t_end + gap, &[Category::Office]) {
                    if self.cap(t_end + gap) && next.canonical != title.canonical {
                        if let Some(p) = self.parse_org(ne, true, false) {
                            complement = Some((p.entity, p.label.clone(), None));
                        }
                    }
                }
            }
        }
        // "X, Tổng Giám đốc Samsung Việt Nam, cho biết": after the holder's
        // name, capitalised words after an office name its body even
        // without a head (a brand), unless they are another person's name
        // "cựu chủ tịch HĐTV MobiFone Lê Nam Trà": before the holder's name,
        // capitalised words after an office that are no personal name are
        // its body (a brand)
        let brand_end = if self.holder_before {
            None
        } else {
            self.brand_before_holder(t_end)
        };
        if complement.is_none()
            && title.category == Category::Office
            && ((self.holder_before && !self.person_name_at(t_end)) || brand_end.is_some())
            && self.cap(t_end)
            && self.hit_end(t_end).is_none()
            && !is_acronym(self.word(t_end))
        {
            let mut e = t_end;
            while e < t_end + 4 && self.cap(e) && self.hit_end(e).is_none() {
                if brand_end == Some(e) {
                    break;
                }
                e += 1;
            }
            let mut pieces = vec![Piece::Tokens(t_end, e)];
            if let Some((ce, c)) = self.hit(e, &[Category::Country]).filter(|_| self.cap(e)) {
                pieces.push(Piece::Known(e, ce, c));
                e = ce;
            }
            let label = self.render(&pieces);
            let surface = self.span(t_end, e).to_string();
            let ev = self.evidence(t_end, e, 0.7);
            let ent = self.b.mention(
                NodeKind::Organization,
                &label,
                &surface,
                None,
                Form::Full,
                ev,
            );
            self.known_pieces(&pieces);
            self.push(NodeKind::Organization, t_end, e, ent, false);
            complement = Some((ent, label, None));
            end = e;
        }
        // "Giám đốc Ngân hàng X chi nhánh Nghệ An": the branch's office
        let mut branch = None;
        if complement.is_some() && self.low(end) == "chi" && self.low(end + 1) == "nhánh" {
            let (be, any) = self.cap_run(end + 2);
            if any {
                branch = Some(self.span(end, be).to_string());
                end = be;
            }
        }
        let mut label = title.canonical.clone();
        if let Some(f) = &field {
            label = format!("{label} {f}");
        }
        let mut en = title.english.clone();
        if let Some((_, ref cl, ref cen)) = complement {
            label = format!("{label} {cl}");
            if let Some(b) = &branch {
                label = format!("{label} {b}");
            }
            en = match (en, cen) {
                (Some(t), Some(c)) => Some(format!("{t}, {c}")),
                (t, _) => t,
            };
        }
        // "Đại sứ Lào tại Việt Nam", "Trưởng Đại diện JICA tại Việt Nam":
        // where the office is held
        if self.low(end) == "tại" && complement.is_some() && member_of.is_none() {
            if let Some((pe, place)) = self.hit(end + 1, &[Category::Country, Category::Place]) {
                if self.cap(end + 1) {
                    self.known_mention(place, end + 1, pe, 0.85, false);
                    label = format!("{label} tại {}", place.canonical);
                    end = pe;
                }
            }
        }
        // (a province supplied to a bare local body: the bare title as
        // written is no alias, it would merge provinces)
        let surface = if complement.is_some() && self.ends_in_bare_province(end) {
            label.clone()
        } else {
            self.span(k, end).to_string()
        };
        let ev = self.evidence(k, end, 0.85);
        let role = self.b.mention(
            NodeKind::Role,
            &label,
            &surface,
            en.as_deref(),
            Form::Full,
            ev,
        );
        self.push(NodeKind::Role, k, end, role, false);
        if let Some((c, _, _)) = complement {
            // (a branch's office is not the body's)
            if !of_country && branch.is_none() {
                self.b.built_on(role, &title.canonical, c);
            }
            self.fact(role, Relation::RoleIn, c, 0.85);
        }
        Some((role, end, member_of))
    }

    /// The end of a brand's name at `k` right before its holder's name:
    /// one or two capitalised words that are no known name nor a personal
    /// name, then a Vietnamese or foreign personal name.
    fn brand_before_holder(&self, k: usize) -> Option<usize> {
        let mut e = k;
        while e < k + 2 && self.cap(e) && self.hit_end(e).is_none() && !self.person_start(e) {
            e += 1;
            // "Samsung Việt Nam Choi Joo Ho": the brand's country
            if let Some((ce, _)) = self.hit(e, &[Category::Country]).filter(|_| self.cap(e)) {
                e = ce;
                break;
            }
            if self.person_start(e) || self.foreign_person_start(e) {
                break;
            }
        }
        (e > k && (self.person_start(e) || self.foreign_person_start(e))).then_some(e)
    }

    /// Whether a body that departments belong to is named at `k`: a
    /// ministry, a group, a people's committee, or a known body.
    fn parent_body_at(&self, k: usize) -> bool {
        if !self.cap(k) {
            return false;
        }
        if self.hit(k, &[Category::Organization]).is_some() {
            return true;
        }
        self.hit(k, &[Category::OrgHead]).is_some_and(|(_, h)| {
            matches!(
                h.canonical.as_str(),
                "Bộ" | "Tổng cục"
                    | "Tập đoàn"
                    | "Tổng công ty"
                    | "Ủy ban nhân dân"
                    | "UBND"
                    | "Công an"
                    | "Đại học"
                    | "Học viện"
            )
        })
    }

    /// Titles separated by "," or "và": roles, end, bodies joined.
    fn parse_title_chain(&mut self, k: usize) -> Option<(Vec<usize>, usize, Vec<usize>)> {
        let mut roles = Vec::new();
        let mut members = Vec::new();
        let mut end = k;
        while let Some((role, e, member)) = self.parse_title(end) {
            roles.push(role);
            members.extend(member);
            end = e;
            // "A, B", "A và B", "A, kiêm B", "A kiêm B"
            let sep = self.low(end);
            let gap = match (sep, self.low(end + 1)) {
                (",", "kiêm") => 2,
                ("," | "và" | "kiêm", _) => 1,
                _ => 0,
            };
            if gap > 0 && self.starts_title(end + gap) {
                end += gap;
                continue;
            }
            break;
        }
        if roles.is_empty() {
            None
        } else {
            Some((roles, end, members))
        }
    }

    fn starts_title(&self, k: usize) -> bool {
        self.title_start(k).is_some()
    }

    /// Where the title at `k` starts (after "nguyên", "cựu"). Titles are
    /// capitalised; news also writes them in lower case after "nguyên" or
    /// "cựu" ("cựu giám đốc Công ty X") and right before a personal name
    /// ("thẩm phán Lưu Minh Châu").
    fn title_start(&self, k: usize) -> Option<usize> {
        let former = matches!(self.low(k), "nguyên" | "cựu");
        let s = if former { k + 1 } else { k };
        let (t_end, _) = self.hit(s, &[Category::Office, Category::Rank])?;
        let lower_ok = self.lowercase_word(s) && (former || self.person_start(t_end));
        (self.cap(s) || lower_ok).then_some(s)
    }

    /// A name after a title or honorific: capitalised words, not a known
    /// name nor the start of another title.
    fn licensed_name(&self, k: usize) -> Option<usize> {
        let mut e = k;
        while e < self.n() && e - k < 7 {
            if self.cap(e) && (self.name_word(e, e == k) || (e == k && self.surname_head_person(e)))
            {
                e += 1;
            } else if e > k
                && lexicon().name_words().name_particles.contains(self.word(e))
                && self.cap(e + 1)
                && self.name_word(e + 1, false)
            {
                e += 2;
            } else {
                break;
            }
        }
        (e > k).then_some(e)
    }

    /// Whether a personal name of two words or more starts at `k`, not a
    /// company named after a country ("Samsung Việt Nam").
    fn person_name_at(&self, k: usize) -> bool {
        self.licensed_name(k)
            .is_some_and(|e| e >= k + 2 && self.hit(e, &[Category::Country]).is_none())
    }

    /// Whether token `e` can be a word of a personal name.
    fn name_word(&self, e: usize, first: bool) -> bool {
        let w = self.word(e);
        if !w.chars().all(|c| {
            c.is_alphabetic()
                || c == '-'
                || c == '\''
                || unicode_normalization::char::is_combining_mark(c)
        }) {
            return false;
        }
        if is_acronym(w) && w.chars().count() > 1 {
            return false;
        }
        match self.hit_end(e) {
            None => true,
            Some(end) => {
                let single = end == e + 1;
                if self
                    .hit(
                        e,
                        &[
                            Category::Office,
                            Category::Rank,
                            Category::Honorific,
                            Category::Organization,
                            Category::DocumentHead,
                            Category::NumberedDocumentHead,
                            Category::EventHead,
                            Category::EventHeadStandalone,
                            Category::VenueHead,
                            Category::AreaHead,
                        ],
                    )
                    .is_some()
                {
                    // "Anh" (a given name and an honorific), "Đoàn" (a
                    // family name and "delegation"): words inside a name
                    return !first
                        && single
                        && (self.hit(e, &[Category::Honorific]).is_some()
                            || (self.hit(e, &[Category::OrgHead]).is_some() && !self.cap(e + 1)));
                }
                // one-word countries and places are given names too ("Anh")
                !first && single
            }
        }
    }

    fn register_person(&mut self, start: usize, end: usize, from: usize, confidence: f32) -> usize {
        let name = self.span(start, end).to_string();
        let ev = self.evidence(start, end, confidence);
        let ent = self
            .b
            .mention(NodeKind::Person, &name, &name, None, Form::Full, ev);
        self.mentions.push(Mention {
            kind: NodeKind::Person,
            start,
            from,
            end,
            entity: ent,
            top: true,
        });
        ent
    }

    /// Titles then a name: "Đại tướng Lương Tam Quang", "Tổng Thư ký Liên
    /// hợp quốc António Guterres", "Tổng Bí thư, Chủ tịch nước Lào X".
    fn parse_title_person(&mut self, i: usize) -> Option<usize> {
        if !self.starts_title(i) {
            return None;
        }
        let mark = self.mentions.len();
        let (roles, end, members) = self.parse_title_chain(i)?;
        let mut k = end;
        // an honorific may sit between ("Đại sứ ông X")
        if let Some((he, _)) = self.hit(k, &[Category::Honorific]) {
            if self.cap(he) {
                k = he;
            }
        }
        if self.dashed_holder(k) {
            k += 1;
        }
        // "bổ nhiệm chức vụ Bộ trưởng Bộ X đối với ông Y": the holder
        // after "đối với"
        if self.low(k) == "đối" && self.low(k + 1) == "với" {
            let mut h = k + 2;
            if let Some((he, _)) = self.hit(h, &[Category::Honorific]) {
                h = he;
            }
            if self.licensed_name(h).is_some() {
                k = h;
            }
        }
        // "Các Ủy viên Bộ Chính trị: A - ...; B - ...": each holds them
        let plural =
            i > 0 && lexicon().name_words().plural.contains(self.low(i - 1)) && self.word(k) == ":";
        if plural {
            return Some(self.plural_holders(&roles, k + 1));
        }
        let Some(name_end) = self.licensed_name(k) else {
            // titles without a holder here: keep their bodies as mentions
            for m in &mut self.mentions[mark..] {
                if m.kind != NodeKind::Role {
                    m.top = true;
                }
            }
            return Some(end);
        };
        let person = self.register_person(k, name_end, i, 0.9);
        for r in roles {
            self.fact(person, Relation::HoldsRole, r, 0.9);
        }
        for m in members {
            self.fact(person, Relation::MemberOf, m, 0.8);
        }
        Some(self.apposition(person, name_end))
    }

    /// The holders listed after a plural title and a colon ("các Phó Chủ
    /// tịch: A, B và C"), each with its own titles after it; the end.
    fn plural_holders(&mut self, roles: &[usize], mut k: usize) -> usize {
        loop {
            if let Some((he, _)) = self.hit(k, &[Category::Honorific]) {
                k = he;
            }
            let Some(name_end) = self
                .licensed_name(k)
                .filter(|&e| e >= k + 2 || self.person_start(k))
            else {
                return k;
            };
            let person = self.register_person(k, name_end, k, 0.85);
            for &r in roles {
                self.fact(person, Relation::HoldsRole, r, 0.85);
            }
            k = self.apposition(person, name_end);
            match self.low(k) {
                "," | ";" | "và" => k += 1,
                _ => return k,
            }
        }
    }

    /// "Bà X", "ông X", "đồng chí X".
    fn parse_honorific_person(&mut self, i: usize) -> Option<usize> {
        let (he, _) = self.hit(i, &[Category::Honorific])?;
        // "bà Đoàn Thị Minh Thư": after an honorific a family name opens a
        // name even when it is also a word of the lexicon ("Đoàn")
        let surname_first = lexicon().is_surname(self.word(he))
            && self.cap(he + 1)
            && self.hit_end(he + 1).is_none()
            && self.name_word(he + 1, false);
        let name_end = if surname_first {
            self.licensed_name(he + 1)?
        } else {
            self.licensed_name(he)?
        };
        let person = self.register_person(he, name_end, i, 0.85);
        Some(self.apposition(person, name_end))
    }

    /// A Vietnamese name standing alone: a family name and one to three
    /// more capitalised syllables.
    fn parse_bare_person(&mut self, i: usize) -> Option<usize> {
        if !self.person_start(i) && !self.surname_head_person(i) {
            return None;
        }
        let mut e = i + 1;
        while e < self.n()
            && e - i < 4
            && self.cap(e)
            && self.name_word(e, false)
            && self.word(e).chars().count() <= 7
        {
            e += 1;
        }
        if e - i < 2 {
            return None;
        }
        let person = self.register_person(i, e, i, 0.75);
        Some(self.apposition(person, e))
    }

    /// Titles after a name, in apposition: "X, Giám đốc Điều hành Y, ...";
    /// "X, đại diện Y" (a member of Y).
    fn apposition(&mut self, person: usize, end: usize) -> usize {
        if self.low(end) == "," && self.low(end + 1) == "đại" && self.low(end + 2) == "diện" {
            let mut k = end + 3;
            if self.low(k) == "cho" {
                k += 1;
            }
            if let Some(p) = self.parse_org(k, true, true) {
                self.fact(person, Relation::MemberOf, p.entity, 0.75);
                return p.end;
            }
            if let Some(p) = self.parse_place(k, true) {
                if self.b.kind(p.entity) == NodeKind::Country {
                    self.fact(person, Relation::MemberOf, p.entity, 0.75);
                }
                return p.end;
            }
            return end;
        }
        // "X (SN 1975, nguyên Giám đốc Y)", "X - Ủy viên Bộ Chính trị",
        // "X là Bí thư Tỉnh ủy", "X được bổ nhiệm giữ chức Thứ trưởng Bộ Y"
        let opener = self.low(end).to_string();
        let mut k = end + 1;
        if let Some(len) = self.title_predicate(end) {
            k = end + len;
        } else if opener == "(" {
            if matches!(self.low(k), "sn" | "sinh") {
                let born = (k + 1..self.n().min(k + 5)).find(|&x| self.low(x) == ",");
                match born {
                    Some(c) => k = c + 1,
                    None => return end,
                }
            }
        } else if opener != "," && opener != "-" {
            return end;
        }
        if !self.starts_title(k) {
            return end;
        }
        let mark = self.mentions.len();
        let outer = std::mem::replace(&mut self.holder_before, true);
        let chain = self.parse_title_chain(k);
        self.holder_before = outer;
        let Some((roles, e, members)) = chain else {
            return end;
        };
        // "Thủ tướng X, Thủ tướng Hungary Y": titles right before another
        // name are that person's
        let mut next = e;
        if let Some((he, _)) = self.hit(next, &[Category::Honorific]) {
            next = he;
        }
        if self.cap(next) && self.person_name_at(next) {
            self.mentions.truncate(mark);
            return end;
        }
        for r in roles {
            self.fact(person, Relation::HoldsRole, r, 0.85);
        }
        for m in members {
            self.fact(person, Relation::MemberOf, m, 0.75);
        }
        if opener == "(" && self.low(e) == ")" {
            return e + 1;
        }
        e
    }

    /// The length of a phrase at `k` that states the titles after it ("là",
    /// "được bầu giữ chức"), the longest that matches.
    fn title_predicate(&self, k: usize) -> Option<usize> {
        lexicon()
            .title_predicates()
            .iter()
            .find(|p| {
                p.iter().enumerate().all(|(x, w)| self.low(k + x) == w)
                    && self.starts_title(k + p.len())
            })
            .map(Vec::len)
    }

    // ------------------------------------------------------------ events

    /// An event at `i`: a head, lower-case modifiers ("khai mạc cấp cao"),
    /// and what it is about or part of (a document, another event, "của"
    /// an organisation, a "về" topic, a proper name).
    fn parse_event(&mut self, i: usize, top: bool) -> Option<Parsed> {
        let lex = lexicon();
        let (head_end, head) =
            self.hit(i, &[Category::EventHead, Category::EventHeadStandalone])?;
        let standalone = head.category == Category::EventHeadStandalone;
        // a visit is named by its visitor: the clause reads it
        // (clauses::visit_events)
        if head.canonical == "Chuyến thăm" {
            return None;
        }
        let prev = if i > 0 { self.low(i - 1) } else { "" };
        if lex.name_words().plural.contains(prev) {
            return None;
        }
        if !self.cap(i)
            && (!self.is_word(i) || (!standalone && !lex.name_words().event_intro.contains(prev)))
        {
            return None;
        }
        let mut k = head_end;
        while k - head_end < 5
            && self.lowercase_word(k)
            && (!lex.is_stopword(self.low(k)) || lex.name_words().event_verbs.contains(self.low(k)))
            && !self.lower_blocks(k)
            && self.in_date(k).is_none()
        {
            k += 1;
        }
        // an anniversary: "lễ kỷ niệm 135 năm Ngày sinh ..."
        if self.word(k).bytes().all(|b| b.is_ascii_digit())
            && self.is_word(k)
            && self.low(k + 1) == "năm"
            && (k > head_end || to_lower(&head.canonical).contains("kỷ niệm"))
            && self.in_date(k).is_none()
            && self.in_date(k + 1).is_none()
        {
            k += 2;
        }
        // the year of a yearly event: "Đại hội đồng cổ đông thường niên
        // năm 2024", "Hội nghị xúc tiến đầu tư năm 2025"
        if self.low(k) == "năm" && self.in_date(k) == Some(k + 2) && self.word(k + 1).len() == 4 {
            k += 2;
        }
        // "Lễ khai giảng năm học 2024-2025", "mùa giải 2024-2025"
        let season = |w: &str| {
            w.split_once('-').is_some_and(|(a, b)| {
                a.len() == 4
                    && b.len() == 4
                    && (a.bytes().chain(b.bytes())).all(|c| c.is_ascii_digit())
            })
        };
        if matches!(
            (self.low(k), self.low(k + 1)),
            ("năm", "học") | ("mùa", "giải")
        ) && season(self.word(k + 2))
        {
            k += 3;
        }
        // a number after "số", "lần thứ", "khóa": "tuyến metro số 2",
        // "Kỳ họp thứ 8", "Kỳ họp lần thứ 4", "khóa XV"
        // an edition right after a name's head: "SEA Games 32", "ASIAD 19"
        // ("ASEAN Cup 2024": a year)
        if k == head_end && self.cap(i) && self.ordinal(k) && self.word(k).len() <= 4 {
            k += 1;
        }
        loop {
            if (matches!(self.low(k), "số" | "khóa") && self.ordinal(k + 1))
                || (self.low(k) == "thứ" && self.ordinal_after_thu(k + 1))
            {
                k += 2;
            } else if k > head_end
                && matches!(self.low(k - 1), "số" | "thứ" | "khóa" | "năm")
                && self.ordinal(k)
            {
                k += 1;
            } else {
                break;
            }
        }
        // a verb ending the modifiers wants an object: "lễ trao các văn
        // kiện" names no event "Lễ trao"
        while k > head_end && lex.name_words().event_verbs.contains(self.low(k - 1)) && !self.cap(k)
        {
            k -= 1;
        }
        let prefix_end = k;
        let mut prefix = self.span(i, prefix_end).to_string();
        capitalise_first(&mut prefix);
        let mark = self.mentions.len();
        // what the event is built on
        let mut base: Option<(usize, NodeKind, String)> = None;
        let mut label = prefix.clone();
        let mut end = prefix_end;
        let mut organiser = None;
        if let Some(p) = self.parse_event(k, false) {
            base = Some((
                p.entity,
                NodeKind::Event,
                self.b.label(p.entity).to_string(),
            ));
            end = p.end;
        } else if let Some(p) = self.parse_document(k, false) {
            base = Some((
                p.entity,
                NodeKind::Document,
                self.b.label(p.entity).to_string(),
            ));
            end = p.end;
        } else if self.low(k) == "của" {
            if let Some(p) = self.parse_org(k + 1, false, false) {
                organiser = Some(p.entity);
                label = format!("{prefix} của {}", p.label);
                end = p.end;
                let (te, pieces) = self.topic(end);
                if !pieces.is_empty() {
                    label = format!("{label} {}", self.render(&pieces));
                    end = te;
                }
            }
        } else if self.low(k) == "về" && self.document_head(k + 1).is_some() {
            // "Hội thảo về Luật Đất đai": the event is about the document
            if let Some(p) = self.parse_document(k + 1, false) {
                prefix = format!("{prefix} về");
                base = Some((
                    p.entity,
                    NodeKind::Document,
                    self.b.label(p.entity).to_string(),
                ));
                end = p.end;
            }
        } else if self.low(k) == "về" {
            let (te, pieces) = self.topic(k);
            if !pieces.is_empty() {
                label = format!("{prefix} {}", self.render(&pieces));
                end = te;
            }
        } else if self.cap(k) {
            if let Some(p) = self.parse_org(k, false, false) {
                // "Kỳ họp lần thứ 5 Ủy ban hỗn hợp X": the body's session
                organiser = Some(p.entity);
                label = format!("{prefix} {}", p.label);
                end = p.end;
                // the body's term: "Kỳ họp thứ 8 Quốc hội khóa XV"
                if self.low(end) == "khóa" && self.ordinal(end + 1) {
                    label = format!("{label} {}", self.span(end, end + 2));
                    end += 2;
                }
                let (te, pieces) = self.theme(end);
                if !pieces.is_empty() {
                    label = format!("{label} {}", self.render(&pieces));
                    end = te;
                }
            } else if let Some(p) = self.parse_place(k, false) {
                label = format!("{prefix} {}", p.label);
                end = p.end;
                // "Tham vấn chính trị Việt Nam - Lào lần thứ 10": a pair of
                // countries, and the round
                if self.low(end) == "-" {
                    if let Some(q) = self.parse_place(end + 1, false) {
                        label = format!("{label} - {}", q.label);
                        end = q.end;
                    }
                }
                if self.low(end) == "lần" && self.low(end + 1) == "thứ" && self.ordinal(end + 2)
                {
                    label = format!("{label} {}", self.span(end, end + 3));
                    end += 3;
                }
            } else if self.hit_end(k).is_none() && !self.person_start(k) && !self.starts_title(k) {
                let (mut ce, pieces) = self.continuation(k, true);
                if !pieces.is_empty() && (ce - k) <= 8 {
                    label = format!("{prefix} {}", self.render(&pieces));
                    // "Lễ khánh thành cầu Bạch Đằng 2"
                    if self.name_number(ce) {
                        label = format!("{label} {}", self.word(ce));
                        ce += 1;
                    }
                    end = ce;
                }
            }
        }
        // "Hội nghị cấp cao Á - Âu (ASEM) lần thứ 12", "Hội nghị Liên hợp
        // quốc (LHQ) về Rừng ngập mặn": the name goes on after an acronym
        let mut event_acronym = None;
        if base.is_none() && end > prefix_end {
            if let Some(after) = self.paren_acronym(end) {
                let round = self.low(after) == "lần"
                    && self.low(after + 1) == "thứ"
                    && self.ordinal_after_thu(after + 2);
                if round || self.low(after) == "về" {
                    event_acronym = Some(end + 1);
                    end = after;
                }
            }
            if self.word(end - 1) == ")" && self.low(end) == "về" {
                let (te, pieces) = self.topic(end);
                if !pieces.is_empty() {
                    label = format!("{label} {}", self.render(&pieces));
                    end = te;
                }
            }
        }
        // the round after any object: "Đại hội Thể thao Đông Nam Á lần thứ 31"
        if base.is_none()
            && end > prefix_end
            && self.low(end) == "lần"
            && self.low(end + 1) == "thứ"
            && self.ordinal_after_thu(end + 2)
        {
            label = format!("{label} {}", self.span(end, end + 3));
            end += 3;
        } else if base.is_none()
            && end > prefix_end + 1
            && self.low(end - 1) == "lần"
            && self.low(end) == "thứ"
            && self.ordinal_after_thu(end + 1)
        {
            // (a continuation that took "lần" in)
            label = format!("{label} {}", self.span(end, end + 2));
            end += 2;
        }
        if let Some((_, _, ref bl)) = base {
            label = format!("{prefix} {bl}");
        }
        // "Lễ mở ký và Hội nghị cấp cao Công ước X": the first shares the
        // object of the second
        let mut coordinated = None;
        if base.is_none() && end == prefix_end && self.low(end) == "và" {
            let save = self.mentions.len();
            if let Some(p) = self.parse_event(end + 1, top) {
                let other_base = self.mentions[save..]
                    .iter()
                    .find(|m| !m.top && matches!(m.kind, NodeKind::Document | NodeKind::Event))
                    .map(|m| (m.entity, m.kind));
                if let Some((b_ent, b_kind)) = other_base {
                    let b_label = self.b.label(b_ent).to_string();
                    label = format!("{prefix} {b_label}");
                    base = Some((b_ent, b_kind, b_label));
                } else if let Some(object) = &p.object {
                    label = format!("{prefix} {object}");
                }
                coordinated = Some(p);
            }
        }
        // "phiên tòa sơ thẩm xét xử bị cáo X": the trial names its defendant
        let tried = prefix_end >= head_end + 2
            && self.low(prefix_end - 2) == "xét"
            && self.low(prefix_end - 1) == "xử";
        let mut defendant = None;
        let mut consumed = end;
        if tried && base.is_none() && label == prefix && self.low(prefix_end) == "bị" {
            let save = self.mentions.len();
            if let Some(after) = self.parse_honorific_person(prefix_end) {
                if let Some(person) = self.mentions.get(save).copied() {
                    label = format!("{prefix} {}", self.span(prefix_end, person.end));
                    end = person.end;
                    consumed = after;
                    defendant = Some(person.entity);
                }
            }
        }
        let has_object = base.is_some() || label != prefix;
        let bare = !has_object && !standalone && prefix_end == head_end;
        if bare && head.canonical.split_whitespace().count() < 2 {
            // "Lễ", "Phiên" alone name nothing
            self.mentions.truncate(mark);
            return None;
        }
        // a bare generic head ("Lễ ký", "Hội nghị") is a short form of a
        // full name in the article or nothing
        let form = match (has_object, bare) {
            (true, _) => Form::Full,
            (false, true) => Form::ShortOrDrop,
            (false, false) => Form::Short,
        };
        let surface_end = coordinated.as_ref().map_or(end, |c| c.end);
        let surface = self.span(i, surface_end).to_string();
        let ev = self.evidence(i, surface_end, if has_object { 0.85 } else { 0.7 });
        let own_surface = self.span(i, end).to_string();
        let ent = self
            .b
            .mention(NodeKind::Event, &label, &own_surface, None, form, ev);
        if surface != own_surface {
            self.b.add_alias(ent, &surface);
        }
        if let Some(a) = event_acronym {
            let acronym = self.word(a).to_string();
            self.b.add_alias(ent, &acronym);
        }
        self.push(NodeKind::Event, i, surface_end, ent, top);
        if tried {
            // "Phiên tòa sơ thẩm" names it within the article
            let mut short = self.span(i, prefix_end - 2).to_string();
            capitalise_first(&mut short);
            self.b.add_short_form(ent, &short);
        }
        if let Some(d) = defendant {
            self.fact(d, Relation::ParticipatedIn, ent, 0.7);
        }
        if let Some((b_ent, b_kind, _)) = base {
            self.b.built_on(ent, &prefix, b_ent);
            match b_kind {
                NodeKind::Document => self.fact(ent, Relation::About, b_ent, 0.8),
                NodeKind::Event => self.fact(ent, Relation::PartOf, b_ent, 0.75),
                _ => {}
            }
        }
        if let Some(o) = organiser {
            // "Hội nghị Cấp cao ASEAN": the group's members meet there, a
            // host or chair organises it ("Hội nghị cấp cao của Liên hợp
            // quốc" is the body's own)
            let lowered = to_lower(&prefix);
            let members_meet = self.low(k) != "của"
                && clause_group!("members_meeting").iter().any(|w| {
                    let words = lowered.split(' ');
                    words.clone().count() >= w.len() && words.zip(w).all(|(a, b)| a == *b)
                });
            match members_meet {
                true => self.fact(o, Relation::ParticipatedIn, ent, 0.7),
                false => self.fact(ent, Relation::OrganizedBy, o, 0.7),
            }
        }
        let object = label
            .strip_prefix(prefix.as_str())
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_string);
        Some(Parsed {
            end: surface_end.max(consumed),
            entity: ent,
            label,
            object,
        })
    }

    /// A "về" topic: "về" and up to six lower-case words or capitalised
    /// groups.
    fn topic(&self, k: usize) -> (usize, Vec<Piece>) {
        if self.low(k) != "về" {
            return (k, Vec::new());
        }
        self.topic_words(k, k + 1)
    }

    /// A meeting's theme after its body: "(Phiên họp Chính phủ) chuyên đề
    /// (về) xây dựng pháp luật".
    fn theme(&self, k: usize) -> (usize, Vec<Piece>) {
        if (self.low(k), self.low(k + 1)) != ("chuyên", "đề") {
            return (k, Vec::new());
        }
        let words = if self.low(k + 2) == "về" {
            k + 3
        } else {
            k + 2
        };
        self.topic_words(k, words)
    }

    /// The topic's words from `from` on (of a topic starting at `k`): up to
    /// eight, lower-case content words or names, not a date and not another
    /// event or office.
    fn topic_words(&self, k: usize, from: usize) -> (usize, Vec<Piece>) {
        let lex = lexicon();
        let mut e = from;
        while e - k <= 8
            && self.is_word(e)
            && (self.cap(e) || !lex.is_stopword(self.low(e)))
            && self.in_date(e).is_none()
        {
            if self.cap(e)
                && self
                    .hit(
                        e,
                        &[
                            Category::EventHead,
                            Category::EventHeadStandalone,
                            Category::Office,
                        ],
                    )
                    .is_some()
            {
                break;
            }
            e += 1;
        }
        if e == from {
            return (k, Vec::new());
        }
        (e, vec![Piece::Tokens(k, e)])
    }

    // ------------------------------------------------------------ documents

    /// A named document: a head ("Công ước") with a number, "của" a body,
    /// a topic or a capitalised continuation; a bare head is a short form.
    fn parse_document(&mut self, i: usize, top: bool) -> Option<Parsed> {
        let lex = lexicon();
        let (head_end, head) =
            self.hit(i, &[Category::DocumentHead, Category::NumberedDocumentHead])?;
        let numbered_only = head.category == Category::NumberedDocumentHead;
        // a numbered paper is named in lower case too ("tờ trình số
        // 18-TTr/BCSĐ"): its number makes it one
        let numbered_here = self.low(head_end) == "số" && self.paper_number(head_end + 1);
        if !(self.cap(i) || (numbered_only && numbered_here)) {
            return None;
        }
        let mut k = head_end;
        let mut pieces: Vec<Piece> = Vec::new();
        let mut party_starts: Parties = [None, None];
        // a number: "số 68-NQ/TW", "13/2023/NĐ-CP"
        let num_start = k;
        if self.low(k) == "số" {
            k += 1;
        }
        if self
            .word(k)
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit())
            && self.in_date(k).is_none()
        {
            k += 1;
            // "số 2139- QĐSN/TW": the code after a loose hyphen
            if self.word(k) == "-" && self.paper_code(k + 1) {
                k += 2;
            }
            pieces.push(Piece::Tokens(num_start, k));
        } else if numbered_only && self.between(self.kind_words_end(k)).is_none() {
            // ("Thỏa thuận hợp tác giữa X và Y": its parties make it one)
            return None;
        } else {
            k = num_start;
        }
        if self.low(k) == "của" {
            if let Some((oe, e)) = self.hit(k + 1, &[Category::Organization, Category::Country]) {
                if self.cap(k + 1) {
                    pieces.push(Piece::Tokens(k, k + 1));
                    pieces.push(Piece::Known(k + 1, oe, e));
                    k = oe;
                }
            }
        }
        if self.document_name_goes_on(k) {
            let (ce, more) = self.continuation_with(k, true, 5);
            pieces.extend(more);
            k = ce;
        }
        // lower-case words of its kind before its parties or its proper
        // name: "Hiệp định thương mại tự do giữa Việt Nam và Liên minh
        // châu Âu", "Hiệp định thương mại tự do Việt Nam - EU"
        if pieces.is_empty() && self.lowercase_word(k) {
            let m = self.kind_words_end(k);
            if m == k {
                // "Bản ghi nhớ giữa Bộ X và Bộ Y"
                if let Some((be, parties, starts)) = self.between(k) {
                    pieces.extend(parties);
                    party_starts = starts;
                    k = be;
                }
            } else if let Some((be, parties, starts)) = self.between(m) {
                pieces.push(Piece::Tokens(k, m));
                pieces.extend(parties);
                party_starts = starts;
                k = be;
            } else if self.document_name_goes_on(m) {
                let (ce, more) = self.continuation_with(m, true, 0);
                if !more.is_empty() {
                    pieces.push(Piece::Tokens(k, m));
                    pieces.extend(more);
                    k = ce;
                }
            } else if !self.topic(m).1.is_empty() {
                // "Bản ghi nhớ hợp tác về đào tạo nghề": the kind words,
                // then the topic read below
                pieces.push(Piece::Tokens(k, m));
                k = m;
            } else if lex
                .name_words()
                .subject_heads
                .contains(&to_lower(&head.canonical))
            {
                // "Luật ngân sách nhà nước": the subject is the name; a
                // list of subjects ("Luật tài nguyên, môi trường biển và
                // hải đảo") only when it ends the clause, as a list of
                // laws or of things done goes on
                let mut e = m;
                let mut x = m;
                while x - k < 12 && matches!(self.low(x), "," | "và") {
                    let more = self.kind_words_end(x + 1);
                    if more == x + 1 {
                        break;
                    }
                    x = more;
                }
                if x > m && (x == self.n() || matches!(self.word(x), "." | "(" | ";" | ")")) {
                    e = x;
                }
                pieces.push(Piece::Tokens(k, e));
                k = e;
            }
        } else {
            // "Hiệp định Đối tác toàn diện giữa ASEAN và Nhật Bản", "Bản
            // ghi nhớ giữa Bộ X và Bộ Y về ..."
            if let Some((be, parties, starts)) = self.between(k) {
                pieces.extend(parties);
                party_starts = starts;
                k = be;
            }
        }
        let (te, topic) = self.topic(k);
        if !topic.is_empty() {
            pieces.extend(topic);
            k = te;
            // "Bản ghi nhớ về đào tạo giữa Bộ X và Bộ Y": the parties after
            // the topic
            if let Some((be, parties, starts)) = self.between(k) {
                pieces.extend(parties);
                party_starts = starts;
                k = be;
            }
        } else if pieces.is_empty() && lexicon().name_words().topic_markers.contains(self.low(k)) {
            let mut e = k;
            while e - k < 6 && self.lowercase_word(e) && !lex.is_stopword(self.low(e)) {
                e += 1;
            }
            if e > k {
                pieces.push(Piece::Tokens(k, e));
                k = e;
            }
        }
        // "Luật Đất đai (sửa đổi)": the amended law is named so
        if !pieces.is_empty() && self.word(k) == "(" && self.low(k + 1) == "sửa" {
            if let Some(close) = (k + 2..self.n().min(k + 6)).find(|&x| self.word(x) == ")") {
                pieces.push(Piece::Tokens(k, close + 1));
                k = close + 1;
            }
        }
        // "Luật Đất đai năm 2024": the year the law is known by
        if !pieces.is_empty()
            && self.low(k) == "năm"
            && self.in_date(k) == Some(k + 2)
            && self.word(k + 1).len() == 4
        {
            pieces.push(Piece::Tokens(k, k + 2));
            k += 2;
        }
        let head = self.span(i, head_end).to_string();
        let (label, form) = if pieces.is_empty() {
            (head.clone(), Form::ShortOrDrop)
        } else {
            (format!("{head} {}", self.render(&pieces)), Form::Full)
        };
        self.known_pieces(&pieces);
        let surface = self.span(i, k).to_string();
        let ev = self.evidence(i, k, if form == Form::Full { 0.85 } else { 0.6 });
        let ent = self
            .b
            .mention(NodeKind::Document, &label, &surface, None, form, ev);
        self.push(NodeKind::Document, i, k, ent, top);
        self.b.focus_document = Some(ent);
        // the parties are bodies of their own ("giữa Bộ X và Công ty Y")
        for start in party_starts.into_iter().flatten() {
            self.parse_org(start, false, false);
        }
        let end = self.alias_tail(k, ent, NodeKind::Document);
        Some(Parsed {
            end,
            entity: ent,
            label,
            object: None,
        })
    }

    /// The end of the lower-case words of a document's kind after its head
    /// ("Hiệp định thương mại tự do", "Bản ghi nhớ hợp tác"): up to five
    /// words, no particle but a compound's or a topic's first.
    fn kind_words_end(&self, k: usize) -> usize {
        let lex = lexicon();
        let mut m = k;
        while m - k < 5
            && self.lowercase_word(m)
            && (!lex.is_stopword(self.low(m))
                || self.compound(m)
                || (m == k && lexicon().name_words().topic_markers.contains(self.low(m))))
            && !self.lower_blocks(m)
        {
            m += 1;
        }
        m
    }

    /// Whether token `k` is the number of an official paper ("35/TTr-BNV",
    /// "2139"), not a date.
    fn paper_number(&self, k: usize) -> bool {
        self.word(k)
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit())
            && self.in_date(k).is_none()
    }

    /// Whether token `k` is the issuer's code of a paper ("QĐSN/TW",
    /// "NQ-CP"): upper-case letters with "/" or "-" inside.
    fn paper_code(&self, k: usize) -> bool {
        let w = self.word(k);
        self.is_word(k) && w.contains(['/', '-']) && is_acronym(&w.replace(['/', '-'], ""))
    }

    /// The parties of a document: "giữa X và Y" with X and Y names.
    fn between(&self, k: usize) -> Option<(usize, Vec<Piece>, Parties)> {
        if self.low(k) != "giữa" || !self.cap(k + 1) {
            return None;
        }
        let (xe, first) = self.party(k + 1);
        if first.is_empty() {
            return None;
        }
        let mut pieces = vec![Piece::Tokens(k, k + 1)];
        pieces.extend(first);
        // the continuation may have taken "và Y" already (unless that "và"
        // was inside X's name: "giữa Bộ Khoa học và Công nghệ X và Bộ Y")
        let joined = (k + 1..xe).any(|x| self.low(x) == "và");
        if self.low(xe) != "và" || !self.cap(xe + 1) {
            return joined.then_some((xe, pieces, [Some(k + 1), None]));
        }
        let (ye, second) = self.party(xe + 1);
        if second.is_empty() {
            return None;
        }
        pieces.push(Piece::Tokens(xe, xe + 1));
        pieces.extend(second);
        Some((ye, pieces, [Some(k + 1), Some(xe + 1)]))
    }

    /// One party of a document's "giữa X và Y": a body's head read as in
    /// [`Self::parse_org`] ("Bộ Kinh tế Lào": its name may go on in lower
    /// case after the head), else a capitalised run.
    fn party(&self, x: usize) -> (usize, Vec<Piece>) {
        // a known body, with its country: "Bộ Văn hóa, Thể thao và Du lịch
        // Việt Nam"
        if let Some((oe, e)) = self
            .hit(x, &[Category::Organization])
            .filter(|_| self.cap(x))
        {
            let mut pieces = vec![Piece::Known(x, oe, e)];
            let mut end = oe;
            if let Some((ce, c)) = self.hit(oe, &[Category::Country]).filter(|_| self.cap(oe)) {
                pieces.push(Piece::Known(oe, ce, c));
                end = ce;
            }
            return (end, pieces);
        }
        if let Some((head_end, _)) = self.hit(x, &[Category::OrgHead]).filter(|_| self.cap(x)) {
            let (end, mut rest) = self.continuation(head_end, false);
            if !rest.is_empty() {
                rest.insert(0, Piece::Tokens(x, head_end));
                return (end, rest);
            }
        }
        self.continuation(x, false)
    }

    // ------------------------------------------------------------ places

    /// A country, a known place, "tỉnh X", "phường X", or a venue ("Trụ sở
    /// Trung ương Đảng").
    fn parse_place(&mut self, i: usize, top: bool) -> Option<Parsed> {
        if let Some((end, e)) = self.hit(i, &[Category::Country, Category::Place]) {
            if !self.cap(i) && self.hit(i, &[Category::AreaHead]).is_none() {
                // "thành phố Hà Nội" is an alias of the place and starts
                // lower-case
                let first_cap = (i..end).any(|k| self.cap(k));
                if !first_cap {
                    return None;
                }
            }
            let ent = self.known_mention(e, i, end, 0.9, top);
            return Some(Parsed {
                end,
                entity: ent,
                label: e.canonical.clone(),
                object: None,
            });
        }
        // "đường Lê Lợi", "hồ Hoàn Kiếm": lower-case heads only ("Hồ Chí
        // Minh" is a name)
        if let Some((he, _)) = self
            .hit(i, &[Category::FeatureHead])
            .filter(|_| !self.cap(i))
        {
            let (mut ne, any) = self.cap_run(he);
            if !any {
                return None;
            }
            // "cầu Bạch Đằng 2"
            if self.name_number(ne) {
                ne += 1;
            }
            let label = self.span(i, ne).to_string();
            return Some(self.new_place(i, ne, label, 0.75, top));
        }
        if let Some((he, area)) = self.hit(i, &[Category::AreaHead]) {
            let (ne, any) = self.cap_run(he);
            if !any {
                return None;
            }
            let known = self.hit(he, &[Category::Place]).filter(|(e, _)| *e == ne);
            let name = known.map_or_else(
                || self.span(he, ne).to_string(),
                |(_, e)| e.canonical.clone(),
            );
            let big = matches!(
                to_lower(&area.canonical).as_str(),
                "tỉnh" | "thành phố" | "tp" | "tp." | "thủ đô"
            );
            let label = if big {
                name
            } else {
                format!("{} {name}", self.span(i, he))
            };
            return Some(self.new_place(i, ne, label, 0.8, top));
        }
        if let Some((he, _)) = self.hit(i, &[Category::VenueHead]) {
            // "sân bay Nội Bài", "trụ sở Bộ Ngoại giao": a lower-case head
            // makes a venue with a name right after it
            if !self.cap(i) && !self.cap(he) {
                return None;
            }
            // a site's name may hold a family name ("Khu công nghiệp Liên
            // Hà Thái"): it runs on through capitalised words
            let (ce, pieces) = self.continuation(he, false);
            if pieces.is_empty() {
                return None;
            }
            let label = format!("{} {}", self.span(i, he), self.render(&pieces));
            return Some(self.new_place(i, ce, label, 0.8, top));
        }
        None
    }

    /// Records the place named `label` at tokens `start..end`.
    fn new_place(
        &mut self,
        start: usize,
        end: usize,
        label: String,
        confidence: f32,
        top: bool,
    ) -> Parsed {
        let surface = self.span(start, end).to_string();
        let ev = self.evidence(start, end, confidence);
        let ent = self
            .b
            .mention(NodeKind::Place, &label, &surface, None, Form::Full, ev);
        self.push(NodeKind::Place, start, end, ent, top);
        Parsed {
            end,
            entity: ent,
            label,
            object: None,
        }
    }
}

/// The head of the unit a title ends with ("Trưởng ban" heads a "Ban").
fn unit_of_title(title: &str) -> Option<&'static str> {
    match title {
        "Trưởng ban" | "Phó Trưởng ban" => Some("Ban"),
        "Trưởng phòng" | "Phó Trưởng phòng" => Some("Phòng"),
        "Chánh tòa" | "Phó Chánh tòa" => Some("Tòa"),
        _ => None,
    }
}

/// Whether a word has more than one vowel group ("Daewon", "Vinkora"): a
/// Vietnamese syllable has one ("Nguyễn", "Quốc", "Giang").
fn several_syllables(word: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let mut groups = 0;
    let mut in_vowel = false;
    for c in word
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        let vowel = matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if vowel && !in_vowel {
            groups += 1;
        }
        in_vowel = vowel;
    }
    groups > 1
}

/// Whether a one-syllable word cannot be Vietnamese ("Dahl", "Holm",
/// "Berg"): a letter Vietnamese does not write (f, j, w, z) or a final
/// consonant group it does not have.
fn not_vietnamese_syllable(word: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    const FINALS: [&str; 8] = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];
    let base: String = word
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if base.contains(['f', 'j', 'w', 'z']) {
        return true;
    }
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let tail = base.len() - base.trim_end_matches(|c: char| !is_vowel(c)).len();
    let last = &base[base.len() - tail..];
    !last.is_empty() && !FINALS.contains(&last)
}

fn capitalise_first(s: &mut String) {
    if let Some(c) = s.chars().next() {
        let upper: String = c.to_uppercase().collect();
        s.replace_range(..c.len_utf8(), &upper);
    }
}

/// The node kind of a lexicon entry of a known name.
fn kind_of(category: Category) -> NodeKind {
    match category {
        Category::Country => NodeKind::Country,
        Category::Place => NodeKind::Place,
        _ => NodeKind::Organization,
    }
}
