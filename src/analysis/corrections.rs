//! What a reader corrected in a report's analysis: the section that is the plan (one of
//! the outline's headings), the year reviewed, the plan year and the issuer. The reader's
//! value is taken over the analysis' own wherever the analysis would use it: a corrected
//! year reviewed also decides which heading reads as the plan, and a plan chosen by the
//! reader gives the items. `Report::corrected` says which facts were corrected, each with
//! the analysis' own value, so that the page can show both. A chosen heading is found
//! again by its title and where it starts, so a copy of the same report with other white
//! space still finds it; a heading no longer there is said (`Warning::PlanChoiceLost`),
//! and the analysis' own plan stands.

use serde::{Deserialize, Serialize};

use super::outline::OutlineEntry;

/// What the reader set; `None` leaves the analysis' own value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Corrections {
    #[serde(default)]
    pub plan: Option<PlanChoice>,
    #[serde(default)]
    pub report_year: Option<u32>,
    #[serde(default)]
    pub plan_year: Option<u32>,
    #[serde(default)]
    pub issuer: Option<String>,
}

/// The heading the reader made the plan: its title and where its line starts in the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlanChoice {
    pub title: String,
    pub start: usize,
}

impl Corrections {
    /// True when the reader corrected nothing.
    pub fn is_empty(&self) -> bool {
        self == &Corrections::default()
    }
}

