//! What HSCAN and ZSCAN share: `cursor [MATCH pattern] [COUNT count]`, and one page over a
//! collection's members.
//!
//! A collection still in Redis's compact (listpack) form comes whole, in its order, with
//! cursor 0, whatever the cursor and COUNT: redis-server answers so. A larger one is paged
//! in scan order (`store/scan_order.rs`), with Redis's guarantee and embedis's own cursors.

use bytes::Bytes;

use super::argv::Args;
use super::IntoArg;
use crate::store::glob::Glob;
use crate::store::number::{parse_i64, parse_scan_cursor};
use crate::{Error, Reply};

/// A collection scan's cursor and options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScanArgs {
    cursor: u64,
    pattern: Option<Bytes>,
    count: usize,
    /// redis-server checks the options only once it found the collection: a bad one is
    /// reported then, and not at all for a missing key.
    bad_option: Option<Error>,
}

impl ScanArgs {
    /// From `cursor` with Redis's default COUNT of 10.
    pub(crate) fn new(cursor: u64) -> ScanArgs {
        ScanArgs {
            cursor,
            pattern: None,
            count: 10,
            bad_option: None,
        }
    }

    /// `MATCH pattern`.
    pub(crate) fn pattern(&mut self, pattern: impl IntoArg) {
        self.pattern = Some(pattern.into_arg());
    }

    /// `COUNT count` (at least 1).
    pub(crate) fn count(&mut self, count: usize) {
        self.count = count.max(1);
    }

    /// Reads `cursor [MATCH pattern] [COUNT count]`: a bad cursor is an error now, a bad
    /// option one for later.
    pub(crate) fn parse(args: &mut Args) -> Result<ScanArgs, Error> {
        let cursor = parse_scan_cursor(&args.next_bytes()?).ok_or(Error::InvalidCursor)?;
        let mut scan = ScanArgs::new(cursor);
        if let Err(error) = scan.parse_options(args) {
            scan.bad_option = Some(error);
            let _ = args.rest();
        }
        Ok(scan)
    }

    fn parse_options(&mut self, args: &mut Args) -> Result<(), Error> {
        while let Some(option) = args.next_keyword() {
            if option.is("COUNT") {
                let count = parse_i64(&args.next_bytes()?).ok_or(Error::NotInteger)?;
                if count < 1 {
                    return Err(Error::Syntax);
                }
                self.count = usize::try_from(count).unwrap_or(usize::MAX);
            } else if option.is("MATCH") {
                self.pattern = Some(args.next_bytes()?);
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(())
    }

    /// The reply for a missing key: the end of an empty iteration.
    pub(crate) fn nothing() -> Reply {
        reply(0, Vec::new())
    }

    /// The refusal of a bad option, for a collection that exists (redis-server checks
    /// them only then).
    pub(crate) fn refusal(&self) -> Option<Reply> {
        self.bad_option.clone().map(Reply::Error)
    }

    /// The members one call answers, and the cursor to go on from: a compact collection's
    /// members all, in its order (`compact`), with cursor 0, whatever the cursor and COUNT;
    /// a large one's page by scan order from `large(cursor, count)`.
    pub(crate) fn select(
        &self,
        compact: Option<Vec<Bytes>>,
        large: impl FnOnce(u64, usize) -> (u64, Vec<Bytes>),
    ) -> (u64, Vec<Bytes>) {
        match compact {
            Some(members) => (0, members),
            None => large(self.cursor, self.count),
        }
    }

    /// The reply for a page of members with values (a hash's fields, a sorted set's
    /// members): `member, value, ...`, MATCH applied, each value rendered by `render`;
    /// `value_of` skips a member that is gone.
    pub(crate) fn answer_pairs<V>(
        &self,
        (cursor, page): (u64, Vec<Bytes>),
        value_of: impl Fn(&Bytes) -> Option<V>,
        render: impl Fn(V) -> Bytes,
    ) -> Reply {
        let glob = self.pattern.as_deref().map(Glob::new);
        let mut flat = Vec::with_capacity(page.len() * 2);
        for member in page {
            if glob.as_ref().is_some_and(|glob| !glob.matches(&member)) {
                continue;
            }
            if let Some(value) = value_of(&member) {
                flat.push(Reply::Bulk(member));
                flat.push(Reply::Bulk(render(value)));
            }
        }
        reply(cursor, flat)
    }

    /// The reply for a page of bare members (a set's), MATCH applied.
    pub(crate) fn answer_members(&self, (cursor, page): (u64, Vec<Bytes>)) -> Reply {
        let glob = self.pattern.as_deref().map(Glob::new);
        let items = page
            .into_iter()
            .filter(|member| glob.as_ref().is_none_or(|glob| glob.matches(member)))
            .map(Reply::Bulk)
            .collect();
        reply(cursor, items)
    }
}

fn reply(cursor: u64, items: Vec<Reply>) -> Reply {
    Reply::Array(vec![
        Reply::Bulk(Bytes::from(cursor.to_string())),
        Reply::Array(items),
    ])
}
