//! The entities and facts of one document as they are found, and their
//! resolution within the document at the end: short forms to the full name,
//! variant spellings of one person to one entity.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::Arc;

use super::tokens::words;
use super::{DocFacts, Entity, Fact};
use crate::graph::{slug, Evidence, NodeKind, Relation};
use crate::lexicon::{to_lower, FastMap};

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A full name.
    Full,
    /// A short form that names the entity only in context ("Công ước",
    /// "Lễ mở ký"); resolved to a full name of the document if one starts
    /// with it.
    Short,
    /// A short form dropped when nothing in the document completes it (a
    /// bare "Kế hoạch" is no named document).
    ShortOrDrop,
}

#[derive(Debug)]
struct Pending {
    entity: Entity,
    /// The label in lower case, for the clause rules that test what a
    /// name says ("phiên tòa", "chuyến thăm"): made once, when first asked
    /// for (most names are never), as labels do not change while the
    /// document is parsed.
    label_lower: std::cell::OnceCell<String>,
    form: Form,
    /// For events and roles built on another entity (the document of a
    /// signing, the organisation of a title): the text before it, so that
    /// the name can be rebuilt with that entity's other names.
    built_on: Vec<(String, usize)>,
}

pub struct DocBuilder<'a> {
    pub doc: u32,
    pub text: &'a str,
    entities: Vec<Pending>,
    by_key: FastMap<(NodeKind, String), usize>,
    facts: Vec<Fact>,
    /// Bodies whose parent body (from the lexicon) may be named later:
    /// (body, parent's canonical name, evidence, sentence).
    parents: Vec<(usize, String, Evidence, Arc<str>)>,
    /// Pairs of entities found to share a name (an alias given after both
    /// were seen): one thing.
    same_as: Vec<(usize, usize)>,
    /// The event the article last put in focus (the first top-level event
    /// of the latest sentence that had one): "Cùng dự có ..." refers to it.
    pub focus_event: Option<usize>,
    /// The document the article named last: "thông qua" with no object
    /// refers to it.
    pub focus_document: Option<usize>,
    /// Events in the order the article names them: "buổi tiếp" refers to
    /// the latest reception.
    pub recent_events: Vec<usize>,
    /// The parties of the latest meeting ("X hội đàm với Y"): "hai bên"
    /// after it refers to them.
    pub last_parties: Vec<usize>,
    /// The day the article named last: "cùng ngày" ("the same day") is it.
    pub last_day: Option<usize>,
}

impl<'a> DocBuilder<'a> {
    pub fn new(doc: u32, text: &'a str) -> Self {
        DocBuilder {
            doc,
            text,
            entities: Vec::new(),
            // most articles name fewer: no rehashing as it fills
            by_key: FastMap::with_capacity_and_hasher(128, Default::default()),
            facts: Vec::new(),
            parents: Vec::new(),
            same_as: Vec::new(),
            focus_event: None,
            focus_document: None,
            recent_events: Vec::new(),
            last_parties: Vec::new(),
            last_day: None,
        }
    }

    pub fn evidence(&self, sentence: u32, start: usize, end: usize, confidence: f32) -> Evidence {
        Evidence {
            doc: self.doc,
            sentence,
            start: start as u32,
            end: end as u32,
            confidence,
        }
    }

    /// The entity of `kind` named `label` (or having it as an alias) in this
    /// document, if any.
    pub fn find(&self, kind: NodeKind, name: &str) -> Option<usize> {
        self.by_key.get(&(kind, slug(name))).copied()
    }

    pub fn kind(&self, entity: usize) -> NodeKind {
        self.entities[entity].entity.kind
    }

    pub fn label(&self, entity: usize) -> &str {
        &self.entities[entity].entity.label
    }

    /// The label of `entity` in lower case.
    pub fn label_lower(&self, entity: usize) -> &str {
        let p = &self.entities[entity];
        p.label_lower.get_or_init(|| to_lower(&p.entity.label))
    }

    /// Records a mention: the entity of `kind` named `label` (or known by
    /// that name), created if new. `surface` is the text as written, kept
    /// as an alias when it differs from the label.
    pub fn mention(
        &mut self,
        kind: NodeKind,
        label: &str,
        surface: &str,
        label_en: Option<&str>,
        form: Form,
        evidence: Evidence,
    ) -> usize {
        let label = label.trim();
        let key = (kind, slug(label));
        let found = match self.by_key.get(&key) {
            Some(&ix) => Some(ix),
            // the same name is the same slug: not looked up again
            None if surface == label => None,
            None => self.find(kind, surface),
        };
        let ix = match found {
            Some(ix) => ix,
            None => {
                let ix = self.entities.len();
                self.entities.push(Pending {
                    label_lower: std::cell::OnceCell::new(),
                    entity: Entity {
                        kind,
                        label: label.to_string(),
                        label_en: None,
                        aliases: Vec::new(),
                        short_forms: Vec::new(),
                        // the size its first push would give it, without
                        // the growing
                        evidence: Vec::with_capacity(4),
                    },
                    form,
                    built_on: Vec::new(),
                });
                self.by_key.insert(key, ix);
                ix
            }
        };
        let p = &mut self.entities[ix];
        if form == Form::Full {
            p.form = Form::Full;
        }
        if p.entity.label_en.is_none() {
            p.entity.label_en = label_en.map(str::to_string);
        }
        p.entity.evidence.push(evidence);
        let surface = surface.trim();
        if !surface.is_empty() && surface != p.entity.label {
            self.add_alias(ix, surface);
        }
        ix
    }

