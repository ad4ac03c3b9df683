//! The states of a practice and the moves between them: a pure function, so that every
//! use case asks the same question ("may this actor do this now?") and gets one answer.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::platform::i18n::StaticText;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Draft,
    Submitted,
    InProgress,
    IntegrationRequested,
    Integrated,
    /// "Registrata (accolta con riserva)": the office has entered the declaration.
    Registered,
    /// "Accolta definitivamente".
    Approved,
    Rejected,
    /// A draft the citizen abandoned: it never reached the office.
    Cancelled,
    /// Withdrawn by the citizen before the decision.
    Withdrawn,
}

impl State {
    pub const ALL: [State; 10] = [
        State::Draft,
        State::Submitted,
        State::InProgress,
        State::IntegrationRequested,
        State::Integrated,
        State::Registered,
        State::Approved,
        State::Rejected,
        State::Cancelled,
        State::Withdrawn,
    ];

    /// The states the office's queue shows (a draft or a cancelled draft never reached it).
    pub const IN_OFFICE: [State; 8] = [
        State::Submitted,
        State::InProgress,
        State::IntegrationRequested,
        State::Integrated,
        State::Registered,
        State::Approved,
        State::Rejected,
        State::Withdrawn,
    ];

    /// Submitted and not yet decided: the family has a declaration open.
    pub const OPEN: [State; 5] = [
        State::Submitted,
        State::InProgress,
        State::IntegrationRequested,
        State::Integrated,
        State::Registered,
    ];

    /// Approved by silence after 45 days (art. 5 DL 5/2012) when still in one of these.
    pub const SILENT_APPROVAL: [State; 4] = [
        State::Submitted,
        State::InProgress,
        State::Integrated,
        State::Registered,
    ];

    pub fn code(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Submitted => "submitted",
            State::InProgress => "in_progress",
            State::IntegrationRequested => "integration_requested",
            State::Integrated => "integrated",
            State::Registered => "registered",
            State::Approved => "approved",
            State::Rejected => "rejected",
            State::Cancelled => "cancelled",
            State::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn is_open(self) -> bool {
        State::OPEN.contains(&self)
    }

    /// As the citizen reads it (the ANPR wording for the residence).
    pub fn label(self) -> StaticText {
        match self {
            State::Draft => StaticText::new("Bozza", "Draft"),
            State::Submitted => StaticText::new("Inviata", "Submitted"),
            State::InProgress => StaticText::new("Presa in carico", "Taken in charge"),
            State::IntegrationRequested => {
                StaticText::new("Integrazione richiesta", "Additional documents requested")
            }
            State::Integrated => StaticText::new("Integrata", "Documents added"),
            State::Registered => StaticText::new(
                "Registrata (accolta con riserva)",
                "Registered (accepted subject to checks)",
            ),
            State::Approved => StaticText::new("Accolta definitivamente", "Finally accepted"),
            State::Rejected => StaticText::new("Respinta", "Rejected"),
            State::Cancelled => StaticText::new("Annullata", "Cancelled"),
            State::Withdrawn => StaticText::new("Ritirata", "Withdrawn"),
        }
    }
}

/// What someone does to a practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Submit,
    /// A draft abandoned, or a submitted practice withdrawn.
    Cancel,
    TakeCharge,
    RequestIntegration,
    Register,
    Approve,
    Reject,
    /// The 45 days passed without a decision.
    ApproveBySilence,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Submit => "submit",
            Action::Cancel => "cancel",
            Action::TakeCharge => "take_charge",
            Action::RequestIntegration => "request_integration",
            Action::Register => "register",
            Action::Approve => "approve",
            Action::Reject => "reject",
            Action::ApproveBySilence => "approve_by_silence",
        }
    }

    pub fn parse(code: &str) -> Option<Action> {
        [
            Action::Create,
            Action::Submit,
            Action::Cancel,
            Action::TakeCharge,
            Action::RequestIntegration,
            Action::Register,
            Action::Approve,
            Action::Reject,
            Action::ApproveBySilence,
        ]
        .into_iter()
        .find(|a| a.code() == code)
    }

    /// Who may do it: the owner, the office, or the clock.
    pub fn actor(self) -> Actor {
        match self {
            Action::Create | Action::Submit | Action::Cancel => Actor::Owner,
            Action::ApproveBySilence => Actor::Clock,
            _ => Actor::Office,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Owner,
    Office,
    Clock,
}

/// Whether the type has the residence's registration step ("accolta con riserva").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flow {
    pub registration: bool,
}

/// The state `action` leads to from `state`, or none when it is not allowed then.
pub fn next(flow: Flow, state: State, action: Action) -> Option<State> {
    use State::*;
    let worked = matches!(state, InProgress | Integrated);
    Some(match (action, state) {
        (Action::Submit, Draft) => Submitted,
        (Action::Submit, IntegrationRequested) => Integrated,
        (Action::Cancel, Draft) => Cancelled,
        (Action::Cancel, s) if s.is_open() => Withdrawn,
        (Action::TakeCharge, Submitted) => InProgress,
        (Action::RequestIntegration, s) if worked || s == Registered => IntegrationRequested,
        (Action::Register, _) if flow.registration && worked => Registered,
        (Action::Approve, Registered) if flow.registration => Approved,
        (Action::Approve, _) if !flow.registration && worked => Approved,
        (Action::Reject, s) if worked || s == Registered => Rejected,
        (Action::ApproveBySilence, s) if State::SILENT_APPROVAL.contains(&s) => Approved,
        _ => return None,
    })
}

