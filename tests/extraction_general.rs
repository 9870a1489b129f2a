//! Constructions of Vietnamese news outside the sample corpus's topic, each
//! with sentences written for this test (invented people and organisations).
//! Every test runs the whole pipeline through the public API.

use kgexport::graph::{KnowledgeGraph, NodeKind, Relation};
use kgexport::{build_graph, Document};

fn graph(text: &str) -> KnowledgeGraph {
    build_graph(vec![Document::new("t.txt", text)])
}

fn labels(g: &KnowledgeGraph, kind: NodeKind) -> Vec<String> {
    let mut v: Vec<String> = g
        .nodes_sorted()
        .into_iter()
        .filter(|n| n.kind == kind)
        .map(|n| n.label.to_string())
        .collect();
    v.sort();
    v
}

fn has_edge(g: &KnowledgeGraph, s: &str, rel: Relation, t: &str) -> bool {
    g.edges_sorted()
        .iter()
        .any(|e| &*e.source.label == s && e.edge.relation == rel && &*e.target.label == t)
}

#[test]
fn article_year_comes_from_the_dateline_after_a_menu() {
    let g = graph(
        "Trang chủ\nXã hội\nGiáo dục\nBắc Ninh khai giảng năm học mới\n\nNgày đăng: 06/09/2022\n\n\
Sáng 5/9, tại Trường THPT Chuyên Bắc Ninh, Phó Chủ tịch UBND tỉnh Bắc Ninh Đào Quang Vinh dự Lễ khai giảng năm học 2022-2023.\n",
    );
    assert!(labels(&g, NodeKind::Date).contains(&"2022-09-05".to_string()));
}

#[test]
fn a_bare_day_takes_the_year_nearest_the_full_dates_of_the_text() {
    let g = graph(
        "Hội thảo về nông nghiệp sạch diễn ra ngày 20/4/2021 tại Cần Thơ với nhiều đại biểu tham dự.\n\
Chiều 19/4, Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn Mai Văn Định đã làm việc với UBND thành phố Cần Thơ.\n",
    );
    assert!(labels(&g, NodeKind::Date).contains(&"2021-04-19".to_string()));
    assert!(!labels(&g, NodeKind::Date).contains(&"2022-04-19".to_string()));
}

#[test]
fn an_organisation_name_stops_before_verbs_and_person_names() {
    let g = graph(
        "Đoàn công tác của Tập đoàn Hanwa Steel do ông Park Min-jun dẫn đầu đã thăm Hải Phòng.\n\
Công ty Lotus Display đang mở rộng nhà máy tại Bắc Giang.\n\
Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng tiếp đoàn.\n",
    );
    let orgs = labels(&g, NodeKind::Organization);
    assert!(
        orgs.contains(&"Tập đoàn Hanwa Steel".to_string()),
        "{orgs:?}"
    );
    assert!(
        orgs.contains(&"Công ty Lotus Display".to_string()),
        "{orgs:?}"
    );
    assert!(
        orgs.contains(&"UBND tỉnh Quảng Trị".to_string()),
        "{orgs:?}"
    );
    assert!(
        orgs.iter()
            .all(|o| !o.contains("Võ Văn Hưng") && !o.ends_with("dẫn đầu") && !o.ends_with("đang")),
        "{orgs:?}"
    );
    assert!(has_edge(
        &g,
        "Võ Văn Hưng",
        Relation::HoldsRole,
        "Chủ tịch UBND tỉnh Quảng Trị"
    ));
}

#[test]
fn party_committees_are_organisations_with_their_secretaries() {
    let g = graph(
        "Ông Lâm Hữu Phước, Bí thư Tỉnh ủy Quảng Ngãi, đã chủ trì hội nghị.\n\
Bà Tạ Thu Hà, Phó Bí thư Thành ủy Đà Nẵng, phát biểu tại buổi lễ.\n",
    );
    let orgs = labels(&g, NodeKind::Organization);
    assert!(orgs.iter().any(|o| o.starts_with("Tỉnh ủy")), "{orgs:?}");
    assert!(orgs.iter().any(|o| o.starts_with("Thành ủy")), "{orgs:?}");
    assert!(has_edge(
        &g,
        "Lâm Hữu Phước",
        Relation::HoldsRole,
        "Bí thư Tỉnh ủy Quảng Ngãi"
    ));
    assert!(has_edge(
        &g,
        "Tạ Thu Hà",
        Relation::HoldsRole,
        "Phó Bí thư Thành ủy Đà Nẵng"
    ));
}

#[test]
fn every_title_of_an_apposition_chain_and_of_a_semicolon_list() {
    let g = graph(
        "Chiều 2/6, ông Ngô Đình Trọng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hà Tĩnh đã tiếp đoàn công tác của Ngân hàng Thế giới.\n\
Dự buổi tiếp có bà Trương Mỹ Duyên, Phó Chủ tịch UBND tỉnh; ông Phí Văn Lực, Giám đốc Sở Tài chính tỉnh Hà Tĩnh.\n",
    );
    // the committee is the province's: its title says so (one province
    // per article)
    assert!(has_edge(
        &g,
        "Ngô Đình Trọng",
        Relation::HoldsRole,
        "Phó Bí thư Tỉnh ủy Hà Tĩnh"
    ));
    assert!(has_edge(
        &g,
        "Ngô Đình Trọng",
        Relation::HoldsRole,
        "Chủ tịch UBND tỉnh Hà Tĩnh"
    ));
    assert!(has_edge(
        &g,
        "Trương Mỹ Duyên",
        Relation::HoldsRole,
        "Phó Chủ tịch UBND tỉnh Hà Tĩnh"
    ));
    assert!(has_edge(
        &g,
        "Phí Văn Lực",
        Relation::HoldsRole,
        "Giám đốc Sở Tài chính tỉnh Hà Tĩnh"
    ));
}

#[test]
fn venues_keep_their_organisation() {
    let g = graph("Sáng 8/3, tại Trụ sở UBND tỉnh Lâm Đồng, Hội nghị xúc tiến du lịch đã khai mạc với sự tham dự của 200 doanh nghiệp.\n");
    let places = labels(&g, NodeKind::Place);
    assert!(
        places.iter().any(|p| p.starts_with("Trụ sở UBND tỉnh")),
        "{places:?}"
    );
}

#[test]
fn company_names_with_abbreviations() {
    let g = graph(
        "Công ty CP Dược phẩm Trường Sơn vừa công bố kết quả kinh doanh quý III.\n\
Ông Hà Quang Minh, Chủ tịch HĐQT Công ty TNHH Thép Nam Việt, cho biết doanh thu tăng 20%.\n",
    );
    let orgs = labels(&g, NodeKind::Organization);
    assert!(
        orgs.contains(&"Công ty CP Dược phẩm Trường Sơn".to_string()),
        "{orgs:?}"
    );
    assert!(
        orgs.contains(&"Công ty TNHH Thép Nam Việt".to_string()),
        "{orgs:?}"
    );
}

#[test]
fn former_titles_drop_nguyen_and_cuu() {
    let g = graph("Bị cáo Tôn Thất Dũng, nguyên Thứ trưởng Bộ Tài chính, bị truy tố. Ông Kha Văn Lộc, cựu Chủ tịch HĐQT Công ty cổ phần Sông Mây, cũng có mặt.\n");
    let roles = labels(&g, NodeKind::Role);
    assert!(
        roles
            .iter()
            .all(|r| !r.starts_with("nguyên ") && !r.starts_with("cựu ")),
        "{roles:?}"
    );
    assert!(has_edge(
        &g,
        "Tôn Thất Dũng",
        Relation::HoldsRole,
        "Thứ trưởng Bộ Tài chính"
    ));
}

