//! Relations stated by the verbs and prepositions of a clause: when and
//! where an event took place ("Sáng 25/10", "tại X"), who hosted or
//! organised it ("chủ trì", "đăng cai", "do X tổ chức"), who took part
//! ("tham dự", "phát biểu tại", "Cùng dự có ..."), who signed what ("ký"),
//! receptions ("X tiếp Y", "X hội kiến Y") and adoptions ("X thông qua Y").

use super::doc::Form;
use super::parse::{Mention, SentenceParser};
use crate::graph::{NodeKind, Relation};
use crate::lexicon::{clause_group, PhraseGroup};

/// How many of the latest events an anaphor like "buổi lễ" may refer to.
const RECENT_EVENTS: usize = 16;

// The words of these rules are the groups of
// `data/lexicon/clause_words.txt` named where they are used
// (`clause_group!("meet")`): the verbs of hosting, organising, attending,
// meeting and adopting, the adverbs each verb's subject may stand past, the
// anaphors of an event named before, the words that end a meeting's guests.

pub(super) fn agent_kind(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Person | NodeKind::Organization | NodeKind::Country
    )
}

/// Adds the clause relations of a parsed sentence.
pub fn relations(p: &mut SentenceParser<'_, '_>) {
    let n = p.toks.len();
    let mut start = 0;
    let mut first_event = None;
    // the subject of the clause before, for "...; và cùng các đại biểu
    // tham quan X" with its subject left out
    let mut carried: Option<Mention> = None;
    let mut sentence_events: Vec<(usize, usize, usize)> = Vec::new();
    for k in 0..=n {
        let end_here = k == n || (!p.toks[k].word && matches!(p.low_at(k), "." | ";" | "!" | "?"));
        if end_here {
            if k > start {
                let (events, subject) = clause(p, start, k, carried);
                if let Some(&(_, _, e)) = events.iter().min_by_key(|&&(es, _, _)| es) {
                    first_event.get_or_insert(e);
                }
                sentence_events.extend(events);
                carried = subject;
            }
            start = k + 1;
        }
    }
    topic_sessions(p);
    super::events::parenthesised_names(p);
    super::events::one_trial(p, &sentence_events);
    super::participation::relations(p, &sentence_events);
    if let Some(e) = first_event {
        p.b.focus_event = Some(e);
    }
}

/// Whether the words of `verb` are at token `k`.
pub(super) fn verb_at(p: &SentenceParser<'_, '_>, k: usize, verb: &[&str]) -> bool {
    verb.iter().enumerate().all(|(o, w)| p.low_at(k + o) == *w)
}

/// Where a verb's subject ends: back from token `k` over the words of
/// `skip` (adverbs such as "đã chính thức"), not before `s` and not into
/// one of the mentions `ms` ("Bình Thuận" ends in an adverb's syllable).
pub(super) fn skip_back(
    p: &SentenceParser<'_, '_>,
    ms: &[Mention],
    s: usize,
    k: usize,
    skip: &PhraseGroup,
) -> usize {
    let mut h = k;
    while h > s && word_in(p, h - 1, skip) && !inside_mention(ms, h - 1) {
        h -= 1;
    }
    h
}

/// Whether the place after "tại"/"ở" at token `at` of the clause starting
/// at `s` is where its events happen: not where someone lives or a case
/// happened (`not_venue` words before it: "trú tại", "xảy ra tại"), not
/// the seat of the body or office just named ("TAND Cấp cao tại Đà Nẵng",
/// "Đại sứ Hoa Kỳ tại Việt Nam"; not one inside an event's name), and not inside parentheses that hold
/// no event ("(sinh năm 1987, trú tại ...)").
fn is_venue(
    p: &SentenceParser<'_, '_>,
    ms: &[Mention],
    events: &[(usize, usize, usize)],
    s: usize,
    at: usize,
) -> bool {
    let not_venue = clause_group!("not_venue");
    if not_venue
        .iter()
        .any(|w| at >= s + w.len() && verb_at(p, at - w.len(), w))
    {
        return false;
    }
    if ms
        .iter()
        .any(|m| m.top && m.end == at && matches!(m.kind, NodeKind::Organization | NodeKind::Role))
    {
        return false;
    }
    // the innermost parenthesis still open at `at`
    let mut open: Vec<usize> = Vec::new();
    for k in s..at {
        match p.low_at(k) {
            "(" => open.push(k),
            ")" => {
                open.pop();
            }
            _ => {}
        }
    }
    match open.last() {
        Some(&o) => events.iter().any(|&(es, _, _)| es > o && es < at),
        None => true,
    }
}

/// Whether the date at `ds` is the day of a report: a verb of the
/// `report` group ("cho biết", "thông tin") follows it, with no event or
/// other date between.
fn reporting_date(
    p: &SentenceParser<'_, '_>,
    ms: &[Mention],
    events: &[(usize, usize, usize)],
    ds: usize,
    e: usize,
) -> bool {
    let verbs = clause_group!("report");
    let report = (ds + 1..e).find(|&k| !inside_mention(ms, k) && phrase_at(p, k, verbs).is_some());
    report.is_some_and(|k| {
        !events.iter().any(|&(es, _, _)| es > ds && es < k)
            && !p.dates.iter().any(|&(d2, _, _)| d2 > ds && d2 < k)
    })
}

/// The number of words of the first of `group`'s phrases at token `k`
/// (the longest, as [`crate::lexicon::ClauseWords`] orders them).
pub(super) fn phrase_at(
    p: &SentenceParser<'_, '_>,
    k: usize,
    group: &PhraseGroup,
) -> Option<usize> {
    phrase_ix_at(p, k, group).map(|i| group.phrases[i].len())
}

/// Which of `group`'s phrases is at token `k` (its index in the group), as
/// [`phrase_at`] finds it: the token's bit first, so that most tokens
/// compare no string.
pub(super) fn phrase_ix_at(
    p: &SentenceParser<'_, '_>,
    k: usize,
    group: &PhraseGroup,
) -> Option<usize> {
    if p.clause_starts
        .get(k)
        .is_none_or(|&starts| starts & group.bit == 0)
    {
        return None;
    }
    group.phrases.iter().position(|w| verb_at(p, k, w))
}

