//! The parts of a report, and which of them its genre requires.
//!
//! The 2019 regulation 《法治政府建设与责任落实督察工作规定》 says a rule-of-law report
//! gives the year's measures and results, its shortcomings and their causes, how the
//! principal leaders carried out their duty as first person responsible, next year's
//! plans, and anything else to report. Each top-level section gets the part its heading
//! names. A part is present when a top-level heading names it; the leaders' duty also
//! counts as a sub-heading, since reports often place it under their measures, and the
//! plans count when found by a closing paragraph. Only a rule-of-law report requires the
//! first four parts; a government work report or a work summary requires plans only, and
//! other genres require none, so they get no false alarms.

use super::outline::OutlineEntry;
use super::plan::is_plan_heading;
use super::report::{Genre, Part, PartCheck, PartStatus, Section};

const LEADER_WORDS: &[&str] = &["第一责任人", "主要负责人", "主要领导履行"];
const SHORTCOMING_WORDS: &[&str] = &["不足", "问题", "短板", "差距", "薄弱"];
const OTHER_MATTER_WORDS: &[&str] = &["其他需要报告", "其他事项"];
const MEASURE_WORDS: &[&str] = &[
    "举措",
    "成效",
    "成绩",
    "主要做法",
    "工作开展",
    "工作情况",
    "主要工作",
    "进展",
    "回顾",
    "完成情况",
];

/// The part a heading names, if any.
fn part_of(entry: &OutlineEntry, report_year: Option<u32>) -> Option<Part> {
    let title = entry.heading.title.as_str();
    let has = |words: &[&str]| words.iter().any(|w| title.contains(w));
    if has(LEADER_WORDS) {
        Some(Part::LeaderDuty)
    } else if is_plan_heading(&entry.heading, report_year) {
        Some(Part::Plans)
    } else if has(SHORTCOMING_WORDS) {
        Some(Part::Shortcomings)
    } else if has(OTHER_MATTER_WORDS) {
        Some(Part::OtherMatters)
    } else if has(MEASURE_WORDS) {
        Some(Part::Measures)
    } else {
        None
    }
}

fn required(genre: Genre) -> &'static [Part] {
    match genre {
        Genre::RuleOfLaw => &[
            Part::Measures,
            Part::Shortcomings,
            Part::LeaderDuty,
            Part::Plans,
        ],
        Genre::GovernmentWork | Genre::WorkSummary => &[Part::Plans],
        Genre::InformationDisclosure | Genre::Other => &[],
    }
}

/// The top-level sections with their parts.
pub fn sections(outline: &[OutlineEntry], report_year: Option<u32>) -> Vec<Section> {
    outline
        .iter()
        .enumerate()
        .filter(|(_, e)| e.heading.level == 1)
        .map(|(i, e)| Section {
            heading_index: i,
            part: part_of(e, report_year),
        })
        .collect()
}

/// Checks every part. `plan_heading` is the plan section's heading, and `plan_found`
/// tells whether a plan section was found at all (it may have no heading).
pub fn check_parts(
    outline: &[OutlineEntry],
    sections: &[Section],
    genre: Genre,
    report_year: Option<u32>,
    plan_heading: Option<usize>,
    plan_found: bool,
) -> Vec<PartCheck> {
    [
        Part::Measures,
        Part::Shortcomings,
        Part::LeaderDuty,
        Part::Plans,
        Part::OtherMatters,
    ]
    .into_iter()
    .map(|part| {
        let heading_index = match part {
            Part::Plans => plan_heading,
            Part::LeaderDuty => (0..outline.len())
                .filter(|&i| part_of(&outline[i], report_year) == Some(part))
                .min_by_key(|&i| (outline[i].heading.level, i)),
            _ => sections
                .iter()
                .find(|s| s.part == Some(part))
                .map(|s| s.heading_index),
        };
        let present = heading_index.is_some() || (part == Part::Plans && plan_found);
        let status = if present {
            PartStatus::Present
        } else if required(genre).contains(&part) {
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
