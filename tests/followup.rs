#![cfg(not(target_arch = "wasm32"))]
//! Following commitments into the next year's report, against hand labels: for pairs of
//! consecutive national 政府工作报告, someone read each task of year N and the review of
//! year N+1 and wrote down which passage reports on it (`tests/fixtures/followup/*.labels.json`,
//! with the other relevant passages). The top passage the matching finds must be one of
//! those for at least 8 tasks in 10 over all pairs; the figures are printed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use report_lens::analysis::analyze;
use report_lens::followup::{follow_up, Verdict};
use report_lens::ingest::read;
use serde::Deserialize;

#[derive(Deserialize)]
struct Labels {
    last: String,
    this: String,
    labels: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    item: String,
    best: Option<String>,
    also: Vec<String>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A national report's text, from `tests/fixtures/` or its `followup/` folder.
fn text(name: &str) -> String {
    let path = [fixtures(), fixtures().join("followup")]
        .iter()
        .map(|dir| dir.join(format!("{name}.txt")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{name}.txt is among the fixtures"));
    let bytes = std::fs::read(&path).unwrap();
    read(&path.to_string_lossy(), &bytes).unwrap().text
}

#[test]
fn the_top_passage_reports_on_the_task_for_eight_in_ten() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("followup"))
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.to_string_lossy().ends_with(".labels.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "three consecutive pairs at least");

    let (mut labelled, mut best_first, mut relevant_first) = (0, 0, 0);
    // The suggested verdicts against the labels: (labelled reported, verdict not
    // "not found"), counted.
    let mut verdicts: HashMap<(bool, bool), usize> = HashMap::new();
    for file in &files {
        let labels: Labels = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let last = analyze(&text(&labels.last));
        let this_text = text(&labels.this);
        let this = analyze(&this_text);
        let followed = follow_up(&last, &this_text, &this);
        let titles: Vec<&str> = followed.items.iter().map(|i| i.title.as_str()).collect();
        let wanted: Vec<&str> = labels.labels.iter().map(|l| l.item.as_str()).collect();
        assert_eq!(
            titles,
            wanted,
            "{}: the labels are for these tasks",
            file.display()
        );
        let (mut pair_best, mut pair_relevant, mut pair_labelled) = (0, 0, 0);
        for (item, label) in followed.items.iter().zip(&labels.labels) {
            let found = item.verdict != Verdict::NotFound;
            *verdicts.entry((label.best.is_some(), found)).or_default() += 1;
            let Some(best) = &label.best else { continue };
            pair_labelled += 1;
            let top = item
                .matches
                .first()
                .map(|m| followed.passages[m.passage].text.as_str());
            let starts = |prefix: &String| top.is_some_and(|t| t.starts_with(prefix.as_str()));
            if starts(best) {
                pair_best += 1;
            }
            if starts(best) || label.also.iter().any(starts) {
                pair_relevant += 1;
            }
        }
        println!(
            "{} → {}: top passage the labelled best for {pair_best} of {pair_labelled}, a relevant one for {pair_relevant}",
            labels.last, labels.this
        );
        labelled += pair_labelled;
        best_first += pair_best;
        relevant_first += pair_relevant;
    }
    println!(
        "all pairs: the labelled best first for {best_first} of {labelled}; a relevant passage first for {relevant_first}"
    );
    assert!(
        relevant_first * 10 >= labelled * 8,
        "a relevant passage first for {relevant_first} of {labelled}: fewer than 8 in 10"
    );
    let count =
        |labelled: bool, found: bool| verdicts.get(&(labelled, found)).copied().unwrap_or(0);
    let tasks: usize = verdicts.values().sum();
    let agree = count(true, true) + count(false, false);
    println!(
        "verdicts: agree with the labels on reported or not for {agree} of {tasks}; \
         of {} tasks labelled unreported, {} suggested not found; of {} labelled reported, \
         {} suggested not found",
        count(false, true) + count(false, false),
        count(false, false),
        count(true, true) + count(true, false),
        count(true, false)
    );
    assert!(
        agree * 4 >= tasks * 3,
        "the verdicts agree on {agree} of {tasks} tasks: fewer than 3 in 4"
    );
    // Each kind of task on its own, so that a verdict that never says "not found" fails:
    // at most 1 in 20 reported tasks called not found, at least 1 in 10 unreported ones.
    let reported = count(true, true) + count(true, false);
    let unreported = count(false, true) + count(false, false);
    assert!(
        count(true, false) * 20 <= reported,
        "{} of {reported} reported tasks called not found",
        count(true, false)
    );
    assert!(
        count(false, false) * 10 >= unreported,
        "only {} of {unreported} unreported tasks called not found",
        count(false, false)
    );
}

/// The range of `text` from the line that starts with `from` to the line that starts
/// with `to` (white space before either aside).
fn between(text: &str, from: &str, to: &str) -> std::ops::Range<usize> {
    let line_at = |prefix: &str| {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if line.trim_start().starts_with(prefix) {
                return offset;
            }
            offset += line.len();
        }
        panic!("a line starts with {prefix}")
    };
    line_at(from)..line_at(to)
}

/// The 2016 report, edited the way another government, year or copy words its review.
struct Variant {
    name: &'static str,
    /// Pairs of (what, with what) replaced once each, in order.
    edits: &'static [(&'static str, &'static str)],
    /// The first words of the review's heading line and of the heading after it.
    review: (&'static str, &'static str),
}

const REVIEW_VARIANTS: &[Variant] = &[
    Variant {
        name: "as written",
        edits: &[],
        review: ("一、2015年工作回顾", "二、\"十三五\""),
    },
    Variant {
        name: "combined with the five-year review",
        edits: &[("一、2015年工作回顾", "一、\"十二五\"时期和2015年工作回顾")],
        review: ("一、\"十二五\"时期和2015年", "二、\"十三五\""),
    },
    Variant {
        name: "the year's main work and the five years' achievements",
        edits: &[(
            "一、2015年工作回顾",
            "一、2015年主要工作和\"十二五\"发展成就",
        )],
        review: ("一、2015年主要工作", "二、\"十三五\""),
    },
    Variant {
        name: "the past year",
        edits: &[("一、2015年工作回顾", "一、过去一年的工作")],
        review: ("一、过去一年的工作", "二、\"十三五\""),
    },
    Variant {
        name: "a slogan",
        edits: &[("一、2015年工作回顾", "一、攻坚克难，稳中有进")],
        review: ("一、攻坚克难", "二、\"十三五\""),
    },
    Variant {
        name: "a five-year review before it",
        edits: &[
            ("三、2016年重点工作", "四、2016年重点工作"),
            ("二、\"十三五\"时期", "三、\"十三五\"时期"),
            (
                "一、2015年工作回顾",
                "一、\"十二五\"时期发展成就\n　　过去五年，经济总量稳居世界第二，人民生活水平显著提高。\n　　二、2015年工作回顾",
            ),
        ],
        review: ("二、2015年工作回顾", "三、\"十三五\""),
    },
    Variant {
        name: "a five-year review inside it",
        edits: &[(
            "一、2015年工作回顾\n",
            "一、\"十二五\"时期和2015年工作回顾\n　　（一）\"十二五\"时期发展成就\n　　过去五年，经济总量稳居世界第二，人民生活水平显著提高。\n　　（二）2015年主要工作\n",
        )],
        review: ("一、\"十二五\"时期和2015年", "二、\"十三五\""),
    },
    Variant {
        name: "a portal's caption and furniture above the title, another dash",
        edits: &[
            (
                "2016政府工作报告",
                "首页 > 政策 > 政府工作报告\n【字号：大 中 小】 来源：中国政府网\n2016政府工作报告",
            ),
            ("——2016年3月5日", "—2016年3月5日"),
        ],
        review: ("一、2015年工作回顾", "二、\"十三五\""),
    },
];

#[test]
fn evidence_comes_only_from_the_review_however_its_heading_is_worded() {
    let last = analyze(&text("national-2015"));
    let original = text("national-2016");
    for variant in REVIEW_VARIANTS {
        let mut this_text = original.clone();
        for (what, with) in variant.edits {
            assert!(
                this_text.contains(what),
                "{}: {what} is in the text",
                variant.name
            );
            this_text = this_text.replacen(what, with, 1);
        }
        let review = between(&this_text, variant.review.0, variant.review.1);
        let problems = between(&this_text, "在充分肯定去年成绩的同时", "各位代表！");
        let this = analyze(&this_text);
        let followed = follow_up(&last, &this_text, &this);
        assert!(
            followed.review.is_some(),
            "{}: a review is found",
            variant.name
        );
        assert!(
            followed
                .passages
                .iter()
                .any(|p| p.text.starts_with("过去一年，我国发展面临多重困难")),
            "{}: the review's opening paragraph is a passage",
            variant.name
        );
        for passage in &followed.passages {
            let start = passage.span.start;
            let short: String = passage.text.chars().take(30).collect();
            assert!(
                review.contains(&start),
                "{}: {short} is outside the review",
                variant.name
            );
            assert!(
                !problems.contains(&start),
                "{}: {short} sets out problems",
                variant.name
            );
        }
    }
}