    /// Adds another name of `entity`; later mentions by that name find it.
    pub fn add_alias(&mut self, entity: usize, alias: &str) {
        let alias = alias.trim();
        let p = &mut self.entities[entity];
        if alias.is_empty() || alias == p.entity.label {
            return;
        }
        if !p.entity.aliases.iter().any(|a| a == alias) {
            p.entity.aliases.push(alias.to_string());
        }
        let key = (p.entity.kind, slug(alias));
        match self.by_key.get(&key) {
            Some(&other) if other != entity => self.same_as.push((entity, other)),
            Some(_) => {}
            None => {
                self.by_key.insert(key, entity);
            }
        }
    }

    /// Adds a short form of `entity`: an alias only in this document.
    pub fn add_short_form(&mut self, entity: usize, short: &str) {
        let e = &mut self.entities[entity].entity;
        if short != e.label && !e.short_forms.iter().any(|s| s == short) {
            e.short_forms.push(short.to_string());
        }
    }

    /// Notes that the name of `entity` is `prefix` followed by the name of
    /// `base` ("Lễ mở ký" + the convention).
    pub fn built_on(&mut self, entity: usize, prefix: &str, base: usize) {
        if entity != base {
            self.entities[entity]
                .built_on
                .push((prefix.to_string(), base));
        }
    }

    pub fn fact(
        &mut self,
        subject: usize,
        relation: Relation,
        object: usize,
        evidence: Evidence,
        sentence: Arc<str>,
    ) {
        if subject == object {
            return;
        }
        self.facts.push(Fact {
            subject,
            relation,
            object,
            evidence,
            sentence,
        });
    }

    /// Notes that `entity` belongs to the body named `parent`, a fact
    /// added at the end if the document names that body.
    pub fn pending_parent(
        &mut self,
        entity: usize,
        parent: &str,
        evidence: Evidence,
        sentence: Arc<str>,
    ) {
        self.parents
            .push((entity, parent.to_string(), evidence, sentence));
    }

