//! Events named by the act alone, as the guidelines' "Decisions" read them:
//! investigations ("Cơ quan CSĐT Công an tỉnh X đã khởi tố bị can Y",
//! "khám xét", "truy tố", "tuyên án") and personnel decisions ("Bộ Chính
//! trị điều động, phân công ông Y", "bổ nhiệm bà Z giữ chức T"). The agent
//! right before the act organises it, the people it names take part in it.
//! The words are in `data/lexicon/clause_words.txt` (groups
//! `investigation`, `personnel`, `act_gap`, `object_end`, `nouns_end`, and
//! those of openings, signings and talks named at their rules).

use super::clauses::{
    agent_kind, clause_tokens, groups_in, inside_mention, phrase_at, phrase_ix_at, skip_back,
    tokens_for, word_in,
};
use super::doc::Form;
use super::parse::{Mention, SentenceParser};
use crate::graph::{NodeKind, Relation};
use crate::lexicon::clause_group;

/// The act at token `k`: (group, words).
fn act_at(p: &SentenceParser<'_, '_>, k: usize) -> Option<(&'static str, usize)> {
    let investigation = clause_group!("investigation");
    let personnel = clause_group!("personnel");
    [("investigation", investigation), ("personnel", personnel)]
        .into_iter()
        .find_map(|(g, phrases)| phrase_at(p, k, phrases).map(|n| (g, n)))
}

