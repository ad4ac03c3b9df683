pub mod fiscal_code;
pub mod name_match;
pub mod place_labels;
pub mod sex;
pub mod vocabulary;