/// The outline entry `choice` names: the one of its title that starts where it did, or
/// else the one of its title nearest to there.
pub(super) fn chosen_heading(outline: &[OutlineEntry], choice: &PlanChoice) -> Option<usize> {
    outline
        .iter()
        .enumerate()
        .filter(|(_, e)| e.heading.title == choice.title)
        .min_by_key(|(_, e)| e.heading.span.start.abs_diff(choice.start))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, analyze_corrected, Fact, Warning};

    const REPORT: &str = "2024年某县人民政府工作报告\n\
        ——2024年1月10日在某县第十八届人民代表大会第四次会议上\n\
        县长 某某\n\
        一、2023年工作回顾\n\
        （一）经济运行稳中向好。全年地区生产总值增长5%。\n\
        二、2024年工作安排\n\
        （一）扩大有效投资。新开工项目50个。\n\
        （二）改造老旧小区。完成改造300个以上。\n\
        三、保障措施\n\
        （一）加强组织领导。各部门要落实责任。\n";

    fn choice(title: &str, start: usize) -> Corrections {
        Corrections {
            plan: Some(PlanChoice {
                title: title.into(),
                start,
            }),
            ..Corrections::default()
        }
    }

    fn start_of(text: &str, title: &str) -> usize {
        text.find(title).unwrap()
    }

    #[test]
    fn a_heading_made_the_plan_gives_the_items_and_the_analysis_plan_is_kept_beside_it() {
        let own = analyze(REPORT);
        assert_eq!(own.plan.unwrap().heading.as_deref(), Some("2024年工作安排"));
        let report = analyze_corrected(
            REPORT,
            &choice("保障措施", start_of(REPORT, "三、保障措施")),
        );
        assert_eq!(report.plan.unwrap().heading.as_deref(), Some("保障措施"));
        let titles: Vec<&str> = report
            .commitments
            .iter()
            .map(|c| c.title.as_str())
            .collect();
        assert_eq!(titles, ["加强组织领导"]);
        assert_eq!(
            report.corrected,
            [crate::analysis::Corrected {
                fact: Fact::Plan,
                own: Some("2024年工作安排".into())
            }]
        );
        assert_eq!(report.id, own.id);
    }

    #[test]
    fn a_chosen_heading_is_found_again_in_a_copy_with_other_white_space() {
        let copy = format!("\n\n  {}", REPORT.replace('\n', "\n\n"));
        let report =
            analyze_corrected(&copy, &choice("保障措施", start_of(REPORT, "三、保障措施")));
        assert_eq!(report.plan.unwrap().heading.as_deref(), Some("保障措施"));
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    }

    #[test]
    fn a_chosen_heading_no_longer_there_is_said_and_the_analysis_plan_stands() {
        let report = analyze_corrected(REPORT, &choice("组织实施", 10));
        assert_eq!(
            report.plan.unwrap().heading.as_deref(),
            Some("2024年工作安排")
        );
        assert_eq!(report.commitments.len(), 2);
        assert!(report.corrected.is_empty());
        assert!(report.warnings.contains(&Warning::PlanChoiceLost {
            title: "组织实施".into()
        }));
    }

    #[test]
    fn years_and_issuer_set_by_the_reader_are_taken_and_the_analysis_values_kept() {
        let own = analyze(REPORT);
        assert_eq!(own.meta.report_year, Some(2023));
        assert_eq!(own.meta.plan_year, Some(2024));
        let corrections = Corrections {
            report_year: Some(2022),
            plan_year: Some(2025),
            issuer: Some("某市某县人民政府".into()),
            ..Corrections::default()
        };
        let report = analyze_corrected(REPORT, &corrections);
        assert_eq!(report.meta.report_year, Some(2022));
        assert_eq!(report.meta.plan_year, Some(2025));
        assert_eq!(report.meta.issuer.as_deref(), Some("某市某县人民政府"));
        let own_of = |fact: Fact| {
            report
                .corrected
                .iter()
                .find(|c| c.fact == fact)
                .map(|c| c.own.clone())
        };
        assert_eq!(own_of(Fact::ReportYear), Some(Some("2023".into())));
        assert_eq!(own_of(Fact::PlanYear), Some(Some("2024".into())));
        assert_eq!(own_of(Fact::Issuer), Some(own.meta.issuer.clone()));
        assert_eq!(own_of(Fact::Plan), None);
        // The reader decided: the lines naming 2023 are not held against their year.
        assert!(!report
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::YearsDisagree { .. })));
        assert!(!report.evidence.iter().any(|e| e.fact == Fact::Issuer));
    }

    #[test]
    fn a_corrected_year_reviewed_decides_which_heading_is_the_plan() {
        // A copy whose title names the year after (a portal's caption): read as
        // reviewing 2024, the heading naming 2024 is not a later year's, and the plan is
        // taken as the sections after the review, 保障措施 too. A reader who sets 2023
        // gets the plan by its heading, and its year.
        let text = "2025年某县人民政府工作报告\n\
            一、过去一年工作回顾\n\
            （一）经济运行稳中向好。全年地区生产总值增长5%。\n\
            二、奋力推动2024年经济社会高质量发展\n\
            （一）扩大有效投资。新开工项目50个。\n\
            （二）改造老旧小区。完成改造300个以上。\n\
            三、保障措施\n\
            （一）加强组织领导。各部门要落实责任。\n";
        let own = analyze(text);
        assert_eq!(own.meta.report_year, Some(2024));
        assert_eq!(own.commitments.len(), 3);
        let corrected = analyze_corrected(
            text,
            &Corrections {
                report_year: Some(2023),
                ..Corrections::default()
            },
        );
        assert_eq!(corrected.meta.report_year, Some(2023));
        assert_eq!(
            corrected.plan.unwrap().heading.as_deref(),
            Some("奋力推动2024年经济社会高质量发展")
        );
        let titles: Vec<&str> = corrected
            .commitments
            .iter()
            .map(|c| c.title.as_str())
            .collect();
        assert_eq!(titles, ["扩大有效投资", "改造老旧小区"]);
        assert_eq!(corrected.meta.plan_year, Some(2024));
    }

    #[test]
    fn nothing_set_is_empty_and_corrections_read_back_as_written() {
        assert!(Corrections::default().is_empty());
        let corrections = Corrections {
            report_year: Some(2022),
            ..choice("保障措施", 7)
        };
        assert!(!corrections.is_empty());
        let json = serde_json::to_string(&corrections).unwrap();
        assert_eq!(
            serde_json::from_str::<Corrections>(&json).unwrap(),
            corrections
        );
        assert_eq!(
            serde_json::from_str::<Corrections>("{}").unwrap(),
            Corrections::default()
        );
    }
}
