//! The checklist: the plan section's items at their finest level.
//!
//! Inside the plan section every heading without sub-headings is a leaf. A leaf whose
//! own text opens an enumeration (`一是…二是…`, `第一，…`, `首先，…`, `①…` starting on
//! its heading line or in its first paragraph) gives one item per member, with the leaf
//! heading as parent; otherwise the leaf heading itself is one item, its text the heading
//! line plus its paragraphs (a list deep inside a task's paragraphs is part of that
//! task). A plan with no sub-headings (or found by a closing paragraph) is one leaf whose
//! items have no parent; text before its first item is introduction. When such a plan
//! has no enumeration either, each sentence that reads as a commitment (it contains `将`,
//! `要`, `持续`, `进一步`, …) is an item of low confidence. A paragraph that turns to the
//! audience (`各位代表！…`) closes the item before it.
//!
//! An appendix that lists the year's projects for the people (`2025年10件惠民实事`) gives
//! items too, in a group of their own named by the list, each with the unit responsible
//! when a line names it (`牵头单位：省教育厅`).
//!
//! Every item carries a stable id, its measurable targets and its action verbs, and is
//! concrete when a target other than a period, or an owner, can be checked. Besides the
//! numbers and dates of `entities`, a target is a goal stated in words that can be
//! checked all the same (`goal_in`): a named document to issue, full coverage, a title to
//! win.

use std::collections::HashMap;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::entities::{EntityKind, Scanned};
use super::enumeration::{find_enumerations, marker_len};
use super::genre::{is_projects_list, ADDRESS, REVIEW_OPENINGS};
use super::lines::{Line, LineKind};
use super::marker::parse_marker;
use super::outline::OutlineEntry;
use super::plan::PlanScope;
use super::report::{Commitment, Confidence, PlanSource, Span, Target, TargetKind};
use super::scan::{digit, is_space, CLAUSE_ENDS, FULL_STOPS, SENTENCE_MARKS};
use super::text::{chars_at_most, one_line, short_title, stable_id};

/// Words that make a sentence of an unstructured plan a commitment.
const COMMITMENT_WORDS: &[&str] = &[
    "将",
    "要",
    "持续",
    "继续",
    "进一步",
    "加强",
    "推进",
    "深化",
    "完善",
    "健全",
    "强化",
    "提升",
    "落实",
];

/// Characters before `要` that make it part of another word (`重要`, `主要`, `需要`).
const NOT_BEFORE_YAO: &[char] = &['重', '主', '需', '必', '只', '纲', '摘', '概', '扼'];

/// True for a sentence of an unstructured plan that reads as a commitment: it holds a
/// commitment word (`要` not as a part of `重要`, `主要`, …) or sets a target with a
/// figure (`今年经济增长速度的调控目标定为８％`).
fn reads_as_commitment(sentence: &str) -> bool {
    let word = COMMITMENT_WORDS.iter().any(|w| match *w {
        "要" => sentence
            .match_indices('要')
            .any(|(i, _)| !sentence[..i].ends_with(NOT_BEFORE_YAO)),
        w => sentence.contains(w),
    });
    let target = sentence.contains("目标") && sentence.chars().any(|c| digit(c).is_some());
    word || target
}

/// Action verbs that say what an item will do.
const VERBS: &[&str] = &[
    "加强", "完善", "推进", "深化", "健全", "强化", "提升", "提高", "优化", "落实", "推动", "建立",
    "开展", "加快", "坚持", "规范", "构建", "扩大", "创新", "统筹", "抓好", "做好", "巩固", "拓展",
    "实施", "实现", "贯彻", "组织", "制定", "修订", "出台", "畅通", "夯实", "打造", "发挥", "整合",
    "加大", "确保", "建设", "完成", "压缩", "减少", "增加",
];

/// Labels of the line that names the unit responsible for an item.
const OWNER_LABELS: &[&str] = &["牵头单位", "主办单位", "责任单位", "牵头部门", "责任部门"];

/// Goals one can check without a number, each found in one clause (`goal_in`). A
/// document to issue: a verb of issuing, not one done already (`制定了`, `新修订`) nor an
/// adjective (`修订的`); then words that name the document, at least three characters and
/// none of `GENERIC_NAMES`; then its kind, which ends the clause (`出台…建设方案`,
/// `印发…实施方案（试行）`; not `制定相关办法`, `制定切实可行的整改方案`, nor
/// `制定完善…规章制度`, which name none).
const ISSUE_VERBS: &[&str] = &["出台", "印发", "制定", "修订", "编制"];
const DOCUMENT_KINDS: &[&str] = &[
    "方案", "办法", "意见", "规划", "条例", "细则", "清单", "规定", "标准", "指南", "目录", "要点",
    "计划", "预案",
];
/// Words that ask for a document without naming it.
const GENERIC_NAMES: &[&str] = &["相关", "配套", "切实可行", "有针对性", "具体"];
/// `意见` after these are views heard (`广泛听取经营主体意见`), not a document.
const VIEWS_HEARD: &[&str] = &["听取", "征求"];
/// Full coverage: a clause that reaches `全覆盖` at its end, or at most `COVERAGE_TAIL`
/// characters before it (`推进综合办事窗口全覆盖`, `…全覆盖现场检查`); not a principle
/// (`坚持无禁区、全覆盖、零容忍`), nor `全覆盖` as a modifier (`完善全覆盖防止返贫机制`),
/// nor `健全覆盖…`.
const FULL_COVERAGE: &str = "全覆盖";
const COVERAGE_TAIL: usize = 4;
const PRINCIPLE: &str = "坚持";
/// A title to win: `争创` or `创建`, and the clause ends with the title
/// (`争创…法治政府建设示范市`; not `清理规范创建示范区、示范单位等评比活动`).
const TITLE_VERBS: &[&str] = &["争创", "创建"];
const TITLES: &[&str] = &[
    "示范区",
    "示范市",
    "示范县",
    "示范省",
    "示范城市",
    "示范镇",
    "示范村",
    "示范单位",
    "示范基地",
];

