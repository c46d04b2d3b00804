//! A user's working checklist for one report: the commitments, plus what the user did
//! with them (ticks, edits, notes, items added by hand, items removed, order).
//!
//! A `Checklist` starts from a `Report` and is then changed only through its methods,
//! each named for what the user did. It is plain serde data, so the page can keep it in
//! local storage (keyed by `report_id`, a hash of the report's text), export it, and put
//! it in a share link. Nothing here touches the DOM.
//!
//! The same checklist can be worked on in two places at once (two tabs, or the same text
//! opened twice), so every change also counts a revision: of the item it changed, of the
//! list's order, or of a removal. `merge` joins two copies item by item, each item as its
//! latest revision left it, so that no tick, edit, note, addition or removal is lost.
//!
//! What the reader corrected in the report's analysis (`Corrections`: the plan, the years,
//! the issuer) is kept in the checklist too, with its own revision, so that it travels
//! wherever the checklist does (storage, other tabs, exports, share links) and no later
//! analysis overwrites it. When the report is analysed again with them, `replan` makes the
//! checklist that of the corrected plan, setting the earlier plan's items aside with what
//! the user did to them, to come back if the plan does.

use serde::{Deserialize, Serialize};

use crate::analysis::{one_line, text_id, Confidence, Corrections, Report};

/// What a user wrote about an item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub owner: String,
    pub deadline: String,
    pub text: String,
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The commitment's stable id, or `added-N` for an item added by hand.
    pub id: String,
    pub title: String,
    pub text: String,
    /// The heading the item sits under in the plan section, or the appendix list it
    /// comes from.
    pub section: Option<String>,
    /// Measurable targets, each as the phrase it is written in (`Target::phrase`:
    /// `改造完工老旧小区300个以上`, `年底前`).
    pub targets: Vec<String>,
    /// Read from a sentence of an unstructured plan rather than marked by the report.
    #[serde(default)]
    pub inferred: bool,
    /// A commitment of the report that names nothing to check it by: no quantity,
    /// percentage, deadline, goal or owner.
    #[serde(default)]
    pub vague: bool,
    pub done: bool,
    pub note: Note,
    /// How many times the user changed this item here: the later copy wins a merge.
    #[serde(default)]
    pub rev: u32,
    /// The points a checker ticks within the item (`analysis::Point`), in order.
    #[serde(default)]
    pub points: Vec<PointItem>,
}

/// One point of an item: its lead sentence, the targets written in it, and whether it is
/// done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointItem {
    pub title: String,
    pub targets: Vec<String>,
    pub done: bool,
}

const ADDED_PREFIX: &str = "added-";

/// Characters that end a sentence, where an item can be split.
const SENTENCE_ENDS: [char; 5] = ['。', '；', '！', '？', '\n'];

/// How many characters of a sentence title a split-off item.
const SPLIT_TITLE_CHARS: usize = 40;

/// The first sentence of `text`, without its end, cut to `SPLIT_TITLE_CHARS`.
fn first_sentence(text: &str) -> String {
    let sentence = text.split(SENTENCE_ENDS).next().unwrap_or_default().trim();
    match sentence.char_indices().nth(SPLIT_TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", &sentence[..cut]),
        None => sentence.to_string(),
    }
}

/// True for the item `id` and for the items split off it (`Checklist::split`).
fn is_or_split_of(id: &str, item: &str) -> bool {
    id.strip_prefix(item)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Two texts one after the other, on lines of their own (either may be empty).
fn joined(first: &str, second: &str) -> String {
    match (first.is_empty(), second.is_empty()) {
        (_, true) => first.to_string(),
        (true, false) => second.to_string(),
        (false, false) => format!("{first}\n{second}"),
    }
}

impl Item {
    /// Where the item's text can be split: after each sentence but the last (bytes of
    /// `text`).
    pub fn split_points(&self) -> Vec<usize> {
        let text = self.text.trim_end();
        let mut points = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            // A sentence's end followed by a line break is one point, after the sentence.
            if SENTENCE_ENDS.contains(&c) && !text[start..end].trim().is_empty() {
                points.push(end);
                start = end;
            }
        }
        points.retain(|&end| !text[end..].trim().is_empty());
        points
    }

    /// Each field cut to its length (`Checklist::bounded`).
    fn bound(&mut self) {
        self.targets.truncate(MAX_TARGETS);
        self.points.truncate(MAX_TARGETS);
        for point in &mut self.points {
            point.targets.truncate(MAX_TARGETS);
            for field in std::iter::once(&mut point.title).chain(&mut point.targets) {
                cut(field, MAX_TITLE_CHARS);
            }
        }
        let short = [&mut self.id, &mut self.title]
            .into_iter()
            .chain(&mut self.section)
            .chain(&mut self.targets);
        for field in short {
            cut(field, MAX_TITLE_CHARS);
        }
        cut(&mut self.text, MAX_FIELD_CHARS);
        for field in [
            &mut self.note.owner,
            &mut self.note.deadline,
            &mut self.note.text,
        ] {
            cut(field, MAX_FIELD_CHARS);
        }
    }
}

