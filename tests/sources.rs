//! Source identity and archives through the real binary: a document's name
//! (its IRI, its name in every format) is the same from any working
//! directory and any spelling of its path, and a JSON Lines archive gives
//! the facts of the same articles as files, named by their URLs.

use std::fs;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

fn kgexport(cwd: &Path) -> Command {
    let mut cmd = Command::cargo_bin("kgexport").expect("binary built");
    cmd.timeout(Duration::from_secs(60))
        .current_dir(cwd)
        .arg("-q");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Invented articles: (file name, URL, headline, text); the URLs sort as
/// the file names do, so that the documents come in the same order.
const ARTICLES: [(&str, &str, &str, &str); 2] = [
    (
        "a.txt",
        "https://tin.example/a-thoi-su/bai-1",
        "Hai bộ ký kết hợp tác",
        "Ngày 14/3/2024, Bộ trưởng Bộ Ngoại giao Lê Văn An đã ký Hiệp định hợp tác tại Hà Nội. \
         Thứ trưởng Bộ Công Thương Trần Thị Bình dự lễ ký.",
    ),
    (
        "b.txt",
        "https://tin.example/b-kinh-te/bai-2?trang=1",
        "Hội nghị xúc tiến thương mại",
        "Sáng 20/5/2024, Thứ trưởng Bộ Công Thương Trần Thị Bình chủ trì Hội nghị xúc tiến \
         thương mại tại Đà Nẵng.",
    ),
];

#[test]
fn source_names_do_not_depend_on_the_working_directory_or_the_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let data = root.join("data");
    fs::create_dir_all(data.join("sub")).unwrap();
    let (_, _, title, text) = ARTICLES[0];
    fs::write(data.join("x.txt"), format!("{title}\n\n{text}\n")).unwrap();
    let (_, _, title, text) = ARTICLES[1];
    fs::write(data.join("sub/y.txt"), format!("{title}\n\n{text}\n")).unwrap();
    let absolute = data.join("x.txt");
    let absolute = absolute.to_str().unwrap();

    let file = stdout(kgexport(root).arg("data/x.txt"));
    assert!(file.contains("src:x.txt"), "{file}");
    for spelling in ["./data/x.txt", absolute, "data//x.txt", "data/./x.txt"] {
        assert_eq!(stdout(kgexport(root).arg(spelling)), file, "{spelling}");
    }
    assert_eq!(stdout(kgexport(&data).arg("x.txt")), file);
    assert_eq!(stdout(kgexport(&data.join("sub")).arg("../x.txt")), file);

    let tree = stdout(kgexport(root).arg("data"));
    assert!(
        tree.contains("src:x.txt") && tree.contains("src:sub\\%2Fy.txt"),
        "{tree}"
    );
    let abs_dir = data.to_str().unwrap().to_string();
    for spelling in ["./data/", abs_dir.as_str(), "data//"] {
        assert_eq!(stdout(kgexport(root).arg(spelling)), tree, "{spelling}");
    }
    assert_eq!(stdout(kgexport(&data).arg(".")), tree);
    // a file given beside its directory is read once
    assert_eq!(stdout(kgexport(root).args(["data", "./data/x.txt"])), tree);
    // nothing of the machine is published, in any format
    let root_name = root.to_str().unwrap();
    for format in ["turtle", "nquads", "jsonld", "graphml", "gexf", "dot"] {
        let out = stdout(kgexport(root).args(["-f", format, absolute]));
        assert!(!out.contains(root_name), "{format}");
    }
    // unless asked for
    let named = stdout(kgexport(root).args(["--source-names", "absolute", "data/x.txt"]));
    let canonical = fs::canonicalize(absolute).unwrap();
    assert!(
        named.contains(&format!("\"{}\"", canonical.display())),
        "{named}"
    );
}

