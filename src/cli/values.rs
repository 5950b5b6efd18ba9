//! The values the flags take (`--to timelinejs`, `--format json`…), as clap parses them,
//! each converted once into the domain type the library uses.

use clap::ValueEnum;

use crate::interop::timelinejs::{EraSelection, GroupBy};
use crate::load::RawActorKind;
use crate::model::calendar::{Calendar, Hijri, Lang};
use crate::output::{ActorFormat, Format};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// TimelineJS JSON, to publish on the web
    #[value(name = "timelinejs")]
    TimelineJs,
    /// A chronology with a heading per era and sources as footnotes
    Markdown,
    /// The whole timeline as one JSON document
    Json,
    /// A timeline file (RON) that loads back and passes 'check': an editable copy
    Ron,
    /// A sheet (CSV) in TimelineJS's Google Sheets layout
    Csv,
    /// A picture of the time view (SVG) to publish; takes the filter flags and --width
    Svg,
}

/// What TimelineJS groups slides by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GroupByArg {
    /// No groups: one row for every slide (lays out at any embed height)
    None,
    /// The first actor, for the actors with the most events that fit; the rest share a row
    Actor,
    /// The first actor's kind (State, Organization, Group, Person)
    Kind,
    /// The era the event starts in
    Era,
}

impl ExportFormat {
    /// The whole-timeline format this names.
    pub fn format(self) -> crate::interop::Format {
        match self {
            ExportFormat::TimelineJs => crate::interop::Format::TimelineJs,
            ExportFormat::Markdown => crate::interop::Format::Markdown,
            ExportFormat::Json => crate::interop::Format::Json,
            ExportFormat::Ron => crate::interop::Format::Ron,
            ExportFormat::Csv => crate::interop::Format::Csv,
            ExportFormat::Svg => crate::interop::Format::Svg,
        }
    }
}

impl From<GroupByArg> for GroupBy {
    fn from(by: GroupByArg) -> GroupBy {
        match by {
            GroupByArg::None => GroupBy::None,
            GroupByArg::Actor => GroupBy::Actor,
            GroupByArg::Kind => GroupBy::Kind,
            GroupByArg::Era => GroupBy::Era,
        }
    }
}

/// Which eras TimelineJS's era band shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ErasArg {
    /// The eras that cover the most days without overlapping: every label readable
    Cover,
    /// Every era, with a warning naming the overlapping pairs
    All,
    /// Only eras that overlap none before them in the file
    Disjoint,
}

impl From<ErasArg> for EraSelection {
    fn from(eras: ErasArg) -> EraSelection {
        match eras {
            ErasArg::Cover => EraSelection::Cover,
            ErasArg::All => EraSelection::All,
            ErasArg::Disjoint => EraSelection::Disjoint,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// TimelineJS JSON, as its documentation describes it
    #[value(name = "timelinejs")]
    TimelineJs,
    /// A sheet (CSV) in TimelineJS's Google Sheets layout
    Csv,
}

/// An actor kind, as a flag value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    State,
    Organization,
    Group,
    Person,
}

impl From<KindArg> for RawActorKind {
    fn from(kind: KindArg) -> RawActorKind {
        match kind {
            KindArg::State => RawActorKind::State,
            KindArg::Organization => RawActorKind::Organization,
            KindArg::Group => RawActorKind::Group,
            KindArg::Person => RawActorKind::Person,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A readable block per event
    Text,
    /// DATE<TAB>ACTORS<TAB>TITLE
    Line,
    /// Event ids only
    Id,
    /// JSON Lines, one object per event
    Json,
    /// As in a timeline file
    Ron,
    /// A Markdown section per event
    Markdown,
    /// CSV for spreadsheets: id,date,precision,title,actors,tags,summary,sources
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ActorFormatArg {
    Text,
    Json,
}

impl From<ActorFormatArg> for ActorFormat {
    fn from(f: ActorFormatArg) -> ActorFormat {
        match f {
            ActorFormatArg::Text => ActorFormat::Text,
            ActorFormatArg::Json => ActorFormat::Json,
        }
    }
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Line => Format::Line,
            FormatArg::Id => Format::Id,
            FormatArg::Json => Format::Json,
            FormatArg::Ron => Format::Ron,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Csv => Format::Csv,
        }
    }
}

/// The calendar dates are shown in beside the Gregorian.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CalendarArg {
    /// The Gregorian calendar alone
    Gregorian,
    /// The Solar Hijri calendar, Afghanistan's official one (24 Asad 1400 SH)
    SolarHijri,
    /// The lunar Hijri calendar (7 Muharram 1443 AH; --hijri says which)
    LunarHijri,
}

impl From<CalendarArg> for Calendar {
    fn from(c: CalendarArg) -> Calendar {
        match c {
            CalendarArg::Gregorian => Calendar::Gregorian,
            CalendarArg::SolarHijri => Calendar::SolarHijri,
            CalendarArg::LunarHijri => Calendar::LunarHijri,
        }
    }
}

/// Which lunar Hijri calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum HijriArg {
    /// Saudi Arabia's published Umm al-Qura table
    #[value(name = "umm-al-qura")]
    UmmAlQura,
    /// The arithmetic (civil) calendar: 11 leap years in 30
    Tabular,
}

impl From<HijriArg> for Hijri {
    fn from(h: HijriArg) -> Hijri {
        match h {
            HijriArg::UmmAlQura => Hijri::UmmAlQura,
            HijriArg::Tabular => Hijri::Tabular,
        }
    }
}

/// The language of the converted dates' month names and digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Latin script: Hamal, Sawr … Hut
    En,
    /// Dari, Arabic script and digits: حمل … حوت
    #[value(name = "fa-AF", alias = "fa_AF", alias = "prs")]
    FaAf,
    /// Pashto, Arabic script and digits: وری … کب
    Ps,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::Latin,
            LangArg::FaAf => Lang::Dari,
            LangArg::Ps => Lang::Pashto,
        }
    }
}