/// Bounds on a checklist that comes from outside the page (a share link, stored data),
/// so that no input can make the view draw millions of lines: items, characters of a
/// title or an id, characters of any longer field, and targets per item.
const MAX_ITEMS: usize = 2_000;
const MAX_TITLE_CHARS: usize = 500;
const MAX_FIELD_CHARS: usize = 20_000;
const MAX_TARGETS: usize = 100;

/// `s` cut to at most `max` characters.
fn cut(s: &mut String, max: usize) {
    if let Some((at, _)) = s.char_indices().nth(max) {
        s.truncate(at);
    }
}

/// The checklist of one report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    /// Identifies the report: a hash of its text, white space ignored.
    pub report_id: String,
    pub report_title: Option<String>,
    pub issuer: Option<String>,
    pub plan_year: Option<u32>,
    pub items: Vec<Item>,
    /// How many times the user changed the order (moved, added, removed or restored).
    #[serde(default)]
    pub order_rev: u32,
    /// Items the user removed, each with its revision when removed, so that a merge
    /// does not bring them back unless they were changed (or restored) since.
    #[serde(default)]
    pub removed: Vec<(String, u32)>,
    /// What the reader corrected in the report's analysis.
    #[serde(default)]
    pub corrections: Corrections,
    /// How many times the reader changed the corrections: the later copy's win a merge.
    #[serde(default)]
    pub corrections_rev: u32,
    /// The items of an earlier plan (`replan`), as the user left them.
    #[serde(default)]
    pub aside: Vec<Item>,
}

/// An item taken out of the list, with where it was, so it can be put back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub item: Item,
    pub index: usize,
}

/// Which way to move an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Up,
    Down,
}

impl Checklist {
    /// The checklist of a freshly analysed report: every commitment, nothing done.
    pub fn from_report(report: &Report) -> Self {
        Checklist {
            report_id: report.id.clone(),
            report_title: report.meta.title.clone(),
            issuer: report.meta.issuer.clone(),
            plan_year: report.meta.plan_year,
            items: report
                .commitments
                .iter()
                .map(|c| Item {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    text: c.text.clone(),
                    section: c.parent.clone().or_else(|| c.group.clone()),
                    targets: c.targets.iter().map(|t| t.phrase.clone()).collect(),
                    inferred: c.confidence == Confidence::Low,
                    vague: !c.concrete,
                    done: false,
                    note: Note {
                        owner: c.owner.clone().unwrap_or_default(),
                        ..Note::default()
                    },
                    rev: 0,
                    points: c
                        .points
                        .iter()
                        .map(|p| PointItem {
                            title: p.title.clone(),
                            targets: p.targets.iter().map(|t| t.phrase.clone()).collect(),
                            done: false,
                        })
                        .collect(),
                })
                .collect(),
            order_rev: 0,
            removed: Vec::new(),
            corrections: Corrections::default(),
            corrections_rev: 0,
            aside: Vec::new(),
        }
    }

    /// Sets what the reader corrected (all of it: a value left out is no longer
    /// corrected).
    pub fn correct(&mut self, corrections: Corrections) {
        if self.corrections != corrections {
            self.corrections = corrections;
            self.corrections_rev += 1;
        }
    }

    /// Makes this the checklist of `fresh`, the report analysed again with the reader's
    /// corrections. The items of `fresh`'s plan stay as the user left them, in the user's
    /// order, with the items split off them and the items added by hand; an item of the
    /// plan the user deleted or merged away stays out. The items of another plan are set
    /// aside (`aside`) and counted removed, so that a merge with a copy from before does
    /// not bring them back; they come back, as the user left them, with their plan, each
    /// after the item before it in `fresh`. A plan that did not change changes nothing.
    pub fn replan(&mut self, fresh: &Checklist) {
        let of_plan = |id: &str| {
            id.starts_with(ADDED_PREFIX) || fresh.items.iter().any(|f| is_or_split_of(id, &f.id))
        };
        let (kept, gone): (Vec<Item>, Vec<Item>) = std::mem::take(&mut self.items)
            .into_iter()
            .partition(|i| of_plan(&i.id));
        self.items = kept;
        let mut aside = std::mem::take(&mut self.aside);
        let mut changed = !gone.is_empty();
        for (k, now) in fresh.items.iter().enumerate() {
            if self.items.iter().any(|i| i.id == now.id) {
                continue;
            }
            let back: Vec<Item> = match aside.iter().position(|i| i.id == now.id) {
                // With the items split off it.
                Some(_) => {
                    let (back, rest) = aside
                        .into_iter()
                        .partition(|i| is_or_split_of(&i.id, &now.id));
                    aside = rest;
                    back
                }
                None if self.removed.iter().any(|(id, _)| *id == now.id) => continue,
                None => vec![now.clone()],
            };
            let after = fresh.items[..k].iter().rev().find_map(|p| {
                self.items
                    .iter()
                    .rposition(|i| is_or_split_of(&i.id, &p.id))
            });
            let at = after.map_or(0, |a| a + 1);
            for (n, mut item) in back.into_iter().enumerate() {
                if self.removed.iter().any(|(id, _)| *id == item.id) {
                    // Back from aside: newer than its removal, in every copy.
                    self.removed.retain(|(id, _)| *id != item.id);
                    item.rev += 1;
                }
                self.items.insert(at + n, item);
            }
            changed = true;
        }
        for item in &gone {
            self.removed.retain(|(id, _)| *id != item.id);
            self.removed.push((item.id.clone(), item.rev));
        }
        aside.extend(gone);
        self.aside = aside;
        if changed {
            self.order_rev += 1;
        }
        self.renew(fresh);
    }

