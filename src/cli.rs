//! The command line: arguments, input gathering, output writing.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use crate::error::Error;
use crate::export::csv::{CsvDialect, CsvOptions};
use crate::export::{self, ExportOptions, Format, Provenance, DEFAULT_BASE_IRI};
use crate::input::{self, Entry, Found, Source, SourceNames};
use crate::output;
use crate::shard::ShardWriter;
use crate::{GraphBuilder, KnowledgeGraph};

const EXAMPLES: &str = "\
Examples:
  kgexport --format turtle                      the bundled sample corpus, as Turtle
  kgexport articles/ -o graph.ttl               every .txt under articles/
  kgexport news.jsonl -o graph.ttl              a JSON Lines archive, each article named by its URL
  kgexport --format nquads a.txt b.txt > g.nq   one named graph per article
  kgexport --format csv -o out/ articles/       out/nodes.csv and out/edges.csv (Gephi, Kùzu)
  kgexport --format csv --csv-dialect cypher -o import/ a/  for neo4j-admin and FalkorDB
  kgexport --format jsonld -o graph.jsonld a/   JSON-LD, the same triples as Turtle
  kgexport --format graphml -o g.graphml a/     for Gephi, networkx, igraph (also gexf)
  kgexport --format dot | dot -Tsvg > g.svg     a picture through Graphviz
  kgexport --format html -o graph.html a/       one page to open in a browser, laid out
  cat article.txt | kgexport --stats            from stdin, with counts on stderr
  kgexport --on-error skip scraped/ -o g.ttl    leave out files that cannot be read
  kgexport extract -o part1.kgx part1/         a shard: what the articles say (docs/KGX.md)
  kgexport merge -f nquads -o g.nq *.kgx        shards resolved into one graph, any format

Input: UTF-8 text; a byte order mark, CR LF line ends, HTML tags and entities
are handled, stray NUL bytes in UTF-8 text are read as spaces. Not-UTF-8 (e.g. Windows-1258), UTF-16 and binary files, files over
--max-doc-bytes, dangling links and FIFOs met in a directory are input errors.
Symbolic links to directories are not followed in a walk. Inputs holding no
article (a folder without .txt files) are an error unless --allow-empty. The output does not
depend on the order of INPUT or of directory listings.

Output is written to a temporary file beside the target and renamed into place
once complete (for csv: all its files, or none), so a failed run leaves any
earlier output as it was.

Exit status: 0 ok (also when the output pipe closes early), 1 bad input or
I/O error, 2 usage error, 128 + the signal number when interrupted (temporary
files are removed first).";

/// What to do with an input that cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OnError {
    /// Stop with exit status 1 and write nothing
    Fail,
    /// Leave the input out with a warning; exit status 1 only if no input at all could be read
    Skip,
}

/// Reads news articles and writes the knowledge graph inside them.
#[derive(Debug, Parser)]
#[command(name = "kgexport", version, about, after_help = EXAMPLES)]
pub struct Args {
    /// Article files, .jsonl archives (one article a line), directories
    /// (walked for .txt and .jsonl files) or - for stdin.
    /// With none: stdin when piped or redirected, else the bundled sample corpus.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Turtle)]
    pub format: Format,

    /// Output file (a directory for csv); stdout when absent.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Headers of --format csv: gephi (also Kùzu COPY FROM and the scorer),
    /// neo4j (neo4j-admin import: id:ID, :LABEL, :START_ID, :END_ID, :TYPE)
    /// or cypher (neo4j-admin import and FalkorDB's bulk loader: nodes/KIND.csv,
    /// relationships/RELATION.csv, every column typed).
    #[arg(long, value_enum, value_name = "DIALECT", default_value_t = CsvDialect::Gephi)]
    pub csv_dialect: CsvDialect,

    /// In --format csv, prefix ' to cells starting with =, +, -, @ so that
    /// spreadsheet programs do not run them as formulas. Off by default: the
    /// ' stays part of the value in Gephi, neo4j and Kùzu.
    #[arg(long)]
    pub spreadsheet_safe: bool,