/// Whether token `k` is one of the single words of `group`.
pub(super) fn word_in(p: &SentenceParser<'_, '_>, k: usize, group: &PhraseGroup) -> bool {
    p.clause_starts
        .get(k)
        .is_some_and(|&starts| starts & group.bit != 0)
        && group.has_word(p.low_at(k))
}

/// The groups a phrase of which begins somewhere in tokens `s..e` (their
/// [`PhraseGroup::bit`]s, one OR over the clause's masks): a rule whose
/// words the clause lacks tries no token.
pub(super) fn groups_in(p: &SentenceParser<'_, '_>, s: usize, e: usize) -> u64 {
    p.clause_starts
        .get(s..e)
        .unwrap_or_default()
        .iter()
        .fold(0, |all, starts| all | starts)
}

/// Tokens `s..e` to try for a rule of the groups `bits`: none when no
/// phrase of them begins in the clause (`here`, from [`groups_in`]).
pub(super) fn tokens_for(here: u64, bits: u64, s: usize, e: usize) -> std::ops::Range<usize> {
    if here & bits != 0 {
        s..e
    } else {
        e..e
    }
}

/// Tokens `s..e` to try for a rule of the groups `bits`, for a rule that
/// has not ORed the clause's bits itself ([`groups_in`], [`tokens_for`]).
pub(super) fn clause_tokens(
    p: &SentenceParser<'_, '_>,
    bits: u64,
    s: usize,
    e: usize,
) -> std::ops::Range<usize> {
    tokens_for(groups_in(p, s, e), bits, s, e)
}

pub(super) fn inside_mention(ms: &[Mention], k: usize) -> bool {
    ms.iter().any(|m| m.start <= k && k < m.end)
}

