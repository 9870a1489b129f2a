//! General knowledge compiled into the binary: titles and ranks, the words
//! that open names of organisations, events, documents and places, well-known
//! bodies, countries, provinces and cities, Vietnamese family names, and the
//! function words that end a name. No person names.
//!
//! Every multi-word entry is found by one Aho-Corasick automaton run over a
//! case-folded copy of the text, so extraction costs one pass whatever the
//! size of the lexicons.

use std::collections::{HashMap, HashSet};

/// The maps and sets of extraction's hot paths (lexicon words, a
/// document's names): hashed with foldhash, seeded per process like the
/// standard library's, and several times faster than SipHash on short keys.
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
/// See [`FastMap`].
pub type FastSet<K> = HashSet<K, foldhash::fast::RandomState>;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::graph::slug;

const TITLES: &str = include_str!("../data/lexicon/titles.txt");
const HONORIFICS: &str = include_str!("../data/lexicon/honorifics.txt");
const ORGANIZATIONS: &str = include_str!("../data/lexicon/organizations.txt");
const COUNTRIES: &str = include_str!("../data/lexicon/countries.txt");
const PLACES: &str = include_str!("../data/lexicon/places.txt");
const ORG_HEADS: &str = include_str!("../data/lexicon/org_heads.txt");
const EVENT_HEADS: &str = include_str!("../data/lexicon/event_heads.txt");
const DOCUMENT_HEADS: &str = include_str!("../data/lexicon/document_heads.txt");
const PLACE_HEADS: &str = include_str!("../data/lexicon/place_heads.txt");
const SURNAMES: &str = include_str!("../data/lexicon/surnames.txt");
const FOREIGN_SURNAMES: &str = include_str!("../data/lexicon/foreign_surnames.txt");
const STOPWORDS: &str = include_str!("../data/lexicon/stopwords.txt");
const ABBREVIATIONS: &str = include_str!("../data/lexicon/abbreviations.txt");
const CLAUSE_WORDS: &str = include_str!("../data/lexicon/clause_words.txt");
const COMPOUNDS: &str = include_str!("../data/lexicon/compounds.txt");
const NAME_PAIRS: &str = include_str!("../data/lexicon/name_pairs.txt");
const TITLE_PREDICATES: &str = include_str!("../data/lexicon/title_predicates.txt");
const SHARED_BODY_TITLES: &str = include_str!("../data/lexicon/shared_body_titles.txt");
const ORDINAL_WORDS: &str = include_str!("../data/lexicon/ordinal_words.txt");
const NAME_WORDS: &str = include_str!("../data/lexicon/name_words.txt");
const DATELINE_WORDS: &str = include_str!("../data/lexicon/dateline_words.txt");

/// What a lexicon entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// An office that takes an organisation or country after it.
    Office,
    /// A rank that stands alone ("Đại tướng", "Đại sứ").
    Rank,
    /// "Ông", "Bà", "đồng chí": before a name, not part of it.
    Honorific,
    /// A well-known body.
    Organization,
    Country,
    Place,
    /// Opens an organisation's name ("Bộ", "Ủy ban").
    OrgHead,
    /// Opens an event's name that needs more words ("Hội nghị").
    EventHead,
    /// Opens an event's name and names one by itself ("Phiên bế mạc").
    EventHeadStandalone,
    /// Opens a document's name ("Công ước").
    DocumentHead,
    /// Opens a document's name only with a number after it ("Quyết định
    /// số 12").
    NumberedDocumentHead,
    /// Opens a building's or site's name ("Trụ sở").
    VenueHead,
    /// An administrative unit before its name ("tỉnh", "phường").
    AreaHead,
    /// A street, river or lake before its name ("đường", "hồ"), in lower
    /// case only: these words are also syllables of common words.
    FeatureHead,
}

/// One lexicon entry.
#[derive(Clone, Debug)]
pub struct Entry {
    pub category: Category,
    /// The canonical Vietnamese form.
    pub canonical: String,
    pub english: Option<String>,
    /// The canonical name of the body this one belongs to.
    pub parent: Option<String>,
    /// An organisation head that names a body by itself ("Tỉnh ủy", the
    /// province's Party committee: "Phó Bí thư Tỉnh ủy").
    pub standalone: bool,
}

