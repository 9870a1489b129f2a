//! Extraction tests on sentences written for them (made-up people and
//! bodies, other topics than the sample corpus).

use super::*;
use crate::graph::{NodeKind, Relation};
use crate::segment::segment;

fn run(text: &str) -> DocFacts {
    let text = crate::normalize::normalize(text);
    let sentences = segment(&text);
    extract(0, &text, &sentences)
}

fn entity<'a>(facts: &'a DocFacts, kind: NodeKind, label: &str) -> Option<&'a Entity> {
    facts
        .entities
        .iter()
        .find(|e| e.kind == kind && e.label == label)
}

fn has(facts: &DocFacts, kind: NodeKind, label: &str) -> bool {
    entity(facts, kind, label).is_some()
}

fn labels(facts: &DocFacts, kind: NodeKind) -> Vec<&str> {
    facts
        .entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.label.as_str())
        .collect()
}

fn rel(facts: &DocFacts, s: &str, r: Relation, o: &str) -> bool {
    facts.facts.iter().any(|f| {
        f.relation == r
            && facts.entities[f.subject].label == s
            && facts.entities[f.object].label == o
    })
}

fn dump(facts: &DocFacts) -> String {
    let mut out = String::new();
    for e in &facts.entities {
        out += &format!("{:?} {:?} {:?}\n", e.kind, e.label, e.aliases);
    }
    for f in &facts.facts {
        out += &format!(
            "{} -{}-> {}\n",
            facts.entities[f.subject].label, f.relation, facts.entities[f.object].label
        );
    }
    out
}

#[test]
fn title_with_ministry_before_a_name() {
    let f = run("Bộ trưởng Bộ Y tế Trịnh Minh Khang đã thăm Bệnh viện Đa khoa tỉnh Sơn La.");
    let d = dump(&f);
    assert!(has(&f, NodeKind::Person, "Trịnh Minh Khang"), "{d}");
    assert!(has(&f, NodeKind::Organization, "Bộ Y tế"), "{d}");
    assert!(
        rel(
            &f,
            "Trịnh Minh Khang",
            Relation::HoldsRole,
            "Bộ trưởng Bộ Y tế"
        ),
        "{d}"
    );
    assert!(
        rel(&f, "Bộ trưởng Bộ Y tế", Relation::RoleIn, "Bộ Y tế"),
        "{d}"
    );
    let role = entity(&f, NodeKind::Role, "Bộ trưởng Bộ Y tế").unwrap();
    assert_eq!(
        role.label_en.as_deref(),
        Some("Minister, Ministry of Health")
    );
}

#[test]
fn chain_of_titles_before_a_name_and_rank() {
    let f = run("Thượng tướng Hoàng Quốc Vĩnh, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng dự buổi gặp mặt.");
    let d = dump(&f);
    let p = "Hoàng Quốc Vĩnh";
    assert!(rel(&f, p, Relation::HoldsRole, "Thượng tướng"), "{d}");
    assert!(
        rel(&f, p, Relation::HoldsRole, "Ủy viên Trung ương Đảng"),
        "{d}"
    );
    assert!(
        rel(&f, p, Relation::HoldsRole, "Thứ trưởng Bộ Quốc phòng"),
        "{d}"
    );
    assert!(
        rel(
            &f,
            "Thứ trưởng Bộ Quốc phòng",
            Relation::RoleIn,
            "Bộ Quốc phòng"
        ),
        "{d}"
    );
    // a rank belongs to no body
    assert!(
        !f.facts.iter().any(
            |x| x.relation == Relation::RoleIn && f.entities[x.subject].label == "Thượng tướng"
        ),
        "{d}"
    );
}

#[test]
fn titles_in_apposition_after_a_foreign_name() {
    let f = run("Bà Ingrid Solberg-Haugen, Giám đốc Điều hành Quỹ Nhi đồng Liên hợp quốc (UNICEF), Đại sứ thiện chí, đánh giá cao chương trình.");
    let d = dump(&f);
    let p = "Ingrid Solberg-Haugen";
    assert!(has(&f, NodeKind::Person, p), "{d}");
    assert!(
        rel(
            &f,
            p,
            Relation::HoldsRole,
            "Giám đốc Điều hành Quỹ Nhi đồng Liên hợp quốc"
        ),
        "{d}"
    );
    assert!(
        rel(
            &f,
            "Quỹ Nhi đồng Liên hợp quốc",
            Relation::PartOf,
            "Liên hợp quốc"
        ) || !has(&f, NodeKind::Organization, "Liên hợp quốc"),
        "{d}"
    );
    let unicef = entity(&f, NodeKind::Organization, "Quỹ Nhi đồng Liên hợp quốc").unwrap();
    assert!(unicef.aliases.iter().any(|a| a == "UNICEF"), "{d}");
}

