//! A deterministic generator of Vietnamese news articles, for benchmarks.
//!
//! Articles are written in the constructions the extractor handles (titles
//! before names, title chains, titles in apposition, organisations with
//! acronyms, events with places and dates, receptions, signings), wrapped in
//! page furniture (menus, "Tin cùng chuyên mục" lists, footers). Names,
//! organisations, places and titles come from the project's lexicons
//! (`data/lexicon/*.txt`, where present) and from generated Vietnamese names.
//! People and organisations are drawn from a long-tailed distribution over a
//! space of millions, so a bigger corpus has more distinct nodes, the way a
//! real news archive does.
//!
//! Article `i` of seed `s` depends on `(s, i)` and the vocabulary only: the
//! same seed gives the same bytes, whatever else is generated.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// SplitMix64: small, fast, and good enough to pick words.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// A generator for item `index` of stream `stream` under `seed`, so any
    /// article or entity can be made on its own, in any order.
    pub fn for_item(seed: u64, stream: u64, index: u64) -> Self {
        let mut mixer = SplitMix64(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        let base = mixer.next_u64();
        SplitMix64(base ^ index.wrapping_mul(0xE703_7ED1_A0B4_28DB))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A word of a built-in list.
    pub fn pick_word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }

    /// Log-uniform in `0..n`: small indices are common, large ones rare but
    /// never exhausted, like the people and bodies in a news archive.
    pub fn long_tail(&mut self, n: u64) -> u64 {
        let x = ((n as f64).ln() * self.unit()).exp() - 1.0;
        (x as u64).min(n - 1)
    }
}

/// An organisation: its full name and, where it has one, its acronym.
#[derive(Clone, Debug)]
pub struct Organization {
    pub name: String,
    pub acronym: Option<String>,
}

/// The words articles are made of.
#[derive(Clone, Debug)]
pub struct Vocabulary {
    pub surnames: Vec<String>,
    pub countries: Vec<String>,
    /// Vietnamese provinces and cities, for `tỉnh …` and `Sở … …`.
    pub provinces: Vec<String>,
    /// Any place or venue, for `tại …`.
    pub places: Vec<String>,
    /// Well-known bodies (international ones with acronyms among them).
    pub organizations: Vec<Organization>,
    /// Bodies with a Latin acronym: the ones international titles go with.
    pub international: Vec<Organization>,
    /// Ministries: `Bộ …`.
    pub ministries: Vec<String>,
    /// Heads of named documents (`Bản ghi nhớ`, `Hiệp định`, ...).
    pub document_heads: Vec<String>,
    /// Military and police ranks.
    pub ranks: Vec<String>,
    /// Every title the extractor knows, to keep generated ones to those.
    known_titles: Vec<String>,
}

const BUILTIN_SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Lương", "Trịnh", "Đinh", "Mai", "Đào", "Cao", "Tạ", "Chu",
];
const BUILTIN_COUNTRIES: &[&str] = &[
    "Lào",
    "Campuchia",
    "Thái Lan",
    "Singapore",
    "Indonesia",
    "Nhật Bản",
    "Hàn Quốc",
    "Ấn Độ",
    "Australia",
    "Pháp",
    "Đức",
    "Italy",
    "Hoa Kỳ",
    "Canada",
    "Brazil",
    "Nga",
    "Cuba",
    "Chile",
];
const BUILTIN_PROVINCES: &[&str] = &[
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "An Giang",
    "Bắc Ninh",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Tĩnh",
    "Hưng Yên",
    "Khánh Hòa",
    "Lai Châu",
    "Lạng Sơn",
    "Lào Cai",
    "Lâm Đồng",
    "Nghệ An",
    "Ninh Bình",
    "Phú Thọ",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sơn La",
    "Tây Ninh",
    "Thái Nguyên",
    "Thanh Hóa",
    "Tuyên Quang",
    "Vĩnh Long",
    "Bắc Giang",
    "Bạc Liêu",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Thuận",
    "Hà Giang",
    "Hải Dương",
    "Kiên Giang",
    "Kon Tum",
    "Long An",
    "Nam Định",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Sóc Trăng",
    "Thái Bình",
    "Tiền Giang",
    "Trà Vinh",
    "Vĩnh Phúc",
    "Yên Bái",
];
const BUILTIN_ORGANIZATIONS: &[(&str, &str)] = &[
    ("Liên hợp quốc", "LHQ"),
    ("Chương trình Phát triển Liên hợp quốc", "UNDP"),
    ("Quỹ Nhi đồng Liên hợp quốc", "UNICEF"),
    ("Tổ chức Y tế thế giới", "WHO"),
    ("Ngân hàng Phát triển châu Á", "ADB"),
    ("Hiệp hội các quốc gia Đông Nam Á", "ASEAN"),
    ("Liên minh châu Âu", "EU"),
    ("Phòng Thương mại và Công nghiệp Việt Nam", "VCCI"),
    ("Quốc hội", ""),
    ("Chính phủ", ""),
];
const BUILTIN_MINISTRIES: &[&str] = &[
    "Bộ Công an",
    "Bộ Quốc phòng",
    "Bộ Ngoại giao",
    "Bộ Nội vụ",
    "Bộ Tư pháp",
    "Bộ Tài chính",
    "Bộ Công Thương",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Xây dựng",
    "Bộ Khoa học và Công nghệ",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Y tế",
    "Bộ Văn hóa, Thể thao và Du lịch",
];
const BUILTIN_DOCUMENT_HEADS: &[&str] = &[
    "Bản ghi nhớ",
    "Hiệp định",
    "Thỏa thuận",
    "Tuyên bố chung",
    "Kế hoạch",
    "Nghị định thư",
];
const BUILTIN_RANKS: &[&str] = &[
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
];