#[test]
fn a_given_name_alone_refers_back_to_the_full_name() {
    let g = graph(
        "Sáng 3/4, bị cáo Cao Văn Thắng bị đưa ra xét xử. Theo cáo trạng, bị cáo Thắng đã chiếm đoạt 5 tỷ đồng. Ông Thắng khai nhận hành vi.\n",
    );
    assert_eq!(
        labels(&g, NodeKind::Person),
        vec!["Cao Văn Thắng".to_string()]
    );
}

#[test]
fn ordinal_session_names_and_verb_events_stop_at_purpose_clauses() {
    let g = graph(
        "Sáng 12/10, Kỳ họp thứ 8 Quốc hội khóa XV khai mạc tại Nhà Quốc hội.\n\
Chiều 14/10, Thủ tướng Chính phủ Đặng Hữu Nghĩa đã tiếp Đại sứ Nhật Bản Sato Kenji nhân dịp ông kết thúc nhiệm kỳ công tác tại Việt Nam.\n",
    );
    let events = labels(&g, NodeKind::Event);
    assert!(
        events.iter().any(|e| e.starts_with("Kỳ họp thứ 8")),
        "{events:?}"
    );
    assert!(events.iter().all(|e| !e.contains("nhân dịp")), "{events:?}");
}

#[test]
fn minister_of_a_field_of_a_foreign_country() {
    let g = graph("Bộ trưởng Ngoại giao Argentina Lucas Ferreyra đã hội đàm với Bộ trưởng Bộ Ngoại giao Việt Nam Lã Văn Cường.\n");
    assert!(has_edge(
        &g,
        "Lucas Ferreyra",
        Relation::HoldsRole,
        "Bộ trưởng Ngoại giao Argentina"
    ));
    assert!(has_edge(
        &g,
        "Bộ trưởng Ngoại giao Argentina",
        Relation::RoleIn,
        "Argentina"
    ));
    let orgs = labels(&g, NodeKind::Organization);
    assert!(!orgs.iter().any(|o| o.contains("Argentina")), "{orgs:?}");
    let roles = labels(&g, NodeKind::Role);
    assert!(!roles.contains(&"Bộ trưởng".to_string()), "{roles:?}");
}

#[test]
fn court_hearings_have_their_court_judge_and_defendants() {
    let g = graph(
        "Sáng 11/11/2024, TAND tỉnh Long An mở phiên tòa sơ thẩm xét xử bị cáo Huỳnh Tấn Lợi về tội tham ô tài sản.\n\
Thẩm phán Mạc Thị Yến làm chủ tọa phiên tòa.\n",
    );
    let events = labels(&g, NodeKind::Event);
    let hearing = events
        .iter()
        .find(|e| e.to_lowercase().starts_with("phiên tòa"))
        .expect("hearing");
    assert!(has_edge(
        &g,
        hearing,
        Relation::OrganizedBy,
        "TAND tỉnh Long An"
    ));
    assert!(has_edge(
        &g,
        "Huỳnh Tấn Lợi",
        Relation::ParticipatedIn,
        hearing
    ));
    assert!(has_edge(
        &g,
        "Mạc Thị Yến",
        Relation::ParticipatedIn,
        hearing
    ));
    assert!(has_edge(&g, hearing, Relation::Date, "2024-11-11"));
}

#[test]
fn co_chairs_are_both_organisers() {
    let g = graph("Sáng 9/5, Phó Thủ tướng Chính phủ Tạ Minh Quân và Bộ trưởng Thương mại Chile Diego Alarcón đồng chủ trì Kỳ họp lần thứ 4 Ủy ban hỗn hợp Việt Nam - Chile tại Hà Nội.\n");
    let events = labels(&g, NodeKind::Event);
    let session = events
        .iter()
        .find(|e| e.starts_with("Kỳ họp lần thứ 4"))
        .expect("session");
    assert!(has_edge(&g, session, Relation::OrganizedBy, "Tạ Minh Quân"));
    assert!(has_edge(
        &g,
        session,
        Relation::OrganizedBy,
        "Diego Alarcón"
    ));
    assert!(has_edge(&g, session, Relation::Location, "Hà Nội"));
}

#[test]
fn an_occasion_clause_keeps_its_own_place() {
    let g = graph("Chiều 4/7, Chủ tịch Quốc hội Lại Văn Đông đã tiếp Đại sứ Hungary Szabó Péter nhân dịp ông nhận nhiệm vụ tại Việt Nam.\n");
    let events = labels(&g, NodeKind::Event);
    assert!(!events.is_empty(), "{events:?}");
    assert!(
        events
            .iter()
            .all(|e| !has_edge(&g, e, Relation::Location, "Việt Nam")),
        "{events:?}"
    );
}

#[test]
fn a_company_after_a_title_ends_at_its_country_before_the_holder() {
    let g = graph("Tổng Giám đốc Công ty TNHH Minh Khang Electronics Việt Nam Kim Sung Ho cho biết nhà máy sẽ mở rộng.\n");
    let orgs = labels(&g, NodeKind::Organization);
    assert!(
        orgs.contains(&"Công ty TNHH Minh Khang Electronics Việt Nam".to_string()),
        "{orgs:?}"
    );
    assert!(has_edge(
        &g,
        "Kim Sung Ho",
        Relation::HoldsRole,
        "Tổng Giám đốc Công ty TNHH Minh Khang Electronics Việt Nam"
    ));
}

#[test]
fn a_two_word_given_name_refers_back_to_the_full_name() {
    let g = graph("Ngày 2/6, bà Đoàn Thị Minh Thư được bổ nhiệm. Bà Minh Thư, nguyên Phó Giám đốc Sở Y tế tỉnh Bình Phước, có nhiều kinh nghiệm.\n");
    assert_eq!(
        labels(&g, NodeKind::Person),
        vec!["Đoàn Thị Minh Thư".to_string()]
    );
    assert!(has_edge(
        &g,
        "Đoàn Thị Minh Thư",
        Relation::HoldsRole,
        "Phó Giám đốc Sở Y tế tỉnh Bình Phước"
    ));
}

#[test]
fn a_bare_day_near_new_year_takes_the_dateline_year() {
    let g = graph("Chúc mừng năm mới\nNgày đăng: 02/01/2025\n\nTối 31/12, UBND tỉnh Hòa Bình tổ chức Lễ đón giao thừa tại Quảng trường Hòa Bình.\n");
    assert!(labels(&g, NodeKind::Date).contains(&"2024-12-31".to_string()));
}

#[test]
fn an_election_or_appointment_gives_the_title() {
    let g = graph("Ông Lục Văn Khải, Phó Chủ tịch Liên đoàn Bóng chuyền Việt Nam, được bầu làm Chủ tịch Liên đoàn Bóng chuyền Việt Nam nhiệm kỳ mới.\n");
    assert!(has_edge(
        &g,
        "Lục Văn Khải",
        Relation::HoldsRole,
        "Chủ tịch Liên đoàn Bóng chuyền Việt Nam"
    ));
    assert!(has_edge(
        &g,
        "Lục Văn Khải",
        Relation::HoldsRole,
        "Phó Chủ tịch Liên đoàn Bóng chuyền Việt Nam"
    ));
}

