#![cfg(not(target_arch = "wasm32"))]
//! The `report-lens analyze` command line, run as a user runs it: JSON keys, the readable
//! form, a bad file among good ones, an endless file, a full disk, a reader that stops
//! early and a file name that is not UTF-8, each with its documented exit status.

use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-lens"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}.txt")
}

#[test]
fn json_for_one_file_is_an_object_with_the_documented_keys() {
    let out = run(&["analyze", &fixture("henan-approval-bureau-2022"), "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(
        json["meta"]["title"],
        "河南省行政审批和政务信息管理局关于2022年度法治政府建设情况的报告"
    );
    assert_eq!(json["meta"]["report_year"], 2022);
    assert_eq!(json["meta"]["plan_year"], 2023);
    let text = std::fs::read_to_string(fixture("henan-approval-bureau-2022")).unwrap();
    let spaced = text.replace('。', "。 \n");
    assert_eq!(
        json["id"],
        report_lens::analysis::text_id(&spaced),
        "the text's id, white space aside"
    );
    assert_ne!(json["id"], report_lens::analysis::text_id("另一份报告"));
    assert_eq!(json["outline"][0]["level"], 1);
    assert_eq!(json["outline"][0]["title"], "工作开展情况");
    assert_eq!(json["plan"]["heading"], "2023年法治政府建设工作打算");
    let items = json["commitments"].as_array().expect("an array");
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["title"], "加强组织领导");
    assert!(items[0]["parent"].is_null());
    assert!(items[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("一是加强组织领导。"));
    assert!(items[0]["span"]["start"].as_u64() < items[0]["span"]["end"].as_u64());
    assert_eq!(
        json["warnings"],
        serde_json::json!([]),
        "title and plan agree"
    );
    let evidence = json["evidence"].as_array().expect("evidence");
    let of = |fact: &str| {
        evidence
            .iter()
            .find(|e| e["fact"] == fact)
            .map(|e| e["line"].as_str().unwrap_or_default().to_string())
    };
    assert_eq!(
        of("title").as_deref(),
        Some("河南省行政审批和政务信息管理局关于2022年度法治政府建设情况的报告")
    );
    assert_eq!(
        of("plan").as_deref(),
        Some("三、2023年法治政府建设工作打算")
    );
}

#[test]
fn the_readable_form_says_what_to_check_and_where_each_fact_was_read() {
    let out = run(&["analyze", &fixture("national-2000")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Please check:\n  ! No heading names the plan: the sections after the review are taken."), "{text}");
    assert!(
        text.contains(
            "year (delivery line)       ——2000年3月5日在第九届全国人民代表大会第三次会议上"
        ),
        "{text}"
    );
    assert!(
        text.contains("year (title)               2000年政府工作报告"),
        "{text}"
    );
    assert!(
        text.contains("year (review heading)      一、1999年国内工作回顾"),
        "{text}"
    );
}

#[test]
fn json_for_several_files_is_an_array_in_order() {
    let out = run(&[
        "analyze",
        "--json",
        &fixture("liaoning-business-env-bureau-2022"),
        &fixture("yongcheng-city-2021"),
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = json.as_array().expect("an array");
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["commitments"].as_array().unwrap().len(), 5);
    assert_eq!(reports[1]["plan"]["heading"], "下步打算");
    assert!(reports[1]["file"]
        .as_str()
        .unwrap()
        .ends_with("yongcheng-city-2021.txt"));
}

#[test]
fn a_government_work_report_shows_its_delivery_and_its_appendix_list() {
    let out = run(&["analyze", &format!("{FIXTURES}/yunnan-2025.docx")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Genre:       GovernmentWork"));
    assert!(text.contains("Report year: 2024   Plan year: 2025"));
    assert!(text.contains("Delivered:   2025-01-18   at 云南省第十四届人民代表大会第三次会议"));
    assert!(text.contains("Plan section: 2025年重点任务"));
    assert!(text
        .contains("       in: 2025年10件惠民实事\n       owner: 省交通运输厅，各州、市人民政府\n"));
}

#[test]
fn the_readable_form_shows_the_outline_and_a_numbered_checklist() {
    let out = run(&["analyze", &fixture("yongcheng-city-2021")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Title:       关于2021年度法治政府建设工作开展情况的报告"));
    assert!(text.contains("Addressee:   商丘市人民政府"));
    assert!(text.contains("Report year: 2021   Plan year: 2022"));
    assert!(text.contains("Published:   2022-03-31   Signed: 2022-03-29"));
    assert!(text.contains("mentioned leaders' duty as first person responsible"));
    assert!(
        text.contains("present  shortcomings and causes (存在的不足和原因) — 存在问题和薄弱环节")
    );
    assert!(text.contains("\n  三、下步打算\n    (一)健全完善重大行政决策机制\n"));
    assert!(text.contains("Commitments (5):"));
    assert!(text.contains("  5. [ ] 强化法治政府建设督导检查"));
}

#[test]
fn a_bad_file_is_named_on_stderr_and_the_others_are_still_analysed() {
    let dir = std::env::temp_dir().join(format!("report-lens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("data.txt");
    std::fs::write(&binary, [0x00, 0x01, 0xFF, 0x00, 0x7F]).unwrap();
    let legacy = dir.join("old.doc");
    std::fs::write(
        &legacy,
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
    )
    .unwrap();
    let missing = dir.join("missing.txt");
    let out = run(&[
        "analyze",
        binary.to_str().unwrap(),
        legacy.to_str().unwrap(),
        &fixture("henan-approval-bureau-2022"),
        missing.to_str().unwrap(),
        "--json",
    ]);
    std::fs::remove_dir_all(&dir).unwrap();

    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("data.txt: the file is not text in any encoding read here"),
        "{stderr}"
    );
    assert!(
        stderr.contains("old.doc: this is a Word 97-2003 .doc file"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt: "), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = json.as_array().unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["commitments"].as_array().unwrap().len(), 3);
}

#[test]
fn other_formats_are_read_like_text() {
    let formats = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/formats");
    let out = run(&[
        "analyze",
        &format!("{formats}/henan-approval-bureau-2022.docx"),
        &format!("{formats}/henan-approval-bureau-2022.pdf"),
        &format!("{formats}/henan-approval-bureau-2022.gbk.txt"),
        "--json",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for report in json.as_array().unwrap() {
        assert_eq!(
            report["commitments"][2]["title"], "提高法制审核水平",
            "{}",
            report["file"]
        );
    }
}

#[test]
fn usage_errors_exit_with_two() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["summarise", "a.txt"]).status.code(), Some(2));
    assert_eq!(run(&["analyze"]).status.code(), Some(2));
    assert_eq!(run(&["analyze", "--yaml", "a.txt"]).status.code(), Some(2));
    assert!(run(&["--help"]).status.success());
}

#[test]
fn an_endless_file_is_refused_after_the_size_limit() {
    let out = run(&["analyze", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("/dev/zero: the file is larger than 30 MB"),
        "{stderr}"
    );
}

#[test]
fn a_full_disk_is_said_and_exits_with_three() {
    let full = std::fs::File::create("/dev/full").expect("Linux has /dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_report-lens"))
        .args(["analyze", &fixture("henan-approval-bureau-2022")])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("the output could not be written"),
        "{stderr}"
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // Enough JSON to fill the pipe, so that the write meets the closed end.
    let file = fixture("jiangsu-gov-service-office-2022");
    let out = Command::new("bash")
        .args([
            "-c",
            r#""$0" analyze --json "$1" "$1" "$1" "$1" | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}""#,
            env!("CARGO_BIN_EXE_report-lens"),
            &file,
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "0");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_file_name_that_is_not_utf8_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("report-lens-name-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = dir.join(std::ffi::OsStr::from_bytes(b"r\xff.txt"));
    std::fs::copy(fixture("henan-approval-bureau-2022"), &name).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_report-lens"))
        .arg("analyze")
        .arg(&name)
        .arg("--json")
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["file"].as_str().unwrap().ends_with("r\u{fffd}.txt"));
    assert_eq!(json["commitments"].as_array().unwrap().len(), 3);
}

/// A folder with reports in a subfolder, another file type, and a report that cannot be
/// read; removed when dropped.
struct Folder(std::path::PathBuf);

impl Folder {
    fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("report-lens-{tag}-{}", std::process::id()));
        let sub = dir.join("2023").join("departments");
        std::fs::create_dir_all(&sub).unwrap();
        for (name, to) in [
            ("henan-approval-bureau-2022.txt", dir.join("a-henan.txt")),
            ("yunnan-2025.docx", dir.join("b-yunnan.docx")),
            (
                "liaoning-business-env-bureau-2022.txt",
                sub.join("c-liaoning.txt"),
            ),
        ] {
            std::fs::copy(format!("{FIXTURES}/{name}"), to).unwrap();
        }
        std::fs::write(dir.join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
        Folder(dir)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_folder_is_searched_in_name_order_and_ndjson_gives_a_line_per_report() {
    let folder = Folder::new("ndjson");
    let out = run(&["analyze", folder.path(), "--ndjson"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let files: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one JSON object a line");
            v["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(files, ["c-liaoning.txt", "a-henan.txt", "b-yunnan.docx"]);
}

#[test]
fn csv_has_a_row_per_commitment_of_every_report_for_excel() {
    let folder = Folder::new("csv");
    let out = run(&["analyze", folder.path(), "--csv"]);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with(
        "\u{feff}\"file\",\"title\",\"issuer\",\"genre\",\"report_year\",\"plan_year\",\"section\",\"item\",\"text\",\"targets\",\"verbs\",\"concrete\"\r\n"
    ));
    // Fields hold line breaks inside quotes; rows end with a CRLF after a closing quote.
    let rows = csv.matches("\"\r\n").count() - 1;
    let expected: usize = [
        "liaoning-business-env-bureau-2022",
        "henan-approval-bureau-2022",
        "yunnan-2025",
    ]
    .iter()
    .map(|name| {
        let json = std::fs::read_to_string(format!("{FIXTURES}/{name}.expected.json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["commitments"].as_array().unwrap().len()
    })
    .sum();
    assert_eq!(rows, expected);
    assert!(csv.contains(
        "\"government_work\",\"2024\",\"2025\",\"2025年10件惠民实事\",\"稳定和扩大就业\""
    ));
}

#[test]
fn the_summary_is_a_table_of_the_reports() {
    let folder = Folder::new("summary");
    let out = run(&["analyze", folder.path(), "--summary"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "| file | genre | years | headings | items | vague items | required parts missing | to check |"
    );
    assert_eq!(lines.len(), 2 + 3);
    assert!(lines[2].ends_with("c-liaoning.txt | rule_of_law | 2022 → 2023 | 23 | 5 | 5 | shortcomings and causes (存在的不足和原因) | 0 |"), "{}", lines[2]);
    assert!(
        lines[4].ends_with("b-yunnan.docx | government_work | 2024 → 2025 | 38 | 19 | 0 | - | 0 |"),
        "{}",
        lines[4]
    );
}

#[test]
fn one_output_form_at_a_time() {
    let out = run(&[
        "analyze",
        &fixture("yongcheng-city-2021"),
        "--csv",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn on_a_terminal_a_progress_bar_counts_the_files_and_names_the_failed_one() {
    let folder = Folder::new("progress");
    let scanned = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/formats/scanned.pdf");
    // `script` (util-linux) runs the command on a pseudo-terminal, as a user's shell does.
    let command = format!(
        "{} analyze {} {scanned} --summary > /dev/null",
        env!("CARGO_BIN_EXE_report-lens"),
        folder.path()
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script runs");
    let terminal = String::from_utf8_lossy(&out.stdout);
    assert!(terminal.contains("] 4/4 files"), "{terminal}");
    assert!(
        terminal.contains("scanned.pdf: the PDF has no text layer"),
        "{terminal}"
    );
    assert!(
        terminal.contains("report-lens: analysed 3 of 4 files; 1 could not be read"),
        "{terminal}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn targets_as_a_table_of_the_reports_and_as_csv() {
    let beijing = format!("{FIXTURES}/beijing-2025.docx");
    let fujian = format!("{FIXTURES}/fujian-2025.docx");
    let out = run(&["analyze", &beijing, &fujian, "--targets"]);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines.len(),
        4,
        "a header, its rule and a row per report: {table}"
    );
    let header: Vec<&str> = lines[0].split('|').map(str::trim).collect();
    assert_eq!(
        &header[1..5],
        ["file", "title", "year", "地区生产总值增长"],
        "the indicator both set first"
    );
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let cells = |row: &str| {
        row.split('|')
            .map(str::trim)
            .map(String::from)
            .collect::<Vec<_>>()
    };
    // As read: 北京 地区生产总值增长5%左右, 城镇调查失业率控制在5%以内; 福建 增长5.0%—5.5%.
    assert_eq!(cells(lines[2])[column("地区生产总值增长")], "5%左右");
    assert_eq!(cells(lines[2])[column("城镇调查失业率")], "5%以内");
    assert_eq!(cells(lines[3])[column("地区生产总值增长")], "5—5.5%");

    let out = run(&["analyze", &beijing, "--targets", "--csv"]);
    let csv = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        rows[0],
        "\"file\",\"title\",\"issuer\",\"year\",\"role\",\"name\",\"value\",\"high\",\"unit\",\"qualifier\",\"text\""
    );
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIXTURES}/targets/beijing-2025.json")).unwrap(),
    )
    .unwrap();
    let read = expected["targets"].as_array().unwrap().len()
        + expected["results"].as_array().unwrap().len();
    assert_eq!(
        rows.len() - 1,
        read,
        "one row per target and result read in the report"
    );
    assert!(rows.iter().any(|r| r.ends_with(
        "\"2025\",\"target\",\"地区生产总值增长\",\"5\",\"\",\"%\",\"左右\",\"地区生产总值增长5%左右\""
    )), "{csv}");

    let out = run(&["analyze", &beijing, "--targets", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--targets goes alone or with --csv"
    );
}

#[test]
fn follow_up_gives_each_target_of_last_year_with_this_years_result_and_whether_it_was_met() {
    let pair = [
        format!("{FIXTURES}/followup/national-2010.txt"),
        format!("{FIXTURES}/followup/national-2011.txt"),
    ];
    let out = run(&["follow-up", &pair[0], &pair[1], "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, Option<f64>, Option<f64>, String)> = json["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["target"]["text"].as_str().unwrap().to_string(),
                i["target"]["value"].as_f64(),
                i["result"]["value"].as_f64(),
                i["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // 2010's targets (国内生产总值增长8%左右, 城镇新增就业900万人以上, 城镇登记失业率4.6%以内,
    // 居民消费价格涨幅3%左右, 国际收支状况改善) against what the 2011 report says of 2010.
    let want = [
        ("国内生产总值增长８％左右", Some(8.0), Some(10.3), "met"),
        (
            "城镇新增就业９００万人以上",
            Some(900.0),
            Some(1168.0),
            "met",
        ),
        (
            "城镇登记失业率控制在４.６％以内",
            Some(4.6),
            None,
            "not_reported",
        ),
        ("居民消费价格涨幅３％左右", Some(3.0), Some(3.3), "not_met"),
        ("国际收支状况改善", None, None, "not_reported"),
    ];
    let want: Vec<(String, Option<f64>, Option<f64>, String)> = want
        .iter()
        .map(|(t, v, r, verdict)| (t.to_string(), *v, *r, verdict.to_string()))
        .collect();
    assert_eq!(got, want);

    let readable = run(&["follow-up", &pair[0], &pair[1]]);
    let text = String::from_utf8_lossy(&readable.stdout);
    assert!(
        text.contains("targets: 2 met, 1 not met, 2 not reported"),
        "{text}"
    );
}

#[test]
fn follow_up_shows_each_task_with_the_passages_that_report_on_it() {
    let out = run(&[
        "follow-up",
        &fixture("national-2016"),
        &fixture("national-2017"),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["last"]
        .as_str()
        .unwrap()
        .ends_with("national-2016.txt"));
    let items = json["items"].as_array().unwrap();
    assert_eq!(items.len(), 8, "the eight tasks of 2016");
    assert_eq!(
        items[5]["title"],
        "加大环境治理力度，推动绿色发展取得新突破"
    );
    let best = items[5]["matches"][0]["passage"].as_u64().unwrap() as usize;
    let passage = json["passages"][best]["text"].as_str().unwrap();
    assert!(passage.starts_with("六是加强生态文明建设"), "{passage}");
    assert!(["reported", "partly", "not_found"].contains(&items[5]["verdict"].as_str().unwrap()));
    assert!(["strong", "medium", "weak"]
        .contains(&items[5]["matches"][0]["strength"].as_str().unwrap()));
    assert_eq!(
        json["review_headings"],
        serde_json::json!(["2016年工作回顾"])
    );
    assert_eq!(json["review"]["found_by"], "heading");

    let readable = run(&[
        "follow-up",
        &fixture("national-2016"),
        &fixture("national-2017"),
    ]);
    let text = String::from_utf8(readable.stdout).unwrap();
    assert!(text.contains("8 commitments followed into"), "{text}");
    assert!(
        text.contains(
            "Searched the next year's review: 2016年工作回顾 (without 1 run(s) on problems"
        ),
        "{text}"
    );
    let csv = run(&[
        "follow-up",
        &fixture("national-2016"),
        &fixture("national-2017"),
        "--csv",
    ]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("\u{feff}\"Kind\",\"Last year's target or task\",\"Verdict\""),
        "{csv}"
    );
    let json = run(&[
        "follow-up",
        &fixture("national-2016"),
        &fixture("national-2017"),
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let targets = json["indicators"].as_array().map_or(0, Vec::len);
    assert!(targets > 0, "2016 sets targets");
    let rows: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|r| !r.is_empty())
        .collect();
    let kinds: Vec<&str> = rows
        .iter()
        .map(|r| r.split(',').next().unwrap_or(""))
        .collect();
    let mut expected = vec!["\"Target\""; targets];
    expected.extend(["\"Task\""; 8]);
    assert_eq!(kinds, expected, "a row per target, then the eight tasks");

    let folder = Folder::new("no-review");
    let plan_only = folder.0.join("plan-only.txt");
    std::fs::write(
        &plan_only,
        "某局2025年工作计划\n一、2025年工作计划\n1.做好审批工作。\n",
    )
    .unwrap();
    let readable = run(&[
        "follow-up",
        &fixture("national-2016"),
        plan_only.to_str().unwrap(),
    ]);
    let text = String::from_utf8(readable.stdout).unwrap();
    assert!(text.contains("No review was found"), "{text}");
    assert_eq!(
        run(&["follow-up", &fixture("national-2016")]).status.code(),
        Some(2)
    );
}

/// The `file` of each line of NDJSON output, the folder's path taken off.
fn files_of(ndjson: &[u8], folder: &Folder) -> Vec<String> {
    String::from_utf8_lossy(ndjson)
        .lines()
        .map(|line| {
            let json: serde_json::Value = serde_json::from_str(line).unwrap();
            let file = json["file"].as_str().unwrap();
            file.strip_prefix(folder.path()).unwrap().to_string()
        })
        .collect()
}

/// A FIFO named `name` in `folder`.
fn fifo(folder: &Folder, name: &str) -> std::path::PathBuf {
    let fifo = folder.0.join(name);
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    fifo
}

/// Runs the command line under `timeout`, so that a hang fails the test instead of
/// holding it.
fn run_bounded(args: &[&str]) -> Output {
    Command::new("timeout")
        .arg("60")
        .arg(env!("CARGO_BIN_EXE_report-lens"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn links_lead_to_each_real_file_once_and_a_loop_ends() {
    use std::os::unix::fs::symlink;
    let folder = Folder::new("links");
    // A link to the folder itself, one to its parent, a second name for a report, a link
    // to itself and a link to nothing.
    symlink(&folder.0, folder.0.join("2023/departments/back")).unwrap();
    symlink("..", folder.0.join("2023/up")).unwrap();
    symlink(folder.0.join("a-henan.txt"), folder.0.join("z-again.txt")).unwrap();
    symlink("self.txt", folder.0.join("self.txt")).unwrap();
    symlink("nowhere", folder.0.join("gone.txt")).unwrap();
    let out = run_bounded(&["analyze", folder.path(), "--ndjson"]);
    assert_eq!(out.status.code(), Some(0), "what is skipped is no failure");
    assert_eq!(
        files_of(&out.stdout, &folder),
        [
            "/2023/departments/c-liaoning.txt",
            "/a-henan.txt",
            "/b-yunnan.docx",
        ],
        "each report once, though links lead to it again"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("self.txt: skipped: "), "{stderr}");
    assert!(stderr.contains("gone.txt: skipped: "), "{stderr}");
}

#[test]
fn a_fifo_in_a_folder_is_skipped_with_a_message() {
    let folder = Folder::new("fifo");
    fifo(&folder, "pipe.txt");
    let out = run_bounded(&["analyze", folder.path(), "--ndjson"]);
    assert_eq!(out.status.code(), Some(0), "a skipped FIFO is no failure");
    assert_eq!(files_of(&out.stdout, &folder).len(), 3);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("pipe.txt: skipped: not a regular file"),
        "{stderr}"
    );
}

#[test]
fn each_result_is_written_as_it_is_done_while_a_later_file_is_still_being_read() {
    use std::io::{BufRead, BufReader, Write};
    let folder = Folder::new("stream");
    let fifo = fifo(&folder, "later.txt");
    // A FIFO named on its own is read, as `<(…)` is: it gives its text when written to.
    let mut child = Command::new(env!("CARGO_BIN_EXE_report-lens"))
        .args(["analyze", &fixture("henan-approval-bureau-2022")])
        .arg(&fifo)
        .arg("--ndjson")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first: serde_json::Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    assert!(first["file"]
        .as_str()
        .unwrap()
        .ends_with("henan-approval-bureau-2022.txt"));
    // Only now does the second file get its text.
    let mut writer = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    writer
        .write_all(
            std::fs::read(fixture("liaoning-business-env-bureau-2022"))
                .unwrap()
                .as_slice(),
        )
        .unwrap();
    drop(writer);
    let second: serde_json::Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    assert!(second["file"].as_str().unwrap().ends_with("later.txt"));
    assert!(child.wait().unwrap().success());
}

#[test]
fn control_characters_in_file_names_are_shown_escaped() {
    let folder = Folder::new("names");
    let name = "\u{1b}[31mred\nfake.txt";
    std::fs::copy(fixture("henan-approval-bureau-2022"), folder.0.join(name)).unwrap();
    let path = folder.0.join(name);
    let path = path.to_str().unwrap();
    let readable = run(&["analyze", path]);
    let text = String::from_utf8(readable.stdout).unwrap();
    assert!(
        text.starts_with(&format!(
            "== {}/\\u{{1b}}[31mred\\nfake.txt\n",
            folder.path()
        )),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
    let summary = run(&[
        "analyze",
        path,
        &fixture("henan-approval-bureau-2022"),
        "--summary",
    ]);
    let table = String::from_utf8(summary.stdout).unwrap();
    assert_eq!(
        table.lines().count(),
        4,
        "a header of two lines and a row per file: {table}"
    );
    let json = run(&["analyze", path, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        json["file"].as_str().unwrap().ends_with(name),
        "JSON carries the name as it is"
    );
    let missing = run(&[
        "analyze",
        &format!("{}/\u{1b}]0;title\u{7}.txt", folder.path()),
    ]);
    let stderr = String::from_utf8(missing.stderr).unwrap();
    assert!(stderr.contains("\\u{1b}]0;title\\u{7}.txt: "), "{stderr}");
}
