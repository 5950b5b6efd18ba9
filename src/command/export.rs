//! `export` and `import`: a timeline to or from another tool's format, warnings on stderr
//! for what the other format cannot carry.

use crate::cli::{ErasArg, ExportFormat, FilterArgs, GroupByArg, ImportFormat};
use crate::error::Error;
use crate::interop::{self, Format, ImportError, timelinejs};
use crate::load::{self, Input, RawActorKind};
use crate::tui::time::svg;
use std::io::Write as _;

use super::{Outcome, load_until_exit, print_bytes, stdout, to_filter_in, warn_all};

/// `export --to …`: the timeline, or the subset the filter flags select, in another format.
pub fn export(
    input: &Input,
    filter_args: &FilterArgs,
    to: Format,
    group_by: Option<GroupByArg>,
    eras: Option<ErasArg>,
    picked: &[String],
    style: crate::model::calendar::DateStyle,
) -> Result<Outcome, Error> {
    let options = interop::WriteOptions {
        timelinejs: timelinejs::ExportOptions {
            group_by: group_by.map(Into::into).unwrap_or_default(),
            // Eras picked by id are shown as picked, overlaps warned about.
            eras: match eras {
                Some(eras) => eras.into(),
                None if picked.is_empty() => timelinejs::EraSelection::default(),
                None => timelinejs::EraSelection::All,
            },
            dates: style,
        },
    };
    let timeline = load_until_exit(input)?;
    // Warnings about the built-in timeline name it so, not by a path the user has not got.
    let name = match input {
        Input::Embedded => "the built-in timeline".to_owned(),
        _ => input.name(),
    };
    let filter = to_filter_in(timeline, filter_args, style.hijri)?;
    let events = (!filter.is_empty()).then(|| filter.apply(timeline));
    if events.as_ref().is_some_and(Vec::is_empty) {
        return Ok(nothing_written(&filter, timeline));
    }
    let subset =
        events.map(|events| crate::query::subset(timeline, &events, &filter.as_flags(timeline)));
    if let Some(subset) = &subset {
        warn_all(&name, &subset.warnings());
    }
    let chosen = subset.as_ref().map_or(timeline, |s| &s.timeline);
    // `--era ID`: the eras picked, by their ids.
    let picked_eras = if picked.is_empty() {
        None
    } else {
        Some(timelinejs::pick_eras(chosen.clone(), picked).map_err(Error::Usage)?)
    };
    let chosen = picked_eras.as_ref().unwrap_or(chosen);
    let mut out = stdout();
    let warnings = interop::write(&mut out, to, chosen, options).map_err(Error::Output)?;
    warn_all(&name, &warnings);
    std::io::Write::flush(&mut out).map_err(Error::Output)?;
    Ok(Outcome::Printed)
}

/// `export --to FORMAT`: the picture drawn here, every other format by `interop`.
pub fn run(
    input: &Input,
    filter_args: &FilterArgs,
    to: ExportFormat,
    options: (Option<GroupByArg>, Option<ErasArg>, &[String], Option<u32>),
    style: crate::model::calendar::DateStyle,
) -> Result<Outcome, Error> {
    let (group_by, eras, picked, width) = options;
    let format = to.format();
    if !matches!(format, Format::TimelineJs | Format::Csv)
        && (group_by.is_some() || eras.is_some() || !picked.is_empty())
    {
        return Err(Error::Usage(
            "--group-by, --eras and --era are options of '--to timelinejs' and '--to csv' only"
                .to_owned(),
        ));
    }
    match format {
        Format::Svg => svg(input, filter_args, width, style),
        _ if width.is_some() => Err(Error::Usage(
            "--width is an option of '--to svg' only".to_owned(),
        )),
        format => export(input, filter_args, format, group_by, eras, picked, style),
    }
}

/// `export --to svg`: the time view as a picture of the events the filter selects.
pub fn svg(
    input: &Input,
    filter_args: &FilterArgs,
    width: Option<u32>,
    style: crate::model::calendar::DateStyle,
) -> Result<Outcome, Error> {
    let timeline = load_until_exit(input)?;
    let filter = to_filter_in(timeline, filter_args, style.hijri)?;
    let events = filter.apply(timeline);
    if events.is_empty() {
        return Ok(nothing_written(&filter, timeline));
    }
    // The filter's events drawn from the whole timeline, rather than a subset timeline as
    // the other formats: the picture is the same (lanes, eras and axis follow the events
    // drawn), without copying a million events first.
    let options = svg::SvgOptions {
        width: width.unwrap_or(svg::DEFAULT_WIDTH),
        dates: style,
    };
    let mut out = stdout();
    svg::write_events(&mut out, timeline, &events, options).map_err(Error::Output)?;
    std::io::Write::flush(&mut out).map_err(Error::Output)?;
    Ok(Outcome::Printed)
}

/// A filter that selects nothing: as `list`, exit 1. Said even off a terminal: the output
/// is a file, and an empty timeline written there in silence would pass for an export.
fn nothing_written(filter: &crate::query::Filter, timeline: &crate::model::Timeline) -> Outcome {
    let _ = writeln!(
        std::io::stderr().lock(),
        "afghan-timeline: no event matches the filter ({}); nothing written",
        crate::sanitize::line(&filter.as_flags(timeline))
    );
    Outcome::NothingMatched
}

/// `import --from timelinejs|csv PATH`: a timeline file on stdout, warnings on stderr.
pub fn import(from: ImportFormat, path: &str, group_kind: RawActorKind) -> Result<Outcome, Error> {
    let input = Input::from_arg(path);
    let name = input.name();
    let kind = match from {
        ImportFormat::TimelineJs => interop::Kind::TimelineJs,
        ImportFormat::Csv => interop::Kind::Sheet,
    };
    let bytes = interop::read_input(&input, kind)?;
    let options = timelinejs::ImportOptions {
        name: name.clone(),
        group_kind,
    };
    let imported = match from {
        ImportFormat::TimelineJs => timelinejs::import(&bytes, &options)?,
        ImportFormat::Csv => interop::csv::import(&bytes, &options)?,
    };
    let what = match from {
        ImportFormat::TimelineJs => "the TimelineJS file",
        ImportFormat::Csv => "the CSV sheet",
    };
    let text = timelinejs::to_ron(&imported.timeline, what, &name);
    // The import promises a file that 'check' accepts. Checking costs little, and a bug
    // then surfaces here instead of in the user's file.
    if let Err(e) = load::parse(&text, "the imported timeline") {
        return Err(ImportError::Invalid {
            name,
            report: e.to_string(),
        }
        .into());
    }
    super::warn_placed(&name, &imported.warnings);
    print_bytes(text.as_bytes())
}
