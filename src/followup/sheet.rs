//! A follow-up as a document: each of last year's tasks with the verdict the user gave
//! (or the one suggested), whether the user changed it, the best passage and the user's
//! note, with the
//! line saying where the follow-up looked. `export` writes it as Markdown or CSV; the
//! page and the command line build it from what they hold.

use serde::{Deserialize, Serialize};

use super::judged::{target_key, Judgements};
use super::targets::TargetVerdict;
use super::{FollowUp, Strength, Verdict};
use crate::analysis::{Report, ReviewSource};
use crate::i18n::Texts;

/// One task of last year, as followed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub task: String,
    /// The user's verdict, or the suggested one.
    pub verdict: Verdict,
    pub suggested: Verdict,
    /// The user gave a verdict other than the suggested one.
    pub changed: bool,
    /// The best passage, and its strength; none when no passage matches.
    pub best: Option<(Strength, String)>,
    /// The user's note on the task.
    #[serde(default)]
    pub note: String,
}

/// A follow-up as a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The two reports, by title (or file name).
    pub last: String,
    pub this: String,
    /// Where the follow-up looked in this year's report (`searched`).
    pub searched: String,
    pub rows: Vec<Row>,
    /// Last year's targets with this year's results (`targets`).
    #[serde(default)]
    pub targets: Vec<TargetRow>,
}

/// One target of last year, as followed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetRow {
    /// The target's phrase, and the result's, if this year's review states one.
    pub target: String,
    pub result: Option<String>,
    /// The user's verdict, or the suggested one, the suggested one, and whether the user
    /// changed it.
    pub verdict: TargetVerdict,
    pub suggested: TargetVerdict,
    pub changed: bool,
}

/// Where `followed` looked in `this`, as a line for a reader in `t`'s language.
pub fn searched(t: &Texts, this: &Report, followed: &FollowUp) -> String {
    let Some(review) = &followed.review else {
        return t.follow_no_review.to_string();
    };
    let place = match review.found_by {
        ReviewSource::Position => t.follow_review_by_position.to_string(),
        ReviewSource::Heading | ReviewSource::Opening => {
            (t.follow_review)(&followed.review_headings(this).join(t.list_separator))
        }
    };
    if review.problems.is_empty() {
        place
    } else {
        place + &(t.follow_review_problems)(review.problems.len())
    }
}

/// The sheet of `followed` (last year's `last` into this year's `this`, named
/// `names`), with what the user said of each task (`judgements`, by commitment id).
pub fn sheet(
    t: &Texts,
    names: (&str, &str),
    (last, this): (&Report, &Report),
    followed: &FollowUp,
    judgements: &Judgements,
) -> Sheet {
    let rows = followed
        .items
        .iter()
        .map(|item| {
            let judged = last
                .commitments
                .get(item.commitment)
                .and_then(|c| judgements.get(&c.id));
            let given = judged.and_then(|j| j.verdict);
            let best = item.matches.first().and_then(|m| {
                let passage = followed.passages.get(m.passage)?;
                Some((m.strength, passage.text.clone()))
            });
            Row {
                task: item.title.clone(),
                verdict: given.unwrap_or(item.verdict),
                suggested: item.verdict,
                changed: given.is_some_and(|v| v != item.verdict),
                best,
                note: judged.map(|j| j.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    Sheet {
        last: names.0.to_string(),
        this: names.1.to_string(),
        searched: searched(t, this, followed),
        rows,
        targets: followed
            .indicators
            .iter()
            .map(|i| {
                let given = judgements
                    .get(&target_key(&i.target.name))
                    .and_then(|j| j.target);
                TargetRow {
                    target: i.target.text.clone(),
                    result: i.result.as_ref().map(|r| r.text.clone()),
                    verdict: given.unwrap_or(i.verdict),
                    suggested: i.verdict,
                    changed: given.is_some_and(|v| v != i.verdict),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::followup::follow_up;
    use crate::followup::judged::Judgement;
    use crate::i18n::ZH;

    #[test]
    fn the_sheet_carries_the_users_verdicts_and_notes_and_says_which_verdicts_were_changed() {
        let last = analyze("2024年政府工作报告\n一、2023年工作回顾\n（一）甲。\n二、2024年重点工作\n（一）深化营商环境改革。推行证照分离。\n（二）发展低空经济。\n");
        let this_text = "2025年政府工作报告\n一、2024年工作回顾\n营商环境改革深入推进，证照分离全面推行，新增经营主体12万户。\n二、2025年重点工作\n（一）乙。\n";
        let this = analyze(this_text);
        let followed = follow_up(&last, this_text, &this);
        let mut judgements = Judgements::new();
        let judged = |verdict, note: &str| Judgement {
            verdict,
            note: note.to_string(),
            target: None,
        };
        judgements.insert(
            last.commitments[0].id.clone(),
            judged(None, "见市场监管局通报"),
        );
        judgements.insert(
            last.commitments[1].id.clone(),
            judged(Some(Verdict::Partly), ""),
        );
        let sheet = sheet(&ZH, ("甲", "乙"), (&last, &this), &followed, &judgements);
        assert_eq!(
            sheet.searched,
            "在下一年报告的回顾部分中查找：2024年工作回顾"
        );
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0].verdict, sheet.rows[0].suggested);
        assert!(!sheet.rows[0].changed, "a note alone changes no verdict");
        assert_eq!(sheet.rows[0].note, "见市场监管局通报");
        let best = sheet.rows[0].best.as_ref().map(|(_, p)| p.as_str());
        assert!(best.is_some_and(|p| p.starts_with("营商环境改革")));
        // 发展低空经济 is nowhere in the review: not found, and the user's 部分报告 a change.
        assert_eq!(sheet.rows[1].suggested, Verdict::NotFound);
        assert_eq!(sheet.rows[1].verdict, Verdict::Partly);
        assert!(sheet.rows[1].changed);
        assert_eq!(sheet.rows[1].note, "");
    }
}
