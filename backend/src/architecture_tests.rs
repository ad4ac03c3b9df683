//! The layout's arrows, checked on the source (docs/architecture.md): features and the
//! shared folders import each other without cycles, `platform` and `document` import no
//! feature, and outside a feature's HTTP module nothing speaks HTTP. Test code may build
//! the whole application, so `#[cfg(test)]` modules and test files are not read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules that assemble everything; nothing may import them.
const COMPOSITION: [&str; 4] = ["cli", "demo", "routes", "lib"];
/// Feature-free folders.
const SHARED: [&str; 2] = ["platform", "document"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("readable source folder")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn production_code(path: &Path) -> String {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name == "tests.rs" || name.ends_with("_tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).expect("readable source file");
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// (top-level module, path inside src, production code) of every source file.
fn modules() -> Vec<(String, String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files
        .iter()
        .filter_map(|path| {
            let relative = path
                .strip_prefix(&src)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            let top = relative
                .split('/')
                .next()?
                .trim_end_matches(".rs")
                .to_owned();
            (top != "main" && top != "architecture_tests")
                .then(|| (top, relative, production_code(path)))
        })
        .collect()
}

/// The top-level modules `code` names as `crate::<module>`.
fn imports(code: &str) -> BTreeSet<String> {
    code.match_indices("crate::")
        .filter_map(|(at, _)| {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .then_some(name)
        })
        .collect()
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (top, _, code) in modules() {
        let entry = graph.entry(top.clone()).or_default();
        entry.extend(imports(&code).into_iter().filter(|m| *m != top));
    }
    graph
}

fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    node: &str,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|n| n == node) {
        let mut cycle = path[at..].to_vec();
        cycle.push(node.to_owned());
        return Some(cycle);
    }
    if done.contains(node) {
        return None;
    }
    path.push(node.to_owned());
    for next in graph.get(node).into_iter().flatten() {
        if let Some(cycle) = cycle_from(graph, next, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(node.to_owned());
    None
}

#[test]
fn top_level_modules_import_each_other_without_cycles() {
    let graph = graph();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let cycle = cycle_from(&graph, node, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "import cycle: {}",
            cycle.unwrap_or_default().join(" → ")
        );
    }
}

#[test]
fn nothing_imports_the_composition_root() {
    for (top, imported) in graph() {
        if COMPOSITION.contains(&top.as_str()) {
            continue;
        }
        for root in COMPOSITION {
            assert!(!imported.contains(root), "{top} imports {root}");
        }
    }
}

#[test]
fn shared_folders_import_no_feature() {
    for (top, imported) in graph() {
        if SHARED.contains(&top.as_str()) {
            let features: Vec<_> = imported
                .iter()
                .filter(|m| !SHARED.contains(&m.as_str()))
                .collect();
            assert!(features.is_empty(), "{top} imports {features:?}");
        }
    }
}

/// A feature's HTTP module is `<feature>/api.rs` or `<feature>/api/`.
fn is_http_edge(top: &str, relative: &str) -> bool {
    COMPOSITION.contains(&top)
        || relative.starts_with("platform/http/")
        || relative.starts_with("platform/auth/")
        || relative.starts_with(&format!("{top}/api/"))
        || relative == format!("{top}/api.rs")
}

#[test]
fn only_the_http_modules_speak_http() {
    let mut offenders = Vec::new();
    for (top, relative, code) in modules() {
        if is_http_edge(&top, &relative) {
            continue;
        }
        for word in ["actix_web", "ApiError", "HttpRequest", "utoipa::path"] {
            if code.contains(word) {
                offenders.push(format!("{relative} names {word}"));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// A feature's tables and handlers are its own: another feature reads what the
/// feature's `mod.rs` offers (`crate::registry::person_of_account`), never its `store`
/// or `api` modules. The composition roots assemble everything and may.
#[test]
fn features_use_each_other_only_through_their_surface() {
    let mut offenders = Vec::new();
    for (top, relative, code) in modules() {
        if COMPOSITION.contains(&top.as_str()) || SHARED.contains(&top.as_str()) {
            continue;
        }
        for (at, _) in code.match_indices("crate::") {
            let path: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut parts = path.split("::");
            let (Some(feature), Some(inner)) = (parts.next(), parts.next()) else {
                continue;
            };
            let foreign =
                feature != top && !SHARED.contains(&feature) && !COMPOSITION.contains(&feature);
            if foreign && (inner == "store" || inner == "api") {
                offenders.push(format!("{relative} uses crate::{feature}::{inner}"));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// Long files hide their seams; data tables and tests are not counted.
#[test]
fn no_source_file_is_longer_than_about_four_hundred_lines() {
    let long: Vec<_> = modules()
        .into_iter()
        .filter(|(_, _, code)| code.lines().count() > 410)
        .map(|(_, relative, code)| format!("{relative}: {} lines", code.lines().count()))
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}