#[test]
fn several_titles_and_a_country() {
    let f = run("Tổng Bí thư, Chủ tịch nước Cuba Alejandro Ruiz Montero đã hội đàm với lãnh đạo hai nước. Phó Tổng thống Peru Carla Mendoza phát biểu.");
    let d = dump(&f);
    assert!(
        rel(
            &f,
            "Alejandro Ruiz Montero",
            Relation::HoldsRole,
            "Tổng Bí thư"
        ),
        "{d}"
    );
    assert!(
        rel(
            &f,
            "Alejandro Ruiz Montero",
            Relation::HoldsRole,
            "Chủ tịch nước Cuba"
        ),
        "{d}"
    );
    assert!(
        rel(&f, "Chủ tịch nước Cuba", Relation::RoleIn, "Cuba"),
        "{d}"
    );
    assert!(
        rel(
            &f,
            "Carla Mendoza",
            Relation::HoldsRole,
            "Phó Tổng thống Peru"
        ),
        "{d}"
    );
    assert!(
        rel(&f, "Phó Tổng thống Peru", Relation::RoleIn, "Peru"),
        "{d}"
    );
}

#[test]
fn former_titles_and_honorifics_are_not_names() {
    let f = run("Ông Đặng Văn Thắng, nguyên Chủ tịch UBND tỉnh Kon Tum, bị khởi tố. Đồng chí Mai Thị Hạnh phát biểu.");
    let d = dump(&f);
    assert!(has(&f, NodeKind::Person, "Đặng Văn Thắng"), "{d}");
    assert!(has(&f, NodeKind::Person, "Mai Thị Hạnh"), "{d}");
    assert!(
        rel(
            &f,
            "Đặng Văn Thắng",
            Relation::HoldsRole,
            "Chủ tịch UBND tỉnh Kon Tum"
        ),
        "{d}"
    );
    assert!(has(&f, NodeKind::Organization, "UBND tỉnh Kon Tum"), "{d}");
    assert!(
        !labels(&f, NodeKind::Person)
            .iter()
            .any(|p| p.starts_with("Ông") || p.starts_with("Đồng")),
        "{d}"
    );
}

#[test]
fn organisations_from_heads_with_acronyms_and_short_forms() {
    let f = run("Trung tâm Nghiên cứu Biển và Hải đảo (CMIR) phối hợp với Tập đoàn Dầu khí Việt Nam. Viện Khoa học Thủy lợi miền Nam (gọi tắt là SIWRR) cũng tham gia, CMIR cho biết.");
    let d = dump(&f);
    let c = entity(
        &f,
        NodeKind::Organization,
        "Trung tâm Nghiên cứu Biển và Hải đảo",
    )
    .expect(&d);
    assert!(c.aliases.iter().any(|a| a == "CMIR"), "{d}");
    assert!(
        c.evidence.len() >= 2,
        "the later CMIR is the same body: {d}"
    );
    assert!(
        has(&f, NodeKind::Organization, "Tập đoàn Dầu khí Việt Nam"),
        "{d}"
    );
    let v = entity(
        &f,
        NodeKind::Organization,
        "Viện Khoa học Thủy lợi miền Nam",
    )
    .expect(&d);
    assert!(v.aliases.iter().any(|a| a == "SIWRR"), "{d}");
}

#[test]
fn known_bodies_and_their_parents() {
    let f =
        run("Đại diện Chương trình Phát triển LHQ và Hội đồng Bảo an Liên Hiệp Quốc đã có mặt.");
    let d = dump(&f);
    assert!(
        has(
            &f,
            NodeKind::Organization,
            "Chương trình Phát triển Liên hợp quốc"
        ),
        "{d}"
    );
    assert!(
        rel(
            &f,
            "Hội đồng Bảo an Liên hợp quốc",
            Relation::PartOf,
            "Liên hợp quốc"
        ) || !has(&f, NodeKind::Organization, "Liên hợp quốc"),
        "{d}"
    );
    let org = entity(
        &f,
        NodeKind::Organization,
        "Chương trình Phát triển Liên hợp quốc",
    )
    .unwrap();
    assert_eq!(
        org.label_en.as_deref(),
        Some("United Nations Development Programme")
    );
}

