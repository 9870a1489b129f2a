//! Writes a deterministic benchmark corpus of Vietnamese news articles.
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT_DIR MEGABYTES [--seed N] [--lexicon DIR]
//! ```
//!
//! `MEGABYTES` is in units of 10^6 bytes of article text; the articles go
//! to `OUT_DIR/NNNN/aNNNNNNN.txt`, a thousand per folder. The same seed and
//! lexicon give the same bytes.

#[allow(dead_code)] // shared with the benches, which use other parts of it
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use corpus::{write_corpus, ArticleGenerator, Vocabulary};

/// Writes N megabytes of generated Vietnamese news articles.
#[derive(Debug, Parser)]
struct Args {
    /// Directory to write the articles into (created if missing).
    out_dir: PathBuf,
    /// How much text to write, in megabytes (10^6 bytes).
    megabytes: u64,
    /// Seed of the generator: same seed, same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Lexicon directory to draw names from (built-in lists where missing).
    #[arg(long, default_value = "data/lexicon")]
    lexicon: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let generator = ArticleGenerator::new(Vocabulary::load(&args.lexicon), args.seed);
    match write_corpus(&generator, &args.out_dir, args.megabytes * 1_000_000) {
        Ok(size) => {
            eprintln!(
                "gen_corpus: {} articles, {} bytes in {}",
                size.articles,
                size.bytes,
                args.out_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", args.out_dir.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::corpus::*;
    use std::path::Path;

    fn generator(seed: u64) -> ArticleGenerator {
        let lexicon = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
        ArticleGenerator::new(Vocabulary::load(&lexicon), seed)
    }

    fn tree_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        for sub in std::fs::read_dir(dir).unwrap() {
            for file in std::fs::read_dir(sub.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.push((name, std::fs::read(&path).unwrap()));
            }
        }
        files.sort();
        files
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let (a, b, c) = (
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
        );
        let size = write_corpus(&generator(7), a.path(), 300_000).unwrap();
        assert!(size.bytes >= 300_000 && size.articles > 30, "{size:?}");
        assert_eq!(
            write_corpus(&generator(7), b.path(), 300_000).unwrap(),
            size
        );
        write_corpus(&generator(8), c.path(), 300_000).unwrap();
        let (ta, tb, tc) = (
            tree_bytes(a.path()),
            tree_bytes(b.path()),
            tree_bytes(c.path()),
        );
        assert_eq!(ta.len() as u64, size.articles);
        assert_eq!(ta, tb);
        assert_ne!(ta, tc);
        // No article of seed 8 is an article of seed 7.
        assert!(ta.iter().zip(&tc).all(|(x, y)| x.1 != y.1));
        // Articles are made on their own: article 5 alone is article 5.
        assert_eq!(generator(7).article(5).as_bytes(), &ta[5].1[..]);
    }

    #[test]
    fn articles_are_nfc_news_with_furniture_and_a_long_tail_of_people() {
        use unicode_normalization::is_nfc;
        let articles = articles_in_memory(&generator(1), 1_000_000);
        let sizes: Vec<usize> = articles.iter().map(|(_, t)| t.len()).collect();
        let mean = sizes.iter().sum::<usize>() / sizes.len();
        assert!((1500..8000).contains(&mean), "mean article size {mean}");
        for (name, text) in &articles {
            assert!(is_nfc(text), "{name} is not NFC");
            assert!(text.contains("Ghi rõ nguồn"), "{name} has no footer");
        }
        // The sample articles are not copied.
        for seed in kgexport::input::sample_corpus() {
            for line in seed.text.lines().filter(|l| l.len() > 60) {
                assert!(articles.iter().all(|(_, t)| !t.contains(line)), "{line}");
            }
        }
        // Distinct "Title Body Name" mentions keep growing with the corpus.
        let distinct_in = |n: usize| {
            let mut seen = std::collections::BTreeSet::new();
            for (_, text) in &articles[..n] {
                for word in text.split(['.', ',', ';']) {
                    seen.insert(word.trim().to_string());
                }
            }
            seen.len()
        };
        let half = articles.len() / 2;
        assert!(distinct_in(2 * half) as f64 > 1.5 * distinct_in(half) as f64);
    }

    #[test]
    fn the_extractor_finds_every_kind_of_fact_in_generated_articles() {
        use kgexport::{build_graph, Document, NodeKind, Relation};
        let docs = articles_in_memory(&generator(3), 200_000)
            .into_iter()
            .map(|(name, text)| Document::new(name, text));
        let stats = build_graph(docs).stats();
        assert!(stats.nodes[&NodeKind::Person] >= 100, "{stats}");
        assert!(stats.nodes[&NodeKind::Organization] >= 30, "{stats}");
        for kind in NodeKind::ALL {
            assert!(stats.nodes[&kind] >= 5, "{kind}: {stats}");
        }
        for relation in Relation::ALL {
            assert!(stats.edges[&relation] >= 3, "{relation}: {stats}");
        }
    }

    #[test]
    fn vocabulary_falls_back_to_builtin_lists() {
        let missing = Vocabulary::load(Path::new("/nonexistent/lexicon"));
        assert!(!missing.surnames.is_empty() && !missing.ministries.is_empty());
        let a = ArticleGenerator::new(missing, 3).article(0);
        assert!(a.contains("\n\n") && a.len() > 500);
    }
}