/// Domains of provincial departments (`Sở Y tế Nghệ An`).
const DEPARTMENT_DOMAINS: &[&str] = &[
    "Y tế",
    "Giáo dục và Đào tạo",
    "Tài chính",
    "Xây dựng",
    "Công Thương",
    "Nội vụ",
    "Tư pháp",
    "Khoa học và Công nghệ",
    "Văn hóa, Thể thao và Du lịch",
    "Nông nghiệp và Môi trường",
];
const MIDDLE_NAMES: &[&str] = &[
    "Văn", "Thị", "Minh", "Đức", "Hữu", "Quốc", "Thanh", "Ngọc", "Xuân", "Hoàng", "Anh", "Công",
    "Đình", "Thành", "Trọng", "Mạnh", "Thu", "Kim", "Bảo", "Gia", "Hồng", "Tuấn", "Quang", "Thế",
];
const GIVEN_NAMES: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Hương", "Lan", "Long", "Mai", "Nam",
    "Phong", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Yến", "Hạnh", "Khánh",
    "Linh", "Lộc", "Minh", "Nga", "Ngân", "Nhung", "Phúc", "Phương", "Quân", "Thảo", "Thủy",
    "Tiến", "Toàn", "Trang", "Trí", "Vinh", "Vân", "Huy", "Hiếu", "Hoa", "Đạt", "Định", "Giang",
    "Khoa", "Kiên", "Lâm", "Luân", "Nghĩa", "Oanh", "Quý", "Sang", "Tài", "Thái", "Thịnh", "Tú",
];
const FOREIGN_GIVEN: &[&str] = &[
    "Maria", "John", "Anna", "Pierre", "Klaus", "Marco", "Elena", "David", "Sarah", "Thomas",
    "Hiroshi", "Yuki", "Min-jun", "Rahul", "Priya", "Carlos", "Ana", "Olga", "Ivan", "Somsak",
];
const FOREIGN_FAMILY: &[&str] = &[
    "Schmidt", "Rossi", "Dubois", "Smith", "Tanaka", "Suzuki", "Kim", "Park", "Sharma", "Silva",
    "Petrov", "Ivanova", "Garcia", "Lopez", "Wong", "Tan", "Lim", "Chai", "Müller", "Novak",
];
const TOPICS: &[&str] = &[
    "chuyển đổi số",
    "phát triển bền vững",
    "an ninh mạng",
    "biến đổi khí hậu",
    "đổi mới sáng tạo",
    "kinh tế tuần hoàn",
    "y tế cơ sở",
    "giáo dục nghề nghiệp",
    "hội nhập quốc tế",
    "phòng, chống tham nhũng",
    "năng lượng tái tạo",
    "du lịch xanh",
    "an toàn giao thông",
    "cải cách hành chính",
    "xuất khẩu nông sản",
    "bảo tồn di sản",
    "phát triển nguồn nhân lực",
    "thu hút đầu tư",
    "phòng, chống thiên tai",
    "an sinh xã hội",
];
const COMPANY_WORDS: &[&str] = &[
    "Hưng Thịnh",
    "Phú Mỹ",
    "Sao Việt",
    "Hòa Bình",
    "Tân Á",
    "Đại Dương",
    "Thành Công",
    "Bình Minh",
    "Trường Sơn",
    "Hồng Hà",
    "Phương Đông",
    "Nam Việt",
    "Ánh Dương",
    "Kim Long",
    "Thiên Phú",
];
const COMPANY_SECTORS: &[&str] = &[
    "Đầu tư Xây dựng",
    "Thương mại Dịch vụ",
    "Công nghệ",
    "Dược phẩm",
    "Thực phẩm",
    "Logistics",
    "Năng lượng",
    "Bất động sản",
    "Vận tải",
    "Du lịch",
];
const UNIVERSITY_FIELDS: &[&str] = &[
    "Bách khoa",
    "Kinh tế",
    "Y Dược",
    "Sư phạm",
    "Nông Lâm",
    "Kỹ thuật",
    "Luật",
    "Khoa học",
];
const VENUE_HEADS: &[&str] = &[
    "Trung tâm Hội nghị",
    "Nhà hát",
    "Cung Văn hóa",
    "Nhà thi đấu",
    "Bảo tàng",
    "Quảng trường",
];
const EVENT_KINDS: &[&str] = &[
    "Hội nghị",
    "Hội thảo",
    "Diễn đàn",
    "Triển lãm",
    "Tọa đàm",
    "Lễ khai mạc",
    "Lễ kỷ niệm",
    "Lễ ký kết",
    "Hội chợ",
];
const DAY_PARTS: &[&str] = &["Sáng", "Chiều", "Tối", "Trưa", "Ngày"];
const MENU_ITEMS: &[&str] = &[
    "Trang chủ",
    "Thời sự",
    "Chính trị",
    "Thế giới",
    "Kinh tế",
    "Xã hội",
    "Pháp luật",
    "Văn hóa",
    "Thể thao",
    "Giáo dục",
    "Sức khỏe",
    "Video",
    "Multimedia",
];
const OUTLETS: &[&str] = &[
    "Báo Tin tức Ngày nay",
    "Báo Điện tử Thời đại",
    "Tạp chí Kinh tế Mới",
    "Báo Đời sống Việt",
];