/// A lexicon entry found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// Index into [`Lexicon::entries`] of the first entry with this surface
    /// form; see [`Lexicon::entries_at`] for all.
    pub pattern: usize,
}

/// A word list: its text, the column of the English name (if any), the
/// column of the class, and the category of each class.
type WordList = (&'static str, Option<usize>, usize, fn(&str) -> Category);

/// The compiled lexicons.
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Per automaton pattern, the entries sharing that (folded) surface form.
    pattern_entries: Vec<Vec<usize>>,
    automaton: AhoCorasick,
    surnames: WordSet,
    foreign_surnames: WordSet,
    stopwords: WordSet,
    /// Slug of a name or alias → entry, for organisations, countries, places.
    by_slug: FastMap<String, usize>,
    /// (abbreviation, full form) of name heads: "UBND" = "Ủy ban nhân dân".
    abbreviations: Vec<(String, String)>,
    /// Second syllable → first syllables of the two-syllable words that
    /// go on inside a name although their second syllable is a stop word.
    compounds: FastMap<String, Vec<String>>,
    /// Word pairs a comma joins inside a name: (left words, right words).
    name_pairs: Vec<(Vec<String>, Vec<String>)>,
    /// Phrases after a name that state its titles ("là", "giữ chức"),
    /// longest first, each as its words.
    title_predicates: Vec<Vec<String>>,
    /// Bare titles that share the next title's body ("Chủ tịch, Tổng Giám
    /// đốc Tập đoàn X").
    shared_body_titles: WordSet,
    ordinal_words: WordSet,
    name_words: NameWords,
    dateline_words: DatelineWords,
}

/// The word lists of the grammar of names (`data/lexicon/name_words.txt`).
pub struct NameWords {
    pub event_intro: WordSet,
    pub event_verbs: WordSet,
    pub plural: WordSet,
    /// As written, not lower-cased.
    pub name_particles: WordSet,
    pub topic_markers: WordSet,
    /// Document heads (lower case) whose lower-case subject names the
    /// document ("Luật đất đai", "Pháp lệnh thú y").
    pub subject_heads: WordSet,
    /// Each phrase as its words, in the file's order: the first that
    /// matches wins.
    pub alias_markers: Vec<Vec<String>>,
}

impl NameWords {
    fn build(text: &str) -> NameWords {
        let mut groups: FastMap<&str, Vec<&str>> = FastMap::default();
        for row in rows(text) {
            if let [group, phrase] = row[..] {
                groups.entry(group).or_default().push(phrase);
            }
        }
        let mut take = |group: &str| groups.remove(group).unwrap_or_default();
        let set = |words: Vec<&str>| WordSet::new(words.into_iter().map(str::to_string).collect());
        let words = NameWords {
            event_intro: set(take("event_intro")),
            event_verbs: set(take("event_verb")),
            plural: set(take("plural")),
            name_particles: set(take("name_particle")),
            topic_markers: set(take("topic_marker")),
            subject_heads: set(take("subject_head")),
            alias_markers: take("alias_marker")
                .into_iter()
                .map(|p| p.split_whitespace().map(str::to_string).collect())
                .collect(),
        };
        debug_assert!(
            groups.is_empty(),
            "unknown groups in name_words.txt: {groups:?}"
        );
        words
    }
}

/// The words of datelines and publication stamps
/// (`data/lexicon/dateline_words.txt`).
pub struct DatelineWords {
    /// What opens a dateline or publication line, lower case, matched at
    /// the line's start.
    pub markers: Vec<&'static str>,
    /// The words a publication stamp is made of besides numbers.
    pub stamp_words: WordSet,
}

impl DatelineWords {
    fn build(text: &'static str) -> DatelineWords {
        let (mut markers, mut stamp_words) = (Vec::new(), FastSet::default());
        for row in rows(text) {
            match row[..] {
                ["dateline_marker", phrase] => markers.push(unquoted(phrase)),
                ["stamp_word", word] => {
                    stamp_words.insert(word.to_string());
                }
                _ => debug_assert!(false, "unknown row in dateline_words.txt: {row:?}"),
            }
        }
        DatelineWords {
            markers,
            stamp_words: WordSet::new(stamp_words),
        }
    }
}

/// A set of words that most words are told apart from without hashing:
/// by their first byte or their length, which no word of the set has.
pub struct WordSet {
    words: FastSet<String>,
    first_bytes: [bool; 256],
    /// Bit `n` set: some word has `n` bytes (the last bit: 63 or more).
    lengths: u64,
}