#[test]
fn local_bodies_named_bare_take_the_article_province() {
    let g = graph(
        "Sáng 4/12, HĐND tỉnh Yên Bái tổ chức Kỳ họp thứ 9 tại Trụ sở HĐND tỉnh Yên Bái.\n\
Dự kỳ họp có ông Đinh Công Sáu, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.\n",
    );
    let orgs = labels(&g, NodeKind::Organization);
    assert!(orgs.contains(&"Tỉnh ủy Yên Bái".to_string()), "{orgs:?}");
    assert!(orgs.contains(&"UBND tỉnh Yên Bái".to_string()), "{orgs:?}");
    assert!(!orgs.contains(&"UBND tỉnh".to_string()), "{orgs:?}");
    assert!(has_edge(
        &g,
        "Đinh Công Sáu",
        Relation::HoldsRole,
        "Phó Bí thư Tỉnh ủy Yên Bái"
    ));
}

#[test]
fn a_session_name_keeps_the_term_of_its_body() {
    let g = graph("Sáng 20/5, Kỳ họp thứ 7 Quốc hội khóa XV khai mạc tại Nhà Quốc hội.\n");
    let events = labels(&g, NodeKind::Event);
    assert!(
        events.contains(&"Kỳ họp thứ 7 Quốc hội khóa XV".to_string()),
        "{events:?}"
    );
}

#[test]
fn a_reception_of_a_delegation_led_by_a_guest() {
    let g = graph("Chiều 10/3/2024, tại Trụ sở UBND tỉnh Ninh Bình, ông Tống Quang Hiếu, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Ninh Bình đã tiếp đoàn công tác của Tập đoàn Sunrise Motors do ông Daniel Okafor, Phó Chủ tịch Tập đoàn, dẫn đầu.\n");
    let events = labels(&g, NodeKind::Event);
    let reception = events
        .iter()
        .find(|e| e.contains("tiếp đoàn"))
        .expect("reception");
    assert!(!reception.starts_with("ông "), "{reception}");
    assert!(has_edge(
        &g,
        reception,
        Relation::OrganizedBy,
        "Tống Quang Hiếu"
    ));
    assert!(has_edge(
        &g,
        "Tập đoàn Sunrise Motors",
        Relation::ParticipatedIn,
        reception
    ));
    assert!(has_edge(
        &g,
        "Daniel Okafor",
        Relation::ParticipatedIn,
        reception
    ));
    assert!(has_edge(&g, reception, Relation::Date, "2024-03-10"));
    assert!(has_edge(
        &g,
        reception,
        Relation::Location,
        "Trụ sở UBND tỉnh Ninh Bình"
    ));
}

#[test]
fn both_sides_after_a_meeting_co_chair() {
    let g = graph("Chiều 5/8/2024, Thủ tướng Chính phủ Trịnh Văn Đạt đã hội đàm với Thủ tướng Malaysia Ahmad Faizal.\n\
Sau hội đàm, hai bên đồng chủ trì Diễn đàn Doanh nghiệp Việt Nam - Malaysia.\n");
    let events = labels(&g, NodeKind::Event);
    let forum = events
        .iter()
        .find(|e| e.starts_with("Diễn đàn"))
        .expect("forum");
    assert!(has_edge(&g, forum, Relation::OrganizedBy, "Trịnh Văn Đạt"));
    assert!(has_edge(&g, forum, Relation::OrganizedBy, "Ahmad Faizal"));
}

#[test]
fn the_procuracy_takes_part_in_the_hearing() {
    let g = graph("Sáng 8/5/2024, TAND TP Hà Nội mở phiên tòa xét xử bị cáo Đỗ Minh Hải về tội nhận hối lộ. VKSND TP Hà Nội thực hành quyền công tố tại phiên tòa.\n");
    let events = labels(&g, NodeKind::Event);
    let hearing = events
        .iter()
        .find(|e| e.to_lowercase().starts_with("phiên tòa"))
        .expect("hearing");
    assert!(
        labels(&g, NodeKind::Organization)
            .iter()
            .any(|o| o.starts_with("VKSND") && has_edge(&g, o, Relation::ParticipatedIn, hearing)),
        "{:?}",
        labels(&g, NodeKind::Organization)
    );
}

#[test]
fn a_site_name_may_hold_a_family_name() {
    let g = graph("Nhà máy sẽ được xây dựng tại Khu công nghiệp Phúc Lê Trung, tỉnh Hà Nam.\n");
    let places = labels(&g, NodeKind::Place);
    assert!(
        places.contains(&"Khu công nghiệp Phúc Lê Trung".to_string()),
        "{places:?}"
    );
    assert!(labels(&g, NodeKind::Person).is_empty());
}

#[test]
fn a_head_read_across_words_does_not_hide_a_name() {
    // "xuất quân Đoàn" also reads as "Quân đoàn"
    let g = graph("Sáng 19/4, Tổng cục Thể dục thể thao tổ chức Lễ xuất quân Đoàn Thể thao Việt Nam tham dự SEA Games 32.\n");
    let orgs = labels(&g, NodeKind::Organization);
    assert!(
        orgs.contains(&"Đoàn Thể thao Việt Nam".to_string()),
        "{orgs:?}"
    );
    assert!(labels(&g, NodeKind::Person).is_empty());
    assert!(labels(&g, NodeKind::Event).contains(&"SEA Games 32".to_string()));
}

#[test]
fn a_year_qualifying_a_noun_does_not_date_the_event() {
    let g = graph("Sáng 6/12/2023, HĐND tỉnh Sơn La khai mạc Kỳ họp thứ 15. Kỳ họp thông qua Nghị quyết về kế hoạch đầu tư công năm 2024.\n");
    let events = labels(&g, NodeKind::Event);
    let session = events
        .iter()
        .find(|e| e.starts_with("Kỳ họp thứ 15"))
        .expect("session");
    assert!(has_edge(&g, session, Relation::Date, "2023-12-06"));
    assert!(!has_edge(&g, session, Relation::Date, "2024"));
}

#[test]
fn given_names_and_yearless_days_do_not_link_documents() {
    let g = build_graph(vec![
        Document::new(
            "a.txt",
            "Tin ngày 3/5/2021\n\nChiều 2/5, Hội nghị tổng kết của Bộ Y tế diễn ra tại Hà Nội với sự tham dự của ông Trần Văn Sang, Thứ trưởng Bộ Y tế.\nÔng Sang nhấn mạnh vai trò của y tế cơ sở.\n",
        ),
        Document::new(
            "b.txt",
            "Tin ngày 3/5/2023\n\nChiều 2/5, Hội thảo về du lịch diễn ra tại Đà Nẵng với sự tham dự của ông Lê Quốc Sang, Vụ trưởng Vụ Hợp tác quốc tế.\nÔng Sang cho biết lượng khách đã tăng.\n",
        ),
    ]);
    let people = labels(&g, NodeKind::Person);
    assert_eq!(
        people,
        vec!["Lê Quốc Sang".to_string(), "Trần Văn Sang".to_string()]
    );
    let dates = labels(&g, NodeKind::Date);
    assert!(dates.contains(&"2021-05-02".to_string()), "{dates:?}");
    assert!(dates.contains(&"2023-05-02".to_string()), "{dates:?}");
}

#[test]
fn a_short_name_given_with_con_goi_la_is_an_alias() {
    let g = graph("Hiệp định Đối tác Kinh tế toàn diện khu vực, còn gọi là RCEP, có hiệu lực từ ngày 1/1/2022.\n");
    let docs: Vec<_> = g
        .nodes_sorted()
        .into_iter()
        .filter(|n| n.kind == NodeKind::Document)
        .collect();
    assert_eq!(docs.len(), 1, "{docs:?}");
    assert!(docs[0].aliases.contains("RCEP"), "{docs:?}");
}