/// Titles, grouped by the kind of body they are held in.
const MINISTRY_TITLES: &[&str] = &[
    "Bộ trưởng",
    "Thứ trưởng",
    "Thứ trưởng Thường trực",
    "Chánh Văn phòng",
    "Người phát ngôn",
];
const PROVINCE_TITLES: &[&str] = &["Chủ tịch", "Phó Chủ tịch", "Phó Chủ tịch Thường trực"];
const PARTY_TITLES: &[&str] = &["Bí thư", "Phó Bí thư"];
const DEPARTMENT_TITLES: &[&str] = &["Giám đốc", "Phó Giám đốc"];
const COMPANY_TITLES: &[&str] = &["Tổng Giám đốc", "Phó Tổng Giám đốc", "Chủ tịch", "Giám đốc"];
const UNIVERSITY_TITLES: &[&str] = &["Hiệu trưởng", "Phó Hiệu trưởng"];
const INTERNATIONAL_TITLES: &[&str] = &[
    "Tổng Thư ký",
    "Giám đốc Điều hành",
    "Trưởng Đại diện",
    "Phó Tổng Thư ký",
];
/// Offices that open a title chain (`Ủy viên Bộ Chính trị, Bí thư ...`).
const HIGHER_OFFICES: &[&str] = &[
    "Ủy viên Bộ Chính trị",
    "Ủy viên Trung ương Đảng",
    "Ủy viên Ban Chấp hành Trung ương Đảng",
    "Đại biểu Quốc hội",
];
const FOREIGN_TITLES: &[&str] = &["Tổng thống", "Thủ tướng", "Ngoại trưởng", "Phó Thủ tướng"];

/// How many people and organisations the long tails are drawn from.
const PEOPLE_SPACE: u64 = 20_000_000;
const ORG_SPACE: u64 = 2_000_000;

// Streams of the item generators, so that person 7 and article 7 differ.
const STREAM_ARTICLE: u64 = 1;
const STREAM_PERSON: u64 = 2;
const STREAM_ORG: u64 = 3;
const STREAM_FOREIGNER: u64 = 4;

fn owned(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

/// The `|`-separated fields of the entries of a lexicon file, or `None`
/// when the file is missing or has no entry.
fn read_lexicon_entries(dir: &Path, file: &str) -> Option<Vec<Vec<String>>> {
    let text = fs::read_to_string(dir.join(file)).ok()?;
    let entries: Vec<Vec<String>> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('|').map(|f| f.trim().to_string()).collect())
        .filter(|fields: &Vec<String>| !fields[0].is_empty())
        .collect();
    (!entries.is_empty()).then_some(entries)
}

/// The first alias that is written like an acronym (`UNODC`, `ĐCSVN`).
fn acronym_among(aliases: &str) -> Option<String> {
    aliases
        .split(';')
        .map(str::trim)
        .find(|a| {
            a.chars().count() >= 2
                && a.chars().count() <= 8
                && a.chars().all(|c| c.is_uppercase() || c == '&')
        })
        .map(str::to_string)
}