/// The actions `actor` may take now, in the order the SPA offers them.
pub fn available(flow: Flow, state: State, actor: Actor) -> Vec<Action> {
    [
        Action::Submit,
        Action::TakeCharge,
        Action::Register,
        Action::Approve,
        Action::RequestIntegration,
        Action::Reject,
        Action::Cancel,
    ]
    .into_iter()
    .filter(|a| a.actor() == actor && next(flow, state, *a).is_some())
    .collect()
}

/// How a rejection reads: before registration the declaration is "irricevibile", after it
/// the checks ended with a negative outcome ("accertamento negativo").
pub fn rejection_label(registered_before: bool) -> StaticText {
    if registered_before {
        StaticText::new(
            "Respinta (accertamento negativo)",
            "Rejected (checks failed)",
        )
    } else {
        StaticText::new("Respinta (irricevibile)", "Rejected (inadmissible)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESIDENCE: Flow = Flow { registration: true };
    const SIMPLE: Flow = Flow {
        registration: false,
    };

    #[test]
    fn a_residence_declaration_goes_through_registration_to_approval() {
        let mut state = State::Draft;
        for (action, expected) in [
            (Action::Submit, State::Submitted),
            (Action::TakeCharge, State::InProgress),
            (Action::RequestIntegration, State::IntegrationRequested),
            (Action::Submit, State::Integrated),
            (Action::Register, State::Registered),
            (Action::Approve, State::Approved),
        ] {
            state = next(RESIDENCE, state, action)
                .unwrap_or_else(|| panic!("{action:?} from {state:?}"));
            assert_eq!(state, expected);
        }
    }

    #[test]
    fn a_residence_is_not_approved_before_it_is_registered() {
        assert_eq!(next(RESIDENCE, State::InProgress, Action::Approve), None);
        assert_eq!(
            next(SIMPLE, State::InProgress, Action::Approve),
            Some(State::Approved)
        );
        assert_eq!(next(SIMPLE, State::InProgress, Action::Register), None);
    }

    #[test]
    fn the_office_works_only_what_it_has_taken_in_charge() {
        for action in [
            Action::Register,
            Action::Approve,
            Action::Reject,
            Action::RequestIntegration,
        ] {
            assert_eq!(
                next(RESIDENCE, State::Submitted, action),
                None,
                "{action:?}"
            );
            assert_eq!(next(RESIDENCE, State::Draft, action), None, "{action:?}");
        }
        assert_eq!(next(RESIDENCE, State::InProgress, Action::TakeCharge), None);
    }

    #[test]
    fn cancelling_a_draft_and_withdrawing_a_submission_differ() {
        assert_eq!(
            next(RESIDENCE, State::Draft, Action::Cancel),
            Some(State::Cancelled)
        );
        for open in State::OPEN {
            assert_eq!(
                next(RESIDENCE, open, Action::Cancel),
                Some(State::Withdrawn),
                "{open:?}"
            );
        }
        for closed in [
            State::Approved,
            State::Rejected,
            State::Cancelled,
            State::Withdrawn,
        ] {
            assert_eq!(next(RESIDENCE, closed, Action::Cancel), None, "{closed:?}");
        }
    }

    #[test]
    fn a_decision_is_final() {
        for closed in [
            State::Approved,
            State::Rejected,
            State::Cancelled,
            State::Withdrawn,
        ] {
            for actor in [Actor::Owner, Actor::Office, Actor::Clock] {
                assert!(available(RESIDENCE, closed, actor).is_empty(), "{closed:?}");
            }
            assert_eq!(next(RESIDENCE, closed, Action::ApproveBySilence), None);
        }
    }

    #[test]
    fn silence_approves_what_waits_for_the_office_not_for_the_citizen() {
        assert_eq!(
            next(RESIDENCE, State::Registered, Action::ApproveBySilence),
            Some(State::Approved)
        );
        assert_eq!(
            next(
                RESIDENCE,
                State::IntegrationRequested,
                Action::ApproveBySilence
            ),
            None
        );
        assert_eq!(
            next(RESIDENCE, State::Draft, Action::ApproveBySilence),
            None
        );
    }

    #[test]
    fn each_actor_sees_only_its_own_actions() {
        assert_eq!(
            available(RESIDENCE, State::Draft, Actor::Owner),
            vec![Action::Submit, Action::Cancel]
        );
        assert_eq!(
            available(RESIDENCE, State::Submitted, Actor::Office),
            vec![Action::TakeCharge]
        );
        assert_eq!(
            available(RESIDENCE, State::InProgress, Actor::Office),
            vec![Action::Register, Action::RequestIntegration, Action::Reject]
        );
        assert_eq!(
            available(RESIDENCE, State::Registered, Actor::Office),
            vec![Action::Approve, Action::RequestIntegration, Action::Reject]
        );
        assert_eq!(
            available(RESIDENCE, State::Submitted, Actor::Owner),
            vec![Action::Cancel]
        );
    }

    #[test]
    fn codes_round_trip() {
        for state in State::ALL {
            assert_eq!(State::parse(state.code()), Some(state));
        }
    }
}