    /// Takes from `fresh`, the checklist of the same report analysed now, what the analysis
    /// says and the user cannot change: the report's title, issuer and plan year, and each
    /// item's targets and whether it is vague or inferred. So a checklist kept from before
    /// a better analysis shows what the analysis now finds, with the user's ticks, edits,
    /// notes and order as they were.
    pub fn renew(&mut self, fresh: &Checklist) {
        self.report_title.clone_from(&fresh.report_title);
        self.issuer.clone_from(&fresh.issuer);
        self.plan_year = fresh.plan_year;
        for item in &mut self.items {
            if let Some(now) = fresh.items.iter().find(|now| now.id == item.id) {
                item.targets.clone_from(&now.targets);
                item.vague = now.vague;
                item.inferred = now.inferred;
                // The points the analysis finds now, each ticked as the user left it.
                let points = now.points.iter().map(|point| PointItem {
                    done: item.points.iter().any(|p| p.title == point.title && p.done),
                    ..point.clone()
                });
                item.points = points.collect();
            }
        }
    }

    /// Joins `self` with another copy of the same checklist: every item as its later
    /// revision left it (this copy's on a tie), minus the items removed since their last
    /// change, in the order of the copy that changed its order later, with the items only
    /// the other copy has after their predecessors.
    pub fn merge(&self, other: &Checklist) -> Checklist {
        let (first, second) = if other.order_rev > self.order_rev {
            (other, self)
        } else {
            (self, other)
        };
        let mut removed: Vec<(String, u32)> = self.removed.clone();
        for (id, rev) in &other.removed {
            match removed.iter_mut().find(|(r, _)| r == id) {
                Some(entry) => entry.1 = entry.1.max(*rev),
                None => removed.push((id.clone(), *rev)),
            }
        }
        let latest = |id: &str| {
            let mine = self.items.iter().find(|i| i.id == id);
            let theirs = other.items.iter().find(|i| i.id == id);
            match (mine, theirs) {
                (Some(m), Some(t)) if t.rev > m.rev => Some(t),
                (Some(m), _) => Some(m),
                (None, t) => t,
            }
        };
        let mut items: Vec<Item> = Vec::with_capacity(first.items.len());
        let push = |items: &mut Vec<Item>, at: usize, id: &str| {
            let Some(item) = latest(id) else { return };
            let gone = removed.iter().any(|(r, rev)| r == id && *rev >= item.rev);
            if !gone && items.iter().all(|i| i.id != id) {
                items.insert(at.min(items.len()), item.clone());
            }
        };
        for item in &first.items {
            push(&mut items, usize::MAX, &item.id);
        }
        for (k, item) in second.items.iter().enumerate() {
            // After the nearest earlier item of this copy that is in the list.
            let after = second.items[..k]
                .iter()
                .rev()
                .find_map(|p| items.iter().position(|i| i.id == p.id));
            push(&mut items, after.map_or(0, |a| a + 1), &item.id);
        }
        let corrected = if other.corrections_rev > self.corrections_rev {
            other
        } else {
            self
        };
        Checklist {
            items,
            order_rev: first.order_rev.max(second.order_rev),
            removed,
            corrections: corrected.corrections.clone(),
            corrections_rev: corrected.corrections_rev,
            ..first.clone()
        }
    }

    /// The checklist within the bounds the page can show, whatever it came from: at most
    /// `MAX_ITEMS` items, each field cut to its length, and every id unique (a repeated id
    /// gets a suffix), so that no action can land on the wrong row.
    pub fn bounded(mut self) -> Self {
        self.items.truncate(MAX_ITEMS);
        self.removed.truncate(MAX_ITEMS);
        self.aside.truncate(MAX_ITEMS);
        self.aside.iter_mut().for_each(Item::bound);
        let corrected = &mut self.corrections;
        for field in [&mut corrected.issuer]
            .into_iter()
            .flatten()
            .chain(corrected.plan.as_mut().map(|p| &mut p.title))
        {
            cut(field, MAX_TITLE_CHARS);
        }
        for (id, _) in &mut self.removed {
            cut(id, MAX_TITLE_CHARS);
        }
        cut(&mut self.report_id, MAX_TITLE_CHARS);
        for field in [&mut self.report_title, &mut self.issuer]
            .into_iter()
            .flatten()
        {
            cut(field, MAX_TITLE_CHARS);
        }
        let mut seen = std::collections::HashSet::new();
        // The next suffix to try for each repeated id, so that repeats cost linear time.
        let mut next_suffix = std::collections::HashMap::new();
        for item in &mut self.items {
            item.bound();
            if !seen.insert(item.id.clone()) {
                // Room for the suffix, so that the new id is within bounds too.
                let mut base = std::mem::take(&mut item.id);
                cut(&mut base, MAX_TITLE_CHARS - 12);
                let n = next_suffix.entry(base.clone()).or_insert(1);
                item.id = loop {
                    *n += 1;
                    let id = format!("{base}~{n}");
                    if seen.insert(id.clone()) {
                        break id;
                    }
                };
            }
        }
        self
    }