impl Vocabulary {
    /// The built-in word lists alone.
    pub fn builtin() -> Self {
        let organizations: Vec<Organization> = BUILTIN_ORGANIZATIONS
            .iter()
            .map(|(name, acronym)| Organization {
                name: (*name).to_string(),
                acronym: (!acronym.is_empty()).then(|| (*acronym).to_string()),
            })
            .collect();
        Vocabulary {
            surnames: owned(BUILTIN_SURNAMES),
            countries: owned(BUILTIN_COUNTRIES),
            provinces: owned(BUILTIN_PROVINCES),
            places: owned(BUILTIN_PROVINCES),
            international: organizations
                .iter()
                .filter(|o| o.acronym.is_some())
                .cloned()
                .collect(),
            organizations,
            ministries: owned(BUILTIN_MINISTRIES),
            document_heads: owned(BUILTIN_DOCUMENT_HEADS),
            ranks: owned(BUILTIN_RANKS),
            known_titles: Vec::new(),
        }
    }

    /// The lexicon files of `dir` (`data/lexicon`), each falling back to the
    /// built-in list when missing, so the generator works before and after
    /// the lexicons change.
    pub fn load(dir: &Path) -> Self {
        let mut vocab = Self::builtin();
        let first_fields = |entries: Vec<Vec<String>>| -> Vec<String> {
            entries.into_iter().map(|mut f| f.swap_remove(0)).collect()
        };
        if let Some(e) = read_lexicon_entries(dir, "surnames.txt") {
            vocab.surnames = first_fields(e);
        }
        if let Some(e) = read_lexicon_entries(dir, "countries.txt") {
            // Việt Nam is the home country: it stands in sentences by itself.
            vocab.countries = first_fields(e)
                .into_iter()
                .filter(|c| c != "Việt Nam")
                .collect();
        }
        if let Some(e) = read_lexicon_entries(dir, "places.txt") {
            let places = first_fields(e);
            // The lexicon mixes foreign cities in: keep the built-in
            // provinces it knows, so no article has a "Tỉnh ủy Paris".
            let provinces: Vec<String> = BUILTIN_PROVINCES
                .iter()
                .filter(|p| places.iter().any(|known| known == *p))
                .map(|p| (*p).to_string())
                .collect();
            if !provinces.is_empty() {
                vocab.provinces = provinces;
            }
            vocab.places = places;
        }
        if let Some(e) = read_lexicon_entries(dir, "organizations.txt") {
            let orgs: Vec<Organization> = e
                .iter()
                .map(|f| Organization {
                    name: f[0].clone(),
                    acronym: f.get(2).and_then(|a| acronym_among(a)),
                })
                .collect();
            let ministries: Vec<String> = orgs
                .iter()
                .filter(|o| o.name.starts_with("Bộ ") && o.name != "Bộ Chính trị")
                .map(|o| o.name.clone())
                .collect();
            if !ministries.is_empty() {
                vocab.ministries = ministries;
            }
            vocab.organizations = orgs;
        }
        vocab.international = vocab
            .organizations
            .iter()
            .filter(|o| {
                !o.name.starts_with("Bộ ") && o.acronym.as_ref().is_some_and(|a| a.is_ascii())
            })
            .cloned()
            .collect();
        if vocab.international.is_empty() {
            vocab.international = vocab.organizations.clone();
        }
        if let Some(e) = read_lexicon_entries(dir, "document_heads.txt") {
            vocab.document_heads = first_fields(e);
        }
        if let Some(e) = read_lexicon_entries(dir, "titles.txt") {
            let ranks: Vec<String> = e
                .iter()
                .filter(|f| f.get(2).is_some_and(|class| class == "rank"))
                .map(|f| f[0].clone())
                .filter(|t| t.contains("tướng") || t.contains("tá"))
                .collect();
            if !ranks.is_empty() {
                vocab.ranks = ranks;
            }
            vocab.known_titles = first_fields(e);
        }
        vocab
    }