    /// Resolves short forms and name variants within the document and
    /// returns what it says.
    #[allow(clippy::needless_range_loop)] // entities are addressed by index throughout
    pub fn finish(mut self) -> DocFacts {
        for (entity, parent, evidence, sentence) in std::mem::take(&mut self.parents) {
            if let Some(p) = self.find(NodeKind::Organization, &parent) {
                self.fact(entity, Relation::PartOf, p, evidence, sentence);
            }
        }
        let n = self.entities.len();
        let mut target: Vec<usize> = (0..n).collect();
        self.resolve_persons(&mut target);
        let as_short = self.resolve_short_forms(&mut target);
        self.complete_local_bodies(&target);
        self.merge_same_bodies(&mut target);
        // entities sharing a name: the one with the shorter label joins
        // the other
        for (a, b) in std::mem::take(&mut self.same_as) {
            let (ra, rb) = (follow(&target, a), follow(&target, b));
            if ra == rb || ra == usize::MAX || rb == usize::MAX {
                continue;
            }
            let la = self.entities[ra].entity.label.chars().count();
            let lb = self.entities[rb].entity.label.chars().count();
            let (from, to) = if (la, rb) < (lb, ra) {
                (ra, rb)
            } else {
                (rb, ra)
            };
            target[from] = to;
        }
        self.drop_bare_holdings();
        // follow chains
        let resolve = |mut i: usize, target: &[usize]| {
            let mut steps = 0;
            while i != usize::MAX && target[i] != i && steps < n {
                i = target[i];
                steps += 1;
            }
            i
        };
        let final_of: Vec<usize> = (0..n).map(|i| resolve(i, &target)).collect();
        // merge into the targets
        let (mut merged, built_on): (Vec<Option<Entity>>, Vec<_>) =
            std::mem::take(&mut self.entities)
                .into_iter()
                .map(|p| (Some(p.entity), p.built_on))
                .unzip();
        for i in 0..n {
            let t = final_of[i];
            if t == i || t == usize::MAX {
                continue;
            }
            let Some(src) = merged[i].take() else {
                continue;
            };
            let short = as_short[i];
            if let Some(dst) = merged[t].as_mut() {
                dst.evidence.extend(src.evidence);
                let mut names = vec![src.label];
                names.extend(src.aliases);
                for name in names {
                    if name == dst.label {
                        continue;
                    }
                    let list = if short {
                        &mut dst.short_forms
                    } else {
                        &mut dst.aliases
                    };
                    if !list.contains(&name) {
                        list.push(name);
                    }
                }
                for s in src.short_forms {
                    if !dst.short_forms.contains(&s) {
                        dst.short_forms.push(s);
                    }
                }
                if dst.label_en.is_none() {
                    dst.label_en = src.label_en;
                }
            }
        }
        for i in 0..n {
            if final_of[i] == usize::MAX {
                merged[i] = None;
            }
        }
        // names rebuilt on other names: "Lễ mở ký" + each name of the
        // convention, so that other documents naming it otherwise agree
        for i in 0..n {
            for (prefix, base) in &built_on[i] {
                let base = final_of[*base];
                if base != usize::MAX && final_of[i] == i {
                    complete_role(i, prefix, base, &mut merged);
                    add_variants(i, prefix, base, &mut merged);
                }
            }
        }
        // a place or country named only inside organisations' names ("Hà
        // Nội" of "TAND TP Hà Nội") is part of those names, not a thing
        // the article speaks of
        drop_places_inside_names(&mut merged);
        // roles nobody holds are titles mentioned in passing
        let held: BTreeSet<usize> = self
            .facts
            .iter()
            .filter(|f| f.relation == Relation::HoldsRole)
            .map(|f| final_of[f.object])
            .collect();
        for (i, m) in merged.iter_mut().enumerate() {
            if m.as_ref().is_some_and(|e| e.kind == NodeKind::Role) && !held.contains(&i) {
                *m = None;
            }
        }
        // compact
        let mut new_index = vec![usize::MAX; n];
        let mut entities = Vec::new();
        for (i, m) in merged.into_iter().enumerate() {
            if let Some(mut e) = m {
                e.evidence.sort_by_key(|ev| (ev.sentence, ev.start, ev.end));
                e.evidence
                    .dedup_by_key(|ev| (ev.sentence, ev.start, ev.end));
                let label = e.label.clone();
                e.aliases.retain(|a| *a != label);
                e.short_forms
                    .retain(|a| *a != label && !e.aliases.contains(a));
                new_index[i] = entities.len();
                entities.push(e);
            }
        }
        let mut facts = Vec::new();
        let mut seen = BTreeSet::new();
        for mut f in self.facts.drain(..) {
            let s = final_of[f.subject];
            let o = final_of[f.object];
            if s == usize::MAX
                || o == usize::MAX
                || new_index[s] == usize::MAX
                || new_index[o] == usize::MAX
            {
                continue;
            }
            f.subject = new_index[s];
            f.object = new_index[o];
            if f.subject == f.object
                || !seen.insert((f.subject, f.relation, f.object, f.evidence.sentence))
            {
                continue;
            }
            // whoever organises, hosts or chairs an event takes part in it
            let takes_part = (f.relation == Relation::OrganizedBy
                && seen.insert((
                    f.object,
                    Relation::ParticipatedIn,
                    f.subject,
                    f.evidence.sentence,
                )))
            .then(|| Fact {
                subject: f.object,
                relation: Relation::ParticipatedIn,
                object: f.subject,
                evidence: f.evidence,
                sentence: f.sentence.clone(),
            });
            facts.push(f);
            facts.extend(takes_part);
        }
        DocFacts { entities, facts }
    }
}

