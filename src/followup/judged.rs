//! What the user said of a follow-up, task by task: the verdict they gave (none: the
//! suggested one stands) and their note; and of each of last year's targets, whether it
//! was met (kept under `target_key`). The page keeps it in the browser for each pair
//! of reports, by commitment id; this module reads what was kept (also the bare verdicts
//! earlier versions kept) and merges what another tab kept with this tab's. Pure Rust,
//! tested natively.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::targets::TargetVerdict;
use super::Verdict;

/// What the user said of one task (its verdict and note), or of one target (whether it
/// was met).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    pub verdict: Option<Verdict>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub target: Option<TargetVerdict>,
}

/// What a target's judgement is kept under: its indicator's name, apart from the tasks'
/// ids.
pub fn target_key(name: &str) -> String {
    format!("target/{name}")
}

/// Each task's judgement, by commitment id.
pub type Judgements = HashMap<String, Judgement>;

/// A task's judgement as kept: today's, or an earlier version's bare verdict.
#[derive(Deserialize)]
#[serde(untagged)]
enum Kept {
    Judgement(Judgement),
    Verdict(Verdict),
}

/// The judgements kept as `raw`; none if they cannot be read.
pub fn decode(raw: &str) -> Judgements {
    let kept: HashMap<String, Kept> = serde_json::from_str(raw).unwrap_or_default();
    kept.into_iter()
        .map(|(id, kept)| {
            let judgement = match kept {
                Kept::Judgement(judgement) => judgement,
                Kept::Verdict(verdict) => Judgement {
                    verdict: Some(verdict),
                    ..Judgement::default()
                },
            };
            (id, judgement)
        })
        .collect()
}

/// The judgements as kept.
pub fn encode(judgements: &Judgements) -> String {
    serde_json::to_string(judgements).unwrap_or_default()
}

/// What another tab kept (`kept`) with this tab's (`ours`) over it, task by task.
pub fn merge(mut kept: Judgements, ours: &Judgements) -> Judgements {
    kept.extend(ours.iter().map(|(id, j)| (id.clone(), j.clone())));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judgements_round_trip_and_bare_verdicts_of_earlier_versions_are_read() {
        let mut judgements = Judgements::new();
        judgements.insert(
            "a".into(),
            Judgement {
                verdict: Some(Verdict::Partly),
                note: "已问发改委".into(),
                target: None,
            },
        );
        judgements.insert(
            "b".into(),
            Judgement {
                verdict: None,
                note: "待核实".into(),
                target: None,
            },
        );
        assert_eq!(decode(&encode(&judgements)), judgements);
        let earlier = decode(r#"{"a":"reported","b":"not_found"}"#);
        assert_eq!(earlier["a"].verdict, Some(Verdict::Reported));
        assert_eq!(earlier["b"].verdict, Some(Verdict::NotFound));
        assert_eq!(earlier["b"].note, "");
        assert!(decode("not json").is_empty());
        assert!(
            decode(r#"{"a":"maybe"}"#).is_empty(),
            "a value of no version"
        );
    }

    #[test]
    fn this_tabs_judgements_win_task_by_task() {
        let kept = decode(r#"{"a":"reported","b":{"verdict":null,"note":"另一个标签页"}}"#);
        let ours = decode(r#"{"a":{"verdict":"partly","note":"本页"}}"#);
        let merged = merge(kept, &ours);
        assert_eq!(merged["a"].verdict, Some(Verdict::Partly));
        assert_eq!(merged["a"].note, "本页");
        assert_eq!(merged["b"].note, "另一个标签页");
    }
}