#[test]
fn investigation_agencies_and_their_officers() {
    let g = graph("Ngày 4/6/2024, Cơ quan Cảnh sát điều tra Công an tỉnh Bình Dương đã khởi tố bị can Vương Đình Khôi, Giám đốc Công ty TNHH Xây dựng Phú Lộc.\n");
    let orgs = labels(&g, NodeKind::Organization);
    assert!(
        orgs.iter()
            .any(|o| o.starts_with("Cơ quan Cảnh sát điều tra")),
        "{orgs:?}"
    );
    assert!(has_edge(
        &g,
        "Vương Đình Khôi",
        Relation::HoldsRole,
        "Giám đốc Công ty TNHH Xây dựng Phú Lộc"
    ));
}

#[test]
fn titles_before_a_second_name_are_that_persons() {
    let g = graph("Nhận lời mời của Thủ tướng Chính phủ Đặng Minh Tuấn, Thủ tướng Hungary Lajos Kertész thăm chính thức Việt Nam.\n");
    assert!(has_edge(
        &g,
        "Lajos Kertész",
        Relation::HoldsRole,
        "Thủ tướng Hungary"
    ));
    assert!(!has_edge(
        &g,
        "Đặng Minh Tuấn",
        Relation::HoldsRole,
        "Thủ tướng Hungary"
    ));
}

#[test]
fn a_company_named_after_a_title_in_apposition_runs_through_name_like_words() {
    let g = graph("Ông Phan Quốc Dũng, Chủ tịch HĐQT Tập đoàn Sao Mai Xanh, cho biết tập đoàn sẽ mở rộng sản xuất.\n");
    assert!(has_edge(
        &g,
        "Phan Quốc Dũng",
        Relation::HoldsRole,
        "Chủ tịch HĐQT Tập đoàn Sao Mai Xanh"
    ));
    assert!(!labels(&g, NodeKind::Person).contains(&"Mai Xanh".to_string()));
}

#[test]
fn kiem_joins_two_titles_and_cp_is_co_phan() {
    let g = graph("Bà Hà Thu Trang, Tổng Giám đốc Ngân hàng TMCP Bắc Hải, kiêm Chủ tịch Hội đồng quản trị Công ty CP Chứng khoán Bắc Hải, phát biểu tại buổi làm việc.\n");
    assert!(has_edge(
        &g,
        "Hà Thu Trang",
        Relation::HoldsRole,
        "Tổng Giám đốc Ngân hàng TMCP Bắc Hải"
    ));
    assert!(has_edge(
        &g,
        "Hà Thu Trang",
        Relation::HoldsRole,
        "Chủ tịch Hội đồng quản trị Công ty CP Chứng khoán Bắc Hải"
    ));
    let bank = g
        .nodes_sorted()
        .into_iter()
        .find(|n| &*n.label == "Ngân hàng TMCP Bắc Hải")
        .expect("the bank");
    assert!(bank
        .aliases
        .contains("Ngân hàng Thương mại cổ phần Bắc Hải"));
}

#[test]
fn a_brand_name_takes_no_lower_case_words_after_it() {
    let g = graph("Tập đoàn Vinkora mong muốn mở rộng đầu tư tại Khu công nghiệp Phú Lâm.\n");
    let orgs = labels(&g, NodeKind::Organization);
    assert_eq!(orgs, vec!["Tập đoàn Vinkora".to_string()]);
}

#[test]
fn titles_in_parentheses_and_lower_case_former_titles() {
    let g = graph("Ngày 3/3/2025, TAND TP Hà Nội xét xử bị cáo Trương Văn Lộc (SN 1975, nguyên Giám đốc Công ty TNHH Hưng Phát) và bị cáo Mạc Thị Duyên (cựu kế toán trưởng Công ty TNHH Hưng Phát).\n\
Thẩm phán Lưu Minh Châu làm chủ tọa, thư ký phiên tòa Quan Văn Tín ghi biên bản.\n");
    assert!(has_edge(
        &g,
        "Trương Văn Lộc",
        Relation::HoldsRole,
        "Giám đốc Công ty TNHH Hưng Phát"
    ));
    assert!(has_edge(
        &g,
        "Mạc Thị Duyên",
        Relation::HoldsRole,
        "Kế toán trưởng Công ty TNHH Hưng Phát"
    ));
    assert!(has_edge(
        &g,
        "Quan Văn Tín",
        Relation::HoldsRole,
        "Thư ký phiên tòa"
    ));
}

#[test]
fn a_bare_unit_before_punctuation_stays_in_the_name() {
    let g = graph("Chiều 2/4, tại Trụ sở UBND tỉnh, bà Lò Thị Hoa, Phó Chủ tịch UBND tỉnh; ông Kha Văn Lực, Giám đốc Sở Y tế tỉnh Sơn La, làm việc với đoàn.\n");
    assert!(labels(&g, NodeKind::Place).contains(&"Trụ sở UBND tỉnh".to_string()));
    let roles = labels(&g, NodeKind::Role);
    assert!(
        roles
            .iter()
            .any(|r| r.starts_with("Phó Chủ tịch UBND tỉnh")),
        "{roles:?}"
    );
}

#[test]
fn lower_case_words_between_a_head_and_its_proper_name() {
    let g = graph(
        "Bà Ngô Thị Hạnh, cựu Kế toán trưởng Bệnh viện đa khoa tỉnh Bình Định, đã bị khởi tố.\n\
Ngân hàng thương mại cổ phần Đông Phong tài trợ cho Ủy ban hỗn hợp Việt Nam - Chile.\n\
Đoàn công tác Bộ Tài chính đã làm việc tại tỉnh.\n",
    );
    let orgs = labels(&g, NodeKind::Organization);
    for o in [
        "Bệnh viện đa khoa tỉnh Bình Định",
        "Ngân hàng thương mại cổ phần Đông Phong",
        "Ủy ban hỗn hợp Việt Nam - Chile",
    ] {
        assert!(orgs.contains(&o.to_string()), "{o} in {orgs:?}");
    }
    assert!(!orgs.iter().any(|o| o.starts_with("Đoàn")), "{orgs:?}");
}

#[test]
fn a_session_of_a_body_is_organised_by_it_and_a_purpose_keeps_it_apart() {
    let g = graph("Chiều 20/11, tại Phủ Chủ tịch, Phó Thủ tướng Lâm Quang Tiến đã hội kiến Bộ trưởng Ngoại giao Peru Lucas Vidal nhân dịp ông sang Việt Nam dự Kỳ họp lần thứ 3 Ủy ban hỗn hợp Việt Nam - Peru.\n");
    let session = "Kỳ họp lần thứ 3 Ủy ban hỗn hợp Việt Nam - Peru";
    assert!(has_edge(
        &g,
        session,
        Relation::OrganizedBy,
        "Ủy ban hỗn hợp Việt Nam - Peru"
    ));
    assert!(!has_edge(&g, session, Relation::Location, "Phủ Chủ tịch"));
    assert!(!has_edge(&g, "Việt Nam", Relation::ParticipatedIn, session));
}

