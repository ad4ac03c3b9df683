use super::*;
use crate::document::model::Paragraph;
use crate::document::tests::residence_certificate;

fn text_of(body: &[u8]) -> String {
    String::from_utf8_lossy(body).into_owned()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn no_line_is_left_alone_at_the_foot_of_a_page() {
    let leading = 15.0;
    assert_eq!(lines_that_fit(BODY_BOTTOM + 100.0, leading, 3), 3);
    // Room for 7 lines (the first on `y`), 20 to go.
    assert_eq!(lines_that_fit(BODY_BOTTOM + 90.0, leading, 20), 7);
    // Room for one line only: a paragraph of several goes to the next page whole...
    assert_eq!(lines_that_fit(BODY_BOTTOM + 5.0, leading, 4), 0);
    // ...a one-line paragraph stays.
    assert_eq!(lines_that_fit(BODY_BOTTOM + 5.0, leading, 1), 1);
    assert_eq!(lines_that_fit(BODY_BOTTOM - 1.0, leading, 1), 0);
}

#[test]
fn a_small_family_is_one_numbered_page_with_the_small_print() {
    let bodies = render_pages(&residence_certificate(3)).expect("renders");
    assert_eq!(bodies.len(), 1);
    let page = text_of(&bodies[0]);
    assert!(page.contains("(Pagina 1 di 1) Tj"), "{page}");
    assert!(page.contains("(Valido sei mesi dalla data di rilascio.) Tj"));
    assert!(!page.contains("prosegue"));
    assert!(!page.contains("segue dalla pagina precedente"));
}

#[test]
fn a_large_family_flows_on_with_letterhead_title_id_and_table_header_on_every_page() {
    let doc = residence_certificate(50);
    let bodies = render_pages(&doc).expect("renders");
    let total = bodies.len();
    assert!(total >= 2, "{total} pages");
    for (index, body) in bodies.iter().enumerate() {
        let page = text_of(body);
        let last = index + 1 == total;
        assert!(page.contains(&format!("(Pagina {} di {total}) Tj", index + 1)));
        assert!(
            page.contains("(COMUNE DI VALDORIA) Tj"),
            "letterhead on {index}"
        );
        assert!(
            page.contains("(Cognome e nome) Tj"),
            "table header on {index}"
        );
        assert_eq!(page.contains("(Valdoria, 30/11/2026) Tj"), last);
        assert_eq!(
            page.contains("(Valido sei mesi dalla data di rilascio.) Tj"),
            last
        );
        assert_eq!(page.contains(CONTINUES), !last, "page {index}");
        if index > 0 {
            assert!(page.contains("(CERTIFICATO DI STATO DI FAMIGLIA) Tj"));
            assert!(page.contains(
                "(Certificato n. 7KQF-9XMA-2R4D-HV0C - segue dalla pagina precedente) Tj"
            ));
        } else {
            assert!(page.contains("(C E R T I F I C A) Tj"));
        }
    }
    // Every member once, none lost at a page break (the three names repeat in turn; the
    // head is also named in the paragraph).
    let all: String = bodies.iter().map(|b| text_of(b)).collect();
    assert_eq!(count(&all, "(ROSSI MARIO) Tj"), 17 + 1);
    assert_eq!(count(&all, "(ROSSI PERLA) Tj"), 16);
    assert_eq!(count(&all, "(D'ANGELO NICOL\u{FFFD}) Tj"), 17);
}

#[test]
fn the_more_members_the_more_pages() {
    let pages = |members| {
        render_pages(&residence_certificate(members))
            .expect("renders")
            .len()
    };
    assert!(pages(20) < pages(120));
    assert!(pages(120) >= 3);
}

#[test]
fn a_long_paragraph_is_split_between_pages_not_lost() {
    let mut doc = residence_certificate(3);
    let words: Vec<String> = (0..1500).map(|i| format!("w{i}")).collect();
    doc.paragraphs = vec![Paragraph::new(vec![Run::normal(words.join(" "))])];
    let bodies = render_pages(&doc).expect("renders");
    assert!(bodies.len() >= 2);
    let all: String = bodies.iter().map(|b| text_of(b)).collect();
    for word in ["(w0 ", "w749", "w1499"] {
        assert!(all.contains(word), "{word}");
    }
}

#[test]
fn the_closing_never_stands_alone_on_a_page() {
    // Whatever the family's size, the page with the place and date also has table rows.
    for members in 20..60 {
        let bodies = render_pages(&residence_certificate(members)).expect("renders");
        let last = text_of(bodies.last().expect("a page"));
        assert!(last.contains("(Valdoria, 30/11/2026) Tj"));
        if bodies.len() > 1 {
            let rows = ["(ROSSI MARIO) Tj", "(ROSSI PERLA) Tj", "(D'ANGELO NICOL"]
                .iter()
                .map(|name| count(&last, name))
                .sum::<usize>();
            assert!(
                rows >= 1,
                "{members} members: the closing alone on the last page"
            );
        }
    }
}