/// The events of the acts of clause `s..e`: (start, end, entity).
pub fn acts(
    p: &mut SentenceParser<'_, '_>,
    ms: &[Mention],
    s: usize,
    e: usize,
) -> Vec<(usize, usize, usize)> {
    let (gap, object_end) = (clause_group!("act_gap"), clause_group!("object_end"));
    let acts = clause_group!("investigation").bit | clause_group!("personnel").bit;
    if groups_in(p, s, e) & acts == 0 {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize, &'static str)> = Vec::new(); // (start, chain end, group)
    let mut k = s;
    while k < e {
        let Some((group, len)) = act_at(p, k).filter(|_| !inside_mention(ms, k)) else {
            k += 1;
            continue;
        };
        // "khởi tố, bắt tạm giam", "điều động, phân công, chỉ định": one act
        let mut ce = k + len;
        loop {
            let j = if matches!(p.low_at(ce), "," | "và") {
                ce + 1
            } else {
                ce
            };
            match act_at(p, j) {
                Some((g, n)) if g == group => ce = j + n,
                _ => break,
            }
        }
        found.push((k, ce, group));
        k = ce;
    }
    let mut out = Vec::new();
    for (i, &(k, ce, group)) in found.iter().enumerate() {
        let region_end = found.get(i + 1).map_or(e, |n| n.0);
        let region_end = (ce..region_end)
            .find(|&x| {
                // "bầu bổ sung ... đối với ông X": X is concerned
                let of_whom = p.low_at(x) == "với" && x > ce && p.low_at(x - 1) == "đối";
                word_in(p, x, object_end) && !of_whom && !inside_mention(ms, x)
            })
            .unwrap_or(region_end);
        let passive = k > s && matches!(p.low_at(k - 1), "bị" | "được");
        // the agent: right before the act, past adverbs and "ra quyết định"
        let mut h = if passive { k - 1 } else { k };
        while h > s && !inside_mention(ms, h - 1) && word_in(p, h - 1, gap) {
            h -= 1;
        }
        if h > s && p.low_at(h - 1) == ")" {
            if let Some(open) = (s..h - 1).rev().find(|&x| p.low_at(x) == "(") {
                h = open;
            }
        }
        let mut agent = ms
            .iter()
            .find(|m| agent_kind(m.kind) && m.top && m.end == h)
            .copied();
        // "Quyết định số 12 ngày 20/5 của Bộ Chính trị về việc điều động
        // ông X": the body of the decision decides, the act is about it
        let mut paper = None;
        let mut b = k;
        if b > s + 1 && p.low_at(b - 1) == "việc" {
            b -= 1;
            if p.low_at(b - 1) == "về" {
                b -= 1;
            }
            if agent.is_none() {
                agent = ms
                    .iter()
                    .find(|m| {
                        m.top
                            && m.end == b
                            && matches!(m.kind, NodeKind::Organization | NodeKind::Country)
                            && m.start > s
                            && p.low_at(m.start - 1) == "của"
                    })
                    .copied();
            }
            paper = ms
                .iter()
                .filter(|m| m.kind == NodeKind::Document && m.end <= b && m.end + 10 >= b)
                .max_by_key(|m| m.end)
                .map(|m| m.entity);
        }
        // "Công an tỉnh X đã huy động lực lượng tiến hành triệt phá đường
        // dây ...": an investigation's agent may stand further off, as the
        // subject of its clause (first in it or after a comma), with no
        // person between
        if agent.is_none() && !passive && group == "investigation" {
            agent = ms
                .iter()
                .filter(|m| m.top && m.end <= k)
                .max_by_key(|m| m.end)
                .filter(|m| {
                    m.kind == NodeKind::Organization
                        && (m.start == s || p.low_at(m.start - 1) == ",")
                })
                .copied();
        }
        let (agent, concerned): (Option<Mention>, Vec<Mention>) = if passive {
            // "ông Y bị khởi tố": Y is concerned, nobody named organises
            let person = agent.filter(|a| a.kind == NodeKind::Person);
            (None, person.into_iter().collect())
        } else {
            let people = ms
                .iter()
                .filter(|m| {
                    m.kind == NodeKind::Person && m.top && m.start >= ce && m.end <= region_end
                })
                .copied()
                .collect();
            (agent, people)
        };
        if concerned.is_empty() && (agent.is_none() || group == "personnel") {
            continue;
        }
        let chain = p.span(k, ce).to_string();
        // what the act is about, in a few common nouns ("khởi tố vụ án",
        // "truy tố 28 bị can", "khám xét khẩn cấp nơi ở")
        let nouns_end = (ce..region_end.min(ce + 4))
            .take_while(|&x| {
                !inside_mention(ms, x)
                    && !p.honorific_at(x)
                    && !word_in(p, x, clause_group!("nouns_end"))
                    && !word_in(p, x, object_end)
                    && (p.lowercase_at(x) || p.low_at(x).bytes().all(|b| b.is_ascii_digit()))
            })
            .last()
            .map_or(ce, |x| x + 1);
        let first = concerned.first().copied().filter(|_| !passive);
        // the text up to the first person named, and up to the office
        // given ("bổ nhiệm ông Y giữ chức Thứ trưởng Bộ Z"; "được chỉ định
        // là Bí thư Tỉnh ủy X")
        let object_end = first.map_or(nouns_end, |m| m.end);
        let office_end = first
            .map(|m| m.end)
            .or(passive.then_some(ce))
            .and_then(|from| {
                let mut x = from;
                // titles in apposition between ("ông Y, Viện trưởng Viện Z, giữ chức")
                while matches!(p.low_at(x), "," | "-") {
                    match ms
                        .iter()
                        .filter(|r| r.start == x + 1 && r.kind != NodeKind::Person)
                        .max_by_key(|r| r.end)
                    {
                        Some(r) => x = r.end,
                        None => break,
                    }
                }
                let after_titles = x;
                while p.lowercase_at(x) && word_in(p, x, clause_group!("office_gap")) {
                    x += 1;
                }
                (x > after_titles)
                    .then(|| {
                        ms.iter()
                            .find(|r| r.kind == NodeKind::Role && r.start == x)
                            .map(|r| r.end)
                    })
                    .flatten()
            });
        let end = office_end.unwrap_or(object_end);
        let act_start = if passive { k - 1 } else { k };
        // "tuyên án: A bị phạt ...": the colon is no part of the name
        let what = if p.low_at(ce) == ":" && end > ce + 1 {
            format!("{} {}", p.span(act_start, ce), p.span(ce + 1, end))
        } else {
            p.span(act_start, end).to_string()
        };
        let label = match agent {
            Some(a) => format!("{} {what}", p.span(a.start, a.end)),
            None if passive => format!("{} {what}", {
                let c = concerned[0];
                p.span(c.start, c.end)
            }),
            None => what.clone(),
        };
        let start = agent.map_or(k, |a| a.start);
        // an act told twice (a caption, then the body) is one event: the
        // latest event of the same act about the same person
        let act_word = p.span(k, k + 2).to_lowercase();
        // (an article tells of one indictment or search, but of several
        // appointments: those are told apart by the person)
        let same = p.b.recent_events.iter().rev().copied().find(|&ev| {
            let l = p.b.label_lower(ev);
            l.contains(&act_word)
                && (group == "investigation"
                    || concerned
                        .first()
                        .is_none_or(|m| l.contains(p.b.label_lower(m.entity))))
        });
        let event = match same {
            Some(ev) => {
                p.b.add_short_form(ev, &label);
                ev
            }
            None => {
                let ev = p.evidence(start, end, 0.65);
                p.b.mention(NodeKind::Event, &label, &label, None, Form::Full, ev)
            }
        };
        let mut shorts = vec![chain.clone(), p.span(k, nouns_end).to_string()];
        // "bầu bổ sung chức danh Phó Chủ tịch UBND tỉnh": the act and the office
        if let Some(office) = ms
            .iter()
            .find(|r| r.kind == NodeKind::Role && r.start == nouns_end && nouns_end > ce)
        {
            shorts.push(p.span(k, office.end).to_string());
        }
        shorts.push(what.clone());
        if let Some(m) = first {
            let name = p.span(m.start, m.end);
            shorts.push(format!("{} {name}", p.span(k, m.start.min(nouns_end))));
            shorts.push(p.span(k, m.end).to_string());
            if let Some(a) = agent {
                shorts.push(format!("{} {chain} {name}", p.span(a.start, a.end)));
                shorts.push(format!("{} {}", p.span(a.start, a.end), p.span(k, m.end)));
            }
        }
        if passive {
            shorts.push(p.span(k - 1, ce).to_string());
            shorts.push(p.span(k, end).to_string());
        }
        for short in shorts {
            p.b.add_short_form(event, short.trim());
        }
        if let Some(a) = agent {
            p.fact(event, Relation::OrganizedBy, a.entity, 0.65);
        }
        for m in &concerned {
            p.fact(m.entity, Relation::ParticipatedIn, event, 0.65);
        }
        if let Some(d) = paper {
            p.fact(event, Relation::About, d, 0.6);
        }
        // a sentence is passed at the trial
        if act_word.starts_with("tuyên") {
            if let Some(trial) = latest_trial(p) {
                if trial != event {
                    p.fact(event, Relation::PartOf, trial, 0.6);
                }
            }
        }
        out.push((start, end, event));
    }
    out
}

/// Opening and closing ceremonies named by their act: "tuyên bố bế mạc
/// Đại hội X", "dự khai mạc Liên hoan phim Y", "Liên hoan phim Y đã chính
/// thức khai mạc tại Z". The ceremony is part of the event; whoever
/// declares it open or closed takes part. Returns the ceremonies made:
/// (start, end, entity), the span of the act's words alone, so that a verb
/// before them takes the ceremony and not the event.
pub fn openings(
    p: &mut SentenceParser<'_, '_>,
    ms: &[Mention],
    s: usize,
    e: usize,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let opening = clause_group!("opening");
    for k in clause_tokens(p, opening.bit, s, e) {
        let Some(ix) = phrase_ix_at(p, k, opening) else {
            continue;
        };
        let (word, len) = (opening.texts[ix], opening.phrases[ix].len());
        if inside_mention(ms, k) {
            continue;
        }
        let after = ms
            .iter()
            .find(|m| m.kind == NodeKind::Event && m.top && m.start == k + len)
            .copied();
        let before = || {
            let h = skip_back(p, &[], s, k, clause_group!("opening_adverb"));
            ms.iter()
                .find(|m| m.kind == NodeKind::Event && m.top && m.end == h)
                .copied()
        };
        let Some(whole) = after.or_else(before) else {
            continue;
        };
        let whole_label = p.b.label(whole.entity).to_string();
        // "Lễ khai mạc Lễ hội X" names nothing new; the opening of a
        // ceremony or a session is its own first session, named apart
        let whole_lower = whole_label.to_lowercase();
        if whole_lower.contains(word)
            || whole_lower.starts_with("lễ ")
            || whole_lower.starts_with("phiên ")
        {
            continue;
        }
        let label = format!("Lễ {word} {whole_label}");
        // the ceremony named again (a headline, then the body): one event
        let openers = [format!("{word} "), format!("lễ {word} ")];
        let same = p.b.recent_events.iter().rev().copied().find(|&ev| {
            let l = p.b.label_lower(ev);
            openers.iter().any(|o| l.starts_with(o.as_str()))
        });
        let event = match same {
            Some(ev) => {
                p.b.add_short_form(ev, &label);
                ev
            }
            None => {
                let ev = p.evidence(k, k + len, 0.65);
                p.b.mention(NodeKind::Event, &label, &label, None, Form::Full, ev)
            }
        };
        p.b.add_short_form(event, &format!("{word} {whole_label}"));
        p.b.add_short_form(event, &format!("{word} {}", p.span(whole.start, whole.end)));
        p.b.add_short_form(event, &format!("lễ {word}"));
        // the article's "phiên bế mạc" is this ceremony
        p.b.add_alias(event, &format!("Phiên {word}"));
        p.fact(event, Relation::PartOf, whole.entity, 0.65);
        // "Thủ tướng X tuyên bố bế mạc": X takes part
        if after.is_some() && k >= s + 2 && phrase_at(p, k - 2, clause_group!("declare")) == Some(2)
        {
            let h = skip_back(p, &[], s, k - 2, clause_group!("declare_adverb"));
            if let Some(a) = ms
                .iter()
                .find(|m| agent_kind(m.kind) && m.top && m.end == h)
            {
                p.fact(a.entity, Relation::ParticipatedIn, event, 0.65);
            }
        }
        out.push((k, k + len, event));
    }
    out
}

/// Welcomes, talks, receptions and ceremonies of an article that tells of a
/// visit are part of that visit (the latest visit named).
pub fn part_of_visit(
    p: &mut SentenceParser<'_, '_>,
    events: &[(usize, usize, usize)],
    visits: &[(usize, usize, usize)],
) {
    // a visit named after its meetings (a caption, then the lead) takes
    // the meetings named before it too
    let earlier: &[usize] = if visits.is_empty() {
        &[]
    } else {
        &p.b.recent_events
    };
    let parts: Vec<usize> = events
        .iter()
        .map(|&(_, _, ev)| ev)
        .chain(earlier.iter().copied())
        .filter(|&ev| {
            !visits.iter().any(|v| v.2 == ev) && {
                let label = p.b.label_lower(ev);
                clause_group!("visit_part")
                    .texts
                    .iter()
                    .any(|w| label.starts_with(w))
                    || clause_group!("meeting_word").words_in(label)
            }
        })
        .collect();
    // the visit, looked for among the article's events only for a clause
    // with meetings to join to it
    if parts.is_empty() {
        return;
    }
    let is_visit = |l: &str| {
        l.starts_with("chuyến thăm") || l.contains(" thăm chính thức") || l.contains(" thăm cấp")
    };
    let visit = visits.last().map(|v| v.2).or_else(|| {
        p.b.recent_events
            .iter()
            .rev()
            .copied()
            .find(|&ev| is_visit(p.b.label_lower(ev)))
    });
    let Some(visit) = visit else { return };
    for ev in parts {
        if ev != visit {
            p.fact(ev, Relation::PartOf, visit, 0.6);
        }
    }
}

/// "Đại hội Thể thao Đông Nam Á lần thứ 31 (SEA Games 31)": an event named
/// again in parentheses right after its name is one event.
pub fn parenthesised_names(p: &mut SentenceParser<'_, '_>) {
    let pairs: Vec<(usize, usize)> = p
        .mentions
        .iter()
        .filter(|a| a.kind == NodeKind::Event && a.top && p.low_at(a.end) == "(")
        .filter_map(|a| {
            p.mentions
                .iter()
                .find(|b| {
                    b.kind == NodeKind::Event
                        && b.top
                        && b.start == a.end + 1
                        && p.low_at(b.end) == ")"
                })
                .map(|b| (a.entity, b.entity))
        })
        .collect();
    for (a, b) in pairs {
        if a != b {
            let name = p.b.label(b).to_string();
            p.b.add_alias(a, &name);
        }
    }
}

/// "chủ trì lễ đón chính thức Thủ tướng Singapore X (và Đoàn đại biểu Y)":
/// a welcome named by its head alone is named by its guest, who takes part.
/// Returns the events made and the bare mentions they replace.
pub fn welcomes(
    p: &mut SentenceParser<'_, '_>,
    ms: &[Mention],
) -> (Vec<(usize, usize, usize)>, Vec<usize>) {
    let mut made = Vec::new();
    let mut replaced = Vec::new();
    for m in ms.iter().filter(|m| m.kind == NodeKind::Event && m.top) {
        let label = p.b.label_lower(m.entity);
        if label.split_whitespace().count() > 5
            || !clause_group!("welcome_head").texts.iter().any(|h| {
                label.starts_with(h) && label[h.len()..].chars().next().is_none_or(|c| c == ' ')
            })
        {
            continue;
        }
        let mut at = m.end;
        if p.honorific_at(at) {
            at += 1;
        }
        let Some(guest) = ms
            .iter()
            .find(|g| g.kind == NodeKind::Person && g.top && (g.from == at || g.start == at))
            .copied()
        else {
            continue;
        };
        // "... và Đoàn đại biểu cấp cao Chính phủ Việt Nam": the delegation
        let mut end = guest.end;
        let mut with = None;
        if p.low_at(end) == "và" {
            if let Some(o) = ms
                .iter()
                .find(|o| o.start == end + 1 && o.top && agent_kind(o.kind))
            {
                end = o.end;
                with = Some(*o);
            } else if matches!(p.low_at(end + 1), "đoàn" | "ðoàn") {
                // "và Đoàn đại biểu cấp cao Chính phủ X", up to the clause's
                // next comma
                let stop = (end + 2
                    ..ms.iter().map(|o| o.end).max().unwrap_or(end).max(end + 2) + 1)
                    .take(14)
                    .find(|&x| {
                        matches!(p.low_at(x), "," | ";" | "." | "")
                            || (word_in(p, x, clause_group!("object_end"))
                                && !inside_mention(ms, x))
                    })
                    .unwrap_or(end + 2);
                end = stop;
            }
        }
        let head = p.span(m.start, m.end).to_string();
        let mut name = format!("{head} {}", p.span(at, end));
        if let Some(first) = name.chars().next() {
            name = first.to_uppercase().chain(name.chars().skip(1)).collect();
        }
        let ev = p.evidence(m.start, end, 0.7);
        let event =
            p.b.mention(NodeKind::Event, &name, &name, None, Form::Full, ev);
        p.b.add_short_form(event, &format!("{head} {}", p.span(guest.start, guest.end)));
        p.fact(guest.entity, Relation::ParticipatedIn, event, 0.7);
        if let Some(o) = with {
            p.fact(o.entity, Relation::ParticipatedIn, event, 0.65);
        }
        made.push((m.start, end, event));
        replaced.push(m.entity);
    }
    (made, replaced)
}

/// Signings: "UBND tỉnh X đã ký kết biên bản ghi nhớ cùng Y", "A, B cùng
/// C cũng ký bản ghi nhớ hợp tác ...", "Bản ghi nhớ ..., ký giữa A và B",
/// "Bản ghi nhớ giữa A và B về ...". The signers (persons, countries and
/// bodies) sign the paper; a signing named by its verb is an event about
/// the paper, the signers taking part. Returns the events made.
pub fn signings(
    p: &mut SentenceParser<'_, '_>,
    ms: &[Mention],
    s: usize,
    e: usize,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let here = groups_in(p, s, e);
    let between = clause_group!("between");
    // "Bản ghi nhớ giữa A và B": the parties of a paper sign it
    let papers = ms.iter().filter(|m| m.kind == NodeKind::Document && m.top);
    for d in papers.filter(|_| here & between.bit != 0) {
        let next_doc = ms
            .iter()
            .filter(|o| o.kind == NodeKind::Document && o.start > d.start)
            .map(|o| o.start)
            .min()
            .unwrap_or(e);
        let Some(g) = (d.start..next_doc.min(e).min(d.end + 20))
            .take_while(|&x| !matches!(p.low_at(x), "." | ";" | ":"))
            .find(|&x| word_in(p, x, between))
        else {
            continue;
        };
        // (a paper's name cut before "giữa" may be a short form of another)
        let whole = g < d.end || p.b.label(d.entity).split_whitespace().count() >= 4;
        if !whole {
            continue;
        }
        for a in listed_agents(p, ms, g + 1) {
            p.fact(a.entity, Relation::Signed, d.entity, 0.6);
        }
    }
    let sign = clause_group!("sign");
    for k in tokens_for(here, sign.bit, s, e) {
        let Some(verb) = phrase_at(p, k, sign) else {
            continue;
        };
        if inside_mention(ms, k) || (k > s && p.low_at(k - 1) == "thư") {
            continue;
        }
        let o = k + verb;
        // the paper: a named document, or a common noun told apart by what
        // follows it up to a word that ends it
        let named = ms
            .iter()
            .find(|m| m.kind == NodeKind::Document && m.start == o)
            .copied();
        let (paper, paper_end) = match named {
            Some(d) => (d.entity, d.end),
            None => {
                let Some(head) = phrase_at(p, o, clause_group!("paper")) else {
                    continue;
                };
                let stops = clause_group!("paper_end");
                let mut x = o + head;
                while x < e
                    && x < o + 24
                    && !matches!(p.low_at(x), ";" | "." | "(" | ":" | "")
                    && phrase_at(p, x, stops).is_none()
                    && !ms.iter().any(|m| {
                        m.start == x && matches!(m.kind, NodeKind::Person | NodeKind::Organization)
                    })
                    && !(matches!(p.low_at(x), "," | "và") && p.cap_at(x + 1))
                    && !(p.low_at(x) == "," && p.low_at(x + 1) == "ký")
                {
                    x += 1;
                }
                while x > o + head && matches!(p.low_at(x - 1), "," | "và") {
                    x -= 1;
                }
                let name = p.span(o, x).to_string();
                let ev = p.evidence(o, x, 0.6);
                let doc =
                    p.b.mention(NodeKind::Document, &name, &name, None, Form::Full, ev);
                (doc, x)
            }
        };
        // the signers: the subject and those listed with it ("A, B cùng C
        // cũng ký"); the parties after "cùng"/"với"/"giữa"
        let mut h = skip_back(p, ms, s, k, clause_group!("signer_adverb"));
        let mut signers: Vec<Mention> = Vec::new();
        // "UBND tỉnh X (cùng với Công ty Y, ...) đã ký": the subject before
        // the parenthesis, those it names "cùng với" sign too
        if h > s + 1 && p.low_at(h - 1) == ")" {
            if let Some(open) = (s..h - 1).rev().find(|&x| p.low_at(x) == "(") {
                let mut inner = open + 1;
                while matches!(p.low_at(inner), "cùng" | "với") {
                    inner += 1;
                }
                if inner > open + 1 {
                    signers.extend(listed_agents(p, ms, inner));
                }
                h = open;
            }
        }
        if let Some(subject) = ms
            .iter()
            .find(|m| agent_kind(m.kind) && m.top && m.end == h)
        {
            // back to the first of a list ending in the subject
            let mut first = subject.from;
            loop {
                let prev = ms.iter().find(|m| {
                    agent_kind(m.kind)
                        && m.top
                        && first > s
                        && m.end + 1 == first
                        && matches!(p.low_at(first - 1), "," | "và" | "cùng")
                });
                match prev {
                    Some(m) => first = m.from,
                    None => break,
                }
            }
            signers.extend(listed_agents(p, ms, first));
        }
        let mut after = paper_end;
        if matches!(p.low_at(after), "cùng" | "với" | "giữa") {
            after += 1;
            if p.low_at(after) == "với" {
                after += 1;
            }
            signers.extend(listed_agents(p, ms, after));
        } else if named.is_none() && o == paper_end {
            continue;
        }
        // "Bản ghi nhớ X, ký giữa A và B": the paper before
        let paper = if p.low_at(o) == "giữa" {
            let Some(d) = ms
                .iter()
                .filter(|m| m.kind == NodeKind::Document && m.end <= k && m.end + 30 >= k)
                .max_by_key(|m| m.end)
            else {
                continue;
            };
            signers.extend(listed_agents(p, ms, o + 1));
            d.entity
        } else {
            paper
        };
        if signers.is_empty() {
            continue;
        }
        for a in &signers {
            p.fact(a.entity, Relation::Signed, paper, 0.6);
        }
        // "việc A ký X": a signing told of, not reported
        let told_of = (h.saturating_sub(12).max(s)..h).any(|x| p.low_at(x) == "việc");
        if p.low_at(o) == "giữa" || told_of {
            continue;
        }
        let what = p.span(k, paper_end).to_string();
        let first = signers[0];
        let label = format!("{} {what}", p.span(first.start, first.end));
        let ev = p.evidence(first.start, paper_end, 0.6);
        let event =
            p.b.mention(NodeKind::Event, &label, &label, None, Form::Full, ev);
        p.b.add_short_form(event, &what);
        p.b.add_short_form(event, &format!("{} {}", p.span(k, o), p.b.label(paper)));
        for a in &signers {
            p.fact(a.entity, Relation::ParticipatedIn, event, 0.6);
        }
        p.fact(event, Relation::About, paper, 0.6);
        out.push((first.start, paper_end, event));
    }
    out
}

/// The agents listed from token `x` on ("A, B và C", "A cùng B").
fn listed_agents(p: &SentenceParser<'_, '_>, ms: &[Mention], mut x: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    loop {
        if let Some(m) = ms
            .iter()
            .filter(|m| m.top && agent_kind(m.kind) && (m.from == x || m.start == x))
            .max_by_key(|m| m.end)
        {
            out.push(*m);
            x = m.end;
            // "(Hàn Quốc)" after a body
            if p.low_at(x) == "(" {
                if let Some(c) = (x + 1..x + 6).find(|&c| p.low_at(c) == ")") {
                    x = c + 1;
                }
            }
            if matches!(p.low_at(x), "," | "và" | "cùng") {
                x += 1;
                continue;
            }
        }
        break;
    }
    out
}

/// Whether event `ev` is a trial: its name has a word of group `trial`.
pub fn is_trial(p: &SentenceParser<'_, '_>, ev: usize) -> bool {
    let label = p.b.label_lower(ev);
    clause_group!("trial")
        .texts
        .iter()
        .any(|w| label.contains(w))
}

/// The trial the article named last.
pub fn latest_trial(p: &SentenceParser<'_, '_>) -> Option<usize> {
    p.b.recent_events
        .iter()
        .rev()
        .copied()
        .find(|&ev| is_trial(p, ev))
}

/// "Phiên tòa mở tại X ... Thẩm phán Y điều hành phiên xét xử": an article
/// names its trial in several ways; a trial named again (no other
/// instance told) is the same one.
pub fn one_trial(p: &mut SentenceParser<'_, '_>, events: &[(usize, usize, usize)]) {
    for &(_, _, ev) in events {
        if !is_trial(p, ev) {
            continue;
        }
        let label = p.b.label_lower(ev);
        let kinds = clause_group!("trial_kind");
        let kind = |l: &str| kinds.texts.iter().find(|k| l.contains(*k)).copied();
        let earlier = p.b.recent_events.iter().copied().find(|&o| {
            o != ev && is_trial(p, o) && {
                let ol = p.b.label_lower(o);
                kind(ol).is_none() || kind(label).is_none() || kind(ol) == kind(label)
            }
        });
        if let Some(o) = earlier {
            let name = p.b.label(ev).to_string();
            p.b.add_alias(o, &name);
        }
    }
}

/// Talks named by their two parties, with no object after the verb:
/// "Thủ tướng A và Thủ tướng B đã tiến hành hội đàm." Both take part.
pub fn joint_talks(
    p: &mut SentenceParser<'_, '_>,
    ms: &[Mention],
    s: usize,
    e: usize,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let talks = clause_group!("joint_talk");
    for k in clause_tokens(p, talks.bit, s, e) {
        let Some(ix) = phrase_ix_at(p, k, talks) else {
            continue;
        };
        let (verb, len) = (talks.texts[ix], talks.phrases[ix].len());
        // an object after the verb is another construction ("hội đàm với X")
        // (the bare head may be read as an event's name: it is this one)
        let named_apart = ms.iter().any(|m| {
            m.start <= k
                && k < m.end
                && !(m.kind == NodeKind::Event && m.start == k && m.end == k + len)
        });
        if named_apart || !(k + len >= e || matches!(p.low_at(k + len), "," | "." | ";" | "")) {
            continue;
        }
        let h = skip_back(p, ms, s, k, clause_group!("joint_talk_gap"));
        let person = |end: usize| {
            ms.iter()
                .find(|m| m.kind == NodeKind::Person && m.top && m.end == end)
                .copied()
        };
        let Some(b) = person(h) else { continue };
        if b.from < s + 2 || p.low_at(b.from - 1) != "và" {
            continue;
        }
        let Some(a) = person(b.from - 1) else {
            continue;
        };
        let titled = |m: Mention| {
            let from = if p.honorific_at(m.from) {
                m.start
            } else {
                m.from
            };
            p.span(from, m.end).to_string()
        };
        let label = format!("{} {verb} với {}", titled(a), titled(b));
        let ev = p.evidence(a.from, k + len, 0.65);
        let event =
            p.b.mention(NodeKind::Event, &label, &label, None, Form::Full, ev);
        let names = format!(
            "{} {verb} với {}",
            p.span(a.start, a.end),
            p.span(b.start, b.end)
        );
        p.b.add_short_form(event, &names);
        p.b.add_short_form(event, verb);
        p.fact(a.entity, Relation::ParticipatedIn, event, 0.65);
        p.fact(b.entity, Relation::ParticipatedIn, event, 0.65);
        out.push((a.from, k + len, event));
    }
    out
}