#[test]
fn a_shareholders_meeting_of_a_company_named_with_its_group() {
    let g = graph("Sáng 18/5/2023, tại Khách sạn Biển Ngọc ở Nha Trang, Công ty cổ phần Tổng công ty Hải Vân (HVC) tổ chức Đại hội đồng cổ đông thường niên năm 2023.\n\
Phát biểu tại đại hội, ông Vi Đức Toàn, Phó Tổng Giám đốc Tổng công ty Hải Vân, cho biết lợi nhuận tăng 10%.\n");
    let meeting = "Đại hội đồng cổ đông thường niên năm 2023";
    assert!(labels(&g, NodeKind::Event).contains(&meeting.to_string()));
    let company = "Công ty cổ phần Tổng công ty Hải Vân";
    assert!(has_edge(&g, meeting, Relation::OrganizedBy, company));
    assert!(has_edge(&g, meeting, Relation::Date, "2023-05-18"));
    assert!(has_edge(
        &g,
        "Vi Đức Toàn",
        Relation::ParticipatedIn,
        meeting
    ));
    assert!(has_edge(
        &g,
        "Khách sạn Biển Ngọc",
        Relation::PartOf,
        "Nha Trang"
    ));
    // the group named alone is the same company
    let orgs = labels(&g, NodeKind::Organization);
    assert_eq!(orgs, vec![company.to_string()], "{orgs:?}");
}

#[test]
fn a_department_and_its_ministry_a_signing_with_a_person_and_a_range_of_days() {
    let g = graph("Chiều 3/3/2025, tại Đà Nẵng, Liên đoàn Bóng chuyền Việt Nam (VVF) tổ chức lễ ký hợp đồng với HLV Paolo Rinaldi, người sẽ dẫn dắt đội tuyển nữ tại Giải vô địch châu Á.\n\
Dự lễ có bà Ninh Thị Hoa, Phó Vụ trưởng Vụ Thể thao, Bộ Văn hóa, Thể thao và Du lịch.\n\
Giải vô địch châu Á diễn ra từ ngày 5 đến 14/9/2025.\n");
    let signing = "Lễ ký hợp đồng";
    assert!(has_edge(
        &g,
        signing,
        Relation::OrganizedBy,
        "Liên đoàn Bóng chuyền Việt Nam"
    ));
    assert!(has_edge(
        &g,
        "Paolo Rinaldi",
        Relation::ParticipatedIn,
        signing
    ));
    assert!(has_edge(
        &g,
        "Vụ Thể thao",
        Relation::PartOf,
        "Bộ Văn hóa, Thể thao và Du lịch"
    ));
    let dates = labels(&g, NodeKind::Date);
    assert!(dates.contains(&"2025-09-05".to_string()), "{dates:?}");
    assert!(dates.contains(&"2025-09-14".to_string()), "{dates:?}");
    // the championship is not where and when the signing was
    let cup = labels(&g, NodeKind::Event)
        .into_iter()
        .find(|e| e.starts_with("Giải vô địch"))
        .expect("the championship");
    assert!(!has_edge(&g, &cup, Relation::Location, "Đà Nẵng"));
}

#[test]
fn the_same_title_of_two_provinces_stays_apart_across_articles() {
    let g = build_graph(vec![
        Document::new(
            "a.txt",
            "Sáng 4/3/2024, UBND tỉnh Hà Tĩnh tổ chức hội nghị xúc tiến đầu tư.\n\
Dự hội nghị có bà Cù Thị Lan, Phó Chủ tịch UBND tỉnh.\n",
        ),
        Document::new(
            "b.txt",
            "Sáng 5/3/2024, UBND tỉnh Cao Bằng tổ chức hội nghị về du lịch.\n\
Dự hội nghị có ông Lục Văn Pha, Phó Chủ tịch UBND tỉnh.\n",
        ),
    ]);
    let roles = labels(&g, NodeKind::Role);
    assert!(
        roles.contains(&"Phó Chủ tịch UBND tỉnh Hà Tĩnh".to_string()),
        "{roles:?}"
    );
    assert!(
        roles.contains(&"Phó Chủ tịch UBND tỉnh Cao Bằng".to_string()),
        "{roles:?}"
    );
    let orgs = labels(&g, NodeKind::Organization);
    assert!(orgs.contains(&"UBND tỉnh Hà Tĩnh".to_string()), "{orgs:?}");
    assert!(orgs.contains(&"UBND tỉnh Cao Bằng".to_string()), "{orgs:?}");
}

#[test]
fn state_and_official_visits_are_events_of_their_visitor() {
    let g = graph("Tổng thống Peru thăm cấp Nhà nước Việt Nam\n\n\
Sáng 7/9/2025, tại Phủ Chủ tịch, Chủ tịch nước Vương Đình Hải chủ trì lễ đón chính thức Tổng thống Peru Lucas Vidal Romero thăm cấp Nhà nước tới Việt Nam.\n\
Chiều 8/9, Thủ tướng Mạc Văn Hùng tiếp xã giao Tổng thống Lucas Vidal Romero.\n\
Bộ trưởng Bộ Công Thương Hà Minh Trí có chuyến thăm chính thức Nhật Bản từ ngày 15 đến 18/9/2025.\n");
    let visit = "Tổng thống Peru Lucas Vidal Romero thăm cấp Nhà nước Việt Nam";
    let events = labels(&g, NodeKind::Event);
    assert!(events.contains(&visit.to_string()), "{events:?}");
    // the headline names the same visit
    assert_eq!(
        events
            .iter()
            .filter(|e| e.contains("thăm cấp Nhà nước"))
            .count(),
        1,
        "{events:?}"
    );
    assert!(has_edge(
        &g,
        "Lucas Vidal Romero",
        Relation::ParticipatedIn,
        visit
    ));
    assert!(has_edge(&g, visit, Relation::Location, "Việt Nam"));
    // the ceremony's venue and day are the ceremony's
    assert!(!has_edge(&g, visit, Relation::Location, "Phủ Chủ tịch"));
    let call = "Thủ tướng Mạc Văn Hùng tiếp xã giao Tổng thống Lucas Vidal Romero";
    assert!(events.contains(&call.to_string()), "{events:?}");
    let trip = "Bộ trưởng Bộ Công Thương Hà Minh Trí thăm chính thức Nhật Bản";
    assert!(events.contains(&trip.to_string()), "{events:?}");
    assert!(has_edge(&g, trip, Relation::Date, "2025-09-15"));
    assert!(has_edge(&g, trip, Relation::Date, "2025-09-18"));
    assert!(has_edge(&g, trip, Relation::Location, "Nhật Bản"));
    assert!(!has_edge(&g, trip, Relation::OrganizedBy, "Hà Minh Trí"));
}

#[test]
fn two_visitors_visits_stay_apart_across_articles() {
    let g = build_graph(vec![
        Document::new(
            "a.txt",
            "Thủ tướng Ba Lan Jan Nowicki thăm chính thức Việt Nam từ ngày 2 đến 4/5/2024.\n",
        ),
        Document::new(
            "b.txt",
            "Thủ tướng Hà Lan Pieter Visser thăm chính thức Việt Nam từ ngày 9 đến 11/11/2024.\n",
        ),
    ]);
    let visits = events_with(&g, "thăm chính thức");
    assert_eq!(visits.len(), 2, "{visits:?}");
}

