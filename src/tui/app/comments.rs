//! The co-appraising agencies' comments: which are new to this user, and those on one component.

use super::*;
use crate::domain::code::UnitCode;

impl App {
    /// At sign-in: comments on items already done are not news; those on items still open are.
    pub(super) fn know_old_comments(&mut self) {
        let old: Vec<_> = self
            .comments
            .iter()
            .filter(|c| !self.my_status(&c.unit, &c.criterion).is_some_and(|status| self.waits_for_me(status)))
            .map(comment_key)
            .collect();
        self.comments_known.extend(old);
    }

    /// The status of this user's queue item for a component, if it is in their queue.
    pub(super) fn my_status(&self, unit: &UnitCode, component: &str) -> Option<Status> {
        let &index = self.unit_index.get(unit)?;
        self.items
            .get(index)?
            .iter()
            .find(|item| self.item_codes(item).is_some_and(|(_, code)| code == component))
            .map(|item| item.status)
    }

    /// A co-appraising agency commented on this item of the user's and the user has not opened it since.
    pub fn has_new_comment(&self, unit: &UnitCode, component: &str) -> bool {
        self.comments
            .iter()
            .filter(|c| c.unit == *unit && c.criterion == component)
            .any(|c| !self.comments_known.contains(&comment_key(c)))
            && self.my_status(unit, component).is_some_and(|status| status != Status::CoAssigned)
    }

    /// Opening an item's form puts its comments in front of the user.
    pub(super) fn know_comments_on(&mut self, unit: &UnitCode, component: &str) {
        let seen: Vec<_> =
            self.comments.iter().filter(|c| c.unit == *unit && c.criterion == component).map(comment_key).collect();
        self.comments_known.extend(seen);
    }

    /// The comments on one component of one unit.
    pub fn comments_on(&self, unit: &UnitCode, component: &str) -> Vec<&CommentRow> {
        self.comments.iter().filter(|c| c.unit == *unit && c.criterion == component).collect()
    }
}

/// What tells one comment from another (unit, component, agency, when).
pub(super) fn comment_key(comment: &CommentRow) -> (crate::domain::code::UnitCode, String, String, String) {
    (comment.unit.clone(), comment.criterion.clone(), comment.agency.clone(), comment.at.clone())
}