/// Where `word` first starts in `words`, unless `not_after` comes just before it or
/// `not_then` just after.
fn first_free(words: &str, word: &str, not_after: &[char], not_then: &[char]) -> Option<usize> {
    let at = words.find(word)?;
    let free = !words[..at].ends_with(not_after) && !words[at + word.len()..].starts_with(not_then);
    free.then_some(at)
}

/// Whether `named` (from the verb to the end of the clause) names a document.
fn names_document(verb: &str, named: &str) -> bool {
    let named = named.trim_end_matches(['》', '”', '"']);
    // A note in brackets after the name: `（试行）`, `（2024—2026年）`.
    let named = match named.strip_suffix(['）', ')']) {
        Some(open) => open.rfind(['（', '(']).map_or(named, |at| &named[..at]),
        None => named,
    };
    let Some((kind, name)) = DOCUMENT_KINDS.iter().find_map(|kind| {
        let rest = named.strip_suffix(kind)?;
        Some((kind, rest.get(verb.len()..)?))
    }) else {
        return false;
    };
    let generic = GENERIC_NAMES.iter().any(|g| name.contains(g));
    let views = *kind == "意见" && VIEWS_HEARD.iter().any(|v| name.contains(v));
    let done = name.contains('了');
    name.chars().count() >= 3 && !generic && !views && !done
}

/// Where the goal in `words` (one clause) starts and ends, if it states one.
fn goal_in(words: &str) -> Option<(usize, usize)> {
    let issued = ISSUE_VERBS
        .iter()
        .filter_map(|verb| {
            let at = first_free(words, verb, &['新'], &['的'])?;
            names_document(verb, &words[at..]).then_some(at)
        })
        .min();
    if let Some(at) = issued {
        return Some((at, words.len()));
    }
    let covered = words.match_indices(FULL_COVERAGE).any(|(at, _)| {
        let tail = &words[at + FULL_COVERAGE.len()..];
        !words[..at].ends_with('健') && chars_at_most(tail, COVERAGE_TAIL)
    });
    if covered && !words.trim_start_matches(is_space).starts_with(PRINCIPLE) {
        // From the clause's start, after a heading's marker (`（三）`).
        let from = parse_marker(words).map_or(0, |m| m.text_start);
        return Some((from, words.len()));
    }
    if !TITLES.iter().any(|title| words.ends_with(title)) {
        return None;
    }
    let at = TITLE_VERBS.iter().filter_map(|v| words.find(v)).min()?;
    Some((at, words.len()))
}

/// The goals (`TargetKind::Goal`) stated in `piece`, one at most per clause. Only the
/// clauses that contain one of the goals' words are read (found by searching the piece
/// for each word, which is fast: most clauses have none). A goal starts after the last
/// deadline or period of the item's `targets` inside it (`力争年底前实现…全覆盖`: the
/// deadline `年底前`, and the goal `实现…全覆盖`).
fn goals(text: &str, piece: Span, targets: &[Target]) -> Vec<Target> {
    // Searchers cost more to build than to run over a paragraph: they are built once.
    static WORDS: LazyLock<Vec<Finder>> = LazyLock::new(|| {
        let words = ISSUE_VERBS
            .iter()
            .chain(TITLE_VERBS)
            .chain([&FULL_COVERAGE]);
        words.map(Finder::new).collect()
    });
    let all = piece.of(text);
    let mut hits: Vec<usize> = WORDS
        .iter()
        .flat_map(|word| word.find_iter(all.as_bytes()))
        .collect();
    hits.sort_unstable();
    let mut clauses: Vec<(usize, usize)> = hits
        .into_iter()
        .map(|at| {
            let from = all[..at]
                .char_indices()
                .rev()
                .find(|(_, c)| CLAUSE_ENDS.contains(c))
                .map_or(0, |(end, c)| end + c.len_utf8());
            let to = all[at..]
                .find(CLAUSE_ENDS)
                .map_or(all.len(), |end| at + end);
            (from, to)
        })
        .collect();
    clauses.dedup();
    let mut found = Vec::new();
    for (from, to) in clauses {
        let Some((goal_from, goal_to)) = goal_in(&all[from..to]) else {
            continue;
        };
        let (goal_from, goal_to) = (piece.start + from + goal_from, piece.start + from + goal_to);
        let goal_from = targets
            .iter()
            .filter(|t| matches!(t.kind, TargetKind::Deadline | TargetKind::Period))
            .filter(|t| t.span.start >= goal_from && t.span.end < goal_to)
            .map(|t| t.span.end)
            .max()
            .unwrap_or(goal_from);
        let span = Span::new(goal_from, goal_to);
        let goal = span.of(text).trim_matches(is_space).to_string();
        found.push(Target {
            kind: TargetKind::Goal,
            phrase: goal.clone(),
            text: goal,
            span,
        });
    }
    found
}