    /// `titles` less those the lexicon does not know (all of them when
    /// there is no lexicon, or it knows none).
    fn known<'a>(&self, titles: &'a [&'a str]) -> Vec<&'a str> {
        let known: Vec<&str> = titles
            .iter()
            .copied()
            .filter(|t| self.known_titles.iter().any(|k| k == t))
            .collect();
        if known.is_empty() {
            titles.to_vec()
        } else {
            known
        }
    }
}

/// A person with the office they hold, as articles name them.
#[derive(Clone, Debug)]
struct Official {
    name: String,
    title: String,
    body: String,
}

/// An event: its name, where and when.
struct EventMention {
    name: String,
    venue: String,
    date: String,
}

/// Makes articles. Cheap to share: article `i` is made from `(seed, i)`.
pub struct ArticleGenerator {
    vocab: Vocabulary,
    seed: u64,
    ministry_titles: Vec<&'static str>,
    province_titles: Vec<&'static str>,
    party_titles: Vec<&'static str>,
    department_titles: Vec<&'static str>,
    company_titles: Vec<&'static str>,
    university_titles: Vec<&'static str>,
    international_titles: Vec<&'static str>,
    foreign_titles: Vec<&'static str>,
}

impl ArticleGenerator {
    pub fn new(vocab: Vocabulary, seed: u64) -> Self {
        ArticleGenerator {
            ministry_titles: vocab.known(MINISTRY_TITLES),
            province_titles: vocab.known(PROVINCE_TITLES),
            party_titles: vocab.known(PARTY_TITLES),
            department_titles: vocab.known(DEPARTMENT_TITLES),
            company_titles: vocab.known(COMPANY_TITLES),
            university_titles: vocab.known(UNIVERSITY_TITLES),
            international_titles: vocab.known(INTERNATIONAL_TITLES),
            foreign_titles: vocab.known(FOREIGN_TITLES),
            vocab,
            seed,
        }
    }

    /// The file name of article `index`, relative to the corpus directory:
    /// a thousand articles per folder, names that sort in index order.
    pub fn article_path(index: u64) -> PathBuf {
        PathBuf::from(format!("{:04}/a{index:07}.txt", index / 1000))
    }

    /// A Vietnamese name: surname, one or two middle names, a given name;
    /// Nguyễn and a few others far more common than the rest, as in life.
    fn vietnamese_name(&self, rng: &mut SplitMix64) -> String {
        let surnames = &self.vocab.surnames;
        // Half the draws from the first five surnames: skewed like real ones.
        let surname = if rng.chance(0.5) {
            &surnames[rng.below(surnames.len().min(5))]
        } else {
            rng.pick(surnames)
        };
        let mut name = surname.clone();
        name.push(' ');
        name.push_str(rng.pick_word(MIDDLE_NAMES));
        if rng.chance(0.35) {
            name.push(' ');
            name.push_str(rng.pick_word(MIDDLE_NAMES));
        }
        name.push(' ');
        name.push_str(rng.pick_word(GIVEN_NAMES));
        name
    }

    /// Long-tail organisation number `k`: a provincial department, a
    /// provincial committee, a company or a university.
    fn organization(&self, k: u64) -> Organization {
        let mut rng = SplitMix64::for_item(self.seed, STREAM_ORG, k);
        let province = rng.pick(&self.vocab.provinces).clone();
        match rng.below(4) {
            0 => Organization {
                name: format!("Sở {} {province}", rng.pick(DEPARTMENT_DOMAINS)),
                acronym: None,
            },
            1 => Organization {
                name: format!("Ủy ban nhân dân tỉnh {province}"),
                acronym: None,
            },
            2 => {
                let brand = rng.pick(COMPANY_WORDS);
                let sector = rng.pick(COMPANY_SECTORS);
                let acronym: String = format!("{sector} {brand}")
                    .split_whitespace()
                    .filter_map(|w| w.chars().next())
                    .flat_map(char::to_uppercase)
                    .collect();
                Organization {
                    name: format!("Công ty cổ phần {sector} {brand}"),
                    acronym: Some(acronym),
                }
            }
            _ => Organization {
                name: format!("Trường Đại học {} {province}", rng.pick(UNIVERSITY_FIELDS)),
                acronym: None,
            },
        }
    }

    /// Vietnamese official number `k`: the name and office are fixed by
    /// `k`, so the same person comes back with the same title.
    fn official(&self, k: u64) -> Official {
        let mut rng = SplitMix64::for_item(self.seed, STREAM_PERSON, k);
        let name = self.vietnamese_name(&mut rng);
        let (title, body) = match rng.below(6) {
            0 => (
                *rng.pick(&self.ministry_titles),
                rng.pick(&self.vocab.ministries).clone(),
            ),
            1 => (
                *rng.pick(&self.province_titles),
                format!("Ủy ban nhân dân tỉnh {}", rng.pick(&self.vocab.provinces)),
            ),
            2 => (
                *rng.pick(&self.party_titles),
                format!("Tỉnh ủy {}", rng.pick(&self.vocab.provinces)),
            ),
            3 => {
                let org = self.organization(rng.long_tail(ORG_SPACE));
                let titles = if org.name.starts_with("Công ty") {
                    &self.company_titles
                } else if org.name.starts_with("Trường") {
                    &self.university_titles
                } else if org.name.starts_with("Sở") {
                    &self.department_titles
                } else {
                    &self.province_titles
                };
                (*rng.pick(titles), org.name)
            }
            4 => (
                *rng.pick(&self.international_titles),
                rng.pick(&self.vocab.international).name.clone(),
            ),
            _ => (
                *rng.pick(&self.department_titles),
                format!(
                    "Sở {} {}",
                    rng.pick(DEPARTMENT_DOMAINS),
                    rng.pick(&self.vocab.provinces)
                ),
            ),
        };
        Official {
            name,
            title: title.to_string(),
            body,
        }
    }