    /// Base IRI of the minted node IRIs.
    #[arg(long, value_name = "IRI", default_value = DEFAULT_BASE_IRI)]
    pub base_iri: String,

    /// Write an empty graph when the inputs hold no article (a folder
    /// without .txt files), instead of failing with exit status 1.
    #[arg(long)]
    pub allow_empty: bool,

    /// Print counts per node kind and relation to stderr.
    #[arg(long)]
    pub stats: bool,

    /// No notes or progress bar on stderr (errors, warnings about skipped
    /// inputs and --stats are still printed).
    #[arg(short, long)]
    pub quiet: bool,

    /// What to do with an input that cannot be read (not UTF-8, binary,
    /// too large, unreadable).
    #[arg(long, value_enum, value_name = "POLICY", default_value_t = OnError::Fail)]
    pub on_error: OnError,

    /// Largest document read, in bytes, or with a K, M or G suffix (KiB,
    /// MiB, GiB); a larger one is an input error. Checked before reading,
    /// so a huge file costs nothing.
    #[arg(long, value_name = "SIZE", default_value = "32M", value_parser = parse_size)]
    pub max_doc_bytes: u64,

    // --- provenance and memory (issue 11, branch shards) ---
    /// How much of where each fact was read is written: none (the facts
    /// alone), edge (per relation its sources, number of mentions,
    /// confidence and one evidence sentence) or full (in RDF every mention
    /// reified with its sentence, offsets and confidence).
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = Provenance::Edge)]
    pub provenance: Provenance,

    /// Threads extracting documents in parallel (default: every core, or
    /// RAYON_NUM_THREADS). The output is the same whatever the count.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// Memory for what the documents say between extraction and
    /// resolution, a third each for the mentions (24 bytes each), the
    /// statements of facts (40 bytes each, sorted by edge within the same
    /// third) and the texts of the evidence sentences: beyond it they wait in
    /// temporary files, removed when the run ends, and the writers read the
    /// sentences back from there. Bytes, or with a K, M or G suffix. The
    /// output is the same whatever the size; the graph itself (its nodes,
    /// edges and their evidence records) is held until it is written.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub memory: u64,

    /// How files are named in the output (their source IRIs and names):
    /// relative to the INPUT given (a directory's files by their path
    /// under it, a file by its file name), or absolute paths.
    #[arg(long, value_enum, value_name = "HOW", default_value_t = SourceNames::Relative)]
    pub source_names: SourceNames,
}

/// A size in bytes: digits with an optional K, M or G (binary multiples).
fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let (digits, shift) = match trimmed.char_indices().last() {
        Some((i, 'k' | 'K')) => (&trimmed[..i], 10),
        Some((i, 'm' | 'M')) => (&trimmed[..i], 20),
        Some((i, 'g' | 'G')) => (&trimmed[..i], 30),
        _ => (trimmed, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{text:?} is not a size (e.g. 1048576, 512K, 32M, 1G)"))?;
    let bytes = n
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{text:?} is too large"))?;
    if bytes == 0 {
        return Err("the size must be at least 1 byte".into());
    }
    Ok(bytes)
}

/// Runs the command line and returns the process exit code: 0 ok, 1 bad
/// input or I/O error, 2 usage error.
pub fn run() -> i32 {
    let (command, args) = match parse_command(std::env::args_os().collect()) {
        Ok(parsed) => parsed,
        Err(e) => {
            // help and version go to stdout: a closed pipe there is no error
            let _ = e.print();
            return e.exit_code();
        }
    };
    if let Err(e) = output::remove_temporaries_on_signals() {
        print_line(&format!(
            "kgexport: warning: no signal handling ({e}): an interrupted run may leave temporary files"
        ));
    }
    let outcome = match command {
        None => run_with(&args),
        Some(Command::Extract) => run_extract(&args),
        Some(Command::Merge) => run_merge(&args),
    };
    match outcome {
        Ok(()) => 0,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            print_line(&format!("kgexport: {e}"));
            e.exit_code()
        }
    }
}

