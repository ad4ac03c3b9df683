//! `?page=&per_page=` of the simple lists (newest first, no total): clamped rather than
//! refused, since any page of a personal archive is harmless.

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// 1-based.
    pub page: Option<i64>,
    /// At most 100 (default 50).
    pub per_page: Option<i64>,
}

impl ListQuery {
    /// `(limit, offset)` for the query.
    pub fn limit_offset(&self) -> (i64, i64) {
        let per_page = self.per_page.unwrap_or(50).clamp(1, 100);
        let page = self.page.unwrap_or(1).clamp(1, i64::MAX / 100);
        (per_page, (page - 1) * per_page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_clamped_not_refused() {
        let q = |page, per_page| ListQuery { page, per_page }.limit_offset();
        assert_eq!(q(None, None), (50, 0));
        assert_eq!(q(Some(3), Some(10)), (10, 20));
        assert_eq!(q(Some(0), Some(1000)), (100, 0));
        assert_eq!(q(Some(i64::MAX), Some(100)).0, 100);
    }
}