#[test]
fn source_names_are_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, title, text) = ARTICLES[0];
    // "Lương.txt" with its letters decomposed, as some file systems store them
    fs::write(
        dir.path().join("Lu\u{31b}o\u{31b}ng.txt"),
        format!("{title}\n\n{text}\n"),
    )
    .unwrap();
    let out = stdout(kgexport(dir.path()).args(["-f", "graphml", "."]));
    assert!(out.contains("L\u{1b0}\u{1a1}ng.txt"), "{out}");
    assert!(!out.contains("u\u{31b}"));
}

/// Every line of the CSV tables of `inputs`, sorted.
fn csv_lines(cwd: &Path, inputs: &[&str]) -> Vec<String> {
    let out = tempfile::tempdir().unwrap();
    stdout(
        kgexport(cwd)
            .args(["-f", "csv", "-o"])
            .arg(out.path())
            .args(inputs),
    );
    let mut lines: Vec<String> = ["nodes.csv", "edges.csv"]
        .iter()
        .flat_map(|t| {
            let text = fs::read_to_string(out.path().join(t)).unwrap();
            text.lines().map(|l| format!("{t}:{l}")).collect::<Vec<_>>()
        })
        .collect();
    lines.sort();
    lines
}

#[test]
fn a_jsonl_archive_gives_the_facts_of_its_articles_as_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("files")).unwrap();
    fs::create_dir_all(root.join("archive")).unwrap();
    let mut jsonl = String::new();
    for (file, url, title, text) in ARTICLES {
        fs::write(root.join("files").join(file), format!("{title}\n\n{text}")).unwrap();
        let line = serde_json::json!({"url": url, "title": title, "maintext": text});
        jsonl.push_str(&format!("{line}\n"));
    }
    // a news-please field set, blank lines between articles
    jsonl.push('\n');
    fs::write(root.join("archive/news.jsonl"), &jsonl).unwrap();
    let files = csv_lines(root, &["files"]);
    let archive = csv_lines(root, &["archive/news.jsonl"]);
    assert!(files.len() > 10, "{files:?}");
    let renamed: Vec<String> = files
        .iter()
        .map(|line| {
            ARTICLES
                .iter()
                .fold(line.clone(), |line, (file, url, _, _)| {
                    line.replace(file, url)
                })
        })
        .collect();
    let mut renamed = renamed;
    renamed.sort();
    assert_eq!(archive, renamed);
    // directories are walked for .jsonl too
    assert_eq!(csv_lines(root, &["archive"]), archive);
}

#[test]
fn a_jsonl_date_dates_the_days_without_a_year() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Ngày 9/8, Bộ trưởng Bộ Ngoại giao Lê Văn An đã ký Hiệp định hợp tác tại Hà Nội.";
    let line = serde_json::json!({
        "source_url": "https://tin.example/a",
        "date_publish": "2021-08-12 08:00:00",
        "title": "Ký hiệp định hợp tác",
        "text": text,
    });
    fs::write(dir.path().join("a.jsonl"), format!("{line}\n")).unwrap();
    let out = stdout(kgexport(dir.path()).args(["-f", "ntriples", "a.jsonl"]));
    assert!(out.contains("date/2021-08-09>"), "{out}");
}

#[test]
fn bad_jsonl_lines_name_the_file_and_line_or_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let (_, url, title, text) = ARTICLES[0];
    let good = serde_json::json!({"url": url, "title": title, "text": text});
    fs::write(
        dir.path().join("mixed.jsonl"),
        format!("{good}\n{{\"url\": \"https://tin.example/x\"\nnot json\n"),
    )
    .unwrap();
    let out = kgexport(dir.path()).arg("mixed.jsonl").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mixed.jsonl:2: not a JSON article"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    let out = kgexport(dir.path())
        .args(["--on-error", "skip", "--stats", "mixed.jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped mixed.jsonl:2"), "{stderr}");
    assert!(stderr.contains("skipped mixed.jsonl:3"), "{stderr}");
    assert!(
        stderr.contains("documents: 1 read, 0 empty, 2 skipped"),
        "{stderr}"
    );
}
