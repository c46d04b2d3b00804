//! Last year's targets against this year's results: each target of last year's report
//! (`Report::indicators`) with the result this year's review reports for the same
//! indicator, and whether the target was met, by the indicator's sense. Growth targets
//! and `以上` targets are floors, met at the figure or above (a `左右` target within a few
//! tenths under it); prices and unemployment are ceilings, met at the figure or below (a
//! `左右` one within a few tenths over it); a reduction is met when it reached the figure;
//! a range is met from its low end (or, for a ceiling, up to its top). A target without a
//! figure is met when the review states it as written (`国际收支基本平衡`), and otherwise
//! not reported: nothing is guessed.

use serde::{Deserialize, Serialize};

use crate::analysis::{Indicator, IndicatorRole, Report};

/// How far under a `左右` floor (or over a `左右` ceiling) a result still meets it.
const ABOUT: f64 = 0.2;
/// Indicators whose target is a ceiling: the lower the better.
const CEILINGS: &[&str] = &["居民消费价格涨幅", "城镇调查失业率"];
/// Words of a target's own name that make it a ceiling (`城镇登记失业率`).
const CEILING_WORDS: &[&str] = &["失业率", "价格", "涨幅"];

/// Whether a target was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetVerdict {
    Met,
    NotMet,
    NotReported,
}

/// One target of last year, followed into this year's review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetFollowed {
    pub target: Indicator,
    /// This year's result for the same indicator; none when the review states none.
    pub result: Option<Indicator>,
    pub verdict: TargetVerdict,
}

/// Each target of `last` with the result `this` reports for it (`this_text` is this
/// year's text, where a target without a figure is looked for in its review).
pub fn follow_targets(last: &Report, this_text: &str, this: &Report) -> Vec<TargetFollowed> {
    let review: Vec<&str> = this.review.as_ref().map_or(Vec::new(), |r| {
        r.spans
            .iter()
            .filter_map(|s| this_text.get(s.start..s.end))
            .collect()
    });
    last.indicators
        .iter()
        .filter(|i| i.role == IndicatorRole::Target)
        .map(|target| {
            let result = this
                .indicators
                .iter()
                .find(|i| i.role == IndicatorRole::Result && i.name == target.name)
                .cloned();
            let verdict = match (&result, target.value) {
                (Some(result), Some(_)) => judge(target, result),
                (_, None) if review.iter().any(|r| r.contains(&target.text)) => TargetVerdict::Met,
                _ => TargetVerdict::NotReported,
            };
            TargetFollowed {
                target: target.clone(),
                result,
                verdict,
            }
        })
        .collect()
}

/// True for a target that is a ceiling (prices, unemployment): the lower the better.
fn is_ceiling(target: &Indicator) -> bool {
    CEILINGS.contains(&target.name.as_str())
        || CEILING_WORDS.iter().any(|w| target.name.contains(w))
        || matches!(target.qualifier.as_deref(), Some("以内" | "以下"))
}

/// Whether `result` met `target`, both with figures in one unit.
fn judge(target: &Indicator, result: &Indicator) -> TargetVerdict {
    let (Some(low), Some(got)) = (target.value, result.value) else {
        return TargetVerdict::NotReported;
    };
    if target.unit != result.unit {
        return TargetVerdict::NotReported;
    }
    let about = if target.qualifier.as_deref() == Some("左右") {
        ABOUT
    } else {
        0.0
    };
    let met = if is_ceiling(target) {
        got <= target.high.unwrap_or(low) + about + f64::EPSILON
    } else {
        got + about + f64::EPSILON >= low
    };
    if met {
        TargetVerdict::Met
    } else {
        TargetVerdict::NotMet
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    const LAST: &str = "2024年政府工作报告\n一、2023年工作回顾\n过去一年，地区生产总值增长5%。\n二、2024年主要目标和重点工作\n今年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，居民消费价格涨幅3%左右，城镇调查失业率5.5%以内，城镇新增就业60万人以上，单位地区生产总值能耗降低2.5%，固定资产投资增长6%，国际收支基本平衡，粮食产量稳定在700亿斤以上。\n（一）扩大内需。\n";

    fn verdicts(this: &str) -> Vec<(String, TargetVerdict)> {
        let (last, now) = (analyze(LAST), analyze(this));
        follow_targets(&last, this, &now)
            .into_iter()
            .map(|f| (f.target.name, f.verdict))
            .collect()
    }

    #[test]
    fn each_target_is_judged_by_its_sense() {
        let this = "2025年政府工作报告\n一、2024年工作回顾\n过去一年，地区生产总值增长5.3%，居民消费价格上涨0.2%，城镇调查失业率5.6%，城镇新增就业58万人，单位地区生产总值能耗下降3%，固定资产投资增长4%，国际收支基本平衡。\n二、2025年重点工作\n（一）扩大内需。\n";
        use TargetVerdict::*;
        assert_eq!(
            verdicts(this),
            [
                ("地区生产总值增长".to_string(), Met),
                ("居民消费价格涨幅".to_string(), Met),
                ("城镇调查失业率".to_string(), NotMet),
                ("城镇新增就业".to_string(), NotMet),
                ("单位地区生产总值能耗降低".to_string(), Met),
                ("固定资产投资增长".to_string(), NotMet),
                ("国际收支基本平衡".to_string(), Met),
                ("粮食产量".to_string(), NotReported),
            ]
        );
    }

    #[test]
    fn a_result_elsewhere_than_the_review_is_not_reported() {
        let this = "2025年政府工作报告\n一、2024年工作回顾\n过去一年，各项工作稳步推进。\n二、2025年重点工作\n今年的主要预期目标是：地区生产总值增长5.5%左右，国际收支基本平衡。\n（一）扩大内需。\n";
        assert!(verdicts(this)
            .iter()
            .all(|(_, v)| *v == TargetVerdict::NotReported));
    }
}