/// An item before its id, targets and verbs are worked out.
struct Draft {
    title: String,
    parent: Option<String>,
    group: Option<String>,
    /// The trimmed pieces of text the item is made of, one per paragraph.
    pieces: Vec<Span>,
    confidence: Confidence,
}

/// The trimmed parts of `segments` that fall inside `from..to`.
fn pieces(text: &str, segments: &[Span], from: usize, to: usize) -> Vec<Span> {
    segments
        .iter()
        .filter_map(|seg| {
            let (start, end) = (seg.start.max(from), seg.end.min(to));
            let s = text.get(start..end)?;
            let lead = s.len() - s.trim_start().len();
            let piece = Span::new(start + lead, start + lead + s.trim().len());
            (piece.start < piece.end).then_some(piece)
        })
        .collect()
}

/// The sentences of `segments` that read as commitments; a paragraph that reviews the
/// past year (`过去的一年，…`) has none.
fn sentence_drafts(text: &str, segments: &[Span]) -> Vec<Draft> {
    let mut drafts = Vec::new();
    for seg in segments {
        let s = seg.of(text);
        if REVIEW_OPENINGS.iter().any(|w| s.starts_with(w)) {
            continue;
        }
        let mut start = 0;
        for (i, c) in s.char_indices() {
            let end = i + c.len_utf8();
            let at_end = end == s.len();
            if !(SENTENCE_MARKS.contains(&c) || at_end) {
                continue;
            }
            let sentence = Span::new(seg.start + start, seg.start + end);
            start = end;
            let pieces = pieces(text, &[sentence], 0, usize::MAX);
            let Some(&piece) = pieces.first() else {
                continue;
            };
            if reads_as_commitment(piece.of(text)) {
                drafts.push(Draft {
                    title: short_title(piece.of(text)),
                    parent: None,
                    group: None,
                    pieces,
                    confidence: Confidence::Low,
                });
            }
        }
    }
    drafts
}

/// Where the members of an enumeration must stand for them to be items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Members {
    /// Anywhere: a plan without headings numbers nothing else.
    Anywhere,
    /// Under a task heading: an enumeration that opens the task's text (on its heading
    /// line or in its first paragraph), or whose members each open a paragraph (after a
    /// run-in heading `（一）…。` and an introduction, say): the finest level the report
    /// numbers. A list that starts inside a later paragraph stays in the task.
    Leading,
    /// Under a task heading of a text whose line breaks were lost, where paragraphs
    /// cannot be told: an enumeration that opens the task's text, in its first sentence
    /// or right after it (`（一）…。一是…`).
    LeadingSentence,
}

/// The sentences a flattened task's text may hold before the enumeration that opens it.
const SENTENCES_BEFORE_LEADING_LIST: usize = 1;

/// The items of one leaf: its enumeration members, or `None` if it has none where
/// `members` asks for them.
fn enumeration_drafts(
    text: &str,
    body: &[Span],
    parent: Option<String>,
    members: Members,
) -> Option<Vec<Draft>> {
    let marks = find_enumerations(text, body);
    let first = marks.first()?;
    let opens_text = body.first().is_some_and(|b| first.start < b.end);
    let opens_paragraph = |start: usize| body.iter().any(|b| b.start == start);
    let leads = match members {
        Members::Anywhere => true,
        Members::Leading => opens_text || marks.iter().all(|m| opens_paragraph(m.start)),
        Members::LeadingSentence => body.first().is_some_and(|b| {
            let before = text.get(b.start..first.start).unwrap_or_default();
            opens_text && before.matches(FULL_STOPS).count() <= SENTENCES_BEFORE_LEADING_LIST
        }),
    };
    if !leads {
        return None;
    }
    // A paragraph that turns to the audience ends the member before it.
    let addresses: Vec<usize> = body
        .iter()
        .filter(|b| b.of(text).starts_with(ADDRESS))
        .map(|b| b.start)
        .collect();
    let drafts = marks
        .iter()
        .enumerate()
        .filter_map(|(m, mark)| {
            let next = marks.get(m + 1).map_or(usize::MAX, |n| n.start);
            let address = addresses.iter().find(|&&a| a > mark.start);
            let to = address.map_or(next, |&a| a.min(next));
            let pieces = pieces(text, body, mark.start, to);
            // The title is read in the member's first line: a member on a line of its
            // own (`第一，进一步稳定和加强农业`) is its own title.
            let first_line_end = pieces.first()?.end;
            Some(Draft {
                title: short_title(
                    text.get(mark.text_start..first_line_end)
                        .unwrap_or_default(),
                ),
                parent: parent.clone(),
                group: None,
                pieces,
                confidence: Confidence::High,
            })
        })
        .collect();
    Some(drafts)
}