impl WordSet {
    fn new(words: FastSet<String>) -> WordSet {
        let mut first_bytes = [false; 256];
        let mut lengths = 0;
        for w in &words {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
            lengths |= Self::length_bit(w);
        }
        WordSet {
            words,
            first_bytes,
            lengths,
        }
    }

    fn length_bit(word: &str) -> u64 {
        1 << word.len().min(63)
    }

    pub fn contains(&self, word: &str) -> bool {
        let first = word
            .as_bytes()
            .first()
            .is_none_or(|&b| self.first_bytes[usize::from(b)]);
        first && self.lengths & Self::length_bit(word) != 0 && self.words.contains(word)
    }
}

/// The lexicon, built once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

/// The phrases of the clause constructions of events and participation
/// (`data/lexicon/clause_words.txt`), by group: each phrase its words,
/// the longest phrases first so that the longest match wins.
pub struct ClauseWords {
    groups: FastMap<&'static str, PhraseGroup>,
    /// Per word, the groups (as [`PhraseGroup::bit`]) with a phrase that
    /// begins with it: a sentence's tokens are looked up once, and a group
    /// whose bit a token lacks is not tried there (no string compared).
    first_words: FastMap<&'static str, u64>,
    empty: PhraseGroup,
}

/// One group of clause phrases.
pub struct PhraseGroup {
    /// The group's bit in [`ClauseWords::starts`].
    pub bit: u64,
    pub phrases: Vec<Vec<&'static str>>,
    /// Per phrase (as ordered in `phrases`), the phrase as written.
    pub texts: Vec<&'static str>,
    /// Per phrase, its third column ("" for none): what the phrase stands
    /// for to its rule (the word an anaphor's event is named with).
    pub tags: Vec<&'static str>,
}

impl std::ops::Deref for PhraseGroup {
    type Target = [Vec<&'static str>];
    fn deref(&self) -> &Self::Target {
        &self.phrases
    }
}

impl PhraseGroup {
    fn empty(bit: u64) -> PhraseGroup {
        PhraseGroup {
            bit,
            phrases: Vec::new(),
            texts: Vec::new(),
            tags: Vec::new(),
        }
    }

    /// Whether one of the group's phrases is the single word `word`.
    pub fn has_word(&self, word: &str) -> bool {
        self.phrases.iter().any(|w| w.len() == 1 && w[0] == word)
    }

    /// Whether one of the group's phrases is in `text` as whole words
    /// (between spaces or the ends): " tiếp " in " {text} ", with no
    /// string built.
    pub fn words_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        self.texts.iter().any(|w| {
            text.match_indices(w).any(|(at, _)| {
                let end = at + w.len();
                (at == 0 || bytes[at - 1] == b' ') && (end == bytes.len() || bytes[end] == b' ')
            })
        })
    }
}

impl ClauseWords {
    fn build() -> ClauseWords {
        let mut groups: FastMap<&'static str, PhraseGroup> = FastMap::default();
        let mut first_words: FastMap<&'static str, u64> = FastMap::default();
        for row in rows(CLAUSE_WORDS) {
            let (group, phrase, tag) = match row[..] {
                [group, phrase] => (group, phrase, ""),
                [group, phrase, tag] => (group, phrase, tag),
                _ => continue,
            };
            // a tag in quotes keeps its spaces (" tiếp ": the whole word)
            let tag = unquoted(tag);
            // past 64 groups, groups share bits: a bit then only says a
            // phrase may begin there, and the words are compared anyway
            let next_bit = 1u64 << (groups.len() % 64);
            let g = groups
                .entry(group)
                .or_insert_with(|| PhraseGroup::empty(next_bit));
            let words: Vec<&'static str> = phrase.split_whitespace().collect();
            if let Some(&first) = words.first() {
                *first_words.entry(first).or_default() |= g.bit;
            }
            g.phrases.push(words);
            g.texts.push(phrase);
            g.tags.push(tag);
        }
        for g in groups.values_mut() {
            // the longest first (stable: in the file's order otherwise)
            let mut order: Vec<usize> = (0..g.phrases.len()).collect();
            order.sort_by_key(|&i| std::cmp::Reverse(g.phrases[i].len()));
            g.phrases = order.iter().map(|&i| g.phrases[i].clone()).collect();
            g.texts = order.iter().map(|&i| g.texts[i]).collect();
            g.tags = order.iter().map(|&i| g.tags[i]).collect();
        }
        ClauseWords {
            groups,
            first_words,
            empty: PhraseGroup::empty(0),
        }
    }