#[test]
fn a_document_runs_on_through_its_kind_and_its_parties() {
    let g = graph("Ngày 12/3/2021, Việt Nam và Liên minh châu Âu đã ký Hiệp định bảo hộ đầu tư giữa Việt Nam và Liên minh châu Âu tại Brussels.\n\
Hiệp định thương mại tự do Việt Nam - Israel có hiệu lực từ năm 2024.\n");
    let docs = labels(&g, NodeKind::Document);
    let ipa = "Hiệp định bảo hộ đầu tư giữa Việt Nam và Liên minh châu Âu";
    assert!(docs.contains(&ipa.to_string()), "{docs:?}");
    assert!(
        docs.contains(&"Hiệp định thương mại tự do Việt Nam - Israel".to_string()),
        "{docs:?}"
    );
    assert!(has_edge(&g, "Việt Nam", Relation::Signed, ipa));
}

#[test]
fn a_signer_is_the_subject_right_before_ky() {
    let g = graph("Bộ trưởng Nguyễn Hữu Tâm phát biểu khai mạc và tiếp đó đại diện của 40 nước sẽ tham gia ký Công ước Manila.\n\
Ông Nguyễn Hữu Tâm nhấn mạnh, khi ký Công ước Manila, các nước cam kết hợp tác.\n\
Thủ tướng Lào Bounmy Vongsa đã ký Công ước Manila.\n");
    let doc = "Công ước Manila";
    assert!(!has_edge(&g, "Nguyễn Hữu Tâm", Relation::Signed, doc));
    assert!(has_edge(&g, "Bounmy Vongsa", Relation::Signed, doc));
}

#[test]
fn a_trial_names_its_defendant() {
    let g = graph("Ngày 2/12/2024, TAND tỉnh Phú Yên mở phiên tòa sơ thẩm xét xử bị cáo Quan Văn Lành, cựu Giám đốc Công ty TNHH Sông Cầu, về tội trốn thuế.\n");
    let trial = "Phiên tòa sơ thẩm xét xử bị cáo Quan Văn Lành";
    let events = labels(&g, NodeKind::Event);
    assert!(events.contains(&trial.to_string()), "{events:?}");
    assert!(has_edge(
        &g,
        "Quan Văn Lành",
        Relation::ParticipatedIn,
        trial
    ));
    assert!(has_edge(
        &g,
        "Quan Văn Lành",
        Relation::HoldsRole,
        "Giám đốc Công ty TNHH Sông Cầu"
    ));
    assert!(has_edge(
        &g,
        trial,
        Relation::OrganizedBy,
        "TAND tỉnh Phú Yên"
    ));
}

#[test]
fn a_bare_unit_before_a_verb_and_a_banks_branch() {
    let g = graph("Sáng 9/12, ông Nông Văn Khiêm, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Cao Bằng chủ trì kỳ họp.\n\
Dự kỳ họp có bà Sầm Thị Mai, Phó Chủ tịch HĐND tỉnh phụ trách văn hóa.\n\
Giám đốc Ngân hàng Nhà nước chi nhánh Cao Bằng Bế Văn Tường cho biết tín dụng tăng 9%.\n");
    assert!(has_edge(
        &g,
        "Sầm Thị Mai",
        Relation::HoldsRole,
        "Phó Chủ tịch HĐND tỉnh Cao Bằng"
    ));
    let roles = labels(&g, NodeKind::Role);
    let branch = roles
        .iter()
        .find(|r| r.contains("chi nhánh Cao Bằng"))
        .expect("the branch director");
    assert!(has_edge(&g, "Bế Văn Tường", Relation::HoldsRole, branch));
}

#[test]
fn titles_ending_with_their_units_head() {
    let g = graph(
        "Dự hội nghị có bà Vũ Thị Thoa, Ủy viên Bộ Chính trị, Trưởng ban Dân vận Trung ương.\n\
Theo ông Giáp Văn Quế, Trưởng phòng Nông nghiệp huyện Yên Thế, sản lượng tăng 12%.\n",
    );
    assert!(has_edge(
        &g,
        "Vũ Thị Thoa",
        Relation::HoldsRole,
        "Trưởng ban Dân vận Trung ương"
    ));
    assert!(has_edge(
        &g,
        "Trưởng ban Dân vận Trung ương",
        Relation::RoleIn,
        "Ban Dân vận Trung ương"
    ));
    assert!(has_edge(
        &g,
        "Giáp Văn Quế",
        Relation::HoldsRole,
        "Trưởng phòng Nông nghiệp huyện Yên Thế"
    ));
    // the department's name is no person
    assert!(!labels(&g, NodeKind::Person).contains(&"Nông".to_string()));
}

#[test]
fn an_adoption_of_a_document_left_out_is_named_by_its_head() {
    let g = graph("Luật Thủ đô sửa đổi gồm 7 chương, 54 điều. Sau hai kỳ họp thảo luận, Quốc hội đã chính thức thông qua vào ngày 28/6/2024.\n");
    let adoption = g
        .nodes_sorted()
        .into_iter()
        .find(|n| n.kind == NodeKind::Event && n.label.contains("thông qua"))
        .expect("the adoption");
    assert!(
        adoption.aliases.contains("thông qua Luật")
            || adoption.aliases.contains("Quốc hội thông qua Luật"),
        "{adoption:?}"
    );
}

#[test]
fn school_years_and_bilateral_consultations_name_their_events() {
    let g = graph("Sáng 5/9/2024, Trường Đại học Kinh tế Quốc dân tổ chức Lễ khai giảng năm học 2024-2025.\n\
Chiều 6/9/2024, Thứ trưởng Bộ Ngoại giao Đỗ Hùng Việt và Thứ trưởng Ngoại giao Campuchia Sok Chenda đồng chủ trì Tham vấn chính trị Việt Nam - Campuchia lần thứ 8.\n");
    let events = labels(&g, NodeKind::Event);
    assert!(
        events.contains(&"Lễ khai giảng năm học 2024-2025".to_string()),
        "{events:?}"
    );
    let talks = "Tham vấn chính trị Việt Nam - Campuchia lần thứ 8";
    assert!(events.contains(&talks.to_string()), "{events:?}");
    assert!(has_edge(&g, "Sok Chenda", Relation::ParticipatedIn, talks));
}

#[test]
fn a_number_ending_a_proper_name_stays_in_it() {
    let g = graph("Sáng 9/11/2024, UBND tỉnh Bến Tre tổ chức Lễ khánh thành cầu Rạch Miễu 2 tại huyện Châu Thành.\n\
Cầu Rạch Miễu 2 dài 3 km, tổng vốn 5.000 tỷ đồng.\n");
    let events = labels(&g, NodeKind::Event);
    assert!(
        events.contains(&"Lễ khánh thành cầu Rạch Miễu 2".to_string()),
        "{events:?}"
    );
    let places = labels(&g, NodeKind::Place);
    assert!(!places.iter().any(|p| p.ends_with(" 3")), "{places:?}");
}

#[test]
fn an_event_about_a_law_known_by_its_year() {
    let g = graph(
        "Sáng 4/4/2024, Bộ Tư pháp tổ chức Hội thảo về Luật Nhà ở năm 2023 tại Đà Nẵng.\n\
Luật Nhà ở có hiệu lực từ ngày 1/8/2024.\n",
    );
    let law = "Luật Nhà ở năm 2023";
    let talk = "Hội thảo về Luật Nhà ở năm 2023";
    assert_eq!(labels(&g, NodeKind::Document), vec![law.to_string()]);
    assert!(has_edge(&g, talk, Relation::About, law));
    assert!(has_edge(&g, talk, Relation::OrganizedBy, "Bộ Tư pháp"));
}

