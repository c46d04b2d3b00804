//! Native analysis speed on the corpus reports, one at a time and all together, in MB/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use report_lens::analysis::analyze;
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

fn corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    for (name, text) in REPORTS {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| analyze(black_box(text))));
    }
    let all: String = REPORTS
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("\n");
    group.throughput(Throughput::Bytes(all.len() as u64));
    group.bench_function("whole corpus", |b| b.iter(|| analyze(black_box(&all))));
    group.finish();
}

criterion_group!(benches, corpus);
criterion_main!(benches);