/// The relations of clause `s..e`; returns its top-level events (start,
/// end, entity) and its subject.
fn clause(
    p: &mut SentenceParser<'_, '_>,
    s: usize,
    e: usize,
    carried: Option<Mention>,
) -> (Vec<(usize, usize, usize)>, Option<Mention>) {
    let (meet, host_verbs, attend_verbs) = (
        clause_group!("meet"),
        clause_group!("host"),
        clause_group!("attend"),
    );
    let (organise_verbs, organise_after_do, adopt, anaphors) = (
        clause_group!("organise"),
        clause_group!("organise_after_do"),
        clause_group!("adopt"),
        clause_group!("anaphor"),
    );
    let here = groups_in(p, s, e);
    let ms: Vec<Mention> = p
        .mentions
        .iter()
        .filter(|m| m.start >= s && m.end <= e)
        .copied()
        .collect();
    let mut hidden: Vec<usize> = Vec::new(); // events inside a reception's name
    let mut guest_spans: Vec<(usize, usize)> = Vec::new();
    let mut made_events: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, entity)

    // appointments and elections: "ông X được bầu làm Chủ tịch VFF",
    // "bổ nhiệm bà Y giữ chức Tổng Giám đốc": the title after "làm" or
    // "chức" is held by the nearest person before it
    for r in ms
        .iter()
        .filter(|m| m.kind == NodeKind::Role && m.start > s)
    {
        if !matches!(p.low_at(r.start - 1), "làm" | "chức") {
            continue;
        }
        let holder = ms
            .iter()
            .filter(|m| m.kind == NodeKind::Person && m.end <= r.start)
            .max_by_key(|m| m.end);
        if let Some(h) = holder {
            p.fact(h.entity, Relation::HoldsRole, r.entity, 0.75);
        }
    }

    // receptions: "Tổng Bí thư X tiếp Y", "X hội kiến Y"
    for k in tokens_for(here, meet.bit, s, e) {
        let Some(verb_len) = phrase_at(p, k, meet) else {
            continue;
        };
        if inside_mention(&ms, k) {
            continue;
        }
        let h = skip_back(p, &[], s, k, clause_group!("meet_adverb"));
        // the host, or the host with titles in apposition ("ông X, Chủ
        // tịch UBND tỉnh Y đã tiếp")
        let Some(host) = ms
            .iter()
            .find(|m| m.kind == NodeKind::Person && m.end == h && m.top)
            .or_else(|| {
                ms.iter()
                    .filter(|m| {
                        m.kind == NodeKind::Person
                            && m.top
                            && m.end < h
                            && m.start >= s
                            && p.low_at(m.end) == ","
                            && (m.end..h).all(|x| {
                                matches!(p.low_at(x), "," | "và")
                                    || ms.iter().any(|o| {
                                        o.kind != NodeKind::Person && o.start <= x && x < o.end
                                    })
                            })
                    })
                    .max_by_key(|m| m.end)
            })
            .copied()
        else {
            continue;
        };
        let mut g = k + verb_len;
        // "tiếp xã giao", "hội đàm trực tuyến", "tiếp thân mật": the manner
        // is the verb's
        if let Some(len) = phrase_at(p, g, clause_group!("meet_manner")) {
            g += len;
        }
        // "tiếp ông X", "tiếp ngài X": the honorific is no part of the name
        let written_g = g;
        if p.honorific_at(g) && p.cap_at(g + 1) {
            g += 1;
        }
        // "tiếp đoàn công tác của Tập đoàn X": a visiting delegation
        let delegation = p.low_at(g) == "đoàn";
        if !p.cap_at(g) && !delegation {
            continue;
        }
        let mut ge = g;
        while ge < e
            && !matches!(p.low_at(ge), "," | ";" | ":")
            && (inside_mention(&ms, ge) || !word_in(p, ge, clause_group!("guest_end")))
        {
            // "tiếp Đại sứ X Y trình Quốc thư": a verb after the guest's
            // name ends the guests
            let after_name = ge > g && ms.iter().any(|m| m.end == ge && m.start >= g);
            if after_name
                && !inside_mention(&ms, ge)
                && (p.lowercase_at(ge) || p.low_at(ge).starts_with(|c: char| c.is_ascii_digit()))
                && !word_in(p, ge, clause_group!("guest_more"))
                && !p.honorific_at(ge)
            {
                break;
            }
            ge += 1;
        }
        // a guest with a chain of titles ("tiếp Ủy viên Bộ Chính trị, Bí
        // thư Thành ủy X Y"): the commas are the chain's
        let mut guest_title = g;
        if let Some(m) = ms
            .iter()
            .find(|m| m.kind == NodeKind::Person && m.from == g && m.end > ge)
        {
            ge = m.end;
            guest_title = ms
                .iter()
                .filter(|r| r.kind == NodeKind::Role && r.start >= g && r.end <= m.start)
                .max_by_key(|r| r.end)
                .map_or(g, |r| r.start);
        }
        guest_spans.push((g, ge));
        // "đoàn ... do ông X dẫn đầu": the leader comes too
        let mut led_end = ge;
        if p.low_at(ge) == "do" {
            led_end = (ge..e)
                .find(|&x| p.low_at(x) == "dẫn" && p.low_at(x + 1) == "đầu")
                .unwrap_or(ge);
        }
        let led: Vec<Mention> = ms
            .iter()
            .filter(|m| m.kind == NodeKind::Person && m.start > ge && m.end <= led_end)
            .copied()
            .collect();
        let guests: Vec<Mention> = ms
            .iter()
            .filter(|m| {
                m.start >= g
                    && m.end <= ge
                    && (m.kind == NodeKind::Person
                        || ((delegation
                            || phrase_at(p, k, clause_group!("meet_bodies")).is_some())
                            && m.kind == NodeKind::Organization
                            && m.top))
            })
            .copied()
            .collect();
        // titles before the host name the host; an honorific does not
        let from = if p.honorific_at(host.from) {
            host.start
        } else {
            host.from
        };
        // a chain of titles ("Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng,
        // Trưởng Ban X Y tiếp ..."): the title next to the name names the
        // meeting, the whole chain is another name of it
        let last_title = ms
            .iter()
            .filter(|m| m.kind == NodeKind::Role && m.start >= from && m.end <= host.start)
            .max_by_key(|m| m.end)
            .map(|m| m.start)
            .filter(|&t| t > from && (from..t).any(|x| p.low_at(x) == ","));
        let chain_span = p.span(from, host.end).to_string();
        let host_span = match last_title {
            Some(t) => p.span(t, host.end).to_string(),
            None => chain_span.clone(),
        };
        let verb_text = p.span(k, written_g).to_string();
        let guest_chain = p.span(written_g, ge).to_string();
        let guest_text = p.span(guest_title, ge).to_string();
        let label = format!("{host_span} {verb_text} {guest_text}");
        let host_name = p.span(host.start, host.end).to_string();
        let ev = p.evidence(host.from, ge, 0.75);
        let event =
            p.b.mention(NodeKind::Event, &label, &label, None, Form::Full, ev);
        if last_title.is_some() || guest_title > g || written_g < g {
            p.b.add_alias(event, &format!("{chain_span} {verb_text} {guest_chain}"));
        }
        p.b.add_alias(event, &format!("{host_name} {verb_text} {guest_text}"));
        if let [guest] = guests[..]
            .iter()
            .filter(|m| m.kind == NodeKind::Person)
            .copied()
            .collect::<Vec<_>>()[..]
        {
            let guest_name = p.span(guest.start, guest.end).to_string();
            p.b.add_alias(event, &format!("{host_name} {verb_text} {guest_name}"));
        }
        p.fact(event, Relation::OrganizedBy, host.entity, 0.75);
        p.fact(host.entity, Relation::ParticipatedIn, event, 0.75);
        for gm in guests.iter().chain(&led) {
            p.fact(gm.entity, Relation::ParticipatedIn, event, 0.7);
        }
        p.b.last_parties = std::iter::once(host.entity)
            .chain(guests.iter().map(|m| m.entity))
            .collect();
        hidden.extend(
            ms.iter()
                .filter(|m| m.start >= g && m.start < ge && m.kind == NodeKind::Event)
                .map(|m| m.entity),
        );
        made_events.push((host.from, ge, event));
    }

    // adoptions and launches of a document: "Đại hội đồng Liên hợp quốc
    // thông qua Công ước X", "Công ước X được Liên hợp quốc khởi xướng",
    // "Công ước được thông qua"; with the document left out, the one the
    // article named last
    let mut adopt_verb_end = s;
    for k in tokens_for(here, adopt.bit, s, e) {
        // ("biểu quyết thông qua": one verb, not two)
        if k < adopt_verb_end {
            continue;
        }
        let Some(verb_len) = phrase_at(p, k, adopt) else {
            continue;
        };
        if inside_mention(&ms, k) {
            continue;
        }
        let h = skip_back(p, &ms, s, k, clause_group!("subject_adverb"));
        let o = k + verb_len;
        adopt_verb_end = o;
        // an item of an agenda that opens with the verb ("1. Biểu quyết
        // thông qua Luật X."): the adoption of the document after it
        let agenda_item = (s..k).all(|x| {
            p.low_at(x).bytes().all(|b| b.is_ascii_digit()) || matches!(p.low_at(x), "." | ")")
        });
        let agent = ms
            .iter()
            .find(|m| {
                matches!(m.kind, NodeKind::Organization | NodeKind::Country) && m.end == h && m.top
            })
            .copied();
        let passive_at = match agent {
            Some(a) if a.start > s && p.low_at(a.start - 1) == "được" => Some(a.start - 1),
            None if h > s && p.low_at(h - 1) == "được" => Some(h - 1),
            _ => None,
        };
        let doc = match passive_at {
            Some(d) => ms
                .iter()
                .filter(|m| m.kind == NodeKind::Document && m.end <= d && m.start >= s)
                .max_by_key(|m| m.end)
                .map(|m| (m.entity, m.start, m.end)),
            // the document after the verb, or after the parts of it voted
            // on first ("thông qua Điều 41, Điều 76 và toàn văn Luật X"),
            // with no one named between
            None if agent.is_some() => ms
                .iter()
                .filter(|m| m.start >= o && m.start <= o + 12)
                .find(|m| m.kind != NodeKind::Date)
                .filter(|m| m.kind == NodeKind::Document)
                .map(|m| (m.entity, m.start, m.end))
                .or_else(|| p.b.focus_document.map(|d| (d, o, o))),
            None if agenda_item => ms
                .iter()
                .find(|m| m.kind == NodeKind::Document && m.start == o)
                .map(|m| (m.entity, m.start, m.end)),
            None => None,
        };
        let Some((doc, ds, de)) = doc else { continue };
        let verb_text = p.span(k, o).to_string();
        let doc_label = p.b.label(doc).to_string();
        // the document left out ("đồng thuận thông qua"): its head names it
        // ("thông qua Công ước")
        let head = p
            .document_head(ds)
            .or_else(|| document_head_of(&doc_label))
            .unwrap_or_else(|| doc_label.clone());
        let (prefix, surface_prefix) = match agent {
            Some(a) => (
                format!("{} {verb_text}", p.b.label(a.entity)),
                format!("{} {verb_text}", p.span(a.start, a.end)),
            ),
            None => (verb_text.clone(), verb_text.clone()),
        };
        let label = format!("{prefix} {doc_label}");
        let (span_start, span_end) = match (agent, passive_at) {
            (_, Some(_)) => (ds, o),
            (Some(a), None) => (a.start, de.max(o)),
            (None, None) => (k, o),
        };
        let ev = p.evidence(span_start, span_end, 0.7);
        let event =
            p.b.mention(NodeKind::Event, &label, &label, None, Form::Full, ev);
        p.b.built_on(event, &prefix, doc);
        p.b.built_on(event, &verb_text, doc);
        if de > ds {
            p.b.add_alias(event, &format!("{surface_prefix} {}", p.span(ds, de)));
        }
        // the name by the document's head alone ("Quốc hội thông qua
        // Luật"), unless an adoption of another document has it: two laws
        // adopted in one article are two adoptions
        let by_head = format!("{prefix} {head}");
        if p.b
            .find(NodeKind::Event, &by_head)
            .is_none_or(|other| other == event)
        {
            p.b.add_alias(event, &by_head);
        }
        p.b.add_alias(event, &format!("{verb_text} {doc_label}"));
        p.b.add_short_form(event, &format!("{verb_text} {head}"));
        if let Some(a) = agent {
            p.fact(event, Relation::OrganizedBy, a.entity, 0.7);
            p.fact(a.entity, Relation::ParticipatedIn, event, 0.7);
        }
        p.fact(event, Relation::About, doc, 0.75);
        made_events.push((span_start, span_end, event));
    }

    made_events.extend(super::events::acts(p, &ms, s, e));
    made_events.extend(super::events::signings(p, &ms, s, e));
    made_events.extend(super::events::joint_talks(p, &ms, s, e));
    let (welcomes, bare_welcomes) = super::events::welcomes(p, &ms);
    made_events.extend(welcomes);
    hidden.extend(bare_welcomes);
    let openings = super::events::openings(p, &ms, s, e);
    made_events.extend(openings.iter().copied());

    let visits = visit_events(p, &ms, s, e);
    made_events.extend(visits.iter().copied());

    let events: Vec<(usize, usize, usize)> = ms
        .iter()
        .filter(|m| m.kind == NodeKind::Event && m.top && !hidden.contains(&m.entity))
        .map(|m| (m.start, m.end, m.entity))
        .chain(made_events.iter().copied())
        .collect();

    super::events::part_of_visit(p, &events, &visits);

    // when: the dates of the clause (token position, entity)
    // ("kế hoạch phát triển năm 2024": a year right after a common noun
    // qualifies the noun, not when the event took place)
    let dates: Vec<(usize, usize)> = p
        .dates
        .iter()
        .filter(|(ds, de, _)| *ds >= s && *de <= e)
        .filter(|(ds, de, _)| {
            let year_only = p.low_at(*ds) == "năm" && *de == *ds + 2;
            !year_only
                || *ds == s
                || !p.lowercase_at(*ds - 1)
                || word_in(p, *ds - 1, clause_group!("time_preposition"))
        })
        .flat_map(|(ds, _, ents)| ents.iter().map(move |&d| (*ds, d)))
        .collect();
    // "Ngày 2/11, ban tổ chức cho biết, ... hội nghị": the day something
    // was reported, not when the events after it took place
    let mut dates = dates;
    dates.retain(|&(ds, _)| !reporting_date(p, &ms, &events, ds, e));
    // "sáng cùng ngày": the day the article named last
    if dates.is_empty() {
        if let Some(day) = p.b.last_day {
            let same_day = clause_group!("same_day");
            if let Some(at) = tokens_for(here, same_day.bit, s, e)
                .find(|&k| phrase_at(p, k, same_day).is_some() && !inside_mention(&ms, k))
            {
                dates.push((at, day));
            }
        }
    }
    if let Some(&(_, d)) = dates.iter().rev().find(|&&(_, d)| p.b.label(d).len() == 10) {
        p.b.last_day = Some(d);
    }
    // where: places after "tại"/"ở", and places in apposition to them
    let mut places: Vec<(usize, usize)> = Vec::new();
    for (ix, m) in ms.iter().enumerate() {
        if !matches!(m.kind, NodeKind::Place | NodeKind::Country) || !m.top {
            continue;
        }
        if m.start > s && matches!(p.low_at(m.start - 1), "tại" | "ở") {
            // "trú tại phường X, thành phố Y": no venue, places still
            let venue = is_venue(p, &ms, &events, s, m.start - 1);
            if venue {
                places.push((m.start, m.entity));
            }
            // "tại Trung tâm Hội nghị Quốc gia, Thủ đô Hà Nội"
            let mut prev = *m;
            for next in &ms[ix + 1..] {
                // "tại Trung tâm Hội nghị X ở Đà Nẵng" too
                if matches!(next.kind, NodeKind::Place)
                    && next.start == prev.end + 1
                    && matches!(p.low_at(prev.end), "," | "ở")
                {
                    if venue {
                        places.push((m.start, next.entity));
                    }
                    p.fact(prev.entity, Relation::PartOf, next.entity, 0.7);
                    prev = *next;
                } else {
                    break;
                }
            }
        }
    }
    // a date or place before every event of the clause ("Sáng 25/10, tại
    // X, ...") is theirs; one after an event is that event's (and of
    // events coordinated with it)
    // an occasion or purpose after an event ("... nhân dịp ông sang Việt
    // Nam dự Kỳ họp X", "để", "nhằm", "theo lời mời") has its own dates
    // and places
    let purposes = clause_group!("purpose");
    // (none without an event before it)
    let purpose = (s..e).filter(|_| !events.is_empty()).find(|&k| {
        (phrase_at(p, k, purposes).is_some()
            // ", người sẽ dẫn dắt đội tuyển tại SEA Games 33": a
            // relative clause about a person
            || (p.low_at(k) == "người" && k > s && p.low_at(k - 1) == ","))
            && events.iter().any(|&(_, ee, _)| ee <= k)
            && !inside_mention(&ms, k)
    });
    let in_purpose = |at: usize| purpose.is_some_and(|k| at > k);
    let owners = |at: usize| -> Vec<usize> {
        let before: Vec<&(usize, usize, usize)> =
            events.iter().filter(|(_, ee, _)| *ee <= at).collect();
        match before.iter().map(|(_, ee, _)| *ee).max() {
            None => events
                .iter()
                .filter(|&&(es, _, _)| in_purpose(at) || !in_purpose(es))
                .map(|&(_, _, ev)| ev)
                .collect(),
            Some(last_end) => before
                .iter()
                .filter(|(_, ee, _)| *ee == last_end)
                .map(|&&(_, _, ev)| ev)
                .collect(),
        }
    };
    // a visit is where its destination is; named inside another event's
    // clause ("lễ đón Tổng thống X thăm cấp Nhà nước Việt Nam") it takes
    // neither that event's date nor its venue
    let first_start = events.iter().map(|&(es, _, _)| es).min();
    let visit_ok = |ev: usize, at: usize, place: bool| match visits.iter().find(|v| v.2 == ev) {
        None => true,
        Some(&(vs, _, _)) => !place && (at > vs || first_start == Some(vs)),
    };
    for &(at, d) in dates.iter().filter(|(at, _)| !in_purpose(*at)) {
        for ev in owners(at) {
            if visit_ok(ev, at, false) {
                p.fact(ev, Relation::Date, d, 0.7);
            }
        }
    }
    for &(at, l) in places.iter().filter(|(at, _)| !in_purpose(*at)) {
        for ev in owners(at) {
            if visit_ok(ev, at, true) {
                p.fact(ev, Relation::Location, l, 0.7);
            }
        }
    }

    // verbs between an agent and an event
    let verbs = host_verbs.bit | attend_verbs.bit | organise_verbs.bit;
    for k in tokens_for(here, verbs, s, e) {
        let host = phrase_at(p, k, host_verbs);
        let attend = phrase_at(p, k, attend_verbs);
        let organise = phrase_at(p, k, organise_verbs);
        // (verb length, organises, takes part)
        // the longest verb wins ("có mặt tại" over "có")
        let (verb_len, hosting, attending) = match (host, attend, organise) {
            (Some(h), Some(a), _) if a > h => (a, false, true),
            (Some(v), _, _) => (v, true, true),
            (None, Some(v), _) => (v, false, true),
            (None, None, Some(v)) => (v, true, false),
            _ => continue,
        };
        if inside_mention(&ms, k) || guest_spans.iter().any(|&(gs, ge)| gs <= k && k < ge) {
            continue;
        }
        // the event right after the verb, and any coordinated with it
        let mut targets = Vec::new();
        let mut at = k + verb_len;
        // "chủ trì công tác tổ chức Lễ X", "đăng cai tổ chức Lễ X"
        while at < e && word_in(p, at, clause_group!("object_gap")) {
            at += 1;
        }
        // "dự và chỉ đạo hội nghị": a verb coordinated with the next one
        // takes the same object, named after the second verb
        if p.low_at(at) == "và" {
            let object_at = |j: usize| {
                events.iter().any(|&(es, _, _)| es == j) || phrase_at(p, j, anaphors).is_some()
            };
            let second_verb =
                |j: usize| p.lowercase_word(j) && !inside_mention(&ms, j) && p.low_at(j) != "và";
            let mut j = at + 1;
            while j < e && j <= at + 5 && second_verb(j) {
                j += 1;
                if object_at(j) {
                    at = j;
                    break;
                }
            }
        }
        let mut after = at;
        // ("X có chuyến thăm": a visitor hosts nothing)
        // ("chủ tọa phiên họp": a bare anaphor names no event of its own)
        let bare_anaphor = |es: usize, ee: usize| {
            ee.checked_sub(es)
                .is_some_and(|len| phrase_at(p, es, anaphors) == Some(len))
        };
        while let Some(&(es, ee, ev)) = events.iter().find(|&&(es, ee, ev)| {
            es >= at && es <= at + 1 && !visits.iter().any(|v| v.2 == ev) && !bare_anaphor(es, ee)
        }) {
            targets.push(ev);
            // events named inside it by coordination ("Lễ mở ký và Hội
            // nghị cấp cao X")
            for &(is, ie, inner) in &events {
                if is > es && ie <= ee && !targets.contains(&inner) {
                    targets.push(inner);
                }
            }
            after = ee;
            if p.low_at(ee) == "và" && es < ee {
                at = ee + 1;
            } else {
                break;
            }
        }
        // "chủ trì buổi lễ": the latest event of that sort
        if targets.is_empty() {
            if let Some(ix) = phrase_ix_at(p, at, anaphors) {
                let (words, keyword) = (&anaphors.phrases[ix], anaphors.tags[ix]);
                let found = if keyword.is_empty() {
                    p.b.focus_event
                } else {
                    p.b.recent_events
                        .iter()
                        .rev()
                        .copied()
                        .find(|&ev| format!(" {} ", p.b.label_lower(ev)).contains(keyword))
                };
                if let Some(ev) = found {
                    targets.push(ev);
                    after = at + words.len();
                    // "Sáng 28/9, tại X, ông A có buổi tiếp ...": a clause
                    // naming no event of its own dates and places the one
                    // its anaphor points back to
                    if events.is_empty() {
                        for &(_, d) in dates.iter().filter(|(at, _)| !in_purpose(*at)) {
                            p.fact(ev, Relation::Date, d, 0.65);
                        }
                        for &(_, l) in places.iter().filter(|(at, _)| !in_purpose(*at)) {
                            p.fact(ev, Relation::Location, l, 0.65);
                        }
                    }
                }
            }
        }
        if targets.is_empty() {
            continue;
        }
        // the subject, looked for once the verb has an event: the nearest
        // agent before; in "A, cơ quan được B giao chủ trì", A; none when a
        // plural noun ("các nước") stands between (it is the subject)
        let mut before = k;
        if k > s && p.low_at(k - 1) == "giao" {
            if let Some(d) = (s..k).rev().find(|&x| p.low_at(x) == "được") {
                before = d;
            }
        }
        let agent_before = ms
            .iter()
            .filter(|m| agent_kind(m.kind) && m.top && m.end <= before)
            .max_by_key(|m| m.end)
            .copied()
            .filter(|a| {
                // "sang Việt Nam dự X": where the subject goes, not who
                let destination =
                    a.start > s && word_in(p, a.start - 1, clause_group!("destination_before"));
                !destination
                    && !(a.end..k).any(|x| {
                        // ("A và các Trưởng đoàn ..." has A among its subjects)
                        matches!(p.low_at(x), "các" | "những")
                            && !matches!(p.low_at(x.saturating_sub(1)), "cùng" | "với" | "và")
                    })
            });
        // "Phát biểu tại buổi lễ, X ...": a fronted verb's subject follows
        let agent = agent_before
            .or_else(|| {
                (k == s)
                    .then(|| {
                        ms.iter()
                            .filter(|m| agent_kind(m.kind) && m.top && m.start >= after)
                            .min_by_key(|m| m.start)
                            .copied()
                    })
                    .flatten()
            })
            .or_else(|| {
                let elided = matches!(p.low_at(s), "và" | "đồng" | "rồi")
                    && !ms.iter().any(|m| agent_kind(m.kind) && m.top && m.end <= k);
                carried.filter(|_| elided)
            });
        // "hai bên đồng chủ trì X" after a meeting: both its parties
        let h = skip_back(p, &ms, s, k, clause_group!("subject_adverb"));
        if h >= s + 2
            && p.low_at(h - 2) == "hai"
            && p.low_at(h - 1) == "bên"
            && p.b.last_parties.len() >= 2
        {
            for ev in targets {
                for party in p.b.last_parties.clone() {
                    if hosting {
                        p.fact(ev, Relation::OrganizedBy, party, 0.65);
                    }
                    if attending {
                        p.fact(party, Relation::ParticipatedIn, ev, 0.65);
                    }
                }
            }
            continue;
        }
        let Some(agent) = agent else { continue };
        // an active "tổ chức" needs its subject right before it ("UBND tỉnh
        // X (đã) tổ chức Hội nghị Y"), not any body earlier in the clause
        if !attending {
            let mut h = skip_back(p, &ms, s, k, clause_group!("subject_adverb"));
            // "Liên đoàn X (VFF) tổ chức": past the acronym
            if h > s && p.low_at(h - 1) == ")" {
                if let Some(open) = (s..h - 1).rev().find(|&x| p.low_at(x) == "(") {
                    h = open;
                }
            }
            if agent.end != h {
                continue;
            }
        }
        // "A và B dự lễ", "A, B cùng dự": everyone coordinated with the agent
        let mut agents = vec![agent];
        let mut first = agent;
        while first.from > s && matches!(p.low_at(first.from - 1), "và" | "," | "cùng") {
            let Some(prev) = ms
                .iter()
                .find(|m| m.kind == agent.kind && m.top && m.end + 1 == first.from)
                .copied()
            else {
                break;
            };
            agents.push(prev);
            first = prev;
        }
        for ev in targets {
            for a in &agents {
                if hosting {
                    p.fact(ev, Relation::OrganizedBy, a.entity, 0.7);
                }
                // a body that hosts organises; a person or country that
                // hosts is there too
                if attending && !(hosting && a.kind == NodeKind::Organization) {
                    p.fact(a.entity, Relation::ParticipatedIn, ev, 0.7);
                }
            }
        }
    }

    // "Lễ đón chính thức Tổng Bí thư X", "lễ ký hợp đồng với HLV X": the
    // person the event is for or with
    for &(_, ee, ev) in &events {
        let at = if p.low_at(ee) == "với" { ee + 1 } else { ee };
        if let Some(person) = ms
            .iter()
            .find(|m| m.kind == NodeKind::Person && m.from == at)
        {
            let who = person.entity;
            p.fact(who, Relation::ParticipatedIn, ev, 0.65);
        }
    }

    // "Event do X (cùng Y) tổ chức/điều hành"
    let done_by = clause_group!("done_by");
    for k in tokens_for(here, done_by.bit, s, e) {
        if !word_in(p, k, done_by) || inside_mention(&ms, k) {
            continue;
        }
        let Some(&(_, _, event)) = events.iter().rfind(|(_, ee, _)| *ee <= k && *ee + 1 >= k)
        else {
            continue;
        };
        let Some((v, verb)) = (k + 1..e).find_map(|x| {
            phrase_ix_at(p, x, organise_after_do)
                .filter(|_| !inside_mention(&ms, x))
                .map(|ix| (x, ix))
        }) else {
            continue;
        };
        let agents: Vec<Mention> = ms
            .iter()
            .filter(|m| agent_kind(m.kind) && m.top && m.start > k && m.end <= v)
            .copied()
            .collect();
        // ("do X điều hành": X is there; "do X tổ chức": not said)
        let runs_it = organise_after_do.tags[verb] == "present";
        for a in agents {
            p.fact(event, Relation::OrganizedBy, a.entity, 0.7);
            if runs_it && a.kind == NodeKind::Person {
                p.fact(a.entity, Relation::ParticipatedIn, event, 0.65);
            }
        }
    }

    // "ký Công ước X": the signer is the agent before
    let sign = clause_group!("sign");
    for k in tokens_for(here, sign.bit, s, e) {
        if p.low_at(k) != "ký" || inside_mention(&ms, k) {
            continue;
        }
        let Some(doc) = ms
            .iter()
            .find(|m| m.kind == NodeKind::Document && m.start > k && m.start <= k + 2)
        else {
            continue;
        };
        let signer_kind =
            |m: &&Mention| matches!(m.kind, NodeKind::Person | NodeKind::Country) && m.top;
        // the signer is the subject right before "ký" (past adverbs, "là
        // nước đầu tiên"), or, across "và", the subject of the coordinated
        // predicate; "khi ký", "đại diện của 60 nước sẽ ký" name none
        let mut x = k;
        let mut signers: Vec<Mention> = Vec::new();
        while x > s {
            // the subject, and those coordinated with it ("Việt Nam và EU
            // đã ký"): the persons and countries among them sign
            if let Some(a) = ms
                .iter()
                .find(|m| agent_kind(m.kind) && m.top && m.end == x)
            {
                let mut first = *a;
                signers.push(first);
                while first.start > s + 1 && matches!(p.low_at(first.start - 1), "và" | ",") {
                    let Some(prev) = ms
                        .iter()
                        .find(|m| agent_kind(m.kind) && m.top && m.end + 1 == first.start)
                    else {
                        break;
                    };
                    signers.push(*prev);
                    first = *prev;
                }
                break;
            }
            let w = p.low_at(x - 1);
            if word_in(p, x - 1, clause_group!("sign_gap")) {
                x -= 1;
                continue;
            }
            if w == "và" {
                signers.extend(
                    ms.iter()
                        .filter(signer_kind)
                        .filter(|m| m.end < x)
                        .max_by_key(|m| m.end)
                        .copied(),
                );
            }
            break;
        }
        for agent in signers.iter().filter(|m| signer_kind(m)) {
            let (a, d) = (agent.entity, doc.entity);
            p.fact(a, Relation::Signed, d, 0.65);
        }
    }

    // "trong khuôn khổ Event": the other events are part of it
    let frame_of = clause_group!("frame_of");
    for k in tokens_for(here, frame_of.bit, s, e) {
        if phrase_at(p, k, frame_of).is_none() {
            continue;
        }
        // ("trong khuôn khổ chương trình Lễ X"): up to two words between
        let Some(&(ws, we, _)) = events
            .iter()
            .filter(|(es, _, _)| *es >= k + 3 && *es <= k + 5)
            .min_by_key(|(es, _, _)| *es)
        else {
            continue;
        };
        let wholes: Vec<usize> = events
            .iter()
            .filter(|(es, ee, _)| *es >= ws && *ee <= we)
            .map(|&(_, _, ev)| ev)
            .collect();
        for &(es, _, ev) in &events {
            if !(es >= ws && es < we) {
                for &w in &wholes {
                    p.fact(ev, Relation::PartOf, w, 0.7);
                }
            }
        }
    }

    // "cuộc gặp gỡ báo chí thông tin về Lễ mở ký Công ước X": the event is
    // about the document it informs of (named alone or inside an event)
    for &(_, ee, ev) in &events {
        let Some(at) = phrase_at(p, ee, clause_group!("informs_about")).map(|len| ee + len) else {
            continue;
        };
        let Some(object) = ms
            .iter()
            .filter(|m| m.start == at && m.top)
            .max_by_key(|m| m.end)
        else {
            continue;
        };
        let doc = ms
            .iter()
            .find(|m| {
                m.kind == NodeKind::Document && m.start >= object.start && m.end <= object.end
            })
            .map(|m| m.entity);
        if let Some(d) = doc {
            p.fact(ev, Relation::About, d, 0.6);
        }
    }

    // "Tại Kỳ họp thứ 8, Quốc hội đã thông qua Luật X": the events of the
    // clause are part of the fronted one
    if matches!(p.low_at(s), "tại" | "trong") {
        if let Some(&(_, we, whole)) = events.iter().find(|(es, _, _)| *es == s + 1) {
            if p.low_at(we) == "," {
                for &(es, _, ev) in &events {
                    if es > we && ev != whole {
                        p.fact(ev, Relation::PartOf, whole, 0.6);
                    }
                }
            }
        }
    }

    // "Event A (đã) diễn ra Event B": B is part of A
    let takes_place = clause_group!("takes_place");
    for k in tokens_for(here, takes_place.bit, s, e) {
        let Some(len) = phrase_at(p, k, takes_place) else {
            continue;
        };
        let Some(&(_, _, part)) = events.iter().find(|(es, _, _)| *es == k + len) else {
            continue;
        };
        let h = skip_back(p, &[], s, k, clause_group!("takes_place_adverb"));
        if let Some(&(_, _, whole)) = events.iter().find(|(_, ee, _)| *ee == h) {
            p.fact(part, Relation::PartOf, whole, 0.6);
        }
    }

    let mut ordered = events.clone();
    ordered.sort_by_key(|&(es, _, _)| es);
    for (_, _, ev) in ordered {
        p.b.recent_events.retain(|&x| x != ev);
        p.b.recent_events.push(ev);
        // an anaphor ("buổi lễ") points back a few events, not to every one
        // of a long document: keeping a window keeps extraction linear
        if p.b.recent_events.len() > RECENT_EVENTS {
            p.b.recent_events.remove(0);
        }
    }
    let subject = ms
        .iter()
        .filter(|m| agent_kind(m.kind) && m.top)
        .min_by_key(|m| m.start)
        .copied()
        .or(carried);
    (events, subject)
}