impl DocBuilder<'_> {
    /// Persons: one entity per person, whatever the spelling (`target`:
    /// where each entity goes). The steps of [`DocBuilder::finish`] are
    /// kept out of line, so that profiles show what each costs.
    #[allow(clippy::needless_range_loop)] // entities are addressed by index throughout
    #[inline(never)]
    fn resolve_persons(&self, target: &mut [usize]) {
        let n = self.entities.len();
        // persons: one entity per person, whatever the spelling; a given
        // name alone ("ông Thắng", "bà Lan Hương") is the one person of the
        // article whose full name ends with it
        let mut by_given: FastMap<String, Vec<usize>> = FastMap::default();
        for (j, p) in self.entities.iter().enumerate() {
            if p.entity.kind != NodeKind::Person {
                continue;
            }
            // the last words from each word on but the first: the text
            // after each space
            let label = &p.entity.label;
            for (at, _) in label.match_indices(' ') {
                let owners = by_given.entry(slug(&label[at + 1..])).or_default();
                if !owners.contains(&j) {
                    owners.push(j);
                }
            }
        }
        // the slugs of each person's words, once: the loop below compares pairs
        let person_words: Vec<Vec<String>> = self
            .entities
            .iter()
            .map(|p| match p.entity.kind {
                NodeKind::Person => words(&p.entity.label).into_iter().map(slug).collect(),
                _ => Vec::new(),
            })
            .collect();
        let words_index = PersonWordsIndex::new(&person_words);
        let persons: Vec<usize> = (0..n)
            .filter(|&j| self.entities[j].entity.kind == NodeKind::Person)
            .collect();
        for i in 0..n {
            if self.entities[i].entity.kind != NodeKind::Person {
                continue;
            }
            let label = &self.entities[i].entity.label;
            let key = (NodeKind::Organization, slug(label));
            // "Công ty X (“Đồng Xanh”) ... Đồng Xanh sẽ ...": a name the
            // article gave a body is that body, though it reads as a person
            if let Some(&org) = self.by_key.get(&key) {
                target[i] = org;
                continue;
            }
            let label_slug = &key.1;
            if label.split(' ').count() <= 2 {
                if let Some([j]) = by_given.get(label_slug).map(Vec::as_slice) {
                    if *j != i {
                        target[i] = *j;
                        continue;
                    }
                }
            }
            // a surname alone ("Park" of "Park Hang Seo", written surname
            // first) is the one person of the article it opens, when no
            // name ends with it
            if !label.contains(' ') && !by_given.contains_key(label_slug) {
                let mut opens = persons.iter().copied().filter(|&j| {
                    j != i && person_words[j].len() > 1 && person_words[j][0] == *label_slug
                });
                if let (Some(j), None) = (opens.next(), opens.next()) {
                    target[i] = j;
                    continue;
                }
            }
            if !label.contains(' ') {
                continue;
            }
            for &j in person_candidates(&words_index, &person_words[i], &persons).iter() {
                if i != j
                    && target[j] == j
                    && self.entities[j].entity.kind == NodeKind::Person
                    && same_person_words(&person_words[i], &person_words[j])
                    && person_rank(&self.entities[j].entity.label)
                        > person_rank(&self.entities[i].entity.label)
                {
                    target[i] = j;
                    break;
                }
            }
        }
    }

    /// Short forms to the full name they begin; which entities were
    /// resolved so.
    #[allow(clippy::needless_range_loop)] // entities are addressed by index throughout
    #[inline(never)]
    fn resolve_short_forms(&self, target: &mut [usize]) -> Vec<bool> {
        let n = self.entities.len();
        // short forms to the full name they begin, the most mentioned one
        // (a full name of a document or event that another one of the
        // article continues, "Công ước của Liên hợp quốc", is one too)
        let mut as_short = vec![false; n];
        // whether the loop below resolves entity `i`
        let resolved = |i: usize, target: &[usize]| {
            let p = &self.entities[i];
            let prefix_kind = matches!(p.entity.kind, NodeKind::Document | NodeKind::Event);
            (prefix_kind || p.form != Form::Full) && target[i] == i
        };
        // the kinds of the entities it resolves
        let mut short_kinds: Vec<NodeKind> = Vec::new();
        for i in 0..n {
            let kind = self.entities[i].entity.kind;
            if resolved(i, target) && !short_kinds.contains(&kind) {
                short_kinds.push(kind);
            }
        }
        if short_kinds.is_empty() {
            return as_short;
        }
        // every name of those kinds lower-cased once: the loop compares all pairs
        let lowered: Vec<Vec<String>> = self
            .entities
            .iter()
            .map(|e| match short_kinds.contains(&e.entity.kind) {
                true => names_of(&e.entity).map(|name| to_lower(name)).collect(),
                false => Vec::new(),
            })
            .collect();
        // and split into words, for documents and events
        let lowered_words: Vec<Vec<Vec<&str>>> = lowered
            .iter()
            .zip(&self.entities)
            .map(|(names, p)| {
                let prefix_kind = matches!(p.entity.kind, NodeKind::Document | NodeKind::Event);
                names
                    .iter()
                    .map(|name| match prefix_kind {
                        true => words(name),
                        false => Vec::new(),
                    })
                    .collect()
            })
            .collect();
        let names_index = NamesIndex::new(&lowered, &lowered_words);
        // per kind of `short_kinds`, the entities a short form of it may
        // be resolved to
        let targets: Vec<Vec<usize>> = short_kinds
            .iter()
            .map(|&kind| {
                (0..n)
                    .filter(|&j| {
                        let p = &self.entities[j];
                        p.entity.kind == kind && p.form != Form::ShortOrDrop
                    })
                    .collect()
            })
            .collect();
        for i in 0..n {
            if !resolved(i, target) {
                continue;
            }
            let kind = self.entities[i].entity.kind;
            let prefix_kind = matches!(kind, NodeKind::Document | NodeKind::Event);
            // (its kind is of `short_kinds`: its label is lowered first)
            let short = &lowered[i][0];
            let short_words = words(short);
            let of_kind = short_kinds
                .iter()
                .position(|&k| k == kind)
                .map_or(&[][..], |k| &targets[k]);
            let best = names_index
                .candidates(short, &short_words, prefix_kind, of_kind)
                .iter()
                .copied()
                .filter(|&j| {
                    j != i
                        && self.entities[j].entity.kind == kind
                        && self.entities[j].form != Form::ShortOrDrop
                        && lowered[j]
                            .iter()
                            .zip(&lowered_words[j])
                            .any(|(name, words)| {
                                starts_with_words(name, short)
                                    || (prefix_kind && same_head_fewer_words(&short_words, words))
                            })
                })
                .max_by_key(|&j| (self.entities[j].entity.evidence.len(), std::cmp::Reverse(j)));
            target[i] = match best {
                Some(j) => {
                    as_short[i] = true;
                    j
                }
                None if self.entities[i].form == Form::ShortOrDrop => usize::MAX,
                None => i,
            };
        }
        as_short
    }

    /// A bare title of a person who holds the full one: the bare holding
    /// goes.
    #[inline(never)]
    fn drop_bare_holdings(&mut self) {
        // a bare title ("Bộ trưởng") of a person who holds the full one
        // ("Bộ trưởng Bộ Công an") names that one: the person's bare holding
        // goes (the bare role stays for others who hold only it)
        let held_by: Vec<(usize, usize)> = self
            .facts
            .iter()
            .filter(|f| f.relation == Relation::HoldsRole)
            .map(|f| (f.subject, f.object))
            .collect();
        let mut roles_of: FastMap<usize, Vec<(usize, String)>> = FastMap::default();
        for &(person, role) in &held_by {
            let label = to_lower(&self.entities[role].entity.label);
            roles_of.entry(person).or_default().push((role, label));
        }
        let redundant: BTreeSet<(usize, usize)> = held_by
            .iter()
            .filter(|&&(person, role)| {
                let roles = &roles_of[&person];
                let bare = &roles
                    .iter()
                    .find(|(r, _)| *r == role)
                    .expect("listed above")
                    .1;
                roles
                    .iter()
                    .any(|(r2, label)| *r2 != role && starts_with_words(label, bare))
            })
            .copied()
            .collect();
        self.facts.retain(|f| {
            f.relation != Relation::HoldsRole || !redundant.contains(&(f.subject, f.object))
        });
    }
}