/// One line on stderr. Never panics (as `eprintln!` does when stderr is
/// closed): a message that cannot be shown is not worth dying for.
fn print_line(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

const CSV_NEEDS_OUTPUT: &str =
    "--format csv writes nodes.csv and edges.csv: give the directory with --output";

/// Checks what a run writes before anything is read, sets the thread
/// count, and returns the export settings.
fn prepare(args: &Args) -> Result<ExportOptions, Error> {
    let options = ExportOptions {
        base_iri: check_base_iri(&args.base_iri)?,
        provenance: args.provenance,
    };
    if args.format.is_directory() && args.output.is_none() {
        return Err(Error::Usage(CSV_NEEDS_OUTPUT.into()));
    }
    csv_options(args)?;
    if let Some(n) = args.threads {
        // fails only when the pool was built already (a library caller's)
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global();
    }
    match &args.output {
        Some(dir) if args.format.is_directory() => output::check_dir_target(dir)?,
        Some(path) => output::check_file_target(path)?,
        None => {}
    }
    Ok(options)
}

/// Runs with parsed arguments.
pub fn run_with(args: &Args) -> Result<(), Error> {
    let options = prepare(args)?;
    let reporter = Reporter {
        quiet: args.quiet,
        bar: ProgressBar::hidden(),
    };
    let (graph, counts) = read_graph(args, reporter)?;
    if args.stats {
        print_line(&format!(
            "documents: {} read, {} empty, {} skipped",
            counts.read, counts.empty, counts.skipped
        ));
        let _ = write!(io::stderr().lock(), "{}", graph.stats());
    }
    write_graph(&graph, args, &options)
}

/// Notes and warnings on stderr, kept clear of the progress bar.
struct Reporter {
    quiet: bool,
    bar: ProgressBar,
}

impl Reporter {
    /// Information, silenced by `-q`.
    fn note(&self, message: &str) {
        if !self.quiet {
            self.bar
                .suspend(|| print_line(&format!("kgexport: {message}")));
        }
    }

    /// A skipped input: printed even with `-q`, as input was left out.
    fn warn(&self, message: &str) {
        self.bar
            .suspend(|| print_line(&format!("kgexport: warning: {message}")));
    }
}

/// What was read.
#[derive(Debug, Default)]
struct ReadCounts {
    read: usize,
    empty: usize,
    skipped: usize,
}

/// What to read when no INPUT is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultInput {
    Stdin,
    SampleCorpus,
}

/// Stdin when something is piped or redirected in, the sample corpus when
/// stdin is a terminal (a user trying the tool, who would otherwise wait on
/// input) or nothing at all (`/dev/null`, a closed descriptor: a job runner).
pub fn default_input(stdin_carries_data: bool) -> DefaultInput {
    if stdin_carries_data {
        DefaultInput::Stdin
    } else {
        DefaultInput::SampleCorpus
    }
}

/// True when stdin is a pipe, a socket or a regular file.
fn stdin_carries_data() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else {
            return false;
        };
        std::fs::File::from(fd).metadata().is_ok_and(|m| {
            let kind = m.file_type();
            kind.is_fifo() || kind.is_socket() || kind.is_file()
        })
    }
    #[cfg(not(unix))]
    {
        !io::stdin().is_terminal()
    }
}

/// Reads every input into the graph.
fn read_graph(args: &Args, reporter: Reporter) -> Result<(KnowledgeGraph, ReadCounts), Error> {
    let mut builder = graph_builder(args);
    let counts = read_documents(args, reporter, &mut builder)?;
    let graph = builder
        .try_finish()
        .map_err(|e| Error::io(SPILL_EVIDENCE, e))?;
    Ok((graph, counts))
}

/// What an error of the evidence spilled beyond `--memory` names.
const SPILL_EVIDENCE: &str = "<temporary file of evidence>";

/// A builder holding at most `--memory` of evidence in memory.
fn graph_builder(args: &Args) -> GraphBuilder {
    GraphBuilder::new()
        .with_memory(usize::try_from(args.memory).unwrap_or(usize::MAX))
        .keeping(args.provenance.evidence_kept())
}

