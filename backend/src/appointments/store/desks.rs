//! Desks and their closures.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::platform::db::schema::{desk_closures, desks};
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = desks)]
pub struct DeskRow {
    pub id: String,
    pub name: String,
    pub area: String,
    pub location: String,
    pub topics_json: String,
    pub hours_json: String,
    pub slot_minutes: i32,
    pub places_per_slot: i32,
    pub horizon_days: i32,
    pub min_notice_hours: i32,
    pub cancel_notice_hours: i32,
    pub max_active_per_citizen: i32,
    pub active: bool,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = desk_closures)]
pub struct ClosureRow {
    pub id: String,
    pub desk_id: String,
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
    pub reason: String,
}

pub fn list(conn: &mut DbConnection, only_active: bool) -> Result<Vec<DeskRow>, DbError> {
    let mut query = desks::table
        .select(DeskRow::as_select())
        .order(desks::name.asc())
        .into_boxed();
    if only_active {
        query = query.filter(desks::active.eq(true));
    }
    Ok(query.load(conn)?)
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<DeskRow>, DbError> {
    Ok(desks::table
        .find(id)
        .select(DeskRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn insert(conn: &mut DbConnection, row: &DeskRow) -> Result<(), DbError> {
    diesel::insert_into(desks::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn update(conn: &mut DbConnection, row: &DeskRow) -> Result<bool, DbError> {
    Ok(diesel::update(desks::table.find(&row.id))
        .set(row)
        .execute(conn)?
        == 1)
}

pub fn count(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(desks::table.count().get_result(conn)?)
}

pub fn closures(conn: &mut DbConnection, desk_id: &str) -> Result<Vec<ClosureRow>, DbError> {
    Ok(desk_closures::table
        .filter(desk_closures::desk_id.eq(desk_id))
        .order(desk_closures::from_date.asc())
        .select(ClosureRow::as_select())
        .load(conn)?)
}

pub fn add_closure(conn: &mut DbConnection, row: &ClosureRow) -> Result<(), DbError> {
    diesel::insert_into(desk_closures::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn remove_closure(conn: &mut DbConnection, desk_id: &str, id: &str) -> Result<bool, DbError> {
    Ok(diesel::delete(
        desk_closures::table
            .filter(desk_closures::desk_id.eq(desk_id))
            .filter(desk_closures::id.eq(id)),
    )
    .execute(conn)?
        == 1)
}