#[test]
fn a_brand_after_a_title_in_apposition_is_the_holders_body() {
    let g = graph("Ông Kim Dong-won, Tổng Giám đốc Lottemart Việt Nam, cho biết công ty sẽ mở thêm 5 siêu thị.\n\
Bà Lý Thị Hồng, Giám đốc Vinatex, và ông Trịnh Quốc Bảo, Phó Chủ tịch nước Nguyễn Thị Xuân cùng dự.\n");
    assert!(has_edge(
        &g,
        "Kim Dong-won",
        Relation::HoldsRole,
        "Tổng Giám đốc Lottemart Việt Nam"
    ));
    assert!(labels(&g, NodeKind::Organization).contains(&"Lottemart Việt Nam".to_string()));
    assert!(has_edge(
        &g,
        "Lý Thị Hồng",
        Relation::HoldsRole,
        "Giám đốc Vinatex"
    ));
    // a person's name after a title is that person's, not a body
    assert!(!labels(&g, NodeKind::Organization).contains(&"Nguyễn Thị Xuân".to_string()));
    assert!(!labels(&g, NodeKind::Person).contains(&"Lottemart".to_string()));
}

#[test]
fn football_cups_are_events_with_their_year() {
    let g = graph("HLV Park Min-ho đã triệu tập 26 cầu thủ chuẩn bị cho AFF Cup 2026.\n");
    assert!(labels(&g, NodeKind::Event).contains(&"AFF Cup 2026".to_string()));
    assert!(labels(&g, NodeKind::Organization).is_empty());
    assert!(has_edge(&g, "Park Min-ho", Relation::HoldsRole, "HLV"));
}

#[test]
fn a_province_ending_in_an_adverbs_syllable_still_organises() {
    let g = graph(
        "Sáng 3/5/2024, UBND tỉnh Ninh Thuận đã tổ chức Hội nghị xúc tiến đầu tư năm 2024.\n\
Trong đó Ma Văn Khải là người cầm đầu.\n",
    );
    let meeting = "Hội nghị xúc tiến đầu tư năm 2024";
    assert!(has_edge(
        &g,
        meeting,
        Relation::OrganizedBy,
        "UBND tỉnh Ninh Thuận"
    ));
    assert!(labels(&g, NodeKind::Person).contains(&"Ma Văn Khải".to_string()));
}

#[test]
fn a_press_conference_and_its_anaphor() {
    let g = graph(
        "Ngày 2/7/2024, Công an tỉnh Gia Lai tổ chức Họp báo quý II.\n\
Đại tá Rơ Mah Tuân, Phó Giám đốc Công an tỉnh Gia Lai, chủ trì buổi họp báo.\n",
    );
    let press = "Họp báo quý II";
    assert!(has_edge(
        &g,
        press,
        Relation::OrganizedBy,
        "Công an tỉnh Gia Lai"
    ));
    assert!(has_edge(&g, "Rơ Mah Tuân", Relation::ParticipatedIn, press));
}

#[test]
fn a_body_named_with_the_body_it_is_part_of() {
    let g = graph(
        "Cơ quan Cảnh sát điều tra Công an tỉnh Kon Tum đã khởi tố vụ án.\n\
Bà Y Hoa, Trưởng Ban Dân vận Tỉnh ủy Kon Tum, dự buổi làm việc.\n",
    );
    assert!(has_edge(
        &g,
        "Cơ quan Cảnh sát điều tra Công an tỉnh Kon Tum",
        Relation::PartOf,
        "Công an tỉnh Kon Tum"
    ));
}

#[test]
fn events_of_a_clause_fronted_by_another_event_are_part_of_it() {
    let g = graph(
        "Tại Kỳ họp thứ 6, Quốc hội đã thông qua Luật Căn cước với 87% đại biểu tán thành.\n",
    );
    assert!(has_edge(
        &g,
        "Quốc hội thông qua Luật Căn cước",
        Relation::PartOf,
        "Kỳ họp thứ 6"
    ));
}

#[test]
fn a_meeting_is_named_by_the_title_next_to_the_hosts_name() {
    let g = graph("Chiều 5/3/2024, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Dân vận Trung ương Lò Văn Sùng tiếp Đại sứ Lào tại Việt Nam Khamla Vongsa.\n");
    let meeting =
        "Trưởng Ban Dân vận Trung ương Lò Văn Sùng tiếp Đại sứ Lào tại Việt Nam Khamla Vongsa";
    assert!(labels(&g, NodeKind::Event).contains(&meeting.to_string()));
    assert!(has_edge(&g, meeting, Relation::OrganizedBy, "Lò Văn Sùng"));
    assert!(has_edge(
        &g,
        "Khamla Vongsa",
        Relation::ParticipatedIn,
        meeting
    ));
}

#[test]
fn a_guest_with_a_chain_of_titles_takes_part() {
    let g = graph("Chiều 5/3/2024, Chủ tịch nước Lê Văn Hòa tiếp Ủy viên Bộ Chính trị, Chủ tịch Quốc hội Lào Somsavat Lengsa.\n");
    let meeting = "Chủ tịch nước Lê Văn Hòa tiếp Chủ tịch Quốc hội Lào Somsavat Lengsa";
    assert!(labels(&g, NodeKind::Event).contains(&meeting.to_string()));
    assert!(has_edge(
        &g,
        "Somsavat Lengsa",
        Relation::ParticipatedIn,
        meeting
    ));
    assert!(has_edge(
        &g,
        "Somsavat Lengsa",
        Relation::HoldsRole,
        "Chủ tịch Quốc hội Lào"
    ));
}

#[test]
fn ve_after_a_city_is_the_sentences() {
    let g = graph("Chiều 10/5/2024, Phó thủ tướng Lâm Văn Khang làm việc với UBND TP Cần Thơ về tiến độ dự án cầu Cần Thơ 2.\n\
Bà Hầu Thị Lệ, Phó bí thư Thường trực Thành ủy, Chủ tịch HĐND TP Cần Thơ, cũng dự.\n");
    let orgs = labels(&g, NodeKind::Organization);
    assert!(!orgs.iter().any(|o| o.contains("tiến độ")), "{orgs:?}");
    assert!(has_edge(
        &g,
        "Hầu Thị Lệ",
        Relation::HoldsRole,
        "Phó Bí thư Thường trực Thành ủy"
    ));
}

#[test]
fn a_working_session_with_a_body() {
    let g = graph("Sáng 14/6/2024, Bộ trưởng Bộ Xây dựng Nông Văn Pha làm việc với UBND tỉnh Sơn La về quy hoạch đô thị.\n\
Dự buổi làm việc có ông Cầm Văn Tuấn, Phó Chủ tịch UBND tỉnh Sơn La.\n");
    let session = labels(&g, NodeKind::Event)
        .into_iter()
        .find(|e| e.contains("làm việc với UBND tỉnh Sơn La"))
        .expect("the working session");
    assert!(has_edge(
        &g,
        &session,
        Relation::OrganizedBy,
        "Nông Văn Pha"
    ));
    assert!(has_edge(
        &g,
        "UBND tỉnh Sơn La",
        Relation::ParticipatedIn,
        &session
    ));
    assert!(has_edge(
        &g,
        "Cầm Văn Tuấn",
        Relation::ParticipatedIn,
        &session
    ));
    assert!(has_edge(&g, &session, Relation::Date, "2024-06-14"));
}

#[test]
fn the_party_committee_names_the_province_of_a_bare_peoples_committee() {
    let g = graph("Ông Giàng Seo Phử, Bí thư Tỉnh ủy Lào Cai, trao quyết định cho ông Hoàng Quốc Khánh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.\n");
    assert!(has_edge(
        &g,
        "Hoàng Quốc Khánh",
        Relation::HoldsRole,
        "Chủ tịch UBND tỉnh Lào Cai"
    ));
    assert!(labels(&g, NodeKind::Organization).contains(&"UBND tỉnh Lào Cai".to_string()));
}