/// Reads every input, handing each document to `builder`.
fn read_documents(
    args: &Args,
    mut reporter: Reporter,
    builder: &mut dyn DocumentSink,
) -> Result<ReadCounts, Error> {
    let mut counts = ReadCounts::default();
    let mut entries = if args.inputs.is_empty() {
        if default_input(stdin_carries_data()) == DefaultInput::SampleCorpus {
            reporter
                .note("no input given: reading the bundled sample corpus (5 articles); see --help");
            for doc in input::sample_corpus() {
                builder.push(doc);
                counts.read += 1;
            }
            return Ok(counts);
        }
        input::expand_inputs(&[PathBuf::from("-")])
    } else {
        input::expand_inputs_named(&args.inputs, args.source_names)
    };
    if !entries
        .iter()
        .any(|e| !matches!(e.found, Found::LeftOut(_)))
    {
        if !args.allow_empty {
            return Err(Error::NoArticles {
                inputs: input_names(&args.inputs),
            });
        }
        reporter.note("no .txt or .jsonl files found in the input: the graph is empty");
    }
    refuse_output_among_inputs(args, &entries)?;
    if args.on_error == OnError::Fail {
        // what cannot be read is known without reading anything: stop now
        if let Some(i) = entries
            .iter()
            .position(|e| matches!(e.found, Found::Failed(_)))
        {
            if let Found::Failed(e) = entries.swap_remove(i).found {
                return Err(e);
            }
        }
    }
    reporter.bar = progress_bar(&entries, args.quiet);
    for entry in entries {
        let shown = match entry.found {
            Found::Source(Source::Stdin) => entry.name.clone(),
            _ => input::path_name(&entry.path),
        };
        // a .jsonl file holds many articles, each of which may fail
        let read: Box<dyn Iterator<Item = Result<input::Loaded, Error>>> = match entry.found {
            Found::LeftOut(note) => {
                reporter.note(&note);
                Box::new(std::iter::empty())
            }
            Found::Failed(e) => Box::new(std::iter::once(Err(e))),
            Found::Source(source) => {
                match input::read_documents(&source, &entry.name, args.max_doc_bytes) {
                    Ok(articles) => articles,
                    Err(e) => Box::new(std::iter::once(Err(e))),
                }
            }
        };
        for result in read {
            match result {
                Ok(loaded) => {
                    loaded.notes.iter().for_each(|n| reporter.note(n));
                    if loaded.doc.text.trim().is_empty() {
                        // a file as given; an archive's article by its URL too
                        let what = match loaded.doc.name == entry.name {
                            true => shown.clone(),
                            false => format!("{shown}: {}", loaded.doc.name),
                        };
                        reporter.note(&format!("{what}: empty, no facts"));
                        counts.empty += 1;
                    } else {
                        builder.push(loaded.doc);
                        counts.read += 1;
                    }
                }
                Err(e) => match args.on_error {
                    OnError::Fail => {
                        reporter.bar.finish_and_clear();
                        return Err(e);
                    }
                    OnError::Skip => {
                        reporter.warn(&format!("skipped {e}"));
                        counts.skipped += 1;
                    }
                },
            }
        }
        reporter.bar.inc(1);
    }
    reporter.bar.finish_and_clear();
    if counts.skipped > 0 && counts.read + counts.empty == 0 {
        return Err(Error::NothingRead {
            skipped: counts.skipped,
        });
    }
    Ok(counts)
}

/// The INPUT arguments as a message names them: `a/, "b c/"`.
fn input_names(inputs: &[PathBuf]) -> String {
    let names: Vec<String> = inputs
        .iter()
        .map(|p| format!("{:?}", p.display().to_string()))
        .collect();
    if names.is_empty() {
        "stdin".to_string()
    } else {
        names.join(", ")
    }
}

/// The files the run will write.
fn output_files(args: &Args) -> Vec<PathBuf> {
    match &args.output {
        Some(dir) if args.format.is_directory() => export::csv::Table::all(args.csv_dialect)
            .into_iter()
            .map(|table| dir.join(table.path()))
            .collect(),
        Some(path) => vec![path.clone()],
        None => Vec::new(),
    }
}