/// The paragraphs of `lines`.
fn text_lines(lines: &[Line]) -> impl Iterator<Item = Span> + '_ {
    lines
        .iter()
        .filter(|l| l.kind == LineKind::Text)
        .map(|l| l.span)
}

/// The paragraphs of `body` before one that turns to the audience (`各位代表！…`).
fn before_address<'a>(text: &str, body: &'a [Span]) -> &'a [Span] {
    let end = body
        .iter()
        .position(|s| s.of(text).starts_with(ADDRESS))
        .unwrap_or(body.len());
    &body[..end]
}

/// Extracts the commitments of the plan section `scope`, then those of the appendix
/// lists of projects.
pub fn extract(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    scope: &PlanScope,
    scanned: &Scanned,
) -> Vec<Commitment> {
    let in_scope = |i: &usize| scope.lines.contains(&outline[*i].line);
    let mut drafts = match scope.heading {
        None if scope.found_by == PlanSource::Sections => {
            let nodes: Vec<usize> = (0..outline.len()).filter(in_scope).collect();
            heading_drafts(text, lines, outline, &nodes, None, scope.lines.end)
        }
        None => {
            let body: Vec<Span> = text_lines(&lines[scope.lines.clone()]).collect();
            enumeration_drafts(text, &body, None, Members::Anywhere)
                .unwrap_or_else(|| sentence_drafts(text, before_address(text, &body)))
        }
        Some(plan) => {
            let nodes: Vec<usize> = std::iter::once(plan)
                .chain((plan + 1..outline.len()).filter(in_scope))
                .collect();
            heading_drafts(text, lines, outline, &nodes, Some(plan), scope.lines.end)
        }
    };
    drafts.extend(project_drafts(text, lines, outline));
    finish(text, drafts, scanned)
}

/// The items of the appendix lists of projects, each list a group of its own.
fn project_drafts(text: &str, lines: &[Line], outline: &[OutlineEntry]) -> Vec<Draft> {
    let mut drafts = Vec::new();
    for (list, entry) in outline.iter().enumerate() {
        if !is_projects_list(&entry.heading.title) {
            continue;
        }
        let level = entry.heading.level;
        let after = outline[list + 1..].iter();
        let end = after
            .clone()
            .find(|e| e.heading.level <= level)
            .map_or(lines.len(), |e| e.line);
        let nodes: Vec<usize> = std::iter::once(list)
            .chain((list + 1..outline.len()).take_while(|&i| outline[i].line < end))
            .collect();
        drafts.extend(
            heading_drafts(text, lines, outline, &nodes, Some(list), end)
                .into_iter()
                .map(|d| Draft {
                    group: Some(entry.heading.title.clone()),
                    ..d
                }),
        );
    }
    drafts
}

/// The drafts of the headings `nodes` (in order, the plan heading first if there is
/// one), one leaf at a time; the lines end at `end`.
fn heading_drafts(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    nodes: &[usize],
    plan: Option<usize>,
    end: usize,
) -> Vec<Draft> {
    let title_of = |i: usize| (Some(i) != plan).then(|| outline[i].heading.title.clone());
    let mut drafts = Vec::new();
    for (k, &node) in nodes.iter().enumerate() {
        let entry = &outline[node];
        let next = nodes.get(k + 1).map(|&n| &outline[n]);
        if next.is_some_and(|n| n.heading.level > entry.heading.level) {
            continue;
        }
        let paragraphs: Vec<Span> =
            text_lines(&lines[entry.line + 1..next.map_or(end, |n| n.line).max(entry.line + 1)])
                .collect();
        let is_plan = Some(node) == plan;
        // A task ends at a paragraph that turns to the audience; the plan's own members
        // may go on after one (`第六，…` `各位代表！…` `第七，…`).
        let own = if is_plan {
            &paragraphs[..]
        } else {
            before_address(text, &paragraphs)
        };
        let body: Vec<Span> = entry
            .inline_body
            .into_iter()
            .chain(own.iter().copied())
            .collect();
        let flattened = lines[entry.line..next.map_or(end, |n| n.line).max(entry.line + 1)]
            .iter()
            .any(|l| l.flattened);
        let members = match (is_plan, flattened) {
            (true, _) => Members::Anywhere,
            (false, false) => Members::Leading,
            (false, true) => Members::LeadingSentence,
        };
        if let Some(items) = enumeration_drafts(text, &body, title_of(node), members) {
            drafts.extend(items);
        } else if is_plan {
            drafts.extend(sentence_drafts(text, before_address(text, &body)));
        } else {
            let segments: Vec<Span> = std::iter::once(entry.heading.span)
                .chain(own.iter().copied())
                .collect();
            drafts.push(Draft {
                title: short_title(&entry.heading.title),
                parent: entry.heading.parent.and_then(title_of),
                group: None,
                pieces: pieces(text, &segments, 0, usize::MAX),
                confidence: Confidence::High,
            });
        }
    }
    drafts
}