/// Administrative units and the Party committee named after each
/// ("Tỉnh ủy" is the committee of the "tỉnh").
const LOCAL_UNITS: [(&str, &str); 4] = [
    ("tỉnh", "Tỉnh ủy"),
    ("thành phố", "Thành ủy"),
    ("huyện", "Huyện ủy"),
    ("quận", "Quận ủy"),
];

/// The units of [`LOCAL_UNITS`] between spaces, as found inside a name.
const LOCAL_UNIT_MARKERS: [&str; 4] = [" tỉnh ", " thành phố ", " huyện ", " quận "];

/// How names write each of [`LOCAL_UNITS`]' committees, made once.
struct LocalUnitForms {
    /// The committee and a space, as it opens a name ("Tỉnh ủy Hà Giang").
    committee_marker: String,
    /// The committee in lower case.
    committee_lower: String,
    /// Its executive board, in lower case, before the unit's name ("ban
    /// chấp hành đảng bộ tỉnh Hà Giang").
    board_prefix: String,
}

/// What [`LocalUnitForms::board_prefix`] begins with.
const LOCAL_BOARD: &str = "ban chấp hành đảng bộ ";

fn local_unit_forms() -> &'static [LocalUnitForms] {
    static FORMS: std::sync::OnceLock<Vec<LocalUnitForms>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        LOCAL_UNITS
            .iter()
            .map(|(unit, committee)| LocalUnitForms {
                committee_marker: format!("{committee} "),
                committee_lower: to_lower(committee),
                board_prefix: format!("{LOCAL_BOARD}{unit} "),
            })
            .collect()
    })
}

/// `hay.find(needle)`, looking only where `needle`'s first byte is: names
/// are short, and a substring search costs more to set up than to run on
/// them.
fn find_in_name(hay: &str, needle: &str) -> Option<usize> {
    let Some(&first) = needle.as_bytes().first() else {
        return Some(0);
    };
    // `first` begins a character: so does every place it is found
    let bytes = hay.as_bytes();
    (0..bytes.len())
        .filter(|&at| bytes[at] == first)
        .find(|&at| bytes[at..].starts_with(needle.as_bytes()))
}

impl DocBuilder<'_> {
    /// "UBND tỉnh", "Tỉnh ủy" that name no body of the article in full are
    /// the bodies of the one province (city, district) the article names
    /// with its unit ("UBND tỉnh Nghệ An"): they take its name, so that
    /// other articles' provinces stay apart.
    #[inline(never)]
    fn complete_local_bodies(&mut self, target: &[usize]) {
        // the bare bodies, with their unit: in most articles none
        let bare: Vec<(usize, usize)> = (0..self.entities.len())
            .filter_map(|i| {
                let p = &self.entities[i];
                if p.entity.kind != NodeKind::Organization || p.form == Form::Full || target[i] != i
                {
                    return None;
                }
                let label = &p.entity.label;
                let unit = LOCAL_UNITS.iter().position(|(unit, committee)| {
                    let after_space = |rest: &str| rest.ends_with(' ');
                    label.strip_suffix(unit).is_some_and(after_space) || label == committee
                });
                unit.map(|u| (i, u))
            })
            .collect();
        if bare.is_empty() {
            return;
        }
        // the names each unit is written with in full names
        let mut names: Vec<BTreeSet<String>> = vec![BTreeSet::new(); LOCAL_UNITS.len()];
        for p in &self.entities {
            if p.entity.kind != NodeKind::Organization || p.form != Form::Full {
                continue;
            }
            let label = &p.entity.label;
            for (u, (forms, marker)) in local_unit_forms()
                .iter()
                .zip(LOCAL_UNIT_MARKERS)
                .enumerate()
            {
                // "UBND tỉnh Hà Giang", and "Tỉnh ủy Hà Giang": the
                // committee names its province too
                let committee_marker = &forms.committee_marker;
                if let Some(at) = find_in_name(label, marker) {
                    names[u].insert(label[at + marker.len()..].to_string());
                } else if let Some(at) = find_in_name(label, committee_marker) {
                    let at_word = at == 0 || label[..at].ends_with(' ');
                    if at_word {
                        names[u].insert(label[at + committee_marker.len()..].to_string());
                    }
                }
            }
        }
        for (i, u) in bare {
            let p = &mut self.entities[i];
            let label = p.entity.label.clone();
            if let [name] = names[u].iter().collect::<Vec<_>>()[..] {
                let full = format!("{label} {name}");
                let e = &mut p.entity;
                e.short_forms.push(label);
                e.label = full;
                demote_prefix_aliases(e);
            }
        }
    }
}