#[test]
fn events_with_date_place_and_organiser() {
    let f = run("Sáng 12/3/2024, tại Trung tâm Hội nghị tỉnh Bình Định, Phó Thủ tướng Lê Quang Duy chủ trì Hội nghị xúc tiến đầu tư vào Khu kinh tế Nhơn Hội.");
    let d = dump(&f);
    assert!(has(&f, NodeKind::Date, "2024-03-12"), "{d}");
    let ev = labels(&f, NodeKind::Event);
    let conf = ev
        .iter()
        .find(|e| e.starts_with("Hội nghị xúc tiến đầu tư"))
        .expect(&d);
    assert!(rel(&f, conf, Relation::Date, "2024-03-12"), "{d}");
    assert!(rel(&f, conf, Relation::OrganizedBy, "Lê Quang Duy"), "{d}");
    assert!(
        rel(&f, "Lê Quang Duy", Relation::ParticipatedIn, conf),
        "{d}"
    );
    assert!(
        f.facts
            .iter()
            .any(|x| x.relation == Relation::Location && f.entities[x.subject].label == *conf),
        "{d}"
    );
}

#[test]
fn signing_ceremony_about_a_treaty_and_its_short_forms() {
    let text = "Chiều 8/11/2023, Lễ ký Hiệp định Thương mại tự do Việt Nam - Israel diễn ra tại Jerusalem.\n\
                Lễ ký do Bộ Công Thương tổ chức. Hiệp định có hiệu lực từ năm 2024.";
    let f = run(text);
    let d = dump(&f);
    let docs = labels(&f, NodeKind::Document);
    let fta = docs
        .iter()
        .find(|x| x.starts_with("Hiệp định Thương mại tự do"))
        .expect(&d);
    let events = labels(&f, NodeKind::Event);
    let signing = events
        .iter()
        .find(|x| x.starts_with("Lễ ký Hiệp định"))
        .expect(&d);
    assert_eq!(
        events.len(),
        1,
        "the later bare 'Lễ ký' is the same event: {d}"
    );
    assert!(rel(&f, signing, Relation::About, fta), "{d}");
    assert!(
        rel(&f, signing, Relation::OrganizedBy, "Bộ Công Thương"),
        "{d}"
    );
    assert!(rel(&f, signing, Relation::Date, "2023-11-08"), "{d}");
    assert_eq!(docs.len(), 1, "{d}");
    assert!(has(&f, NodeKind::Date, "2024"), "{d}");
}

#[test]
fn sessions_are_part_of_their_conference() {
    let f = run("Bộ trưởng Ngoại giao Hà Lan Pieter de Groot phát biểu tại Phiên khai mạc Hội nghị cấp cao ASEAN về biến đổi khí hậu.");
    let d = dump(&f);
    let events = labels(&f, NodeKind::Event);
    let session = events
        .iter()
        .find(|e| e.starts_with("Phiên khai mạc"))
        .expect(&d);
    let summit = events
        .iter()
        .find(|e| e.starts_with("Hội nghị cấp cao"))
        .expect(&d);
    assert!(rel(&f, session, Relation::PartOf, summit), "{d}");
    assert!(
        rel(&f, "Pieter de Groot", Relation::ParticipatedIn, session)
            || has(&f, NodeKind::Person, "Pieter"),
        "{d}"
    );
}

#[test]
fn reception_named_by_its_participants() {
    let f = run("Chiều 4/6/2025, tại Phủ Chủ tịch, Phó Chủ tịch nước Võ Thị Lan tiếp Đại sứ Chile Ricardo Fuentes.");
    let d = dump(&f);
    let events = labels(&f, NodeKind::Event);
    let visit = events
        .iter()
        .find(|e| e.contains("tiếp Đại sứ Chile Ricardo Fuentes"))
        .expect(&d);
    assert!(rel(&f, visit, Relation::OrganizedBy, "Võ Thị Lan"), "{d}");
    assert!(
        rel(&f, "Ricardo Fuentes", Relation::ParticipatedIn, visit),
        "{d}"
    );
    assert!(rel(&f, visit, Relation::Date, "2025-06-04"), "{d}");
    assert!(rel(&f, visit, Relation::Location, "Phủ Chủ tịch"), "{d}");
}