/// An output file that is also an input (`kgexport a.txt -o a.txt`) would
/// replace the article with the graph: a usage error, found before reading.
fn refuse_output_among_inputs(args: &Args, entries: &[Entry]) -> Result<(), Error> {
    for out in output_files(args) {
        let Ok(out_meta) = fs::metadata(&out) else {
            continue; // not there yet: cannot be an input
        };
        for entry in entries {
            if let Found::Source(Source::File(path)) = &entry.found {
                if fs::metadata(path).is_ok_and(|m| same_file(&m, &out_meta)) {
                    return Err(Error::Usage(format!(
                        "{}: is both an input and the output; writing it would replace the article",
                        out.display()
                    )));
                }
            }
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_a: &fs::Metadata, _b: &fs::Metadata) -> bool {
    // no file identity to compare without unix metadata: not checked
    false
}

/// Input this large (in files or bytes) gets a progress bar.
const MANY_FILES: usize = 200;
const MANY_BYTES: u64 = 64 * 1024 * 1024;

/// Whether to show a progress bar: only on a terminal, not with `-q`, and
/// only for input large enough to take a while.
pub fn wants_progress(stderr_is_terminal: bool, quiet: bool, files: usize, bytes: u64) -> bool {
    stderr_is_terminal && !quiet && (files >= MANY_FILES || bytes >= MANY_BYTES)
}

/// A progress bar on stderr over the entries, hidden unless
/// [`wants_progress`].
fn progress_bar(entries: &[Entry], quiet: bool) -> ProgressBar {
    let terminal = io::stderr().is_terminal();
    if !terminal || quiet {
        return ProgressBar::hidden();
    }
    let bytes: u64 = entries
        .iter()
        .map(|entry| match &entry.found {
            Found::Source(Source::File(path)) => fs::metadata(path).map_or(0, |m| m.len()),
            _ => 0,
        })
        .sum();
    if !wants_progress(terminal, quiet, entries.len(), bytes) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(
        Some(entries.len() as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {eta} left") {
        bar.set_style(style);
    }
    bar
}

fn write_graph(graph: &KnowledgeGraph, args: &Args, options: &ExportOptions) -> Result<(), Error> {
    match (&args.output, args.format.is_directory()) {
        (Some(dir), true) => {
            let csv_options = csv_options(args)?;
            let tables = export::csv::Table::all(csv_options.dialect);
            output::ensure_dir(dir)?;
            for table in &tables {
                if let Some(folder) = table.path().parent() {
                    output::ensure_dir(&dir.join(folder))?;
                }
            }
            output::write_all_atomically(
                tables
                    .into_iter()
                    .map(|table| {
                        let write: output::WriteFn<'_> = Box::new(move |w: &mut dyn Write| {
                            table.write(graph, options, csv_options, w)
                        });
                        (dir.join(table.path()), write)
                    })
                    .collect(),
            )
        }
        (Some(path), false) => output::write_atomically(path, |w| {
            export::write_stream(graph, args.format, options, w)
        }),
        (None, true) => Err(Error::Usage(CSV_NEEDS_OUTPUT.into())),
        (None, false) => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            export::write_stream(graph, args.format, options, &mut out)
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("<stdout>", e))
        }
    }
}

/// The CSV settings; asking for them with another format is a usage error
/// rather than an option silently ignored.
fn csv_options(args: &Args) -> Result<CsvOptions, Error> {
    let options = CsvOptions {
        dialect: args.csv_dialect,
        spreadsheet_safe: args.spreadsheet_safe,
    };
    if args.format != Format::Csv && options != CsvOptions::default() {
        return Err(Error::Usage(
            "--csv-dialect and --spreadsheet-safe apply to --format csv only".into(),
        ));
    }
    Ok(options)
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

// --- subcommands extract and merge (issue 11, branch shards) ---

/// What a run does besides reading articles into a graph and writing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// `kgexport extract -o shard.kgx INPUT...`: what the documents say,
    /// resolved within each, written to a shard.
    Extract,
    /// `kgexport merge -f FORMAT -o OUT SHARD...`: shards resolved across
    /// documents and written in any format.
    Merge,
}