    /// Foreign leader number `k`, with a country and a title.
    fn foreigner(&self, k: u64) -> Official {
        let mut rng = SplitMix64::for_item(self.seed, STREAM_FOREIGNER, k);
        let name = format!("{} {}", rng.pick(FOREIGN_GIVEN), rng.pick(FOREIGN_FAMILY));
        Official {
            name,
            title: rng.pick(&self.foreign_titles).to_string(),
            body: rng.pick(&self.vocab.countries).clone(),
        }
    }

    fn any_official(&self, rng: &mut SplitMix64) -> Official {
        self.official(rng.long_tail(PEOPLE_SPACE))
    }

    fn any_foreigner(&self, rng: &mut SplitMix64) -> Official {
        self.foreigner(rng.long_tail(PEOPLE_SPACE / 10))
    }

    fn any_organization(&self, rng: &mut SplitMix64) -> Organization {
        if rng.chance(0.4) {
            rng.pick(&self.vocab.organizations).clone()
        } else {
            self.organization(rng.long_tail(ORG_SPACE))
        }
    }

    fn venue(&self, rng: &mut SplitMix64) -> String {
        match rng.below(3) {
            0 => format!(
                "{} {}",
                rng.pick(VENUE_HEADS),
                rng.pick(&self.vocab.provinces)
            ),
            1 => format!("Trụ sở {}", rng.pick(&self.vocab.ministries)),
            _ => rng.pick(&self.vocab.places).clone(),
        }
    }

    /// A date as articles write it, with the year: `12/3/2024`.
    fn full_date(rng: &mut SplitMix64, year: usize) -> String {
        format!("{}/{}/{year}", rng.range(1, 28), rng.range(1, 12))
    }

    fn event(&self, rng: &mut SplitMix64, year: usize) -> EventMention {
        let kind = rng.pick(EVENT_KINDS);
        let name = match rng.below(4) {
            0 => format!("{kind} về {}", rng.pick(TOPICS)),
            1 => format!(
                "{kind} hợp tác Việt Nam - {} lần thứ {}",
                rng.pick(&self.vocab.countries),
                rng.range(2, 30)
            ),
            2 => format!("{kind} {} năm {year}", rng.pick(TOPICS)),
            _ => format!(
                "{kind} tổng kết công tác năm {} của {}",
                year - 1,
                rng.pick(&self.vocab.ministries)
            ),
        };
        EventMention {
            name,
            venue: self.venue(rng),
            date: Self::full_date(rng, year),
        }
    }

    fn document_name(&self, rng: &mut SplitMix64, year: usize) -> String {
        let head = rng.pick(&self.vocab.document_heads);
        match rng.below(3) {
            0 => format!("{head} về hợp tác {}", rng.pick(TOPICS)),
            1 => format!(
                "{head} về {} giai đoạn {year}-{}",
                rng.pick(TOPICS),
                year + 5
            ),
            _ => format!(
                "{head} giữa Việt Nam và {}",
                rng.pick(&self.vocab.countries)
            ),
        }
    }