#[test]
fn dates_take_the_dateline_year() {
    let f = run(" date 2022-05-20 Tin thể thao\n\nTối 19/5, Lễ khai mạc SEA Games được tổ chức tại Sân vận động Quốc gia Mỹ Đình.");
    let d = dump(&f);
    assert!(has(&f, NodeKind::Date, "2022-05-19"), "{d}");
    assert!(
        has(&f, NodeKind::Place, "Sân vận động Quốc gia Mỹ Đình"),
        "{d}"
    );
}

#[test]
fn member_of_a_body_without_title() {
    let f =
        run("Ông Tomas Lindqvist, đại diện Ngân hàng Thế giới (WB), cho biết dự án sẽ hoàn thành.");
    let d = dump(&f);
    assert!(
        rel(
            &f,
            "Tomas Lindqvist",
            Relation::MemberOf,
            "Ngân hàng Thế giới"
        ),
        "{d}"
    );
}

#[test]
fn court_and_province_bodies() {
    let f = run("Thẩm phán Nguyễn Hữu Phước, Chánh án TAND tỉnh Hưng Yên, chủ tọa phiên tòa xét xử bị cáo Lò Văn Sáng.");
    let d = dump(&f);
    assert!(
        rel(
            &f,
            "Nguyễn Hữu Phước",
            Relation::HoldsRole,
            "Chánh án TAND tỉnh Hưng Yên"
        ),
        "{d}"
    );
    assert!(
        rel(
            &f,
            "Chánh án TAND tỉnh Hưng Yên",
            Relation::RoleIn,
            "TAND tỉnh Hưng Yên"
        ),
        "{d}"
    );
    assert!(has(&f, NodeKind::Person, "Lò Văn Sáng"), "{d}");
}

#[test]
fn variant_spellings_of_one_person_are_one_entity() {
    let f = run("Ông Joaquín Alves phát biểu. Sau đó ông Joaquin Alves trả lời báo chí. Ông Alves cũng cảm ơn.");
    let d = dump(&f);
    assert_eq!(labels(&f, NodeKind::Person), ["Joaquín Alves"], "{d}");
}

#[test]
fn furniture_is_skipped_and_nothing_panics() {
    for text in [
        "",
        "(",
        "Lễ",
        "Bộ trưởng",
        "ngày 31/2/2024",
        "Ông",
        "\u{0301}",
        "Công ước (",
        "X tiếp",
    ] {
        let _ = run(text);
    }
}

#[test]
fn adoption_of_a_document_active_passive_and_implicit() {
    let text = "Hiệp ước Bảo vệ rừng nhiệt đới (gọi tắt là Hiệp ước Manaus) được Liên minh châu Phi khởi xướng từ năm 2017.\n\
                Sau 4 năm, Quốc hội Brazil đã thông qua vào ngày 3/9/2021.\n\
                Việc Hiệp ước được thông qua là bước tiến lớn.";
    let f = run(text);
    let d = dump(&f);
    let events = labels(&f, NodeKind::Event);
    let launch = events
        .iter()
        .find(|e| e.starts_with("Liên minh châu Phi khởi xướng"))
        .expect(&d);
    assert!(
        rel(&f, launch, Relation::OrganizedBy, "Liên minh châu Phi"),
        "{d}"
    );
    assert!(rel(&f, launch, Relation::Date, "2017"), "{d}");
    let doc = labels(&f, NodeKind::Document);
    assert_eq!(doc.len(), 1, "{d}");
    assert!(rel(&f, launch, Relation::About, doc[0]), "{d}");
    let adoption = events
        .iter()
        .find(|e| e.contains("thông qua Hiệp ước"))
        .expect(&d);
    assert!(rel(&f, adoption, Relation::Date, "2021-09-03"), "{d}");
    let e = entity(&f, NodeKind::Event, "thông qua Hiệp ước");
    assert!(
        e.is_none() || e.unwrap().aliases.iter().any(|a| a.contains("Bảo vệ rừng")),
        "{d}"
    );
}