const EXTRACT_ABOUT: &str = "Extracts the articles of INPUT and writes what each says, resolved \
within the article, to a shard (docs/KGX.md) that `kgexport merge` resolves across articles. \
Takes the input options of kgexport; --output is the shard (stdout when absent).";

const MERGE_ABOUT: &str = "Resolves the shards written by `kgexport extract` across their \
articles and writes the graph, as one run over all their articles would: INPUT are .kgx \
files. Takes the output options of kgexport.";

/// The subcommand (`extract`, `merge`) if `argv[1]` names one, and the
/// options, parsed by the same rules as a plain run.
pub fn parse_command(
    argv: Vec<std::ffi::OsString>,
) -> Result<(Option<Command>, Args), clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let command = match argv.get(1).and_then(|a| a.to_str()) {
        Some("extract") => Some(Command::Extract),
        Some("merge") => Some(Command::Merge),
        _ => None,
    };
    let Some(command) = command else {
        return Args::try_parse_from(argv).map(|args| (None, args));
    };
    let (name, about) = match command {
        Command::Extract => ("kgexport extract", EXTRACT_ABOUT),
        Command::Merge => ("kgexport merge", MERGE_ABOUT),
    };
    let mut rest = argv;
    rest.remove(1);
    let matches = Args::command()
        .name(name)
        .bin_name(name)
        .about(about)
        .after_help("")
        .try_get_matches_from(rest)?;
    Ok((Some(command), Args::from_arg_matches(&matches)?))
}

/// Where [`read_documents`] hands what it read.
trait DocumentSink {
    fn push(&mut self, doc: input::Document);
}

impl DocumentSink for GraphBuilder {
    fn push(&mut self, doc: input::Document) {
        GraphBuilder::push(self, doc);
    }
}

impl<W: Write> DocumentSink for ShardWriter<W> {
    fn push(&mut self, doc: input::Document) {
        ShardWriter::push(self, doc);
    }
}

const SPILL: &str = "<temporary shard file>";

/// `kgexport extract`: the shard is written to a temporary file as the
/// articles are read (memory holds a batch), then copied to the output
/// atomically.
fn run_extract(args: &Args) -> Result<(), Error> {
    if let Some(path) = &args.output {
        output::check_file_target(path)?;
    }
    if args.format != Format::Turtle || args.provenance != Provenance::Edge {
        return Err(Error::Usage(
            "kgexport extract writes a shard: --format and --provenance are options of merge"
                .into(),
        ));
    }
    prepare(args)?;
    let reporter = Reporter {
        quiet: args.quiet,
        bar: ProgressBar::hidden(),
    };
    let spill = tempfile::tempfile().map_err(|e| Error::io(SPILL, e))?;
    let mut shard = ShardWriter::new(io::BufWriter::new(spill)).map_err(|e| Error::io(SPILL, e))?;
    let counts = read_documents(args, reporter, &mut shard)?;
    let (spill, documents) = shard.finish().map_err(|e| Error::io(SPILL, e))?;
    let mut spill = spill
        .into_inner()
        .map_err(|e| Error::io(SPILL, e.into_error()))?;
    io::Seek::rewind(&mut spill).map_err(|e| Error::io(SPILL, e))?;
    if args.stats {
        print_line(&format!(
            "documents: {} read, {} empty, {} skipped; {documents} in the shard",
            counts.read, counts.empty, counts.skipped
        ));
    }
    let mut copy = |w: &mut dyn Write| io::copy(&mut spill, w).map(|_| ());
    match &args.output {
        Some(path) => output::write_atomically(path, copy),
        None => {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            copy(&mut out)
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("<stdout>", e))
        }
    }
}

