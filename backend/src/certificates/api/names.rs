//! Names of catalogue entries in the reader's language, for codes read back from the
//! repository (a code no longer in the catalogue is shown as it is).

use crate::certificates::rules::types::CertificateType;
use crate::certificates::rules::usages::Usage;
use crate::platform::i18n::Lang;

pub fn type_name(code: &str, lang: Lang) -> String {
    CertificateType::parse(code)
        .map(|t| t.name().get(lang).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

pub fn usage_description(code: &str, lang: Lang) -> String {
    Usage::parse(code)
        .map(|u| u.description().get(lang).to_owned())
        .unwrap_or_else(|| code.to_owned())
}