    /// True once the user changed anything (corrections too): only then is the checklist
    /// worth keeping.
    pub fn worked_on(&self) -> bool {
        self.order_rev > 0 || self.corrections_rev > 0 || self.items.iter().any(|i| i.rev > 0)
    }

    fn item_mut(&mut self, id: &str) -> Option<&mut Item> {
        self.items.iter_mut().find(|i| i.id == id)
    }

    /// (done, total)
    pub fn progress(&self) -> (usize, usize) {
        (
            self.items.iter().filter(|i| i.done).count(),
            self.items.len(),
        )
    }

    pub fn toggle(&mut self, id: &str) {
        if let Some(item) = self.item_mut(id) {
            item.done = !item.done;
            item.rev += 1;
        }
    }

    /// Ticks the point `index` of the item `id`, or takes its tick back.
    pub fn toggle_point(&mut self, id: &str, index: usize) {
        if let Some(item) = self.item_mut(id) {
            if let Some(point) = item.points.get_mut(index) {
                point.done = !point.done;
                item.rev += 1;
            }
        }
    }

    /// Replaces an item's title and text; an empty title keeps the old one.
    pub fn edit(&mut self, id: &str, title: &str, text: &str) {
        if let Some(item) = self.item_mut(id) {
            let title = title.trim();
            if !title.is_empty() {
                item.title = title.to_string();
            }
            item.text = text.trim().to_string();
            item.rev += 1;
        }
    }

    pub fn set_note(&mut self, id: &str, note: Note) {
        if let Some(item) = self.item_mut(id) {
            if item.note != note {
                item.note = note;
                item.rev += 1;
            }
        }
    }