    /// One sentence with facts in it, or about one time in four without.
    fn sentence(&self, rng: &mut SplitMix64, year: usize, out: &mut String) {
        let day_part = *rng.pick(DAY_PARTS);
        let short_date = format!("{day_part} {}/{}", rng.range(1, 28), rng.range(1, 12));
        let topic = rng.pick(TOPICS);
        match rng.below(18) {
            0 => {
                let p = self.any_official(rng);
                let _ = write!(
                    out,
                    "{} {} {} đã chủ trì cuộc họp về {topic}.",
                    p.title, p.body, p.name
                );
            }
            1 => {
                let (a, b) = (self.any_official(rng), self.any_official(rng));
                let rank = rng.pick(&self.vocab.ranks);
                let _ = write!(
                    out,
                    "Tham dự có {}, {} {} {}; {rank} {}, {} {}, cùng đại diện nhiều bộ, ngành.",
                    rng.pick(HIGHER_OFFICES),
                    a.title,
                    a.body,
                    a.name,
                    b.name,
                    b.title,
                    b.body
                );
            }
            2 => {
                let p = self.any_official(rng);
                let _ = write!(
                    out,
                    "{}, {} {}, cho biết {topic} là nhiệm vụ trọng tâm trong thời gian tới.",
                    p.name, p.title, p.body
                );
            }
            3 => {
                let org = self.any_organization(rng);
                match org.acronym {
                    Some(acronym) => {
                        let _ = write!(
                            out,
                            "{} ({acronym}) vừa công bố báo cáo đánh giá về {topic}.",
                            org.name
                        );
                    }
                    None => {
                        let _ = write!(out, "{} đã ban hành kế hoạch về {topic}.", org.name);
                    }
                }
            }
            4 => {
                let e = self.event(rng, year);
                let org = self.any_organization(rng);
                let _ = write!(
                    out,
                    "{short_date}, tại {}, {} tổ chức {}.",
                    e.venue, org.name, e.name
                );
            }
            5 => {
                let e = self.event(rng, year);
                let p = self.any_official(rng);
                let _ = write!(
                    out,
                    "{} diễn ra tại {} ngày {}, với sự tham dự của {} {} {}.",
                    e.name, e.venue, e.date, p.title, p.body, p.name
                );
            }
            6 => {
                let host = self.any_official(rng);
                let guest = self.any_foreigner(rng);
                let _ = write!(
                    out,
                    "{short_date}, tại {}, {} {} {} đã tiếp {} {} {} đang thăm chính thức Việt Nam.",
                    rng.pick(&self.vocab.provinces),
                    host.title,
                    host.body,
                    host.name,
                    guest.title,
                    guest.body,
                    guest.name
                );
            }
            7 => {
                let host = self.any_official(rng);
                let guest = self.any_foreigner(rng);
                let _ = write!(
                    out,
                    "{} {} tiếp Đại sứ {} tại Việt Nam {} đến chào xã giao.",
                    host.title, host.name, guest.body, guest.name
                );
            }
            8 => {
                let a = self.any_official(rng);
                let b = self.any_foreigner(rng);
                let doc = self.document_name(rng, year);
                let _ = write!(
                    out,
                    "Ngày {}, {} {} {} và {} {} {} đã ký {doc}.",
                    Self::full_date(rng, year),
                    a.title,
                    a.body,
                    a.name,
                    b.title,
                    b.body,
                    b.name
                );
            }
            9 => {
                let (a, b) = (self.any_organization(rng), self.any_organization(rng));
                let doc = self.document_name(rng, year);
                let _ = write!(
                    out,
                    "{} và {} đã ký kết {doc} tại {}.",
                    a.name,
                    b.name,
                    self.venue(rng)
                );
            }
            10 => {
                let fair = rng.pick(&["Hội chợ", "Triển lãm", "Diễn đàn", "Tuần lễ"]);
                let _ = write!(
                    out,
                    "Lễ khai mạc {fair} {topic} {year} được tổ chức tại {} từ ngày {}-{}/{}/{year}.",
                    self.venue(rng),
                    rng.range(1, 14),
                    rng.range(15, 28),
                    rng.range(1, 12)
                );
            }
            12 => {
                // a representative: a member of the body, without a title
                let guest = self.any_foreigner(rng);
                let body = rng.pick(&self.vocab.international);
                let named = match &body.acronym {
                    Some(acronym) => format!("{} ({acronym})", body.name),
                    None => body.name.clone(),
                };
                let _ = write!(
                    out,
                    "Ông {}, đại diện {named}, cho biết tổ chức sẵn sàng hỗ trợ Việt Nam về {topic}.",
                    guest.name
                );
            }
            13 => {
                // a signing ceremony: an event about a document
                let org = self.any_organization(rng);
                let doc = self.document_name(rng, year);
                let _ = write!(
                    out,
                    "{short_date}, {} tổ chức Lễ ký kết {doc} tại {}.",
                    org.name,
                    self.venue(rng)
                );
            }
            _ => Self::filler_sentence(rng, year, topic, out),
        }
    }

    /// A sentence with numbers and no named entity.
    fn filler_sentence(rng: &mut SplitMix64, year: usize, topic: &str, out: &mut String) {
        let _ = match rng.below(5) {
            0 => write!(
                out,
                "Năm {year}, tổng kim ngạch xuất khẩu đạt {},{} tỷ USD, tăng {}% so với cùng kỳ.",
                rng.range(2, 90),
                rng.range(1, 9),
                rng.range(2, 25)
            ),
            1 => write!(
                out,
                "Các đại biểu đã thảo luận nhiều giải pháp nhằm nâng cao hiệu quả {topic} trong giai đoạn mới."
            ),
            2 => write!(
                out,
                "Theo số liệu thống kê, đã có khoảng {} lượt người được hỗ trợ trong {} tháng đầu năm.",
                rng.range(1000, 90000),
                rng.range(2, 11)
            ),
            3 => write!(
                out,
                "Nhiều ý kiến cho rằng cần tiếp tục hoàn thiện thể chế, tháo gỡ khó khăn cho doanh nghiệp."
            ),
            _ => write!(
                out,
                "Dự kiến đến cuối năm, tỷ lệ hoàn thành kế hoạch về {topic} sẽ đạt trên {}%.",
                rng.range(60, 99)
            ),
        };
    }

