//! Who took part, when a sentence says it without a verb between each
//! person and the event: attendee lists ("Tham dự có A, B và C", "Tháp
//! tùng ... có:", "Phía Việt Nam có"), frames ("dưới sự chủ trì của X và
//! sự tham dự của Y", "theo lời mời của X"), those who act on behalf of a
//! body ("Thay mặt X, ông Y", "đại diện X gồm có A và B") and the parties of
//! a trial ("bị cáo A", "Thẩm phán B", "kiểm sát viên ... gồm: C, D") and
//! its bodies (the court that holds it, the procuracy that prosecutes).
//! The words are in `data/lexicon/clause_words.txt`.

use super::clauses::{agent_kind, clause_tokens, groups_in, inside_mention, phrase_at, word_in};
use super::events::{is_trial, latest_trial};
use super::parse::{Mention, SentenceParser};
use crate::graph::{NodeKind, Relation};
use crate::lexicon::clause_group;

/// The participation relations of a parsed sentence whose events are
/// `events` (start, end, entity), the ones its clauses named or made.
pub fn relations(p: &mut SentenceParser<'_, '_>, events: &[(usize, usize, usize)]) {
    attendee_list(p, events);
    frames(p, events);
    on_behalf(p);
    trial_parties(p, events);
    trial_bodies(p, events);
}

/// The top-level agents listed from token `x` on: mentions joined by
/// commas, "và", "cùng" and honorifics.
fn listed(p: &SentenceParser<'_, '_>, mut x: usize, kinds: fn(NodeKind) -> bool) -> Vec<Mention> {
    let mut out = Vec::new();
    let n = p.toks.len();
    while x < n {
        if let Some(m) = p
            .mentions
            .iter()
            .filter(|m| m.top && (m.from == x || m.start == x) && kinds(m.kind))
            .max_by_key(|m| m.end)
        {
            out.push(*m);
            x = m.end;
            // titles in apposition after the name ("ông A, Chủ tịch X, và bà B")
            while p.low_at(x) == "," {
                match p
                    .mentions
                    .iter()
                    .filter(|r| r.kind == NodeKind::Role && r.start == x + 1)
                    .max_by_key(|r| r.end)
                {
                    Some(r) if p.low_at(r.end) == "," || p.low_at(r.end) == "và" => x = r.end,
                    _ => break,
                }
            }
            continue;
        }
        if matches!(p.low_at(x), "," | "và" | "cùng" | ":" | ";") || p.honorific_at(x) {
            x += 1;
            continue;
        }
        break;
    }
    out
}

fn any_agent(kind: NodeKind) -> bool {
    agent_kind(kind)
}

fn person(kind: NodeKind) -> bool {
    kind == NodeKind::Person
}

/// "Tham dự (Lễ X) (còn) có A, B, C", "Cùng dự có ...", "Tháp tùng Thủ tướng
/// X trong chuyến thăm ... có: ...", "Phía Việt Nam có ...": everyone after
/// "có" takes part in the event named between, else the event in focus.
fn attendee_list(p: &mut SentenceParser<'_, '_>, events: &[(usize, usize, usize)]) {
    let n = p.toks.len();
    let leads = clause_group!("list_lead");
    let Some((lead, len)) = (0..n.min(3)).find_map(|k| phrase_at(p, k, leads).map(|l| (k, l)))
    else {
        return;
    };
    // "dự kiến", "dự án": another word
    if word_in(p, lead + len, clause_group!("not_attending")) {
        return;
    }
    // "Phía Việt Nam có": a side is a country or body
    if p.low_at(lead) == "phía"
        && !p
            .mentions
            .iter()
            .any(|m| m.start == lead + 1 && m.top && agent_kind(m.kind))
    {
        return;
    }
    let Some(c) = (lead + len..n.min(lead + 40)).find(|&x| {
        p.low_at(x) == "có" && !inside_mention(&p.mentions, x) && p.low_at(x + 1) != "mặt"
    }) else {
        return;
    };
    let target = events
        .iter()
        .filter(|&&(es, _, _)| es >= lead + len && es < c)
        .min_by_key(|&&(es, _, _)| es)
        .map(|&(_, _, ev)| ev)
        .or(p.b.focus_event);
    let Some(event) = target else { return };
    let people: Vec<usize> = p
        .mentions
        .iter()
        .filter(|m| m.top && agent_kind(m.kind) && m.start > c)
        // a body or country listed itself ("có đại diện Bộ X, Quỹ Y"), not
        // one named after a plural title ("các Ủy viên Trung ương Đảng")
        .filter(|m| {
            m.kind == NodeKind::Person
                || matches!(
                    p.low_at(m.from.saturating_sub(1)),
                    "," | ";" | "và" | "có" | ":" | "diện" | "cùng"
                )
        })
        .map(|m| m.entity)
        .collect();
    for who in people {
        p.fact(who, Relation::ParticipatedIn, event, 0.6);
    }
}