/// Drops the places and countries of `merged` whose every mention lies
/// inside the mention of an organisation.
fn drop_places_inside_names(merged: &mut [Option<Entity>]) {
    let spans: Vec<(u32, u32, u32)> = merged
        .iter()
        .flatten()
        .filter(|e| e.kind == NodeKind::Organization)
        .flat_map(|e| e.evidence.iter().map(|ev| (ev.sentence, ev.start, ev.end)))
        .collect();
    if spans.is_empty() {
        return;
    }
    let inside = |ev: &Evidence| {
        spans.iter().any(|&(sentence, start, end)| {
            sentence == ev.sentence
                && start <= ev.start
                && ev.end <= end
                && (start, end) != (ev.start, ev.end)
        })
    };
    for m in merged.iter_mut() {
        let only_inside = m.as_ref().is_some_and(|e| {
            matches!(e.kind, NodeKind::Place | NodeKind::Country)
                && !e.evidence.is_empty()
                && e.evidence.iter().all(inside)
        });
        if only_inside {
            *m = None;
        }
    }
}

/// The legal forms of companies (`data/lexicon/company_forms.txt`): (form
/// lower-cased, whether it stands before the name).
fn company_forms() -> &'static [(String, bool)] {
    static FORMS: std::sync::OnceLock<Vec<(String, bool)>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        include_str!("../../data/lexicon/company_forms.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('|'))
            .map(|(form, at)| (to_lower(form.trim()), at.trim() == "before"))
            .collect()
    })
}

/// What an organisation's name says once written the ways news varies it,
/// with whether a unit word ("tỉnh", "thành phố") was taken out: "Ban Chấp
/// hành Đảng bộ tỉnh X" and "Tỉnh ủy X" are one body, "TAND tỉnh X" and
/// "TAND X", "Công ty CP Tập đoàn X" and "Tập đoàn X", "Tổng công ty X -
/// TNHH MTV" and "Tổng công ty X".
fn body_key(label: &str) -> (String, Option<usize>) {
    let mut key = to_lower(label);
    if key.starts_with(LOCAL_BOARD) {
        for forms in local_unit_forms() {
            if let Some(rest) = key.strip_prefix(&forms.board_prefix) {
                key = format!("{} {rest}", forms.committee_lower);
            }
        }
    }
    for (form, before) in company_forms() {
        if *before {
            // only before another head: "Công ty CP Tập đoàn X"
            let rest = key
                .strip_prefix(form.as_str())
                .and_then(|r| r.strip_prefix(' '));
            if let Some(rest) =
                rest.filter(|r| r.starts_with("tập đoàn ") || r.starts_with("tổng công ty "))
            {
                key = rest.to_string();
            }
        } else if let Some(rest) = key.strip_suffix(form.as_str()) {
            key = rest.trim_end_matches([' ', '-', '–']).to_string();
        }
    }
    let mut unit = None;
    for (u, marker) in LOCAL_UNIT_MARKERS.iter().enumerate() {
        if let Some(at) = find_in_name(&key, marker) {
            key.replace_range(at..at + marker.len(), " ");
            unit = Some(u);
            break;
        }
    }
    (key, unit)
}

impl DocBuilder<'_> {
    /// Organisations whose names are one body written two ways (see
    /// [`body_key`]) join the one with the longer name. A body named with
    /// two different units ("UBND thành phố X", "UBND tỉnh X") is two.
    #[inline(never)]
    fn merge_same_bodies(&self, target: &mut [usize]) {
        let mut groups: FastMap<String, Vec<(usize, Option<usize>)>> = FastMap::default();
        for (i, p) in self.entities.iter().enumerate() {
            if p.entity.kind == NodeKind::Organization && target[i] == i {
                let (key, unit) = body_key(&p.entity.label);
                groups.entry(key).or_default().push((i, unit));
            }
        }
        let mut keys: Vec<&String> = groups.keys().collect();
        keys.sort();
        for key in keys {
            let members = &groups[key];
            let units: BTreeSet<usize> = members.iter().filter_map(|m| m.1).collect();
            if members.len() < 2 || units.len() > 1 {
                continue;
            }
            let label_len = |i: usize| self.entities[i].entity.label.chars().count();
            let Some(&(to, _)) = members
                .iter()
                .max_by_key(|(i, _)| (label_len(*i), std::cmp::Reverse(*i)))
            else {
                continue;
            };
            for &(i, _) in members {
                if i != to {
                    target[i] = to;
                }
            }
        }
    }
}

