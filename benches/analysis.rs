//! Native analysis throughput in MB/s: each rule-of-law report, the real 政府工作报告 of
//! `tests/fixtures` (national texts and provincial Word files, read once before timing),
//! then the rule-of-law reports repeated 1, 10, 100 and 400 times (about 31 MB), so that
//! growth with input size shows (it should be linear: the same MB/s at every size).
//!
//! Beside the government work reports runs a yardstick: one pass that only folds
//! full-width characters (`２０２５`, `（`, the ideographic space) into a new string over
//! the same texts, the least any reading of them costs. The analysis is measured as a
//! fraction of it.

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use report_lens::analysis::analyze;
use report_lens::ingest::read;
use std::hint::black_box;

const REPORTS: &[(&str, &str)] = &[
    (
        "bazhong",
        include_str!("../tests/fixtures/bazhong-data-bureau-2022.txt"),
    ),
    (
        "henan",
        include_str!("../tests/fixtures/henan-approval-bureau-2022.txt"),
    ),
    (
        "jiangsu",
        include_str!("../tests/fixtures/jiangsu-gov-service-office-2022.txt"),
    ),
    (
        "liaoning",
        include_str!("../tests/fixtures/liaoning-business-env-bureau-2022.txt"),
    ),
    (
        "yongcheng",
        include_str!("../tests/fixtures/yongcheng-city-2021.txt"),
    ),
];

fn each_report(c: &mut Criterion) {
    let mut group = c.benchmark_group("report");
    for (name, text) in REPORTS {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| analyze(black_box(text))));
    }
    group.finish();
}

fn growing_input(c: &mut Criterion) {
    let corpus: String = REPORTS
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("\n");
    let mut group = c.benchmark_group("corpus repeated");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for times in [1, 10, 100, 400] {
        let text = vec![corpus.as_str(); times].join("\n");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("x{times} ({} KB)", text.len() / 1024)),
            &text,
            |b, t| b.iter(|| analyze(black_box(t))),
        );
    }
    group.finish();
}

/// The real government work reports among the fixtures, as their decoded texts.
fn government_work_reports() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with("-2025.docx")
                || (name.starts_with("national-") && name.ends_with(".txt"))
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("a fixture");
            read(&p.to_string_lossy(), &bytes)
                .expect("a readable fixture")
                .text
        })
        .collect()
}

/// `s` with full-width ASCII forms and the ideographic space folded to half width.
fn fold_full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn government_work(c: &mut Criterion) {
    let texts = government_work_reports();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("government work reports");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("yardstick: full-width fold", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(fold_full_width(black_box(text)));
            }
        })
    });
    group.bench_function(
        format!("{} reports ({} KB)", texts.len(), bytes / 1024),
        |b| {
            b.iter(|| {
                for text in &texts {
                    black_box(analyze(black_box(text)));
                }
            })
        },
    );
    group.finish();
}

criterion_group!(benches, each_report, government_work, growing_input);
criterion_main!(benches);