    fn headline(&self, rng: &mut SplitMix64, year: usize) -> String {
        match rng.below(3) {
            0 => {
                let p = self.any_official(rng);
                format!("{} {} làm việc về {}", p.title, p.name, rng.pick(TOPICS))
            }
            1 => format!("Khai mạc {}", self.event(rng, year).name),
            _ => format!(
                "Việt Nam và {} thúc đẩy hợp tác {}",
                rng.pick(&self.vocab.countries),
                rng.pick(TOPICS)
            ),
        }
    }

    /// The text of article `index`: furniture, headline, lead, body
    /// paragraphs, credits, then related stories and a footer.
    pub fn article(&self, index: u64) -> String {
        let mut rng = SplitMix64::for_item(self.seed, STREAM_ARTICLE, index);
        let year = rng.range(2020, 2025);
        let mut out = String::with_capacity(4096);
        // Menu: one item per line, or a breadcrumb.
        if rng.chance(0.5) {
            for _ in 0..rng.range(3, 7) {
                out.push_str(rng.pick_word(MENU_ITEMS));
                out.push('\n');
            }
        } else {
            let _ = writeln!(
                out,
                "Trang chủ > {} > {}",
                rng.pick(MENU_ITEMS),
                rng.pick(MENU_ITEMS)
            );
        }
        let _ = writeln!(
            out,
            "Thứ {}, {:02}/{:02}/{year} {:02}:{:02} (GMT+7)\n",
            rng.range(2, 7),
            rng.range(1, 28),
            rng.range(1, 12),
            rng.range(6, 22),
            rng.range(0, 59)
        );
        out.push_str(&self.headline(&mut rng, year));
        out.push_str("\n\n");
        for paragraph in 0..rng.range(5, 12) {
            for s in 0..rng.range(1, 4) {
                if s > 0 {
                    out.push(' ');
                }
                self.sentence(&mut rng, year, &mut out);
            }
            out.push_str("\n\n");
            if paragraph == 1 && rng.chance(0.4) {
                let _ = writeln!(out, "anh-{index}-{}.jpg\n", rng.range(1, 9));
            }
        }
        let reporter = self.vietnamese_name(&mut rng);
        let _ = writeln!(out, "{reporter}\n");
        let _ = writeln!(
            out,
            "{}\n",
            rng.pick(&[
                "Tin cùng chuyên mục",
                "Tin liên quan",
                "Có thể bạn quan tâm"
            ])
        );
        for _ in 0..rng.range(3, 6) {
            out.push_str(&self.headline(&mut rng, year));
            out.push_str("\n\n");
        }
        let _ = writeln!(
            out,
            "Từ khóa: {}, {}\n",
            rng.pick(TOPICS),
            rng.pick(&self.vocab.provinces)
        );
        let _ = writeln!(
            out,
            "© {year} {}. Ghi rõ nguồn khi phát hành lại thông tin từ website này.",
            rng.pick(OUTLETS)
        );
        let _ = writeln!(
            out,
            "Đường dây nóng: 0{} {} {}",
            rng.range(200, 999),
            rng.range(100, 999),
            rng.range(1000, 9999)
        );
        out
    }
}

/// What [`write_corpus`] wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CorpusSize {
    pub articles: u64,
    pub bytes: u64,
}

/// Writes articles 0, 1, ... under `dir` until at least `target_bytes` of
/// text are written.
pub fn write_corpus(
    generator: &ArticleGenerator,
    dir: &Path,
    target_bytes: u64,
) -> io::Result<CorpusSize> {
    let mut size = CorpusSize {
        articles: 0,
        bytes: 0,
    };
    while size.bytes < target_bytes {
        let path = dir.join(ArticleGenerator::article_path(size.articles));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let text = generator.article(size.articles);
        fs::File::create(&path)?.write_all(text.as_bytes())?;
        size.articles += 1;
        size.bytes += text.len() as u64;
    }
    Ok(size)
}

/// The first articles of `generator` adding up to at least `target_bytes`,
/// as (name, text) pairs, for benchmarks that run in memory.
pub fn articles_in_memory(
    generator: &ArticleGenerator,
    target_bytes: u64,
) -> Vec<(String, String)> {
    let mut articles = Vec::new();
    let mut bytes = 0u64;
    let mut index = 0u64;
    while bytes < target_bytes {
        let text = generator.article(index);
        bytes += text.len() as u64;
        articles.push((
            ArticleGenerator::article_path(index)
                .to_string_lossy()
                .into_owned(),
            text,
        ));
        index += 1;
    }
    articles
}
