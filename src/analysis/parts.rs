//! The parts of a report, and which of them its genre requires.
//!
//! Each genre has its parts (the genre table in `genre`): the 2019 regulation
//! 《法治政府建设与责任落实督察工作规定》 gives a rule-of-law report its measures and
//! results, shortcomings, the principal leaders' duty as first person responsible, next
//! year's plans and other matters; article 50 of 《政府信息公开条例》 gives an information
//! disclosure report its six template sections; a government work report has its review,
//! five-year and target sections, its year's work and its appendices. Each top-level
//! section gets the part its heading names. A part is present when a top-level heading
//! names it; the leaders' duty also counts as a sub-heading, since reports often place
//! it under their measures, and is "mentioned" when only a paragraph speaks of it; the
//! plans count however the plan section was found. A part the genre does not require is
//! never reported missing, so an unknown genre raises no false alarm.

use super::genre::{self, Need, PART_WORDS};
use super::lines::{Line, LineKind};
use super::outline::OutlineEntry;
use super::plan::{is_plan_heading, YearsKnown};
use super::report::{Part, PartCheck, PartStatus, Section};

/// The part a heading names, among the parts of the report's genre, tried in the order
/// of `PART_WORDS`.
fn part_of(entry: &OutlineEntry, known: YearsKnown) -> Option<Part> {
    let title = entry.heading.title.as_str();
    let has_part = |part: Part| known.rules.parts.iter().any(|(p, _)| *p == part);
    PART_WORDS
        .iter()
        .map(|(part, _)| *part)
        .filter(|&part| has_part(part))
        .find(|&part| match part {
            Part::Plans => is_plan_heading(&entry.heading, known),
            _ => genre::names_part(title, part),
        })
}

/// The top-level sections with their parts.
pub fn sections(outline: &[OutlineEntry], known: YearsKnown) -> Vec<Section> {
    outline
        .iter()
        .enumerate()
        .filter(|(_, e)| e.heading.level == 1)
        .map(|(i, e)| Section {
            heading_index: i,
            part: part_of(e, known),
        })
        .collect()
}

/// True when a paragraph speaks of the part without a heading of its own.
fn mentioned(text: &str, lines: &[Line], part: Part) -> bool {
    let words = PART_WORDS
        .iter()
        .find(|(p, _)| *p == part)
        .map_or(&[][..], |(_, words)| *words);
    part == Part::LeaderDuty
        && lines
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Text | LineKind::Heading(_)))
            .any(|l| words.iter().any(|w| l.span.of(text).contains(w)))
}

/// Checks every part of the genre. `plan_heading` is the plan section's heading, and
/// `plan_found` tells whether a plan section was found at all (it may have no heading).
pub fn check_parts(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    sections: &[Section],
    known: YearsKnown,
    plan_heading: Option<usize>,
    plan_found: bool,
) -> Vec<PartCheck> {
    known
        .rules
        .parts
        .iter()
        .map(|&(part, need)| {
            let heading_index = match part {
                Part::Plans => plan_heading,
                Part::LeaderDuty => (0..outline.len())
                    .filter(|&i| part_of(&outline[i], known) == Some(part))
                    .min_by_key(|&i| (outline[i].heading.level, i)),
                _ => sections
                    .iter()
                    .find(|s| s.part == Some(part))
                    .map(|s| s.heading_index),
            };
            let status = if heading_index.is_some() || (part == Part::Plans && plan_found) {
                PartStatus::Present
            } else if mentioned(text, lines, part) {
                PartStatus::Mentioned
            } else if need == Need::Required {
                PartStatus::Missing
            } else {
                PartStatus::Absent
            };
            PartCheck {
                part,
                status,
                heading_index,
            }
        })
        .collect()
}