#[test]
fn court_hearing_presided_and_attended() {
    let text =
        "Sáng 9/10/2024, TAND tỉnh Quảng Nam mở phiên tòa sơ thẩm xét xử bị cáo Đào Văn Tiến.\n\
                Thẩm phán Lê Thị Hoa làm chủ tọa phiên tòa.\n\
                Phát biểu tại phiên tòa, đại diện VKSND tỉnh Quảng Nam đề nghị mức án 12 năm tù.";
    let f = run(text);
    let d = dump(&f);
    let events = labels(&f, NodeKind::Event);
    assert_eq!(events.len(), 1, "{d}");
    let hearing = events[0];
    assert!(rel(&f, hearing, Relation::OrganizedBy, "Lê Thị Hoa"), "{d}");
    assert!(
        rel(
            &f,
            "VKSND tỉnh Quảng Nam",
            Relation::ParticipatedIn,
            hearing
        ),
        "{d}"
    );
    let court = entity(&f, NodeKind::Organization, "TAND tỉnh Quảng Nam").expect(&d);
    assert!(
        court
            .aliases
            .iter()
            .any(|a| a == "Tòa án nhân dân tỉnh Quảng Nam"),
        "{d}"
    );
}

#[test]
fn hosts_guests_and_those_who_came_along() {
    let text = "Sáng 2/4/2025, Lễ khai mạc và Hội nghị thượng đỉnh Mekong - Lan Thương được tổ chức tại Nhà hát Lớn Hà Nội.\n\
                Phó Chủ tịch nước Hà Minh Châu chủ trì buổi lễ.\n\
                Cùng dự có Bộ trưởng Bộ Tư pháp Đinh Quốc Thái; Thứ trưởng Bộ Ngoại giao Vũ Thị Mai.";
    let f = run(text);
    let d = dump(&f);
    let events = labels(&f, NodeKind::Event);
    let opening = events
        .iter()
        .find(|e| e.starts_with("Lễ khai mạc"))
        .expect(&d);
    let summit = events
        .iter()
        .find(|e| e.starts_with("Hội nghị thượng đỉnh"))
        .expect(&d);
    // the coordinated events share their object, date and place
    assert!(opening.contains("Mekong"), "{d}");
    for ev in [opening, summit] {
        assert!(rel(&f, ev, Relation::Date, "2025-04-02"), "{d}");
        assert!(
            f.facts
                .iter()
                .any(|x| x.relation == Relation::Location && f.entities[x.subject].label == **ev),
            "{d}"
        );
    }
    // "buổi lễ" is the ceremony named before
    assert!(
        rel(&f, opening, Relation::OrganizedBy, "Hà Minh Châu"),
        "{d}"
    );
    assert!(
        rel(&f, "Hà Minh Châu", Relation::ParticipatedIn, opening),
        "{d}"
    );
    // "Cùng dự có": everyone listed took part in it
    assert!(
        rel(&f, "Đinh Quốc Thái", Relation::ParticipatedIn, opening),
        "{d}"
    );
    assert!(
        rel(&f, "Vũ Thị Mai", Relation::ParticipatedIn, opening),
        "{d}"
    );
}

#[test]
fn sessions_run_by_and_within_the_frame_of_an_event() {
    let text = "Trong khuôn khổ Diễn đàn Kinh tế Mùa thu 2023 sẽ có Phiên thảo luận toàn thể do Thống đốc Ngân hàng Nhà nước Việt Nam Đặng Thị Hằng cùng Giám đốc Quỹ Tiền tệ Quốc tế Paolo Conti đồng điều hành.";
    let f = run(text);
    let d = dump(&f);
    let events = labels(&f, NodeKind::Event);
    let plenary = events
        .iter()
        .find(|e| e.starts_with("Phiên thảo luận toàn thể"))
        .expect(&d);
    assert!(
        rel(&f, plenary, Relation::OrganizedBy, "Đặng Thị Hằng"),
        "{d}"
    );
    assert!(
        rel(&f, plenary, Relation::OrganizedBy, "Paolo Conti"),
        "{d}"
    );
    assert!(
        rel(&f, "Paolo Conti", Relation::ParticipatedIn, plenary),
        "{d}"
    );
    assert!(
        rel(
            &f,
            "Paolo Conti",
            Relation::HoldsRole,
            "Giám đốc Quỹ Tiền tệ Quốc tế"
        ),
        "{d}"
    );
    let forum = events
        .iter()
        .find(|e| e.starts_with("Diễn đàn Kinh tế"))
        .expect(&d);
    assert!(rel(&f, plenary, Relation::PartOf, forum), "{d}");
}