/// A role named on a body whose short name the article completes ("Phó
/// Chủ tịch UBND tỉnh" of "UBND tỉnh Nghệ An") takes the full name, so
/// that the same title of another province stays apart. `i` and `base`
/// are entities kept by the merge.
fn complete_role(i: usize, prefix: &str, base: usize, merged: &mut [Option<Entity>]) {
    let Some(base_label) = merged[base].as_ref().map(|b| b.label.clone()) else {
        return;
    };
    let Some(e) = merged[i].as_mut().filter(|e| e.kind == NodeKind::Role) else {
        return;
    };
    let full = format!("{prefix} {base_label}");
    if starts_with_words(&to_lower(&full), &to_lower(&e.label)) {
        let short = std::mem::replace(&mut e.label, full);
        e.short_forms.push(short);
        demote_prefix_aliases(e);
    }
}

/// Aliases that begin the label ("Phó Chủ tịch UBND tỉnh") or end in a
/// bare unit ("Ủy ban nhân dân tỉnh", "Tỉnh ủy") name the entity only
/// within its article: they become short forms.
fn demote_prefix_aliases(e: &mut Entity) {
    let label = to_lower(&e.label);
    let bare_unit = |a: &str| {
        LOCAL_UNITS
            .iter()
            .zip(local_unit_forms())
            .any(|((unit, _), forms)| {
                let after_space = |rest: &str| rest.ends_with(' ');
                a.strip_suffix(unit).is_some_and(after_space) || a.ends_with(&forms.committee_lower)
            })
    };
    let (short, keep): (Vec<String>, Vec<String>) =
        std::mem::take(&mut e.aliases).into_iter().partition(|a| {
            let a = to_lower(a);
            starts_with_words(&label, &a) || bare_unit(&a)
        });
    e.aliases = keep;
    for s in short {
        if !e.short_forms.contains(&s) {
            e.short_forms.push(s);
        }
    }
}

/// Adds to entity `i` its name rebuilt on each name of `base`: `prefix`
/// followed by the base's label or alias. `i` and `base` are entities kept
/// by the merge.
fn add_variants(i: usize, prefix: &str, base: usize, merged: &mut [Option<Entity>]) {
    let Some(base_entity) = merged[base].as_ref() else {
        return;
    };
    let variants: Vec<String> = names_of(base_entity)
        .map(|name| format!("{prefix} {name}"))
        .collect();
    if let Some(e) = merged[i].as_mut() {
        for v in variants {
            if v != e.label && !e.aliases.contains(&v) {
                e.aliases.push(v);
            }
        }
    }
}

fn names_of(e: &Entity) -> impl Iterator<Item = &String> {
    std::iter::once(&e.label).chain(e.aliases.iter())
}

/// Where `i` is redirected to, following chains.
fn follow(target: &[usize], mut i: usize) -> usize {
    let mut steps = 0;
    // (usize::MAX: a dropped entity, which leads nowhere)
    while i != usize::MAX && target[i] != i && steps < target.len() {
        i = target[i];
        steps += 1;
    }
    i
}

/// The persons that may be [`same_person_words`] with a name, found by
/// its words instead of compared with every person: all pairs cost the
/// square of the persons a document names (a long document names
/// thousands).
/// How many entities a document names before the name indexes pay for
/// themselves: below, comparing every pair is cheaper than building them.
const INDEXED_FROM: usize = 128;

struct PersonWordsIndex<'a> {
    /// With fewer entities than [`INDEXED_FROM`], no index: every entity
    /// is a candidate (the checks that follow are the same either way).
    all: Option<usize>,
    /// Persons by the slugs of their words.
    by_words: FastMap<&'a [String], Vec<usize>>,
    /// Persons of three words or more by their words with word `k` left
    /// out: the names differing in that word alone.
    but_one: FastMap<(usize, Vec<&'a str>), Vec<usize>>,
}

impl<'a> PersonWordsIndex<'a> {
    fn new(person_words: &'a [Vec<String>]) -> Self {
        let mut index = PersonWordsIndex {
            all: (person_words.len() < INDEXED_FROM).then_some(person_words.len()),
            by_words: FastMap::default(),
            but_one: FastMap::default(),
        };
        if index.all.is_some() {
            return index;
        }
        for (j, words) in person_words.iter().enumerate() {
            if words.is_empty() {
                continue;
            }
            index.by_words.entry(words).or_default().push(j);
            if words.len() >= 3 {
                for k in 0..words.len() {
                    index.but_one.entry(but_one(words, k)).or_default().push(j);
                }
            }
        }
        index
    }
}

fn but_one(words: &[String], k: usize) -> (usize, Vec<&str>) {
    let rest = words
        .iter()
        .enumerate()
        .filter(|&(w, _)| w != k)
        .map(|(_, word)| word.as_str())
        .collect();
    (k, rest)
}

