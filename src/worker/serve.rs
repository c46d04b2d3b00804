//! The ingest and PDF workers' side: each request the page sends (`protocol::Request`)
//! carried out and answered. Two oneshot workers run the readers of `ingest` and then the
//! analysis: `PdfWorker` (the `pdf-worker` binary) for PDFs and `IngestWorker` (the
//! `ingest-worker` binary) for everything else; the ingest worker also keeps reports in
//! the browser (`store`), writes checklists out, reads share links and follows one
//! report's commitments into the next. The worker that reads a text keeps it before it
//! answers, so that a text makes one trip.

use gloo::worker::oneshot::oneshot;

use super::fetch_text;
use super::protocol::{
    decode, encode, Followed, Input, Job, Matched, NotKept, Opened, Output, Reply, Request,
    ViewsReply, ViewsRequest, SAMPLE,
};
use super::store;
use crate::analysis::{analyze, analyze_for_page, analyze_for_page_corrected, Corrections};
use crate::desk::SaveError;
use crate::export::{self, decode_share, share_link};
use crate::followup::follow_up;
use crate::ingest::{read_except_pdf, read_pdf, Format, IngestError, Ingested};
use crate::shelved::{self, Analysed, Shelved, Source};

/// How many times a warm worker analyses the sample before its first request, so that the
/// browser compiles the analysis fully (its first, quick compilation runs it at about a
/// third of the speed).
const PRACTICE_RUNS: usize = 10;

/// Reads each job with `read`, analyses it, cuts it to what the page can show, and keeps
/// the whole text of each in the browser with its analysis (`store::keep_read`) before it
/// answers.
async fn read_and_keep(
    jobs: Vec<Job>,
    read: impl Fn(&Source, Input) -> Result<Ingested, IngestError>,
) -> Vec<Output> {
    let mut read_jobs = Vec::with_capacity(jobs.len());
    let mut records = Vec::new();
    for Job {
        source,
        order,
        input,
    } in jobs
    {
        let read = read(&source, input).map(|mut ingested| {
            let whole = ingested.text.clone();
            let (shown, report) = analyze_for_page(std::mem::take(&mut ingested.text));
            records.push(Shelved {
                key: shelved::key(&source, &report.id),
                order,
                origin: matches!(source, Source::File(_))
                    .then(|| (ingested.format, ingested.encoding.clone())),
                source: source.clone(),
                text: whole,
                id: report.id.clone(),
                analysed: Analysed::new(&report, shown.len(), &Corrections::default()),
            });
            ingested.text = shown;
            (ingested, report)
        });
        read_jobs.push(read);
    }
    let mut kept = store::keep_read(records).await.into_iter();
    read_jobs
        .into_iter()
        .map(|read| {
            read.map(|(ingested, report)| Opened {
                ingested,
                report,
                kept: kept.next().unwrap_or(Err(SaveError::Unavailable)),
            })
        })
        .collect()
}

/// A text as read: the text itself, in no file format.
fn as_text(text: String) -> Ingested {
    Ingested {
        text,
        format: Format::Text,
        encoding: "UTF-8".to_string(),
    }
}

#[oneshot]
pub async fn IngestWorker(request: Request) -> Reply {
    match request {
        Request::Read(jobs) => Reply::Read(
            read_and_keep(jobs, |source, input| match (source, input) {
                (Source::File(name), Input::Bytes(bytes)) => read_except_pdf(name, &bytes),
                (_, Input::Text(text)) => Ok(as_text(text)),
                (_, Input::Bytes(_)) => Err(IngestError::Unsupported(String::new())),
            })
            .await,
        ),
        Request::Shelf(change) => Reply::Shelf(store::answer(change).await),
        Request::Views(asked) => Reply::Views(match decode(&asked) {
            Some(asked) => encode(&serve_views(asked).await),
            None => Vec::new(),
        }),
        Request::OpenShare(fragment) => Reply::OpenShare(decode_share(&fragment)),
        Request::Practise => {
            if let Some(text) = fetch_text(SAMPLE).await {
                for _ in 0..PRACTICE_RUNS {
                    analyze(&text);
                }
            }
            Reply::Read(Vec::new())
        }
        Request::Reanalyse {
            text,
            corrections,
            kept,
        } => {
            let (shown, report) = analyze_for_page_corrected(text, &corrections);
            store::renew(&kept, &report, shown.len(), &corrections).await;
            Reply::Reanalysed(Box::new(report))
        }
    }
}

/// What the views' module asked.
async fn serve_views(request: ViewsRequest) -> ViewsReply {
    match request {
        ViewsRequest::Write { lists, form, lang } => {
            ViewsReply::Write(export::write(&lists, form, lang.texts()))
        }
        ViewsRequest::WriteFollowUp { sheet, form, lang } => {
            ViewsReply::Write(export::followup::write(&sheet, form, lang.texts()))
        }
        ViewsRequest::WriteTable { rows, lang } => {
            ViewsReply::Write(export::table::csv(&rows, lang.texts()))
        }
        ViewsRequest::Share(list) => ViewsReply::Share(share_link(&list)),
        ViewsRequest::FollowUp { last, this } => ViewsReply::FollowUp(follow(last, this).await),
    }
}

/// Last year's commitments (`last`) followed into this year's report (`this`), each text
/// as the page shows it, taken from where it is kept unless the views' module sent it;
/// with both reports.
async fn follow(last: Followed, this: Followed) -> Result<Box<Matched>, NotKept> {
    let text = |followed: Followed| async move {
        match followed.text {
            Some(text) => Ok(text),
            None => store::text_of(&followed.key, &followed.id)
                .await
                .ok_or(NotKept),
        }
    };
    let corrections = (last.corrections.clone(), this.corrections.clone());
    let (last, this) = (text(last).await?, text(this).await?);
    let (_, last) = analyze_for_page_corrected(last, &corrections.0);
    let (this_text, this) = analyze_for_page_corrected(this, &corrections.1);
    Ok(Box::new(Matched {
        follow_up: follow_up(&last, &this_text, &this),
        last,
        this,
    }))
}

#[oneshot]
pub async fn PdfWorker(request: Request) -> Reply {
    match request {
        Request::Read(jobs) => Reply::Read(
            read_and_keep(jobs, |_, input| match input {
                Input::Bytes(bytes) => read_pdf(&bytes),
                Input::Text(_) => Err(IngestError::Unsupported("pdf".to_string())),
            })
            .await,
        ),
        _ => Reply::Read(Vec::new()),
    }
}