/// The unit named by a `牵头单位：…` line among an item's pieces.
fn owner(text: &str, pieces: &[Span]) -> Option<String> {
    pieces.iter().find_map(|p| {
        let line = p.of(text);
        let rest = OWNER_LABELS.iter().find_map(|l| line.strip_prefix(l))?;
        let value = rest.strip_prefix([':', '：'])?.trim_matches(is_space);
        (!value.is_empty()).then(|| value.trim_end_matches('。').to_string())
    })
}

fn target_kind(kind: EntityKind) -> Option<TargetKind> {
    match kind {
        EntityKind::Percentage => Some(TargetKind::Percentage),
        EntityKind::Figure { with_unit: true } => Some(TargetKind::Quantity),
        EntityKind::Deadline => Some(TargetKind::Deadline),
        EntityKind::Period => Some(TargetKind::Period),
        _ => None,
    }
}

/// Qualifiers written right after a target's number, kept in its phrase.
const QUALIFIERS: &[&str] = &["以上", "以下", "以内", "左右", "上下", "之内"];

/// How many characters before its number a target's phrase reaches at most.
const PHRASE_CHARS: usize = 24;

/// How many characters after its number a target's phrase takes in, at most: the rest of
/// its clause when that names what the number counts.
const COUNTED_CHARS: usize = 16;

/// The phrase of the number at `number` (`Target::phrase`), inside the paragraph
/// `piece`: from the start of its clause, or from `after` (the end of the clause's number
/// before it) if that is later, or at most `PHRASE_CHARS` characters back, through the
/// number and a qualifier right after it, and through the rest of the clause (to a `、` at
/// most) when that is short and has no number of its own. A list's `、` or a space at its
/// start is left out. A line break inside a paragraph is a line wrapped in the copy
/// (`lines::join_hard_wrapped`), not a clause's end: the phrase reads across it.
fn phrase(text: &str, piece: Span, number: Span, after: usize) -> Span {
    let ends_clause = |c: char| c != '\n' && c != '\r' && CLAUSE_ENDS.contains(&c);
    let before = &text[..number.start];
    let mut from = before
        .char_indices()
        .rev()
        .take(PHRASE_CHARS)
        .take_while(|&(at, c)| at >= after.max(piece.start) && !ends_clause(c))
        .last()
        .map_or(number.start, |(at, _)| at);
    while let Some(c) = text[from..number.start]
        .chars()
        .next()
        .filter(|&c| c == '、' || is_space(c))
    {
        from += c.len_utf8();
    }
    // A list's marker opening the clause is no part of what is checked (`一、`, `（二）`,
    // `三是`).
    let lead = &text[from..number.start];
    from += parse_marker(lead)
        .map(|m| m.text_start)
        .or_else(|| marker_len(lead))
        .unwrap_or(0);
    let rest = &text[number.end..piece.end.max(number.end)];
    // A qualifier, maybe on the next line of a wrapped copy.
    let gap = rest.len() - rest.trim_start_matches(is_space).len();
    let qualified = QUALIFIERS
        .iter()
        .find(|q| rest[gap..].starts_with(**q))
        .map_or(0, |q| gap + q.len());
    // What the number counts, when the clause names it after the number
    // (`新实施1500个工业技改项目`).
    let counted = &rest[qualified..];
    let counted = &counted[..counted
        .find(|c: char| ends_clause(c) || c == '、')
        .unwrap_or(counted.len())];
    let named_after = counted.chars().filter(|&c| !is_space(c)).count() <= COUNTED_CHARS
        && !counted.chars().any(|c| digit(c).is_some());
    let to = number.end + qualified + if named_after { counted.len() } else { 0 };
    Span::new(from, to)
}

/// True when the number at `number` describes something rather than sets an amount to
/// reach: an ordinal (`第4批`), an age followed by whom it describes (`60岁以上老年人`),
/// an anniversary (`80周年`), or a class (`30万吨级航道`). It is no target.
fn is_attribute(text: &str, number: Span) -> bool {
    let written = one_line(number.of(text));
    let rest = text[number.end..].trim_start_matches(is_space);
    // An age the clause ends on is a target (`人均预期寿命提高到79岁以上`).
    let ends_clause = || {
        let after = QUALIFIERS
            .iter()
            .find_map(|q| rest.strip_prefix(q))
            .unwrap_or(rest);
        after
            .chars()
            .next()
            .is_none_or(|c| CLAUSE_ENDS.contains(&c))
    };
    text[..number.start]
        .trim_end_matches(is_space)
        .ends_with('第')
        || (written.ends_with('岁') && !ends_clause())
        || written.ends_with("周年")
        || (written.ends_with('周') && rest.starts_with('年'))
        || rest.starts_with('级')
}