#[test]
fn fronted_participle_and_meeting_with() {
    let text = "Chiều 6/5/2024, Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên có cuộc hội đàm với Bộ trưởng Thương mại Singapore Lim Wei Ling tại Hà Nội.\n\
                Phát biểu tại buổi hội đàm, ông Lim Wei Ling cảm ơn Việt Nam.";
    let f = run(text);
    let d = dump(&f);
    let events = labels(&f, NodeKind::Event);
    let talks = events.iter().find(|e| e.contains("hội đàm với")).expect(&d);
    assert!(
        rel(&f, talks, Relation::OrganizedBy, "Nguyễn Hồng Diên"),
        "{d}"
    );
    assert!(
        rel(&f, "Lim Wei Ling", Relation::ParticipatedIn, talks),
        "{d}"
    );
    assert!(rel(&f, talks, Relation::Date, "2024-05-06"), "{d}");
    assert!(rel(&f, talks, Relation::Location, "Hà Nội"), "{d}");
}

#[test]
fn evidence_points_at_the_mention_and_facts_keep_their_sentence() {
    let text = "Tin thể thao\n\nĐại tá Phùng Văn Khải, Giám đốc Công an tỉnh Lạng Sơn, phát biểu.";
    let norm = crate::normalize::normalize(text);
    let f = run(text);
    let d = dump(&f);
    let person = entity(&f, NodeKind::Person, "Phùng Văn Khải").expect(&d);
    let ev = person.evidence[0];
    assert_eq!(&norm[ev.start as usize..ev.end as usize], "Phùng Văn Khải");
    assert!(ev.confidence > 0.0 && ev.confidence <= 1.0);
    let fact = f
        .facts
        .iter()
        .find(|x| x.relation == Relation::HoldsRole)
        .expect(&d);
    assert!(fact.sentence.contains("Phùng Văn Khải"), "{d}");
    assert!(
        rel(
            &f,
            "Phùng Văn Khải",
            Relation::HoldsRole,
            "Giám đốc Công an tỉnh Lạng Sơn"
        ),
        "{d}"
    );
    assert!(
        rel(&f, "Phùng Văn Khải", Relation::HoldsRole, "Đại tá"),
        "{d}"
    );
}

#[test]
fn output_is_deterministic() {
    let text =
        "Tổng Thư ký ASEAN Kao Minh Hòa tiếp Đại sứ Ba Lan Jan Nowak tại Jakarta ngày 3/3/2023.";
    assert_eq!(run(text), run(text));
}

#[test]
fn city_bodies_given_names_and_numbered_events() {
    let text = "Sáng 15/1/2025, UBND TP.HCM tổ chức lễ khởi công tuyến metro số 2 Bến Thành - Tham Lương.\n\
                Giám đốc Sở Giao thông vận tải TP.HCM Trần Quang Lâm cho biết dự án do Ngân hàng Phát triển châu Á (ADB) tài trợ. Theo ông Lâm, dự án hoàn thành năm 2030.\n\
                Dự lễ có đại diện Đại sứ quán Đức tại Việt Nam.";
    let f = run(text);
    let d = dump(&f);
    assert_eq!(
        labels(&f, NodeKind::Person),
        ["Trần Quang Lâm"],
        "'ông Lâm' is him: {d}"
    );
    let role = labels(&f, NodeKind::Role);
    assert!(
        role.iter()
            .any(|r| r.starts_with("Giám đốc Sở Giao thông vận tải")),
        "{d}"
    );
    let works = labels(&f, NodeKind::Event);
    let ground = works
        .iter()
        .find(|e| e.starts_with("Lễ khởi công tuyến metro số 2"))
        .expect(&d);
    assert!(ground.ends_with("Bến Thành - Tham Lương"), "{d}");
    assert!(rel(&f, ground, Relation::Date, "2025-01-15"), "{d}");
    let city = labels(&f, NodeKind::Organization);
    let ubnd = city.iter().find(|o| o.starts_with("UBND")).expect(&d);
    assert!(rel(&f, ground, Relation::OrganizedBy, ubnd), "{d}");
    assert!(has(&f, NodeKind::Organization, "Đại sứ quán Đức"), "{d}");
    assert!(
        has(&f, NodeKind::Organization, "Ngân hàng Phát triển châu Á"),
        "{d}"
    );
}

