//! Segmentation: the article body told apart from page furniture, then cut
//! into sentences with their byte spans.

/// What part of the page a sentence comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Headline or lead.
    Title,
    /// Article text.
    Body,
    /// A photo caption.
    Caption,
    /// Menus, related-story lists, footers: no facts are drawn from these.
    Furniture,
}

/// One sentence: its number in the document and its byte span in the
/// normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub index: u32,
    pub start: usize,
    pub end: usize,
    pub block: BlockKind,
}

impl Sentence {
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

/// Splits normalised text into sentences, marking furniture.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = offset + (line.len() - line.trim_start().len());
            out.push(Sentence {
                index: out.len() as u32,
                start,
                end: start + trimmed.len(),
                block: BlockKind::Body,
            });
        }
        offset += line.len();
    }
    out
}