/// "dưới sự chủ trì của X", "theo lời mời của X" (X hosts); "sự tham dự
/// của Y", "sự chứng kiến của Y" (Y takes part): of the event before the
/// frame, else the one after it, else the event in focus.
fn frames(p: &mut SentenceParser<'_, '_>, events: &[(usize, usize, usize)]) {
    let n = p.toks.len();
    let (host_frame, guest_frame) = (clause_group!("host_frame"), clause_group!("guest_frame"));
    for k in clause_tokens(p, host_frame.bit | guest_frame.bit, 0, n) {
        let (hosting, len) = match (phrase_at(p, k, host_frame), phrase_at(p, k, guest_frame)) {
            (Some(l), _) => (true, l),
            (None, Some(l)) => (false, l),
            _ => continue,
        };
        if inside_mention(&p.mentions, k) {
            continue;
        }
        let agents = listed(p, k + len, any_agent);
        if agents.is_empty() {
            continue;
        }
        let target = events
            .iter()
            .filter(|&&(_, ee, _)| ee <= k)
            .max_by_key(|&&(_, ee, _)| ee)
            .or_else(|| {
                events
                    .iter()
                    .filter(|&&(es, _, _)| es >= k + len)
                    .min_by_key(|&&(es, _, _)| es)
            })
            .map(|&(_, _, ev)| ev)
            .or(p.b.focus_event);
        let Some(event) = target else { continue };
        for a in agents {
            if hosting {
                p.fact(event, Relation::OrganizedBy, a.entity, 0.6);
            } else {
                p.fact(a.entity, Relation::ParticipatedIn, event, 0.6);
            }
        }
    }
}

/// "Thay mặt Chính phủ, Phó Thủ tướng X ...", "ông Y, đại diện Bộ Z",
/// "đại diện (cho) Viện kiểm sát X gồm (có) A và B": they are of that body.
fn on_behalf(p: &mut SentenceParser<'_, '_>) {
    let phrases = clause_group!("on_behalf");
    let n = p.toks.len();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for k in clause_tokens(p, phrases.bit, 0, n) {
        let Some(len) = phrase_at(p, k, phrases) else {
            continue;
        };
        if inside_mention(&p.mentions, k) {
            continue;
        }
        let Some(body) = p
            .mentions
            .iter()
            .filter(|m| {
                m.top
                    && m.start == k + len
                    && matches!(m.kind, NodeKind::Organization | NodeKind::Country)
            })
            .max_by_key(|m| m.end)
            .copied()
        else {
            continue;
        };
        // "gồm (có)(:) A, B" later in the clause: the listed
        let clause_end = (body.end..n)
            .find(|&x| matches!(p.low_at(x), ";" | "."))
            .unwrap_or(n);
        let members: Vec<Mention> = match (body.end..clause_end)
            .find(|&x| p.low_at(x) == "gồm" && !inside_mention(&p.mentions, x))
        {
            Some(g) => {
                let from = if p.low_at(g + 1) == "có" {
                    g + 2
                } else {
                    g + 1
                };
                listed(p, from, person)
            }
            // "Thay mặt X, ông Y": the subject after
            None if k == 0 || p.low_at(k - 1) == "," && p.low_at(body.end) == "," => p
                .mentions
                .iter()
                .filter(|m| m.top && m.kind == NodeKind::Person && m.start > body.end)
                .min_by_key(|m| m.start)
                .filter(|m| m.from <= body.end + 2 || k == 0)
                .copied()
                .into_iter()
                .collect(),
            // "ông Y, đại diện X" / "ông Y đại diện cho X"
            None => p
                .mentions
                .iter()
                .filter(|m| {
                    m.top
                        && m.kind == NodeKind::Person
                        && (m.end == k || (m.end + 1 == k && p.low_at(m.end) == ","))
                })
                .copied()
                .collect(),
        };
        pairs.extend(members.iter().map(|m| (m.entity, body.entity)));
    }
    for (who, body) in pairs {
        p.fact(who, Relation::MemberOf, body, 0.6);
    }
}