/// State and official visits: "X thăm cấp Nhà nước tới Việt Nam", "X có
/// chuyến thăm chính thức Lào", "chuyến thăm chính thức Việt Nam của X".
/// The event is named by its visitor (a visit is one person's or one
/// country's), so that two visitors' visits stay apart across articles;
/// the visitor takes part and the destination is where it takes place.
/// Returns the events made: (start, end, entity).
fn visit_events(
    p: &mut SentenceParser<'_, '_>,
    ms: &[Mention],
    s: usize,
    e: usize,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let visit = clause_group!("visit");
    for k in clause_tokens(p, visit.bit, s, e) {
        if phrase_at(p, k, visit).is_none() || inside_mention(ms, k) {
            continue;
        }
        let mut d = k + 1;
        while d < e && d < k + 5 && word_in(p, d, clause_group!("visit_kind")) {
            d += 1;
        }
        let kind_end = d;
        if word_in(p, d, clause_group!("visit_to")) {
            d += 1;
        }
        // "thăm chính thức Vương quốc Bỉ": the state's form is no part of
        // its short name
        if let Some(len) = phrase_at(p, d, clause_group!("state_form")).filter(|_| p.cap_at(d)) {
            d += len;
        }
        let Some(dest) = ms
            .iter()
            .find(|m| {
                m.start == d && m.top && matches!(m.kind, NodeKind::Country | NodeKind::Place)
            })
            .copied()
        else {
            continue;
        };
        // a place without a kind of visit is a tour ("thăm nhà máy")
        if dest.kind == NodeKind::Place && kind_end == k + 1 {
            continue;
        }
        let start = if k > s && p.low_at(k - 1) == "chuyến" {
            k - 1
        } else {
            k
        };
        let mut end = dest.end;
        // the visitor: "của X" after, else the nearest person (or country)
        // before
        let after = (p.low_at(end) == "của")
            .then(|| {
                ms.iter()
                    .find(|m| m.from == end + 1 && agent_kind(m.kind) && m.top)
                    .copied()
            })
            .flatten();
        let before = || {
            let nearest = |kind: NodeKind| {
                ms.iter()
                    .filter(|m| m.kind == kind && m.top && m.end <= start && m.start >= s)
                    .max_by_key(|m| m.end)
                    .copied()
            };
            nearest(NodeKind::Person).or_else(|| nearest(NodeKind::Country))
        };
        // a headline's visitor named by titles alone ("Tổng thống Chile
        // thăm ..."): the role names the visit
        let titled_only = ms
            .iter()
            .filter(|m| m.kind == NodeKind::Role && m.end == start && m.start >= s)
            .map(|m| p.span(m.start, m.end).to_string())
            .next()
            .filter(|_| {
                after.is_none()
                    && !ms
                        .iter()
                        .any(|m| m.kind == NodeKind::Person && m.start >= s && m.end <= start)
            });
        let visitor = after.or_else(before);
        if let Some(v) = after {
            end = v.end;
        }
        let mut out_short: Vec<String> = Vec::new();
        let kind = p.span(k + 1, kind_end).to_string();
        let dest_label = p.b.label(dest.entity).to_string();
        let what = if kind.is_empty() {
            format!("thăm {dest_label}")
        } else {
            format!("thăm {kind} {dest_label}")
        };
        let written = p.span(k, dest.end).to_string();
        let (label, name_alias, role_alias) = match visitor {
            _ if titled_only.is_some() => (
                format!("{} {what}", titled_only.clone().unwrap_or_default()),
                None,
                None,
            ),
            Some(v) if v.kind == NodeKind::Person => {
                let from = if p.honorific_at(v.from) {
                    v.start
                } else {
                    v.from
                };
                let name = p.span(v.start, v.end).to_string();
                let titled = p.span(from, v.end).to_string();
                // the titles alone name it too (as a headline does), but
                // only within the article: an office passes from holder to
                // holder, so across articles "Thủ tướng Hungary thăm ..."
                // would join every holder's visits into one
                if from < v.start {
                    out_short.push(format!("{} {what}", p.span(from, v.start)));
                }
                (
                    format!("{titled} {what}"),
                    Some(format!("{name} {what}")),
                    Some(format!("Chuyến {written} của {titled}")),
                )
            }
            Some(v) => {
                let name = p.b.label(v.entity).to_string();
                (format!("{name} {what}"), None, None)
            }
            // no visitor named: the article's visit, by its own name
            None => (format!("Chuyến {what}"), None, None),
        };
        let ev = p.evidence(start, end, 0.7);
        let event =
            p.b.mention(NodeKind::Event, &label, &label, None, Form::Full, ev);
        for alias in name_alias.iter().chain(&role_alias) {
            p.b.add_alias(event, alias);
        }
        for short in &out_short {
            p.b.add_short_form(event, short);
        }
        p.b.add_short_form(event, &format!("Chuyến {written}"));
        p.b.add_short_form(event, &format!("chuyến {what}"));
        p.b.add_short_form(event, &written);
        if let Some(v) = visitor.filter(|_| titled_only.is_none()) {
            p.fact(v.entity, Relation::ParticipatedIn, event, 0.7);
        }
        p.fact(event, Relation::Location, dest.entity, 0.7);
        out.push((start, end, event));
    }
    out
}

