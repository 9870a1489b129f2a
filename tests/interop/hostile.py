"""A hostile corpus: short Vietnamese-style articles (invented people and
bodies) whose names, sentences and file names hold what breaks exporters and
their readers: quotes, `&`, `<>`, `\\`, `;`, emoji, NFD letters, U+2028 and
U+2029 and a lone CR inside sentences, a line break in a file name, cells starting with `=`, and a year
("2019") that a loader might take for a number.

`write_hostile_corpus(folder)` writes it; conftest.py's `hostile_export`
fixture runs kgexport over it. Other test files import this module too."""
import pathlib
import unicodedata


def nfd(text):
    return unicodedata.normalize("NFD", text)


# file name -> text. Extraction keeps names to letters, digits and a few
# joiners (`&`, `'`, `/`, `-`) and makes them NFC, so most hostile characters
# reach the exports through the evidence sentences and the file names
# (sources cells, source IRIs).
ARTICLES = {
    'tin "Sao & Trăng" <1>.txt': (
        'Công ty "Sao & Trăng" ký thỏa thuận với Tập đoàn Biển Xanh\n\n'
        'Ngày 12/3/2019, Tổng Giám đốc Công ty TNHH Sao&Trăng D\'Or Phạm Văn Kiên đã ký thỏa thuận '
        'hợp tác với Tập đoàn Biển Xanh tại Hà Nội.\u2028Lễ ký có sự tham dự của Bộ trưởng '
        'Bộ Công an Tô Minh Hòa (mã A\\B; 😀 <1> & <= 2 "x").\n\n'
        'Ông Phạm Văn Kiên cho biết hai bên sẽ hợp tác trong năm 2019.\u2029Bà Lại Thị Ngân, '
        'Phó Tổng Giám đốc Tập đoàn Biển Xanh, cũng dự lễ ký.\n'),
    'a\\b;c 😀.txt': (
        'Hội nghị "Mạng; An toàn \\ 😀" khai mạc tại Đà Nẵng\n\n'
        'Ngày 5/6/2024, Thứ trưởng Bộ Thông tin và Truyền thông Vũ Đức Thọ (mã C:\\tin\\; 😀 '
        '<b> & "y") dự Hội nghị Mạng tại Đà Nẵng.\rÔng Vũ Đức Thọ phát biểu tại Hội nghị.\n\n'
        'Ông Vũ Đức Thọ cho biết Hội nghị "Mạng; An toàn \\ 😀" có 300 đại biểu.\n'),
    nfd("Lương Thị Ánh ở Huế.txt"): nfd(
        'Bí thư Tỉnh ủy Thừa Thiên Huế Lương Thị Ánh thăm Lào\n\n'
        'Ngày 20/11/2023, Bí thư Tỉnh ủy Thừa Thiên Huế Lương Thị Ánh đã có chuyến thăm '
        'chính thức Lào.\n\n'
        'Bà Lương Thị Ánh gặp Đại sứ Việt Nam tại Lào Trịnh Quốc Bảo.\n'),
    "tin\nhai dòng.txt": (
        'Lễ ra mắt Hội Cờ Tướng\n\n'
        'Ngày 8/8/2021, Chủ tịch Hội Cờ Tướng Việt Nam Hà Văn Sơn dự Lễ ra mắt tại Hải Phòng.\n'),
    "=SUM(A1)+1.txt": (
        '=HYPERLINK("x") và Ủy ban Nhân dân tỉnh Bắc Ninh\n\n'
        'Ngày 2/1/2022, Chủ tịch Ủy ban Nhân dân tỉnh Bắc Ninh Đỗ Hữu Tài nói: =SUM(A1) và '
        'dự Lễ khởi công Nhà máy "=Tân & Phú" tại Bắc Ninh.\n\n'
        'Ông Đỗ Hữu Tài cho biết nhà máy sẽ hoạt động từ năm 2019.\n\n'
        'Bộ trưởng Bộ Công an Tô Minh Hòa ký Nghị định số 13/2023/NĐ-CP về dữ liệu.\n'),
}


def write_hostile_corpus(folder):
    """Writes the hostile articles into `folder` (created if needed) and
    returns it as a Path."""
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        # newline="" keeps the lone CR a lone CR
        with open(folder / name, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return folder