#[test]
fn a_press_meeting_informing_of_a_document_is_about_it() {
    let g = graph("Chiều 12/6/2024, Bộ trưởng Lưu Quang Huy đã có cuộc gặp gỡ báo chí thông tin về Hiệp định Hợp tác nghề cá Việt Nam - Indonesia.\n");
    let doc = labels(&g, NodeKind::Document)
        .into_iter()
        .next()
        .expect("the agreement");
    let meeting = labels(&g, NodeKind::Event)
        .into_iter()
        .next()
        .expect("the press meeting");
    assert!(
        has_edge(&g, &meeting, Relation::About, &doc),
        "{meeting} {doc}"
    );
}

#[test]
fn the_same_day_is_the_day_named_last() {
    let g = graph(
        "Sáng 8/3/2024, Thủ tướng Vương Văn Lâm tiếp Đại sứ Italy tại Việt Nam Marco Della Seta.\n\
Chiều cùng ngày, Thủ tướng Vương Văn Lâm dự Lễ khởi công Nhà máy điện gió Phước Hữu.\n",
    );
    let ceremony = labels(&g, NodeKind::Event)
        .into_iter()
        .find(|e| e.starts_with("Lễ khởi công"))
        .expect("the ceremony");
    assert!(has_edge(&g, &ceremony, Relation::Date, "2024-03-08"));
}

#[test]
fn branches_and_cells_and_heads_inside_names() {
    let g = graph(
        "Ông Lò Văn Pấng, Bí thư Chi bộ bản Nà Hẩu, cho biết bản có 80 hộ.\n\
Bà Vi Thị Hằng, Giám đốc Chi nhánh Ngân hàng Nông nghiệp tỉnh Lạng Sơn, phát biểu.\n",
    );
    assert!(has_edge(
        &g,
        "Vi Thị Hằng",
        Relation::HoldsRole,
        "Giám đốc Chi nhánh Ngân hàng Nông nghiệp tỉnh Lạng Sơn"
    ));
    assert!(has_edge(
        &g,
        "Lò Văn Pấng",
        Relation::HoldsRole,
        "Bí thư Chi bộ bản Nà Hẩu"
    ));
}

#[test]
fn a_verb_coordinated_with_the_next_shares_its_event() {
    let g = graph(
        "Chiều 8/3/2024, UBND tỉnh Kon Tum tổ chức Hội nghị xúc tiến đầu tư năm 2024.\n\
Phó Chủ tịch nước Hà Minh Tuệ đã tới dự và chỉ đạo hội nghị.\n\
Bộ trưởng Bộ Xây dựng Lâm Quốc Bình dự và trao quyết định tại hội nghị.\n\
Ông Kha Văn Lực, Giám đốc Sở Tài chính, và bà Phí Ngọc Ánh cùng tiếp đoàn.\n",
    );
    let event = "Hội nghị xúc tiến đầu tư năm 2024";
    assert!(labels(&g, NodeKind::Event).contains(&event.to_string()));
    for person in ["Hà Minh Tuệ", "Lâm Quốc Bình"] {
        assert!(
            has_edge(&g, person, Relation::ParticipatedIn, event),
            "{person}"
        );
    }
}

#[test]
fn trung_uong_and_academic_titles_inside_lists() {
    let g = graph(
        "Dự buổi làm việc có TS.BS Lục Thanh Bình, Giám đốc Bệnh viện Nội tiết Trung ương và ThS.BS Âu Văn Khoa, Phó Giám đốc Bệnh viện Mắt Trung ương.\n",
    );
    let orgs = labels(&g, NodeKind::Organization);
    for org in ["Bệnh viện Nội tiết Trung ương", "Bệnh viện Mắt Trung ương"] {
        assert!(orgs.contains(&org.to_string()), "{orgs:?}");
    }
    assert!(has_edge(
        &g,
        "Lục Thanh Bình",
        Relation::HoldsRole,
        "Giám đốc Bệnh viện Nội tiết Trung ương"
    ));
    assert!(has_edge(
        &g,
        "Âu Văn Khoa",
        Relation::HoldsRole,
        "Phó Giám đốc Bệnh viện Mắt Trung ương"
    ));
    let people = labels(&g, NodeKind::Person);
    assert_eq!(people, ["Lục Thanh Bình", "Âu Văn Khoa"], "{people:?}");
}

#[test]
fn visits_of_two_holders_of_one_office_stay_two() {
    // the office, not the person, is what the two articles share: a
    // president's visit in one year and his successor's in another
    let g = build_graph(vec![
        Document::new(
            "a.txt",
            "Sáng 9/4, tại Hà Nội, Bộ trưởng Bộ Công Thương Đỗ Minh Quang đã tiếp Tổng thống Ba Lan Marek Wisniewski đang thăm chính thức Việt Nam.\n",
        ),
        Document::new(
            "b.txt",
            "Chiều 21/11, tại Đà Nẵng, Bộ trưởng Bộ Xây dựng Hồ Thị Lan đã tiếp Tổng thống Ba Lan Tomasz Zielinski đang thăm chính thức Việt Nam.\n",
        ),
    ]);
    let visits = events_with(&g, "thăm chính thức");
    assert_eq!(visits.len(), 2, "{visits:?}");
}

#[test]
fn a_name_two_events_both_contain_joins_neither() {
    // "Lễ khai mạc Hội chợ nông sản sạch miền Trung" is in both longer
    // names: it cannot say which of the two fairs it is, so it must not
    // make the two fairs one
    let g = build_graph(vec![
        Document::new(
            "a.txt",
            "Sáng 3/6, Lễ khai mạc Hội chợ nông sản sạch miền Trung và Tây Nguyên diễn ra tại Quảng Nam.\n",
        ),
        Document::new(
            "b.txt",
            "Sáng 5/6, Lễ khai mạc Hội chợ nông sản sạch miền Trung và Nam Bộ diễn ra tại Quảng Ngãi.\n",
        ),
        Document::new(
            "c.txt",
            "Sáng 7/6, Lễ khai mạc Hội chợ nông sản sạch miền Trung diễn ra tại Phú Yên.\n",
        ),
    ]);
    let fairs = events_with(&g, "Hội chợ");
    assert!(fairs.iter().any(|f| f.ends_with("Tây Nguyên")), "{fairs:?}");
    assert!(fairs.iter().any(|f| f.ends_with("Nam Bộ")), "{fairs:?}");
}

/// The labels of the events whose label has `part` in it.
fn events_with(g: &KnowledgeGraph, part: &str) -> Vec<String> {
    labels(g, NodeKind::Event)
        .into_iter()
        .filter(|e| e.contains(part))
        .collect()
}

#[test]
fn a_headline_naming_the_visitor_by_titles_is_the_article_s_visit() {
    // the titles alone stay a name of the visit within its article
    let g = graph("Thủ tướng Bồ Đào Nha thăm chính thức Việt Nam\n\nThủ tướng Bồ Đào Nha Rui Tavares thăm chính thức Việt Nam từ ngày 6 đến 8/10/2025 theo lời mời của Thủ tướng Chính phủ.\n");
    let visits = events_with(&g, "thăm chính thức");
    assert_eq!(
        visits,
        ["Thủ tướng Bồ Đào Nha Rui Tavares thăm chính thức Việt Nam"],
        "{visits:?}"
    );
}
