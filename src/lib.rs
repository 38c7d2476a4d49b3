//! claimcheck: find numeric and dated claims in articles and check them
//! against each other.
//!
//! The pipeline: [`corpus`] (paths → documents) → [`extract`] (text →
//! mentions) → interpret → reconcile → [`render`]. Every stage is a library
//! function; the binary only parses arguments and picks the exit code.

pub mod corpus;
pub mod date;
pub mod extract;
pub mod pipeline;
pub mod render;
pub mod text;