#[test]
fn sessions_named_by_their_topics_in_quotes() {
    let text = "Trong khuôn khổ Diễn đàn Nông nghiệp Xanh 2026 sẽ có chuỗi hội thảo về các chủ đề “Lúa gạo phát thải thấp;” “Chuyển đổi số trong hợp tác xã,” và nhiều hoạt động khác.";
    let f = run(text);
    let d = dump(&f);
    let forum = labels(&f, NodeKind::Event)
        .into_iter()
        .find(|e| e.starts_with("Diễn đàn Nông nghiệp Xanh"))
        .expect(&d)
        .to_string();
    assert!(
        rel(&f, "Lúa gạo phát thải thấp", Relation::PartOf, &forum),
        "{d}"
    );
    assert!(
        rel(
            &f,
            "Chuyển đổi số trong hợp tác xã",
            Relation::PartOf,
            &forum
        ),
        "{d}"
    );
    // a theme in quotes is no session
    let f = run("Hội nghị Thanh niên Sáng tạo diễn ra với chủ đề “Tuổi trẻ tiên phong”.");
    assert!(
        !has(&f, NodeKind::Event, "Tuổi trẻ tiên phong"),
        "{}",
        dump(&f)
    );
}

#[test]
fn provincial_leaders_and_anniversaries() {
    let text = "Ngày 2/9/2024, Chủ tịch UBND tỉnh Trịnh Văn Lực dự Lễ kỷ niệm 50 năm Ngày thành lập trường tại TP Vinh.\n\
                Đại sứ Việt Nam tại Pháp Đinh Toàn Thắng cũng có mặt tại buổi lễ.";
    let f = run(text);
    let d = dump(&f);
    assert!(has(&f, NodeKind::Person, "Trịnh Văn Lực"), "{d}");
    assert!(
        rel(
            &f,
            "Trịnh Văn Lực",
            Relation::HoldsRole,
            "Chủ tịch UBND tỉnh"
        ),
        "{d}"
    );
    assert!(
        rel(
            &f,
            "Đinh Toàn Thắng",
            Relation::HoldsRole,
            "Đại sứ Việt Nam tại Pháp"
        ),
        "{d}"
    );
    let events = labels(&f, NodeKind::Event);
    let anniversary = events
        .iter()
        .find(|e| e.starts_with("Lễ kỷ niệm 50 năm"))
        .expect(&d);
    assert!(
        rel(&f, "Trịnh Văn Lực", Relation::ParticipatedIn, anniversary),
        "{d}"
    );
    assert!(
        rel(&f, "Đinh Toàn Thắng", Relation::ParticipatedIn, anniversary),
        "{d}"
    );
    assert!(rel(&f, anniversary, Relation::Location, "Vinh"), "{d}");
}

#[test]
fn streets_and_lakes_named_after_people_are_places() {
    let f = run("Ông Hồ Văn Tâm đi bộ quanh hồ Hoàn Kiếm rồi về nhà trên đường Lê Lợi ở thành phố Quy Nhơn.");
    let d = dump(&f);
    assert_eq!(labels(&f, NodeKind::Person), ["Hồ Văn Tâm"], "{d}");
    assert!(has(&f, NodeKind::Place, "hồ Hoàn Kiếm"), "{d}");
    assert!(has(&f, NodeKind::Place, "đường Lê Lợi"), "{d}");
    // a city's name is the place, "thành phố" is not part of it
    let city = entity(&f, NodeKind::Place, "Quy Nhơn").expect(&d);
    assert!(
        city.aliases.iter().any(|a| a == "thành phố Quy Nhơn"),
        "{d}"
    );
}

#[test]
fn dateline_markers_fit_the_folded_head() {
    let words = crate::lexicon::lexicon().dateline_words();
    assert!(words.markers.contains(&"thứ ") && words.markers.contains(&"cập nhật"));
    assert!(words.stamp_words.contains("gmt") && words.markers.len() == 7);
    assert!(words
        .markers
        .iter()
        .all(|m| m.len() <= super::DATELINE_MARKER_CHARS));
}