/// The verbs of `VERBS` in `title`, in order, each once.
fn verbs(title: &str) -> Vec<String> {
    // The verbs' first characters, sorted: the verbs are looked for only where one is.
    static FIRSTS: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut firsts: Vec<char> = VERBS.iter().filter_map(|v| v.chars().next()).collect();
        firsts.sort_unstable();
        firsts
    });
    let mut found: Vec<String> = Vec::new();
    let mut rest = title;
    while let Some(c) = rest.chars().next() {
        let verb = FIRSTS
            .binary_search(&c)
            .is_ok()
            .then(|| VERBS.iter().find(|v| rest.starts_with(*v)))
            .flatten();
        match verb {
            Some(v) => {
                if !found.iter().any(|f| f == v) {
                    found.push(v.to_string());
                }
                rest = &rest[v.len()..];
            }
            None => rest = &rest[c.len_utf8()..],
        }
    }
    found
}

/// Turns drafts into commitments: text, span, targets, verbs and a unique stable id.
fn finish(text: &str, drafts: Vec<Draft>, scanned: &Scanned) -> Vec<Commitment> {
    let mut items: Vec<Commitment> = Vec::with_capacity(drafts.len());
    // How often each id has been given, so that a repeated text gets `-2`, `-3`, ….
    let mut seen: HashMap<String, usize> = HashMap::new();
    for draft in drafts {
        let (Some(first), Some(last)) = (draft.pieces.first(), draft.pieces.last()) else {
            continue;
        };
        let item_text = draft
            .pieces
            .iter()
            .map(|p| p.of(text))
            .collect::<Vec<_>>()
            .join("\n");
        let mut targets: Vec<Target> = Vec::new();
        for piece in &draft.pieces {
            // Where the last number of the clause ended: a number's phrase starts after it.
            let mut after_number = piece.start;
            for e in scanned.within(*piece) {
                let Some(kind) = target_kind(e.kind) else {
                    continue;
                };
                let number = matches!(kind, TargetKind::Quantity | TargetKind::Percentage);
                if number && is_attribute(text, e.span) {
                    continue;
                }
                let written = one_line(e.span.of(text));
                let phrase = if number {
                    let phrase = phrase(text, *piece, e.span, after_number);
                    after_number = phrase.end;
                    one_line(phrase.of(text))
                } else {
                    written.clone()
                };
                targets.push(Target {
                    kind,
                    text: written,
                    span: e.span,
                    phrase,
                });
            }
        }
        let goals: Vec<Target> = draft
            .pieces
            .iter()
            .flat_map(|&p| goals(text, p, &targets))
            .collect();
        targets.extend(goals);
        targets.sort_by_key(|t| t.span.start);
        let base = stable_id(&item_text);
        let repeats = seen.entry(base.clone()).or_insert(0);
        *repeats += 1;
        let id = if *repeats == 1 {
            base
        } else {
            format!("{base}-{repeats}")
        };
        let owner = owner(text, &draft.pieces);
        let concrete = owner.is_some()
            || targets
                .iter()
                .any(|t: &Target| t.kind != TargetKind::Period);
        items.push(Commitment {
            id,
            verbs: verbs(&draft.title),
            owner,
            concrete,
            title: draft.title,
            text: item_text,
            parent: draft.parent,
            group: draft.group,
            span: Span::new(first.start, last.end),
            confidence: draft.confidence,
            targets,
            points: Vec::new(),
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A city's report with a plan of two tasks: numbers that are targets, written before
    /// what they count or after it, and numbers that only describe (an anniversary, an
    /// age, a class, an ordinal).
    const CITY: &str = "2025年某市人民政府工作报告\n\
        各位代表：\n\
        一、2024年工作回顾\n\
        过去一年，全市地区生产总值增长5%，一般公共预算收入增长4.2%，城镇新增就业5.1万人，居民人均可支配收入增长5.3%，粮食产量保持稳定，生态环境持续改善，民生保障更加有力，各项事业取得新进展。\n\
        二、2025年工作安排\n\
        （一）大力推动城市更新。改造完工老旧小区300个以上，新实施1500个工业技改项目，带动工业投资增长10%。\n\
        （二）办好民生实事。力争高新技术企业突破1万家、科技型企业突破7.5万家。隆重纪念抗战胜利80周年。为全市60岁以上老年人免费体检。推进30万吨级进港航道建设，推动第4批项目落地。\n";

    /// What the targets with numbers of `text`'s plan are checked as, task by task.
    fn number_phrases(text: &str) -> Vec<Vec<String>> {
        crate::analysis::analyze(text)
            .commitments
            .into_iter()
            .map(|c| {
                let numbers = c
                    .targets
                    .into_iter()
                    .filter(|t| matches!(t.kind, TargetKind::Quantity | TargetKind::Percentage));
                numbers.map(|t| t.phrase).collect()
            })
            .collect()
    }

    #[test]
    fn a_number_target_is_read_as_its_phrase_and_a_describing_number_is_none() {
        assert_eq!(
            number_phrases(CITY),
            [
                vec![
                    "改造完工老旧小区300个以上",
                    "新实施1500个工业技改项目",
                    "带动工业投资增长10%",
                ],
                vec!["力争高新技术企业突破1万家", "科技型企业突破7.5万家"],
            ]
        );
    }

    #[test]
    fn a_phrase_reads_across_the_line_breaks_of_a_wrapped_copy() {
        // The plan's paragraphs cut every 16 characters, as a copy of a page with a
        // narrow column gives them; the rest of the report wrapped likewise.
        let wrapped: String = CITY
            .lines()
            .flat_map(|line| {
                let chars: Vec<char> = line.chars().collect();
                let rows: Vec<String> = chars.chunks(16).map(|c| c.iter().collect()).collect();
                rows
            })
            .map(|row| row + "\n")
            .collect();
        assert_ne!(wrapped.lines().count(), CITY.lines().count());
        assert_eq!(number_phrases(&wrapped), number_phrases(CITY));
    }

    /// The phrase of the first number in `text`, a paragraph of its own.
    fn phrase_of_first_number(text: &str) -> String {
        let at = text.find(|c: char| c.is_ascii_digit()).unwrap();
        let end = at + text[at..].find(|c: char| !c.is_ascii_digit()).unwrap();
        let unit = text[end..].chars().next().unwrap().len_utf8();
        let piece = Span::new(0, text.len());
        one_line(phrase(text, piece, Span::new(at, end + unit), 0).of(text))
    }

    #[test]
    fn a_phrase_leaves_out_the_list_marker_opening_its_clause() {
        for (text, phrase) in [
            ("一是新建幼儿园5所。", "新建幼儿园5所"),
            ("一、改造农村公路50公里以上。", "改造农村公路50公里以上"),
            ("（二）新增城镇就业3万人。", "新增城镇就业3万人"),
            ("第一，发行1000亿元长期国债。", "发行1000亿元长期国债"),
            ("统一是新建口袋公园10个。", "统一是新建口袋公园10个"),
        ] {
            assert_eq!(phrase_of_first_number(text), phrase, "{text}");
        }
    }

    #[test]
    fn an_age_the_clause_ends_on_is_a_target_and_one_describing_people_is_not() {
        let report = "2025年某市人民政府工作报告\n\
            二、2025年工作安排\n\
            （一）建设健康城市。全市人均预期寿命提高到79岁以上。为65岁及以上老年人免费体检。\n\
            （二）发展托育服务。新增托位2000个。\n";
        assert_eq!(
            number_phrases(report),
            [
                vec!["全市人均预期寿命提高到79岁以上"],
                vec!["新增托位2000个"]
            ]
        );
    }

    #[test]
    fn a_phrase_keeps_full_width_digits_as_written() {
        let full_width = CITY.replace("300个", "３００个").replace("10%", "１０％");
        let phrases = number_phrases(&full_width);
        assert_eq!(phrases[0][0], "改造完工老旧小区３００个以上");
        assert_eq!(phrases[0][2], "带动工业投资增长１０％");
    }

    #[test]
    fn goals_are_documents_to_issue_full_coverage_and_titles_to_win() {
        fn goal(words: &str) -> Option<&str> {
            goal_in(words).map(|(from, to)| &words[from..to])
        }
        assert_eq!(
            goal("加快出台我市政务数据体系建设方案"),
            Some("出台我市政务数据体系建设方案")
        );
        assert_eq!(
            goal("修订《数据资源管理办法》"),
            Some("修订《数据资源管理办法》")
        );
        assert_eq!(
            goal("加快推进综合办事窗口全覆盖"),
            Some("加快推进综合办事窗口全覆盖")
        );
        assert_eq!(
            goal("争创河南省法治政府建设示范市"),
            Some("争创河南省法治政府建设示范市")
        );
        assert_eq!(
            goal("印发年度法治政府建设工作要点（试行）"),
            Some("印发年度法治政府建设工作要点（试行）")
        );
        assert_eq!(
            goal("6月底前完成对全县定点医药机构的全覆盖现场检查"),
            Some("6月底前完成对全县定点医药机构的全覆盖现场检查")
        );
        assert_eq!(
            goal("创建国家级文旅消费示范城市"),
            Some("创建国家级文旅消费示范城市")
        );
        for none in [
            "制定了深化收入分配制度改革若干意见",
            "制定并实施了国家中长期人才发展规划",
            "按照修订的外商投资产业指导目录",
            "贯彻落实新修订《河南省优化营商环境条例》",
            "制定相关办法",
            "出台相关配套实施细则",
            "制定切实可行的整改方案",
            "制定完善法治建设工作规章制度",
            "制定涉企政策广泛听取经营主体意见",
            "严格落实机构编制管理相关规定",
            "健全覆盖城乡的社会保障体系",
            "坚持无禁区、全覆盖、零容忍",
            "持续完善全覆盖防止返贫致贫机制",
            "开展全方位、全覆盖、深层次综合压力测试",
            "严控创建示范、评比达标等事项",
            "清理规范创建示范区、示范单位等评比活动",
            "持续推进法治政府建设",
        ] {
            assert_eq!(goal(none), None, "{none}");
        }
    }

    #[test]
    fn a_goal_leaves_out_the_heading_marker_and_the_deadline_before_it() {
        let text = "（三）推进综合办事窗口全覆盖。力争年底前实现民事执行监督全覆盖。";
        let piece = Span::new(0, text.len());
        let deadline = text.find("年底前").unwrap();
        let targets = [Target {
            kind: TargetKind::Deadline,
            text: "年底前".to_string(),
            span: Span::new(deadline, deadline + "年底前".len()),
            phrase: "年底前".to_string(),
        }];
        let found: Vec<String> = goals(text, piece, &targets)
            .into_iter()
            .map(|g| g.text)
            .collect();
        assert_eq!(found, ["推进综合办事窗口全覆盖", "实现民事执行监督全覆盖"]);
    }

    fn items(text: &str) -> Vec<(String, Option<String>)> {
        crate::analysis::analyze(text)
            .commitments
            .into_iter()
            .map(|c| (c.text, c.parent))
            .collect()
    }

    #[test]
    fn a_leaf_splits_into_its_own_enumeration_only() {
        let text = "2025年政府工作报告\n三、2025年重点工作\n（一）扩大内需。一是稳投资；二是促消费。\n（二）保障民生。\n稳就业。\n办好实事。一是建学校；二是修道路。";
        let got = items(text);
        let inline = Some("扩大内需".to_string());
        assert_eq!(got[0], ("一是稳投资；".to_string(), inline.clone()));
        assert_eq!(got[1], ("二是促消费。".to_string(), inline));
        assert_eq!(
            got[2],
            (
                "（二）保障民生。\n稳就业。\n办好实事。一是建学校；二是修道路。".to_string(),
                None
            ),
            "a list deep inside a task's paragraphs stays in the task"
        );
        let text = "2026年政府工作报告\n二、2026年重点工作\n（一）扩大有效投资。今年要抓好三件事。\n一是实施重大项目。\n二是新开工项目100个，①…②…。\n（二）提振消费。";
        let got = items(text);
        let task = Some("扩大有效投资".to_string());
        assert_eq!(
            got[..2],
            [
                ("一是实施重大项目。".to_string(), task.clone()),
                ("二是新开工项目100个，①…②…。".to_string(), task)
            ],
            "paragraphs that each open with 一是, 二是 after a run-in heading are its items"
        );
    }

    #[test]
    fn in_a_flattened_task_only_a_leading_enumeration_gives_items() {
        let filler = "全省经济稳中有进。".repeat(200);
        let text = format!(
            "2026年政府工作报告{filler}二、2026年重点工作（一）扩大有效投资。一是实施重大项目。\
             二是新开工项目100个。（二）办好民生实事。今年要继续努力。各项工作稳步推进。\
             一是建学校。二是修道路。"
        );
        let titles: Vec<String> = crate::analysis::analyze(&text)
            .commitments
            .into_iter()
            .map(|c| c.title)
            .collect();
        assert_eq!(
            titles,
            ["实施重大项目", "新开工项目100个", "办好民生实事"],
            "a list after the task's first sentences may be inside a paragraph: it stays"
        );
    }

    #[test]
    fn turning_to_the_audience_ends_the_item() {
        let text = "政府工作报告\n——2025年3月5日在第十四届全国人民代表大会第三次会议上\n二、今年主要任务\n（一）稳增长。全年增长5%。\n各位代表！让我们团结奋斗！";
        assert_eq!(
            items(text),
            [("（一）稳增长。全年增长5%。".to_string(), None)]
        );
    }

    #[test]
    fn an_appendix_list_of_projects_is_a_group_with_owners() {
        let text = "2025年政府工作报告\n二、2025年工作安排\n（一）甲。\n附件\n2025年十件民生实事\n一、新建学校3所\n牵头单位：省教育厅\n二、改造道路\n";
        let report = crate::analysis::analyze(text);
        let listed: Vec<(&str, Option<&str>, Option<&str>)> = report
            .commitments
            .iter()
            .map(|c| (c.title.as_str(), c.group.as_deref(), c.owner.as_deref()))
            .collect();
        let group = Some("2025年十件民生实事");
        assert_eq!(
            listed,
            [
                ("甲", None, None),
                ("新建学校3所", group, Some("省教育厅")),
                ("改造道路", group, None)
            ]
        );
    }

    #[test]
    fn verbs_in_order_each_once() {
        assert_eq!(verbs("建立健全重大行政决策机制"), ["建立", "健全"]);
        assert_eq!(verbs("持续推进“一网通办”改革,推进改革"), ["推进"]);
        assert!(verbs("法治宣传阵地").is_empty());
    }

    #[test]
    fn sentences_that_read_as_commitments() {
        let text = "2023年,我局将加强领导。成绩显著。要完善制度;继续推进改革";
        let drafts = sentence_drafts(text, &[Span::new(0, text.len())]);
        let got: Vec<&str> = drafts.iter().map(|d| d.pieces[0].of(text)).collect();
        assert_eq!(
            got,
            ["2023年,我局将加强领导。", "要完善制度;", "继续推进改革"]
        );
        assert!(drafts.iter().all(|d| d.confidence == Confidence::Low));
    }
}