    /// Adds an item by hand at the end; returns its id, or `None` for an empty title. The
    /// id comes from the title, so that items added in two places at once keep apart
    /// (and the same title added twice is one item once merged).
    pub fn add(&mut self, title: &str) -> Option<String> {
        let title = title.trim();
        if title.is_empty() {
            return None;
        }
        let base = format!("{ADDED_PREFIX}{}", text_id(title));
        let next = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}~{n}")))
            .find(|id| {
                self.items.iter().all(|i| &i.id != id) && self.removed.iter().all(|(r, _)| r != id)
            })?;
        self.order_rev += 1;
        self.items.push(Item {
            id: next.clone(),
            title: title.to_string(),
            text: String::new(),
            section: None,
            targets: Vec::new(),
            inferred: false,
            vague: false,
            done: false,
            note: Note::default(),
            rev: 1,
            points: Vec::new(),
        });
        Some(next)
    }

    pub fn remove(&mut self, id: &str) -> Option<Removed> {
        let index = self.items.iter().position(|i| i.id == id)?;
        let item = self.items.remove(index);
        self.removed.retain(|(r, _)| r != id);
        self.removed.push((item.id.clone(), item.rev));
        self.order_rev += 1;
        Some(Removed { item, index })
    }

    /// Puts a removed item back where it was.
    pub fn restore(&mut self, removed: Removed) {
        if self.items.iter().all(|i| i.id != removed.item.id) {
            let index = removed.index.min(self.items.len());
            let mut item = removed.item;
            item.rev += 1;
            self.removed.retain(|(r, _)| *r != item.id);
            self.items.insert(index, item);
            self.order_rev += 1;
        }
    }

    /// Splits the item `id` at `at`, a byte of its text where a sentence ends
    /// (`Item::split_points`): the item keeps the text before, and a new item after it takes
    /// the rest, titled by the rest's first sentence, with the targets written in it.
    /// Returns the new item's id: the same wherever the same split is made, so that two
    /// tabs making it keep one item.
    pub fn split(&mut self, id: &str, at: usize) -> Option<String> {
        let index = self.items.iter().position(|i| i.id == id)?;
        let item = &self.items[index];
        if !item.split_points().contains(&at) {
            return None;
        }
        let (before, rest) = (
            item.text[..at].trim().to_string(),
            item.text[at..].trim().to_string(),
        );
        let new_id = format!("{id}/{}", text_id(&rest));
        if self.items.iter().any(|i| i.id == new_id) {
            return None;
        }
        // A target's phrase is one line (`analysis::one_line`): so are the halves it is
        // looked for in, for an item read from a wrapped copy.
        let (one_before, one_rest) = (one_line(&before), one_line(&rest));
        let (kept, moved): (Vec<String>, Vec<String>) = item
            .targets
            .iter()
            .cloned()
            .partition(|t| one_before.contains(t.as_str()) || !one_rest.contains(t.as_str()));
        let (points, moved_points): (Vec<PointItem>, Vec<PointItem>) =
            item.points.iter().cloned().partition(|p| {
                before.contains(p.title.as_str()) || !rest.contains(p.title.as_str())
            });
        let new = Item {
            id: new_id.clone(),
            title: first_sentence(&rest),
            text: rest,
            targets: moved,
            points: moved_points,
            done: false,
            note: Note::default(),
            rev: 1,
            ..item.clone()
        };
        let item = &mut self.items[index];
        item.text = before;
        item.targets = kept;
        item.points = points;
        item.rev += 1;
        self.removed.retain(|(r, _)| *r != new_id);
        self.items.insert(index + 1, new);
        self.order_rev += 1;
        Some(new_id)
    }

    /// Joins the item `id` with the one after it: its text, targets and note go on with the
    /// next's (its ticks and owner stand, or the next's where it has none), and the next is
    /// counted removed.
    pub fn merge_with_next(&mut self, id: &str) {
        let Some(index) = self.items.iter().position(|i| i.id == id) else {
            return;
        };
        if index + 1 >= self.items.len() {
            return;
        }
        let next = self.items.remove(index + 1);
        let item = &mut self.items[index];
        item.text = joined(&item.text, &next.text);
        for target in next.targets {
            if !item.targets.contains(&target) {
                item.targets.push(target);
            }
        }
        item.points.extend(next.points);
        let note = &mut item.note;
        for (mine, theirs) in [
            (&mut note.owner, next.note.owner),
            (&mut note.deadline, next.note.deadline),
        ] {
            if mine.is_empty() {
                *mine = theirs;
            }
        }
        note.text = joined(&note.text, &next.note.text);
        item.vague = item.vague && next.vague;
        item.rev += 1;
        self.removed.retain(|(r, _)| *r != next.id);
        self.removed.push((next.id, next.rev));
        self.order_rev += 1;
    }

    pub fn move_item(&mut self, id: &str, direction: Direction) {
        let Some(index) = self.items.iter().position(|i| i.id == id) else {
            return;
        };
        let other = match direction {
            Direction::Up => index.checked_sub(1),
            Direction::Down => (index + 1 < self.items.len()).then_some(index + 1),
        };
        if let Some(other) = other {
            self.items.swap(index, other);
            self.order_rev += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    const HENAN: &str = include_str!("../tests/fixtures/henan-approval-bureau-2022.txt");

    fn fresh() -> Checklist {
        Checklist::from_report(&analyze(HENAN))
    }

    #[test]
    fn starts_from_the_commitments_with_nothing_done() {
        let list = fresh();
        let titles: Vec<&str> = list.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["加强组织领导", "完善工作机制", "提高法制审核水平"]);
        assert_eq!(list.progress(), (0, 3));
        assert_eq!(
            list.report_id,
            fresh().report_id,
            "the same text gives the same id"
        );
        assert_eq!(
            list.issuer.as_deref(),
            Some("河南省行政审批和政务信息管理局")
        );
    }

    #[test]
    fn a_kept_list_renewed_shows_what_the_analysis_finds_now_and_what_the_user_did() {
        let now = fresh();
        let mut kept = fresh();
        kept.report_title = Some("旧标题".to_string());
        kept.items[0].vague = false;
        kept.items[0].targets = vec!["旧目标".to_string()];
        kept.items[0].done = true;
        kept.items[0].note.owner = "法规处".to_string();
        kept.items[1].title = "改过的标题".to_string();
        kept.items.swap(1, 2);
        kept.items.push(Item {
            id: "added-1".to_string(),
            title: "新增".to_string(),
            ..now.items[0].clone()
        });
        kept.renew(&now);
        assert_eq!(kept.report_title, now.report_title);
        assert_eq!(kept.items[0].vague, now.items[0].vague);
        assert_eq!(kept.items[0].targets, now.items[0].targets);
        assert!(kept.items[0].done);
        assert_eq!(kept.items[0].note.owner, "法规处");
        let titles: Vec<&str> = kept.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            ["加强组织领导", "提高法制审核水平", "改过的标题", "新增"]
        );
    }

    #[test]
    fn items_of_an_appendix_list_keep_its_name_and_their_owners() {
        let text = "2025年政府工作报告\n各位代表：\n一、2025年重点工作\n（一）扩大内需。\n附件\n2025年十件民生实事\n一、新建幼儿园10所\n牵头单位：市教育局\n";
        let list = Checklist::from_report(&analyze(text));
        let last = list.items.last().unwrap();
        assert_eq!(last.title, "新建幼儿园10所");
        assert_eq!(last.section.as_deref(), Some("2025年十件民生实事"));
        assert_eq!(last.note.owner, "市教育局");
        assert_eq!(list.items[0].note.owner, "");
    }

    #[test]
    fn what_comes_from_outside_is_bounded_and_its_ids_unique() {
        let mut list = fresh();
        list.items[0].text = "\n".repeat(2_000_000);
        list.items[0].targets = vec![String::new(); 1_000_000];
        list.items[1].id = list.items[2].id.clone();
        let copy = list.items[2].clone();
        list.items.extend(std::iter::repeat_n(copy, 5_000));
        let bounded = list.bounded();
        assert_eq!(bounded.items.len(), 2_000);
        assert_eq!(bounded.items[0].text.chars().count(), 20_000);
        assert_eq!(bounded.items[0].targets.len(), 100);
        let ids: std::collections::HashSet<&str> =
            bounded.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), bounded.items.len(), "every id is unique");
        assert_eq!(bounded.report_title, fresh().report_title);
        assert_eq!(
            fresh().bounded(),
            fresh(),
            "a list within bounds is unchanged"
        );
        let mut long_ids = fresh();
        long_ids.items[0].id = "长".repeat(600);
        long_ids.items[1].id = "长".repeat(700);
        let once = long_ids.bounded();
        assert_ne!(once.items[0].id, once.items[1].id);
        assert_eq!(
            once.clone().bounded(),
            once,
            "bounding twice changes nothing"
        );
    }

    #[test]
    fn two_copies_worked_on_apart_merge_item_by_item() {
        let base = fresh();
        let (a, b, c) = (
            base.items[0].id.clone(),
            base.items[1].id.clone(),
            base.items[2].id.clone(),
        );
        let mut here = base.clone();
        let mut there = base.clone();
        here.toggle(&a);
        there.toggle(&b);
        there.set_note(
            &b,
            Note {
                owner: "法规处".into(),
                ..Note::default()
            },
        );
        let added_here = here.add("此处新增").unwrap();
        let added_there = there.add("彼处新增").unwrap();
        there.remove(&c);
        let merged = here.merge(&there);
        let ids: Vec<&str> = merged.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                a.as_str(),
                b.as_str(),
                added_here.as_str(),
                added_there.as_str()
            ]
        );
        assert!(merged.items[0].done, "the tick made here");
        assert!(merged.items[1].done, "the tick made there");
        assert_eq!(merged.items[1].note.owner, "法规处");
        assert_eq!(there.merge(&here).items.len(), 4, "either way round");
        assert_eq!(
            merged.merge(&merged),
            merged,
            "merging a copy with itself changes nothing"
        );
    }

    #[test]
    fn a_restored_item_outlives_its_removal_elsewhere() {
        let mut here = fresh();
        let id = here.items[0].id.clone();
        let removed = here.remove(&id).unwrap();
        let stored = here.clone();
        here.restore(removed);
        assert_eq!(here.merge(&stored).items[0].id, id);
        assert_eq!(stored.merge(&here).items[0].id, id);
    }

    #[test]
    fn tick_edit_note() {
        let mut list = fresh();
        let id = list.items[1].id.clone();
        list.toggle(&id);
        assert_eq!(list.progress(), (1, 3));
        list.edit(&id, "  完善工作机制（修订） ", "新的内容");
        list.edit(&id, "  ", "只改内容");
        assert_eq!(list.items[1].title, "完善工作机制（修订）");
        assert_eq!(list.items[1].text, "只改内容");
        let note = Note {
            owner: "法规处".into(),
            deadline: "2023-06-30".into(),
            text: "每季度报送进展".into(),
        };
        list.set_note(&id, note.clone());
        assert_eq!(list.items[1].note, note);
    }

    #[test]
    fn add_remove_restore_and_reorder() {
        let mut list = fresh();
        assert_eq!(list.add("   "), None);
        let added = list.add("建立季度督办台账").unwrap();
        assert!(added.starts_with("added-"));
        assert_eq!(list.items[3].id, added, "added at the end");
        let again = list.add("建立季度督办台账").unwrap();
        assert_ne!(again, added, "the same title added twice is two items");
        list.remove(&again);
        let first = list.items[0].id.clone();
        let removed = list.remove(&first).unwrap();
        assert_eq!(list.items.len(), 3);
        assert!(list.add("另一项").is_some());
        list.restore(removed.clone());
        list.restore(removed);
        assert_eq!(list.items[0].id, first, "restored once, where it was");
        assert_eq!(list.items.len(), 5);

        list.move_item(&first, Direction::Up);
        assert_eq!(list.items[0].id, first, "the first item cannot move up");
        list.move_item(&first, Direction::Down);
        assert_eq!(list.items[1].id, first);
        let last = list.items[4].id.clone();
        list.move_item(&last, Direction::Down);
        assert_eq!(list.items[4].id, last);
    }

    const COUNTY: &str = "2024年某县人民政府工作报告\n\
        一、2023年工作回顾\n\
        （一）经济运行稳中向好。全年地区生产总值增长5%。\n\
        二、2024年工作安排\n\
        （一）扩大有效投资。新开工项目50个。\n\
        （二）改造老旧小区。完成改造300个以上。\n\
        三、保障措施\n\
        （一）加强组织领导。各部门要落实责任。\n";

    /// The corrections that make `三、保障措施` the plan.
    fn safeguards_as_plan() -> Corrections {
        Corrections {
            plan: Some(crate::analysis::PlanChoice {
                title: "保障措施".into(),
                start: COUNTY.find("三、").unwrap(),
            }),
            ..Corrections::default()
        }
    }

    fn titles(list: &Checklist) -> Vec<&str> {
        list.items.iter().map(|i| i.title.as_str()).collect()
    }

    /// The county's checklist with the first item ticked and one added by hand.
    fn worked_county() -> Checklist {
        let mut list = Checklist::from_report(&analyze(COUNTY));
        let first = list.items[0].id.clone();
        list.toggle(&first);
        list.add("自定事项");
        list
    }

    #[test]
    fn a_corrected_plan_replaces_the_items_and_the_earlier_ones_come_back_with_their_ticks() {
        let mut list = worked_county();
        assert_eq!(titles(&list), ["扩大有效投资", "改造老旧小区", "自定事项"]);
        list.correct(safeguards_as_plan());
        let corrected = crate::analysis::analyze_corrected(COUNTY, &list.corrections);
        list.replan(&Checklist::from_report(&corrected));
        assert_eq!(titles(&list), ["加强组织领导", "自定事项"]);
        assert_eq!(list.aside.len(), 2);
        assert!(list.aside[0].done);

        list.correct(Corrections::default());
        list.replan(&Checklist::from_report(&analyze(COUNTY)));
        assert_eq!(titles(&list), ["扩大有效投资", "改造老旧小区", "自定事项"]);
        assert!(list.items[0].done, "the tick came back with its plan");
        let aside: Vec<&str> = list.aside.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(aside, ["加强组织领导"]);
        assert!(list.removed.iter().all(|(id, _)| id != &list.items[0].id));
    }

    #[test]
    fn a_copy_from_before_the_correction_does_not_bring_the_earlier_plan_back() {
        let before = worked_county();
        let mut after = before.clone();
        after.correct(safeguards_as_plan());
        let corrected = crate::analysis::analyze_corrected(COUNTY, &after.corrections);
        after.replan(&Checklist::from_report(&corrected));
        for merged in [after.merge(&before), before.merge(&after)] {
            assert_eq!(titles(&merged), ["加强组织领导", "自定事项"]);
            assert_eq!(merged.corrections, safeguards_as_plan());
        }
        // A correction undone in another tab wins over this tab's older one.
        let mut undone = after.clone();
        undone.correct(Corrections::default());
        assert_eq!(after.merge(&undone).corrections, Corrections::default());
    }

    #[test]
    fn a_correction_alone_is_worth_keeping_and_setting_the_same_again_is_no_change() {
        let mut list = Checklist::from_report(&analyze(COUNTY));
        assert!(!list.worked_on());
        list.correct(Corrections::default());
        assert!(!list.worked_on());
        list.correct(safeguards_as_plan());
        list.correct(safeguards_as_plan());
        assert!(list.worked_on());
        assert_eq!(list.corrections_rev, 1);
    }

    #[test]
    fn corrections_and_the_items_set_aside_survive_bounds() {
        let mut list = worked_county();
        list.correct(Corrections {
            issuer: Some("县".repeat(MAX_TITLE_CHARS + 10)),
            ..safeguards_as_plan()
        });
        let corrected = crate::analysis::analyze_corrected(COUNTY, &list.corrections);
        list.replan(&Checklist::from_report(&corrected));
        let bounded = list.clone().bounded();
        assert_eq!(bounded.aside, list.aside);
        assert_eq!(
            bounded.corrections.issuer.map(|i| i.chars().count()),
            Some(MAX_TITLE_CHARS)
        );
        assert_eq!(bounded.corrections.plan, list.corrections.plan);
    }

    #[test]
    fn a_target_goes_with_its_sentence_in_an_item_of_a_wrapped_copy() {
        let mut list = worked_county();
        // The item as a copy wrapped inside its second sentence gives it; its target is
        // the phrase on one line.
        list.items[1].text = "（二）改造老旧小区。完成改造\n  300个以上。".to_string();
        assert_eq!(list.items[1].targets, ["完成改造300个以上"]);
        let id = list.items[1].id.clone();
        list.split(&id, "（二）改造老旧小区。".len())
            .expect("split");
        assert!(list.items[1].targets.is_empty());
        assert_eq!(list.items[2].targets, ["完成改造300个以上"]);
    }

    #[test]
    fn an_item_split_at_a_sentence_becomes_two_and_merged_becomes_one_again() {
        let mut list = worked_county();
        let id = list.items[1].id.clone();
        assert_eq!(
            list.items[1].text,
            "（二）改造老旧小区。完成改造300个以上。"
        );
        let points = list.items[1].split_points();
        assert_eq!(
            points,
            ["（二）改造老旧小区。".len()],
            "after each sentence but the last"
        );
        assert_eq!(list.split(&id, 3), None, "only where a sentence ends");

        let targets = list.items[1].targets.clone();
        assert!(!targets.is_empty(), "the figure of the second sentence");
        let new_id = list.split(&id, points[0]).expect("split");
        assert_eq!(
            titles(&list),
            [
                "扩大有效投资",
                "改造老旧小区",
                "完成改造300个以上",
                "自定事项"
            ]
        );
        assert_eq!(list.items[1].text, "（二）改造老旧小区。");
        assert_eq!(list.items[2].text, "完成改造300个以上。");
        assert_eq!(list.items[2].id, new_id);
        assert!(list.items[1].targets.is_empty());
        assert_eq!(
            list.items[2].targets, targets,
            "a target goes with its sentence"
        );

        // Another tab's copy from before keeps the split and the text cut.
        let before = worked_county();
        assert_eq!(titles(&list.merge(&before)), titles(&list));
        assert_eq!(titles(&before.merge(&list)), titles(&list));

        let tick = list.items[2].id.clone();
        list.toggle(&tick);
        list.set_note(
            &tick,
            Note {
                owner: "住建局".into(),
                ..Note::default()
            },
        );
        list.merge_with_next(&id);
        assert_eq!(titles(&list), ["扩大有效投资", "改造老旧小区", "自定事项"]);
        assert_eq!(
            list.items[1].text,
            "（二）改造老旧小区。\n完成改造300个以上。"
        );
        assert_eq!(
            list.items[1].split_points(),
            points,
            "one point between the two sentences"
        );
        assert_eq!(list.items[1].targets, targets);
        assert_eq!(
            list.items[1].note.owner, "住建局",
            "the next's owner, where it had none"
        );
        assert!(!list.items[1].done, "its own tick stands");
        // The item merged away does not come back from a copy made before the merge.
        let split_copy = {
            let mut copy = worked_county();
            copy.split(&id, points[0]);
            copy
        };
        assert_eq!(titles(&list.merge(&split_copy)), titles(&list));
        let last = list.items[2].id.clone();
        list.merge_with_next(&last);
        assert_eq!(
            list.items.len(),
            3,
            "the last item has nothing to merge with"
        );
    }

    #[test]
    fn points_are_ticked_on_their_own_and_a_list_kept_without_them_gets_them_ticks_kept() {
        let report = analyze(include_str!("../tests/fixtures/national-2016.txt"));
        let fresh = Checklist::from_report(&report);
        let mut list = fresh.clone();
        let id = list.items[0].id.clone();
        assert_eq!(
            list.items[0].points.len(),
            report.commitments[0].points.len()
        );
        list.toggle_point(&id, 1);
        assert!(list.items[0].points[1].done);
        assert!(!list.items[0].done, "the item is not ticked by its point");
        assert!(list.worked_on());

        // Renewed by the same analysis: the tick stands.
        let mut kept = list.clone();
        kept.renew(&fresh);
        assert_eq!(kept.items[0].points, list.items[0].points);
        // Kept by a version without points: they come, none ticked.
        let mut earlier = list.clone();
        earlier.items[0].points.clear();
        earlier.renew(&fresh);
        assert_eq!(earlier.items[0].points, fresh.items[0].points);

        let markdown = crate::export::markdown(&list, &crate::i18n::ZH);
        let second = &list.items[0].points[1].title;
        assert!(
            markdown.contains(&format!("  - [x] {second}\n")),
            "{markdown}"
        );
        let csv = crate::export::csv(&list, &crate::i18n::ZH);
        assert!(
            csv.contains(&format!("{second}（已完成）")),
            "the CSV's 要点 column"
        );
    }

    #[test]
    fn a_correction_that_keeps_the_plan_keeps_the_users_order_deletions_splits_and_merges() {
        let mut list = worked_county();
        let (first, second) = (list.items[0].id.clone(), list.items[1].id.clone());
        list.move_item(&second, Direction::Up);
        let at = list.items[0].split_points()[0];
        list.split(&second, at);
        list.remove(&first);
        let before = list.clone();
        list.correct(Corrections {
            issuer: Some("某县人民政府".into()),
            ..Corrections::default()
        });
        let corrected = crate::analysis::analyze_corrected(COUNTY, &list.corrections);
        list.replan(&Checklist::from_report(&corrected));
        assert_eq!(titles(&list), titles(&before));
        assert_eq!(list.order_rev, before.order_rev, "nothing moved");
        assert!(list.aside.is_empty());
        assert_eq!(list.issuer.as_deref(), Some("某县人民政府"));

        // Another plan and back: the split item returns with the item it was split off.
        list.correct(safeguards_as_plan());
        let safeguards = crate::analysis::analyze_corrected(COUNTY, &list.corrections);
        list.replan(&Checklist::from_report(&safeguards));
        assert_eq!(titles(&list), ["加强组织领导", "自定事项"]);
        list.correct(Corrections::default());
        list.replan(&Checklist::from_report(&analyze(COUNTY)));
        assert_eq!(
            titles(&list),
            ["改造老旧小区", "完成改造300个以上", "自定事项"]
        );
    }
}