    /// The phrases of `group` (none for an unknown group, which debug
    /// builds, and so the tests, refuse as a misspelt name).
    pub fn group(&self, group: &str) -> &PhraseGroup {
        debug_assert!(
            self.groups.contains_key(group),
            "no group {group} in clause_words.txt"
        );
        self.groups.get(group).unwrap_or(&self.empty)
    }

    /// Per word of a sentence (lower case), the groups a phrase of which
    /// may begin there.
    pub fn starts<S: AsRef<str>>(&self, words: &[S]) -> Vec<u64> {
        words
            .iter()
            .map(|w| self.first_words.get(w.as_ref()).copied().unwrap_or(0))
            .collect()
    }
}

/// The clause words, loaded once.
pub fn clause_words() -> &'static ClauseWords {
    static WORDS: OnceLock<ClauseWords> = OnceLock::new();
    WORDS.get_or_init(ClauseWords::build)
}

/// The phrases of one group of [`clause_words`], looked up once per place
/// that asks for them: the clause rules ask at every token, and hashing the
/// group's name each time cost more than the matching.
macro_rules! clause_group {
    ($group:literal) => {{
        static PHRASES: std::sync::OnceLock<&'static $crate::lexicon::PhraseGroup> =
            std::sync::OnceLock::new();
        *PHRASES.get_or_init(|| $crate::lexicon::clause_words().group($group))
    }};
}
pub(crate) use clause_group;

/// Lines of a lexicon file without comments and blank lines, split on `|`.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').map(str::trim).collect())
}

/// A cell of a lexicon file without its double quotes, which keep the
/// spaces `rows` would trim (`"thứ "`).
fn unquoted(cell: &str) -> &str {
    cell.strip_prefix('"')
        .and_then(|c| c.strip_suffix('"'))
        .unwrap_or(cell)
}

/// Two-syllable words by their second syllable.
fn compounds(text: &str) -> FastMap<String, Vec<String>> {
    let mut out: FastMap<String, Vec<String>> = FastMap::default();
    for r in rows(text) {
        if let Some((first, second)) = r[0].split_once(' ') {
            out.entry(second.trim().to_string())
                .or_default()
                .push(first.to_string());
        }
    }
    out
}

fn non_empty(field: Option<&&str>) -> Option<String> {
    field.filter(|s| !s.is_empty()).map(|s| s.to_string())
}

/// Lower-cases `text` char by char where that keeps the byte length, so byte
/// offsets into the result are offsets into `text`.
pub fn fold_case(text: &str) -> String {
    fold_case_checked(text).0
}

/// `text.to_lowercase()`, the same string, through [`fold_case`]'s tables
/// when every letter lowers to one character of its length (all of
/// Vietnamese): the standard library looks every non-ASCII letter up in its
/// case tables, and names are lowered often.
pub fn to_lower(text: &str) -> String {
    match fold_case_checked(text) {
        (folded, true) => folded,
        _ => text.to_lowercase(),
    }
}

/// [`fold_case`] of `text`, and whether that is also `text.to_lowercase()`
/// (no letter whose lower case has another length, no 'Σ', lowered by its
/// context). Runs of ASCII are copied and lowered all at once; the letters
/// of two bytes and of Latin Extended Additional (all of Vietnamese) are
/// read from byte tables, other characters from the case tables.
pub fn fold_case_checked(text: &str) -> (String, bool) {
    let bytes = text.as_bytes();
    let tables = case_tables();
    let mut out = String::with_capacity(text.len());
    let mut exact = true;
    let mut i = 0;
    while i < bytes.len() {
        let ascii = bytes[i..].iter().position(|b| !b.is_ascii());
        let run_end = ascii.map_or(bytes.len(), |skip| i + skip);
        out.push_str(&text[i..run_end]);
        i = run_end;
        let (fold, same, len) = match bytes[i..] {
            [] => break,
            [b0 @ 0xC0..=0xDF, b1, ..] => {
                let (c, same) =
                    tables.two_bytes[usize::from(b0 & 0x1F) << 6 | usize::from(b1 & 0x3F)];
                (c, same, 2)
            }
            [0xE1, b1 @ 0xB8..=0xBB, b2, ..] => {
                let (c, same) =
                    tables.latin_additional[usize::from(b1 - 0xB8) << 6 | usize::from(b2 & 0x3F)];
                (c, same, 3)
            }
            _ => {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                let (fold, same) = case_of(c);
                (fold, same, c.len_utf8())
            }
        };
        out.push(fold);
        exact &= same;
        i += len;
    }
    out.make_ascii_lowercase();
    (out, exact)
}