/// `kgexport merge`: every document of every shard into one builder, then
/// written as a plain run writes its graph.
fn run_merge(args: &Args) -> Result<(), Error> {
    let options = prepare(args)?;
    if args.inputs.is_empty() {
        return Err(Error::Usage(
            "kgexport merge needs the shard files (.kgx) to merge".into(),
        ));
    }
    let mut builder = graph_builder(args);
    for path in &args.inputs {
        let file = fs::File::open(path).map_err(|e| Error::io(path, e))?;
        crate::shard::read(io::BufReader::new(file), |name, hash, facts| {
            builder.add_extracted(name, hash, facts);
            Ok(())
        })
        .map_err(|e| Error::io(path, e))?;
    }
    let documents = builder.len();
    let graph = builder
        .try_finish()
        .map_err(|e| Error::io(SPILL_EVIDENCE, e))?;
    if args.stats {
        print_line(&format!("documents: {documents} merged"));
        let _ = write!(io::stderr().lock(), "{}", graph.stats());
    }
    write_graph(&graph, args, &options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subcommands_take_the_options_of_a_run() {
        let argv = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        let (command, args) =
            parse_command(argv(&["kgexport", "extract", "-o", "s.kgx", "a/"])).unwrap();
        assert_eq!(command, Some(Command::Extract));
        assert_eq!(args.inputs, [PathBuf::from("a/")]);
        let (command, args) = parse_command(argv(&[
            "kgexport", "merge", "-f", "csv", "-o", "out", "s.kgx",
        ]))
        .unwrap();
        assert_eq!(command, Some(Command::Merge));
        assert_eq!(args.format, Format::Csv);
        let (command, args) = parse_command(argv(&["kgexport", "a.txt"])).unwrap();
        assert_eq!(command, None);
        assert_eq!(args.provenance, Provenance::Edge);
    }

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
        let args = Args::try_parse_from(["kgexport"]).unwrap();
        assert_eq!(args.on_error, OnError::Fail);
        assert_eq!(args.max_doc_bytes, input::DEFAULT_MAX_DOC_BYTES);
        assert_eq!(args.csv_dialect, CsvDialect::Gephi);
        assert!(!args.spreadsheet_safe);
        let args = Args::try_parse_from([
            "kgexport",
            "--format",
            "csv",
            "--csv-dialect",
            "neo4j",
            "--spreadsheet-safe",
        ])
        .unwrap();
        assert_eq!(args.csv_dialect, CsvDialect::Neo4j);
        assert!(args.spreadsheet_safe);
        assert!(Args::try_parse_from(["kgexport", "--csv-dialect", "excel"]).is_err());
        assert_eq!(
            csv_options(&args).unwrap(),
            CsvOptions {
                dialect: CsvDialect::Neo4j,
                spreadsheet_safe: true
            }
        );
        for other in [
            ["kgexport", "--format", "turtle", "--csv-dialect", "neo4j"],
            [
                "kgexport",
                "--format",
                "graphml",
                "--spreadsheet-safe",
                "-q",
            ],
        ] {
            let args = Args::try_parse_from(other).unwrap();
            assert!(matches!(csv_options(&args), Err(Error::Usage(_))));
        }
        let args = Args::try_parse_from(["kgexport", "--format", "jsonld"]).unwrap();
        assert_eq!(csv_options(&args).unwrap(), CsvOptions::default());
    }

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("512k"), Ok(512 * 1024));
        assert_eq!(parse_size("32M"), Ok(32 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }

    #[test]
    fn default_input_is_stdin_only_when_data_comes_in() {
        assert_eq!(default_input(false), DefaultInput::SampleCorpus);
        assert_eq!(default_input(true), DefaultInput::Stdin);
    }

    #[test]
    fn progress_only_for_large_input_on_a_terminal() {
        assert!(!wants_progress(true, false, 3, 1000));
        assert!(wants_progress(true, false, MANY_FILES, 0));
        assert!(wants_progress(true, false, 1, MANY_BYTES));
        assert!(!wants_progress(false, false, 10_000, MANY_BYTES));
        assert!(!wants_progress(true, true, 10_000, MANY_BYTES));
    }
}
