//! The command line: arguments, input gathering, output writing.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use crate::error::Error;
use crate::export::{self, ExportOptions, Format, DEFAULT_BASE_IRI};
use crate::input::{self, Source};
use crate::output;
use crate::{GraphBuilder, KnowledgeGraph};

const EXAMPLES: &str = "\
Examples:
  kgexport --format turtle                      the bundled sample corpus, as Turtle
  kgexport articles/ -o graph.ttl               every .txt under articles/
  kgexport --format nquads a.txt b.txt > g.nq   one named graph per article
  kgexport --format csv -o out/ articles/       out/nodes.csv and out/edges.csv
  cat article.txt | kgexport --stats            from stdin, with counts on stderr";

/// Reads news articles and writes the knowledge graph inside them.
#[derive(Debug, Parser)]
#[command(name = "kgexport", version, about, after_help = EXAMPLES)]
pub struct Args {
    /// Article files, directories (walked for .txt files) or - for stdin.
    /// With none: stdin when piped, else the bundled sample corpus.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Turtle)]
    pub format: Format,

    /// Output file (a directory for csv); stdout when absent.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Base IRI of the minted node IRIs.
    #[arg(long, value_name = "IRI", default_value = DEFAULT_BASE_IRI)]
    pub base_iri: String,

    /// Print counts per node kind and relation to stderr.
    #[arg(long)]
    pub stats: bool,

    /// No notes on stderr (errors are still printed).
    #[arg(short, long)]
    pub quiet: bool,
}

/// Runs the command line and returns the process exit code: 0 ok, 1 bad
/// input or I/O error, 2 usage error.
pub fn run() -> i32 {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    match run_with(&args) {
        Ok(()) => 0,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            eprintln!("kgexport: {e}");
            e.exit_code()
        }
    }
}

/// Runs with parsed arguments.
pub fn run_with(args: &Args) -> Result<(), Error> {
    let options = ExportOptions {
        base_iri: check_base_iri(&args.base_iri)?,
    };
    if args.format.is_directory() && args.output.is_none() {
        return Err(Error::Usage(
            "--format csv writes nodes.csv and edges.csv: give the directory with --output".into(),
        ));
    }
    let graph = read_graph(args)?;
    if args.stats {
        eprint!("{}", graph.stats());
    }
    write_graph(&graph, args, &options)
}

fn note(args: &Args, message: &str) {
    if !args.quiet {
        eprintln!("kgexport: {message}");
    }
}

/// Reads every input into the graph.
fn read_graph(args: &Args) -> Result<KnowledgeGraph, Error> {
    let mut builder = GraphBuilder::new();
    let sources = if args.inputs.is_empty() {
        if io::stdin().is_terminal() {
            note(
                args,
                "no input given: reading the bundled sample corpus (5 articles); see --help",
            );
            for doc in input::sample_corpus() {
                builder.add(&doc);
            }
            return Ok(builder.finish());
        }
        vec![Source::Stdin]
    } else {
        input::expand_inputs(&args.inputs)?
    };
    if sources.is_empty() {
        note(args, "no .txt files found in the input: the graph is empty");
    }
    let progress = progress_bar(sources.len());
    for source in &sources {
        let doc = input::read_source(source)?;
        builder.add(&doc);
        progress.inc(1);
    }
    progress.finish_and_clear();
    Ok(builder.finish())
}

/// A progress bar on stderr, only for a terminal and many files.
fn progress_bar(files: usize) -> ProgressBar {
    const MANY_FILES: usize = 200;
    if files < MANY_FILES || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {per_sec}, {eta} left")
    {
        bar.set_style(style);
    }
    bar
}

fn write_graph(graph: &KnowledgeGraph, args: &Args, options: &ExportOptions) -> Result<(), Error> {
    if args.format == Format::Csv {
        let dir = args.output.as_deref().expect("checked in run_with");
        output::ensure_dir(dir)?;
        output::write_atomically(&dir.join(export::csv::NODES_FILE), |w| {
            export::csv::write_nodes(graph, options, w)
        })?;
        return output::write_atomically(&dir.join(export::csv::EDGES_FILE), |w| {
            export::csv::write_edges(graph, options, w)
        });
    }
    match &args.output {
        Some(path) => output::write_atomically(path, |w| {
            export::write_stream(graph, args.format, options, w)
        }),
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            export::write_stream(graph, args.format, options, &mut out)
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("<stdout>", e))
        }
    }
}

/// The base IRI if it is an absolute IRI that node ids can be appended to.
fn check_base_iri(base: &str) -> Result<String, Error> {
    match oxrdf::NamedNode::new(format!("{base}x")) {
        Ok(_) if base.contains(':') => Ok(base.to_string()),
        _ => Err(Error::Usage(format!(
            "--base-iri {base:?} is not an absolute IRI (e.g. {DEFAULT_BASE_IRI})"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_iri_must_be_absolute() {
        assert!(check_base_iri("https://example.org/kg/").is_ok());
        assert!(check_base_iri("not an iri").is_err());
        assert!(check_base_iri("relative/").is_err());
    }

    #[test]
    fn args_parse_examples() {
        let args =
            Args::try_parse_from(["kgexport", "--format", "csv", "-o", "out", "a.txt"]).unwrap();
        assert_eq!(args.format, Format::Csv);
        assert!(Args::try_parse_from(["kgexport", "--format", "bogus"]).is_err());
    }
}
