pub mod checks;
pub mod fiscal_code;
pub mod name_match;
pub mod place_labels;
pub mod sex;
pub mod third_party;
pub mod vocabulary;
