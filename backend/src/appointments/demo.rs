//! The demo municipality's desks, with realistic hours, created once.

use crate::appointments::desks;
use crate::appointments::rules::desk::{DeskConfig, Hours};
use crate::appointments::store::desks as store;
use crate::appointments::Error;
use crate::platform::db::DbConnection;

fn hours(days: &[u8], opens: &str, closes: &str) -> Vec<Hours> {
    days.iter()
        .map(|d| Hours {
            weekday: *d,
            opens: opens.to_owned(),
            closes: closes.to_owned(),
        })
        .collect()
}

fn desk(
    name: &str,
    area: &str,
    location: &str,
    topics: &[&str],
    hours: Vec<Hours>,
    slot_minutes: u32,
    places: u32,
) -> DeskConfig {
    DeskConfig {
        name: name.to_owned(),
        area: area.to_owned(),
        location: location.to_owned(),
        topics: topics.iter().map(|t| (*t).to_owned()).collect(),
        hours,
        slot_minutes,
        places_per_slot: places,
        horizon_days: 60,
        min_notice_hours: 2,
        cancel_notice_hours: 24,
        max_active_per_citizen: 2,
        active: true,
    }
}

/// The demo desks, unless the office already has desks.
pub fn seed(conn: &mut DbConnection) -> Result<(), Error> {
    if store::count(conn)? > 0 {
        return Ok(());
    }
    let mut anagrafe = hours(&[1, 2, 3, 4, 5], "08:30", "12:30");
    anagrafe.extend(hours(&[2, 4], "14:30", "17:00"));
    let mut identity = hours(&[1, 2, 3, 4, 5], "08:30", "12:30");
    identity.extend(hours(&[2, 4], "14:30", "16:30"));
    for config in [
        desk(
            "Anagrafe",
            "anagrafe",
            "Piazza del Municipio, 1 - piano terra, sportelli 1 e 2",
            &[
                "Cambio di residenza o di indirizzo",
                "Certificati anagrafici",
                "Iscrizione anagrafica dall'estero",
                "Altro",
            ],
            anagrafe,
            15,
            2,
        ),
        desk(
            "Carta d'identità elettronica",
            "carta_identita",
            "Piazza del Municipio, 1 - piano terra, sportello 3",
            &[
                "Primo rilascio",
                "Rinnovo per scadenza",
                "Furto o smarrimento",
                "Deterioramento",
            ],
            identity,
            20,
            2,
        ),
        desk(
            "Stato civile",
            "stato_civile",
            "Piazza del Municipio, 1 - primo piano, stanza 12",
            &[
                "Pubblicazioni di matrimonio",
                "Unione civile",
                "Riconoscimento di figlio",
                "Cittadinanza",
                "Altro",
            ],
            hours(&[1, 3, 5], "09:00", "12:00"),
            30,
            1,
        ),
        desk(
            "Ufficio elettorale",
            "elettorale",
            "Piazza del Municipio, 1 - primo piano, stanza 14",
            &[
                "Tessera elettorale",
                "Albo dei presidenti di seggio e degli scrutatori",
                "Altro",
            ],
            hours(&[2, 4], "09:00", "12:00"),
            20,
            1,
        ),
    ] {
        desks::save(conn, None, &config)?;
    }
    Ok(())
}
