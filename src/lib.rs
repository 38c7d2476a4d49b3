//! claimcheck: find numeric and dated claims in articles and check them
//! against each other.
//!
//! The pipeline: [`corpus`] (paths → documents) → [`extract`] (text →
//! mentions) → [`interpret`] (mentions → keyed claims, using the
//! [`catalog`]) → [`reconcile`] (claims → findings) and [`checks`] →
//! [`render`]. Every stage is a library function; the binary only parses
//! arguments and picks the exit code.

pub mod baseline;
pub mod cache;
pub mod catalog;
pub mod checks;
pub mod claims_io;
pub mod corpus;
pub mod date;
pub mod extract;
pub mod hash;
pub mod interpret;
pub mod pipeline;
pub mod progress;
pub mod reconcile;
pub mod render;
pub mod report;
pub mod text;
pub mod timing;
pub mod touch;