/// A character's [`fold_case`], and whether that is its lower case.
fn case_of(c: char) -> (char, bool) {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        // 'Σ' lowers by its context: to 'σ' or 'ς'
        (Some(l), None) if l.len_utf8() == c.len_utf8() => (l, c != 'Σ'),
        _ => (c, false),
    }
}

/// [`case_of`] the characters most of news text is made of.
struct CaseTables {
    /// By code point: every character of two bytes in UTF-8 (U+0080 to
    /// U+07FF, Latin with diacritics among them).
    two_bytes: Vec<(char, bool)>,
    /// By code point minus U+1E00: Latin Extended Additional, the letters
    /// with two diacritics of Vietnamese.
    latin_additional: Vec<(char, bool)>,
}

fn case_tables() -> &'static CaseTables {
    static TABLES: OnceLock<CaseTables> = OnceLock::new();
    TABLES.get_or_init(|| {
        // (below U+0080: never looked up)
        let case = |code| char::from_u32(code).map_or(('\0', false), case_of);
        CaseTables {
            two_bytes: (0..0x800).map(case).collect(),
            latin_additional: (0x1E00..0x1F00).map(case).collect(),
        }
    })
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut entries = Vec::new();
        // (surface, entry)
        let mut surfaces: Vec<(String, usize)> = Vec::new();
        let add = |entries: &mut Vec<Entry>,
                   surfaces: &mut Vec<(String, usize)>,
                   e: Entry,
                   aliases: &[&str]| {
            let ix = entries.len();
            surfaces.push((e.canonical.clone(), ix));
            for a in aliases {
                if !a.is_empty() {
                    surfaces.push((a.to_string(), ix));
                }
            }
            entries.push(e);
        };
        // word lists whose rows are "name | [English |] class"
        let classed: [WordList; 6] = [
            (TITLES, Some(1), 2, |c| match c {
                "rank" => Category::Rank,
                _ => Category::Office,
            }),
            (HONORIFICS, None, 1, |_| Category::Honorific),
            (ORG_HEADS, None, 1, |_| Category::OrgHead),
            (DOCUMENT_HEADS, None, 1, |c| match c {
                "numbered" => Category::NumberedDocumentHead,
                _ => Category::DocumentHead,
            }),
            (EVENT_HEADS, None, 1, |c| match c {
                "standalone" => Category::EventHeadStandalone,
                _ => Category::EventHead,
            }),
            (PLACE_HEADS, None, 1, |c| match c {
                "venue" => Category::VenueHead,
                "feature" => Category::FeatureHead,
                _ => Category::AreaHead,
            }),
        ];
        for (text, english, class, category) in classed {
            for r in rows(text) {
                let class_name = r.get(class).copied().unwrap_or("");
                let e = Entry {
                    category: category(class_name),
                    canonical: r[0].to_string(),
                    english: english.and_then(|ix| non_empty(r.get(ix))),
                    parent: None,
                    standalone: class_name == "standalone",
                };
                add(&mut entries, &mut surfaces, e, &[]);
            }
        }
        let mut by_slug = FastMap::default();
        for (text, category) in [
            (ORGANIZATIONS, Category::Organization),
            (COUNTRIES, Category::Country),
            (PLACES, Category::Place),
        ] {
            for r in rows(text) {
                let aliases: Vec<&str> = r
                    .get(2)
                    .map(|a| a.split(';').map(str::trim).collect())
                    .unwrap_or_default();
                let e = Entry {
                    category,
                    canonical: r[0].to_string(),
                    english: non_empty(r.get(1)),
                    parent: non_empty(r.get(3)),
                    standalone: false,
                };
                let ix = entries.len();
                by_slug.entry(slug(r[0])).or_insert(ix);
                for a in &aliases {
                    if !a.is_empty() {
                        by_slug.entry(slug(a)).or_insert(ix);
                    }
                }
                add(&mut entries, &mut surfaces, e, &aliases);
            }
        }
        // One automaton pattern per folded surface form.
        let mut pattern_of: FastMap<String, usize> = FastMap::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries: Vec<Vec<usize>> = Vec::new();
        for (surface, ix) in surfaces {
            let folded = fold_case(&surface);
            let p = *pattern_of.entry(folded.clone()).or_insert_with(|| {
                patterns.push(folded);
                pattern_entries.push(Vec::new());
                patterns.len() - 1
            });
            if !pattern_entries[p].contains(&ix) {
                pattern_entries[p].push(ix);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // every document's whole text is searched. A DFA takes a third
            // of the instructions, but its 4.7 MB table misses the caches
            // where the contiguous NFA's 0.2 MB does not: extraction takes
            // 12% less time with the NFA (docs/PERFORMANCE.md)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("lexicon patterns compile");
        let words = |text: &str| WordSet::new(rows(text).map(|r| r[0].to_string()).collect());
        Lexicon {
            entries,
            pattern_entries,
            automaton,
            surnames: words(SURNAMES),
            foreign_surnames: words(FOREIGN_SURNAMES),
            stopwords: words(STOPWORDS),
            by_slug,
            abbreviations: rows(ABBREVIATIONS)
                .filter(|r| r.len() >= 2)
                .map(|r| (r[0].to_string(), r[1].to_string()))
                .collect(),
            compounds: compounds(COMPOUNDS),
            shared_body_titles: words(SHARED_BODY_TITLES),
            ordinal_words: words(ORDINAL_WORDS),
            name_words: NameWords::build(NAME_WORDS),
            dateline_words: DatelineWords::build(DATELINE_WORDS),
            title_predicates: {
                let mut phrases: Vec<Vec<String>> = rows(TITLE_PREDICATES)
                    .map(|r| r[0].split_whitespace().map(str::to_string).collect())
                    .collect();
                phrases.sort_by_key(|p: &Vec<String>| std::cmp::Reverse(p.len()));
                phrases
            },
            name_pairs: rows(NAME_PAIRS)
                .filter_map(|r| {
                    let (left, right) = r[0].split_once(',')?;
                    let split = |s: &str| s.split_whitespace().map(str::to_string).collect();
                    Some((split(left), split(right)))
                })
                .collect(),
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, ix: usize) -> &Entry {
        &self.entries[ix]
    }

    /// The entries of one automaton pattern.
    pub fn entries_at(&self, pattern: usize) -> &[usize] {
        &self.pattern_entries[pattern]
    }

    /// Lexicon entries in `folded` (the output of [`fold_case`]) that start
    /// and end on word boundaries, leftmost-longest, in text order.
    pub fn find(&self, folded: &str) -> Vec<Hit> {
        let bytes = folded.as_bytes();
        self.automaton
            .find_iter(folded)
            .filter(|m| {
                let before = folded[..m.start()].chars().next_back();
                let after = folded[m.end()..].chars().next();
                let last = folded[..m.end()].chars().next_back();
                let boundary_before = before.is_none_or(|c| !c.is_alphanumeric());
                // a pattern ending in "." ("TP.") needs no boundary after it
                let boundary_after =
                    after.is_none_or(|c| !c.is_alphanumeric()) || last == Some('.');
                boundary_before && boundary_after && !bytes.is_empty()
            })
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                pattern: m.pattern().as_usize(),
            })
            .collect()
    }

    /// Whether `word` (as written) is a Vietnamese family name.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Whether `word` (as written) is an East Asian family name written
    /// before the given name ("Park", "Choi", "Wang").
    pub fn is_foreign_surname(&self, word: &str) -> bool {
        self.foreign_surnames.contains(word)
    }

    /// Whether the lower-case `word` ends a name.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    /// Whether the lower-case syllables `first second` are a word that goes
    /// on inside a name ("hàng không").
    pub fn is_compound(&self, first: &str, second: &str) -> bool {
        self.compounds
            .get(second)
            .is_some_and(|firsts| firsts.iter().any(|f| f == first))
    }

    /// The phrases that state a person's titles after the name, longest
    /// first ("được bổ nhiệm giữ chức", "là").
    pub fn title_predicates(&self) -> &[Vec<String>] {
        &self.title_predicates
    }

    /// Whether the bare title `title` (canonical) shares the body of the
    /// title after it in a chain.
    pub fn shares_next_body(&self, title: &str) -> bool {
        self.shared_body_titles.contains(title)
    }

    /// Whether `word` (lower case) is a number word written as an ordinal
    /// after "thứ" ("lần thứ hai").
    pub fn is_ordinal_word(&self, word: &str) -> bool {
        self.ordinal_words.contains(word)
    }

    /// The word lists of the grammar of names.
    pub fn name_words(&self) -> &NameWords {
        &self.name_words
    }

    /// The words of datelines and publication stamps.
    pub fn dateline_words(&self) -> &DatelineWords {
        &self.dateline_words
    }

    /// The word pairs a comma joins inside one name ("phòng, chống").
    pub fn name_pairs(&self) -> &[(Vec<String>, Vec<String>)] {
        &self.name_pairs
    }

    /// The organisation, country or place entry named `name` or one of its
    /// aliases (compared by slug).
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        self.by_slug.get(&slug(name)).map(|&ix| &self.entries[ix])
    }

    /// `name` with an abbreviated head spelled out, or a spelled-out head
    /// abbreviated ("UBND tỉnh X" ↔ "Ủy ban nhân dân tỉnh X").
    pub fn other_spelling(&self, name: &str) -> Option<String> {
        for (short, full) in &self.abbreviations {
            for (from, to) in [(short, full), (full, short)] {
                if let Some(rest) = name.strip_prefix(from.as_str()) {
                    if rest.starts_with(' ') {
                        return Some(format!("{to}{rest}"));
                    }
                }
            }
        }
        None
    }

    /// The title entry of the canonical title `title`, if any.
    pub fn title(&self, title: &str) -> Option<&Entry> {
        let folded = fold_case(title);
        self.find(&folded)
            .into_iter()
            .find(|h| h.start == 0 && h.end == folded.len())
            .and_then(|h| {
                self.pattern_entries[h.pattern]
                    .iter()
                    .map(|&ix| &self.entries[ix])
                    .find(|e| matches!(e.category, Category::Office | Category::Rank))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_match_on_word_boundaries() {
        let lex = lexicon();
        assert!(lex.entries().len() > 500);
        let text = "Thành phố Đà Nẵng và Bộ Y tế thăm Thanh Hóa";
        let hits = lex.find(&fold_case(text));
        let found: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert!(found.contains(&"Bộ Y tế"), "{found:?}");
        assert!(found.contains(&"Thanh Hóa"), "{found:?}");
        // "Anh" (a country) is not found inside "Thanh"
        assert!(!found.contains(&"anh"));
    }

    #[test]
    fn lookups_by_alias_and_english() {
        let lex = lexicon();
        let un = lex.lookup("LHQ").unwrap();
        assert_eq!(un.canonical, "Liên hợp quốc");
        assert_eq!(un.english.as_deref(), Some("United Nations"));
        assert_eq!(
            lex.lookup("Liên Hiệp Quốc").unwrap().canonical,
            "Liên hợp quốc"
        );
        let mps = lex.lookup("Bộ Công an").unwrap();
        assert_eq!(mps.english.as_deref(), Some("Ministry of Public Security"));
        assert_eq!(
            lex.lookup("UNODC").unwrap().parent.as_deref(),
            Some("Liên hợp quốc")
        );
        assert_eq!(lex.lookup("VN").unwrap().canonical, "Việt Nam");
        assert!(lex.is_surname("Nguyễn"));
        assert!(lex.is_stopword("của"));
        assert_eq!(
            lex.other_spelling("UBND tỉnh Gia Lai").as_deref(),
            Some("Ủy ban nhân dân tỉnh Gia Lai")
        );
        assert_eq!(
            lex.other_spelling("Viện kiểm sát nhân dân huyện Mê Linh")
                .as_deref(),
            Some("VKSND huyện Mê Linh")
        );
        assert_eq!(
            lex.title("Phó Tổng thống").unwrap().english.as_deref(),
            Some("Vice President")
        );
    }

    #[test]
    fn clause_groups_keep_texts_tags_and_bits() {
        let words = clause_words();
        let anaphors = words.group("anaphor");
        let ix = anaphors
            .texts
            .iter()
            .position(|&t| t == "buổi tiếp")
            .unwrap();
        // a quoted tag keeps its spaces; a phrase without one has ""
        assert_eq!(anaphors.tags[ix], " tiếp ");
        assert_eq!(anaphors.phrases[ix], ["buổi", "tiếp"]);
        let ix = anaphors.texts.iter().position(|&t| t == "sự kiện").unwrap();
        assert_eq!(anaphors.tags[ix], "");
        // the longest phrases first, texts and tags in step
        assert!(anaphors.windows(2).all(|w| w[0].len() >= w[1].len()));
        for (words, text) in anaphors.phrases.iter().zip(&anaphors.texts) {
            assert_eq!(words.join(" "), *text);
        }
        let months = words.group("month_word");
        let ix = months.texts.iter().position(|&t| t == "mười").unwrap();
        assert_eq!(months.tags[ix], "10");
        // a token carries the bit of every group a phrase of which starts there
        let starts = words.starts(&["buổi", "tại", "zzz"]);
        assert_ne!(starts[0] & anaphors.bit, 0);
        assert_ne!(starts[1] & words.group("guest_end").bit, 0);
        assert_eq!(starts[2], 0);
        assert!(words.group("guest_end").has_word("tại"));
        assert!(!words.group("guest_end").has_word("tạii"));
    }

    #[test]
    fn clause_phrases_in_names_are_whole_words() {
        let meeting = clause_words().group("meeting_word");
        for yes in ["a hội đàm với b", "hội đàm", "x tiếp y", "gặp"] {
            assert!(meeting.words_in(yes), "{yes}");
        }
        for no in ["a hội đàmx b", "xhội đàm", "tiếpx", "", "hội  đàm"] {
            assert!(!meeting.words_in(no), "{no}");
        }
    }

    /// A character's fold by the case tables alone.
    fn fold_char_by_tables(c: char) -> char {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
            _ => c,
        }
    }

    #[test]
    fn case_tables_agree_with_the_standard_library() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(to_lower(&s), s.to_lowercase(), "{c:?}");
            assert_eq!(fold_case(&s), fold_char_by_tables(c).to_string(), "{c:?}");
            let s = format!("xĐ{c}ệ");
            assert_eq!(to_lower(&s), s.to_lowercase(), "{c:?}");
        }
        for s in ["", "Hà Nội", "ĐẠI TƯỚNG", "ẞ İ Ⱥ", "ΣΑ Σ", "ǅ", "Bộ Y tế"] {
            assert_eq!(to_lower(s), s.to_lowercase(), "{s}");
        }
    }

    #[test]
    fn name_words_load_by_group() {
        let words = lexicon().name_words();
        assert!(words.event_intro.contains("tại") && words.event_verbs.contains("trao"));
        assert!(words.plural.contains("các") && words.topic_markers.contains("chống"));
        assert!(words.name_particles.contains("de") && !words.name_particles.contains("De"));
        assert_eq!(words.alias_markers[0], ["gọi", "tắt", "là"]);
        assert_eq!(words.alias_markers.last().unwrap(), &["mã", ":"]);
    }

    #[test]
    fn word_sets_find_their_words_only() {
        let long = "x".repeat(70);
        let set = WordSet::new(
            ["Lê", "Nguyễn", "", &long]
                .map(String::from)
                .into_iter()
                .collect(),
        );
        for w in ["Lê", "Nguyễn", "", &"x".repeat(70)] {
            assert!(set.contains(w), "{w}");
        }
        for w in ["lê", "Lê ", "Ng", "L", &"x".repeat(69), &"x".repeat(71)] {
            assert!(!set.contains(w), "{w}");
        }
    }

    #[test]
    fn fold_case_keeps_byte_offsets() {
        let s = "ĐẠI TƯỚNG Ủy ban İ";
        assert_eq!(fold_case(s).len(), s.len());
        assert!(fold_case(s).starts_with("đại tướng ủy ban"));
        for s in ["", "ABC", "Ắ", "aÁbB Đ-X", "ΣΑ İ ẞ"] {
            let by_char: String = s.chars().map(fold_char_by_tables).collect();
            assert_eq!(fold_case(s), by_char);
        }
    }
}