/// The persons that may share the name of `words`, in entity order: those
/// the index finds, or without one all `persons`.
fn person_candidates<'p>(
    index: &PersonWordsIndex<'_>,
    words: &[String],
    persons: &'p [usize],
) -> Cow<'p, [usize]> {
    if index.all.is_some() {
        return Cow::Borrowed(persons);
    }
    let mut found: Vec<usize> = index.by_words.get(words).cloned().unwrap_or_default();
    if words.len() >= 3 {
        for k in 0..words.len() {
            if let Some(js) = index.but_one.get(&but_one(words, k)) {
                found.extend(js);
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    Cow::Owned(found)
}

/// The entities whose names a short form may begin, found by the short
/// form instead of compared with every entity (see [`PersonWordsIndex`]).
struct NamesIndex<'a> {
    /// With fewer entities than [`INDEXED_FROM`], no index (as in
    /// [`PersonWordsIndex`]).
    all: Option<usize>,
    /// Entities by each run of whole words that begins one of their names
    /// ([`starts_with_words`]).
    by_prefix: FastMap<&'a str, Vec<usize>>,
    /// Documents and events by the first word of a name and any word of
    /// it ([`same_head_fewer_words`]).
    by_head_and_word: FastMap<(&'a str, &'a str), Vec<usize>>,
}

impl<'a> NamesIndex<'a> {
    fn new(lowered: &'a [Vec<String>], lowered_words: &'a [Vec<Vec<&'a str>>]) -> Self {
        let mut index = NamesIndex {
            all: (lowered.len() < INDEXED_FROM).then_some(lowered.len()),
            by_prefix: FastMap::default(),
            by_head_and_word: FastMap::default(),
        };
        if index.all.is_some() {
            return index;
        }
        let add = |list: &mut Vec<usize>, j: usize| {
            if list.last() != Some(&j) {
                list.push(j);
            }
        };
        for (j, (names, words)) in lowered.iter().zip(lowered_words).enumerate() {
            for name in names {
                for (at, _) in name.match_indices(' ') {
                    add(index.by_prefix.entry(&name[..at]).or_default(), j);
                }
            }
            for words in words {
                let Some(&head) = words.first() else { continue };
                for &word in words {
                    add(index.by_head_and_word.entry((head, word)).or_default(), j);
                }
            }
        }
        index
    }

    /// Every entity with a name that `short` may begin, and others: those
    /// the index finds, or without one all of `of_kind` (the entities of
    /// the short form's kind).
    fn candidates<'k>(
        &self,
        short: &str,
        short_words: &[&str],
        prefix_kind: bool,
        of_kind: &'k [usize],
    ) -> Cow<'k, [usize]> {
        if self.all.is_some() {
            return Cow::Borrowed(of_kind);
        }
        let mut found: Vec<usize> = self.by_prefix.get(short).cloned().unwrap_or_default();
        if prefix_kind && short_words.len() >= 2 {
            // every word is in the name: the fewest sharing one will do
            let fewest = short_words[1..]
                .iter()
                .map(|&w| {
                    self.by_head_and_word
                        .get(&(short_words[0], w))
                        .map_or(&[][..], Vec::as_slice)
                })
                .min_by_key(|js| js.len());
            found.extend(fewest.unwrap_or_default());
        }
        found.sort_unstable();
        found.dedup();
        Cow::Owned(found)
    }
}

/// Whether `long` begins with the words of `short` and has more.
fn starts_with_words(long: &str, short: &str) -> bool {
    long.len() > short.len() && long.starts_with(short) && long[short.len()..].starts_with(' ')
}

/// Whether `short` and `long` open with the same word and every word of
/// `short` is in `long`, which has more: "Công ước chống tội phạm mạng" in
/// "Công ước của Liên hợp quốc về chống tội phạm mạng".
/// Both are given as their words.
fn same_head_fewer_words(sw: &[&str], lw: &[&str]) -> bool {
    sw.len() >= 2 && sw.len() < lw.len() && sw[0] == lw[0] && sw.iter().all(|w| lw.contains(w))
}

/// How complete a spelling of a person's name is: more words, then more
/// diacritics, win.
fn person_rank(name: &str) -> (usize, usize) {
    (name.split_whitespace().count(), name.len())
}

/// Two names of one person within a document: the same words but for
/// diacritics or one misspelt word ("Faouzia"/"Fouzia"), or a name made of
/// the last words of the other ("Guterres").
/// Both are given as the slugs of their words.
fn same_person_words(wa: &[String], wb: &[String]) -> bool {
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa == wb {
        return true;
    }
    if wa.len() == wb.len() && wa.len() >= 3 {
        let differing: Vec<usize> = (0..wa.len()).filter(|&k| wa[k] != wb[k]).collect();
        if let [k] = differing[..] {
            return edit_distance(&wa[k], &wb[k]) <= 2 && wa[k].len() >= 4;
        }
        return false;
    }
    false
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_in_name_is_find() {
        let names = [
            "",
            "Tỉnh ủy Hà Giang",
            "UBND tỉnh Hà Giang",
            "XTỉnh ủy A Tỉnh ủy B",
            "ủy ủy",
        ];
        for hay in names {
            for needle in [
                "",
                " tỉnh ",
                "Tỉnh ủy ",
                "ủy",
                "y",
                "Giang",
                "Hà Giang!",
                " ",
            ] {
                assert_eq!(
                    find_in_name(hay, needle),
                    hay.find(needle),
                    "{hay} {needle}"
                );
            }
        }
    }

    #[test]
    fn unit_markers_are_the_units_between_spaces() {
        for ((unit, _), marker) in LOCAL_UNITS.iter().zip(LOCAL_UNIT_MARKERS) {
            assert_eq!(format!(" {unit} "), marker);
        }
    }
}
