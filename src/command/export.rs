//! `export` and `import`: a timeline to or from another tool's format, warnings on stderr
//! for what the other format cannot carry.

use crate::cli::{ErasArg, ExportFormat, FilterArgs, GroupByArg};
use crate::error::Error;
use crate::interop::{self, ImportError, timelinejs};
use crate::load::{self, Input, RawActorKind};
use crate::output;
use crate::tui::time::svg;

use super::{Outcome, print_bytes, stdout, warn_all};

/// `export --to …`: the whole timeline in another format.
pub fn export(
    input: &Input,
    to: ExportFormat,
    group_by: Option<GroupByArg>,
    eras: Option<ErasArg>,
    style: crate::model::calendar::DateStyle,
    (width, filter): (Option<u32>, &FilterArgs),
) -> Result<Outcome, Error> {
    if to != ExportFormat::TimelineJs && (group_by.is_some() || eras.is_some()) {
        return Err(Error::Usage(
            "--group-by and --eras are options of '--to timelinejs' only".to_owned(),
        ));
    }
    if to != ExportFormat::Svg && (width.is_some() || filter.is_set()) {
        return Err(Error::Usage(
            "--width and the filter flags are options of '--to svg' only".to_owned(),
        ));
    }
    let options = timelinejs::ExportOptions {
        group_by: group_by.map(Into::into).unwrap_or_default(),
        eras: eras.map(Into::into).unwrap_or_default(),
        dates: style,
    };
    let timeline = crate::meter::load(input)?;
    let mut out = stdout();
    let mut outcome = Outcome::Printed;
    match to {
        ExportFormat::TimelineJs => {
            let exported = timelinejs::export(&timeline, options);
            warn_all(&input.name(), &exported.warnings);
            output::write_json_line(&mut out, &exported.document).map_err(Error::Output)?;
        }
        ExportFormat::Json => {
            output::write_json_line(&mut out, &interop::document::timeline_json(&timeline))
                .map_err(Error::Output)?;
        }
        ExportFormat::Markdown => {
            interop::markdown::write_in(&mut out, &timeline, style).map_err(Error::Output)?;
        }
        ExportFormat::Ron => {
            let text = output::ron_format::timeline_text(&timeline).map_err(Error::Output)?;
            std::io::Write::write_all(&mut out, text.as_bytes()).map_err(Error::Output)?;
        }
        ExportFormat::Svg => {
            // The filter picks the events drawn; the lanes, eras and axis follow them.
            let events =
                super::args::to_filter_in(&timeline, filter, style.hijri)?.apply(&timeline);
            let options = svg::SvgOptions {
                width: width.unwrap_or(svg::DEFAULT_WIDTH),
                dates: style,
            };
            svg::write_events(&mut out, &timeline, &events, options).map_err(Error::Output)?;
            if events.is_empty() {
                // The empty picture is written all the same; the status says it is empty,
                // as `list` does.
                warn_all(
                    &input.name(),
                    &["no event matches the filter; the picture shows none".to_owned()],
                );
                outcome = Outcome::NothingMatched;
            }
        }
    }
    std::io::Write::flush(&mut out).map_err(Error::Output)?;
    Ok(outcome)
}

/// `import --from timelinejs PATH`: a timeline file on stdout, warnings on stderr.
pub fn import(path: &str, group_kind: RawActorKind) -> Result<Outcome, Error> {
    let input = Input::from_arg(path);
    let name = input.name();
    let bytes = interop::read_input(&input)?;
    let options = timelinejs::ImportOptions {
        name: name.clone(),
        group_kind,
    };
    let imported = timelinejs::import(&bytes, &options)?;
    let text = timelinejs::to_ron(&imported.timeline, &name);
    // The import promises a file that 'check' accepts. Checking costs little, and a bug
    // then surfaces here instead of in the user's file.
    if let Err(e) = load::parse(&text, "the imported timeline") {
        return Err(ImportError::Invalid {
            name,
            report: e.to_string(),
        }
        .into());
    }
    warn_all(&name, &imported.warnings);
    print_bytes(text.as_bytes())
}