/// Defendants, judges, procurators and lawyers named in a sentence about a
/// trial ("các bị cáo A và B", "Thẩm phán C điều hành", "kiểm sát viên ...
/// gồm: D, E") take part in it.
fn trial_parties(p: &mut SentenceParser<'_, '_>, events: &[(usize, usize, usize)]) {
    // a sentence naming no person names no party (and need not look for
    // the trial among the article's events)
    if !p
        .mentions
        .iter()
        .any(|m| m.top && m.kind == NodeKind::Person)
    {
        return;
    }
    let (parties, sentencing) = (clause_group!("trial_party"), clause_group!("sentence"));
    let n = p.toks.len();
    // nor one without a courtroom role or a sentence passed
    if groups_in(p, 0, n) & (parties.bit | sentencing.bit) == 0 {
        return;
    }
    let tagged_at = |p: &SentenceParser<'_, '_>, m: &Mention| {
        (m.from.saturating_sub(3)..m.start).any(|x| phrase_at(p, x, parties).is_some())
    };
    let mut who: Vec<usize> = Vec::new();
    let people: Vec<Mention> = p
        .mentions
        .iter()
        .filter(|m| m.top && m.kind == NodeKind::Person)
        .copied()
        .collect();
    for m in &people {
        if tagged_at(p, m) {
            // and those listed with it ("các bị cáo A, B và C")
            for l in listed(p, m.from, person) {
                if !who.contains(&l.entity) {
                    who.push(l.entity);
                }
            }
        }
    }
    // "Ba kiểm sát viên ... gồm: A, B và C"
    if let Some(g) = (0..n).find(|&x| p.low_at(x) == "gồm" && !inside_mention(&p.mentions, x)) {
        if (0..g).any(|x| phrase_at(p, x, parties).is_some()) {
            let from = if p.low_at(g + 1) == "có" {
                g + 2
            } else {
                g + 1
            };
            for l in listed(p, from, person) {
                if !who.contains(&l.entity) {
                    who.push(l.entity);
                }
            }
        }
    }
    // "A lĩnh 20 năm tù, còn B nhận 18 năm tù": those sentenced
    let sentenced = (0..n).any(|x| phrase_at(p, x, sentencing).is_some());
    if sentenced {
        for m in &people {
            if !who.contains(&m.entity) {
                who.push(m.entity);
            }
        }
    }
    // the trial, looked for only now that someone is a party to it
    if who.is_empty() {
        return;
    }
    let trial = events
        .iter()
        .map(|&(_, _, ev)| ev)
        .find(|&ev| is_trial(p, ev))
        .or_else(|| latest_trial(p));
    let Some(trial) = trial else { return };
    if sentenced {
        // and were sentenced at the sentencing the article told of
        let passed = p.b.recent_events.iter().rev().copied().find(|&ev| {
            let l = p.b.label_lower(ev);
            l.contains("tuyên án") || l.contains("tuyên phạt")
        });
        if let Some(ev) = passed {
            for m in &people {
                p.fact(m.entity, Relation::ParticipatedIn, ev, 0.6);
            }
        }
    }
    for w in who {
        p.fact(w, Relation::ParticipatedIn, trial, 0.6);
    }
}

/// The court and the procuracy named in a sentence about a trial: "Phiên
/// tòa mở tại TAND tỉnh X", "bị đưa ra xét xử tại Tòa án nhân dân Y" (the
/// court holds the trial), "VKSND Z thực hành quyền công tố" (the procuracy
/// takes part). A body that is the agent of another act of the sentence
/// ("đã bị Tòa án W tuyên phạt 25 năm tù") is of that act, not of the trial.
fn trial_bodies(p: &mut SentenceParser<'_, '_>, events: &[(usize, usize, usize)]) {
    let (courts, procuracies) = (
        clause_group!("trial_court"),
        clause_group!("trial_procuracy"),
    );
    let (trial_words, prosecution) = (clause_group!("trial"), clause_group!("prosecution"));
    let n = p.toks.len();
    let here = groups_in(p, 0, n);
    if here & (courts.bit | procuracies.bit) == 0 || here & (trial_words.bit | prosecution.bit) == 0
    {
        return;
    }
    let names =
        |p: &SentenceParser<'_, '_>, group| (0..n).any(|x| phrase_at(p, x, group).is_some());
    let about_trial = names(p, trial_words);
    let prosecuting = names(p, prosecution);
    if !about_trial && !prosecuting {
        return;
    }
    let in_trial = events.iter().find(|&&(_, _, ev)| is_trial(p, ev));
    let Some(trial) = in_trial.map(|&(_, _, ev)| ev).or_else(|| latest_trial(p)) else {
        return;
    };
    let of_other_act = |m: &Mention| {
        events
            .iter()
            .any(|&(es, ee, ev)| ev != trial && es <= m.start && m.end <= ee)
    };
    let bodies: Vec<Mention> = p
        .mentions
        .iter()
        .filter(|m| m.top && m.kind == NodeKind::Organization && !of_other_act(m))
        .copied()
        .collect();
    for m in bodies {
        if about_trial && phrase_at(p, m.start, courts).is_some() {
            p.fact(trial, Relation::OrganizedBy, m.entity, 0.6);
        } else if phrase_at(p, m.start, procuracies).is_some() {
            p.fact(m.entity, Relation::ParticipatedIn, trial, 0.6);
        }
    }
}