/// The document head a document's name opens with ("Công ước" of "Công
/// ước của Liên hợp quốc về ...").
fn document_head_of(label: &str) -> Option<String> {
    let lex = crate::lexicon::lexicon();
    let folded = crate::lexicon::fold_case(label);
    let hit = lex.find(&folded).into_iter().find(|h| h.start == 0)?;
    let is_head = lex.entries_at(hit.pattern).iter().any(|&ix| {
        matches!(
            lex.entry(ix).category,
            crate::lexicon::Category::DocumentHead | crate::lexicon::Category::NumberedDocumentHead
        )
    });
    let words = folded.get(..hit.end)?.split_whitespace().count();
    is_head.then(|| {
        label
            .split_whitespace()
            .take(words)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// "chuỗi sự kiện thảo luận về các chủ đề "A;" "B"": each quoted topic
/// names a session, part of the event the sentence frames them in ("Trong
/// khuôn khổ Lễ X").
fn topic_sessions(p: &mut SentenceParser<'_, '_>) {
    let n = p.toks.len();
    // ("các chủ đề" shortly after a word of sessions: "sự kiện", "thảo luận")
    let Some(c) = (1..n).find(|&k| {
        phrase_at(p, k - 1, clause_group!("topic_list")).is_some()
            && (k.saturating_sub(8)..k).any(|x| word_in(p, x, clause_group!("session_word")))
    }) else {
        return;
    };
    let frame: Vec<usize> = (0..c)
        .find(|&k| phrase_at(p, k, clause_group!("frame_of")).is_some())
        .and_then(|k| {
            let first = p
                .mentions
                .iter()
                .filter(|m| {
                    m.kind == NodeKind::Event && m.top && m.start >= k + 3 && m.start <= k + 5
                })
                .min_by_key(|m| m.start)
                .copied()?;
            Some(
                p.mentions
                    .iter()
                    .filter(|m| {
                        m.kind == NodeKind::Event && m.start >= first.start && m.end <= first.end
                    })
                    .map(|m| m.entity)
                    .collect(),
            )
        })
        .unwrap_or_default();
    let mut k = c + 2;
    let mut sessions = Vec::new();
    while k < n {
        match p.low_at(k) {
            "\"" => {
                let Some(close) = (k + 1..n.min(k + 40)).find(|&x| p.low_at(x) == "\"") else {
                    break;
                };
                let mut end = close;
                while end > k + 1 && matches!(p.low_at(end - 1), ";" | "," | "." | ":") {
                    end -= 1;
                }
                if end > k + 1 && p.cap_at(k + 1) {
                    sessions.push((k + 1, end));
                }
                k = close + 1;
            }
            ";" | "," | "và" => k += 1,
            _ => break,
        }
    }
    for (start, end) in sessions {
        let label = p.span(start, end).to_string();
        let ev = p.evidence(start, end, 0.6);
        let session =
            p.b.mention(NodeKind::Event, &label, &label, None, Form::Full, ev);
        for &w in &frame {
            p.fact(session, Relation::PartOf, w, 0.6);
        }
    }
}
