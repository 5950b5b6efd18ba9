//! `export` and `import`: a timeline to or from another tool's format, warnings on stderr
//! for what the other format cannot carry.

use crate::cli::{ErasArg, ExportFormat, GroupByArg, ImportFormat};
use crate::error::Error;
use crate::interop::{self, ImportError, timelinejs};
use crate::load::{self, Input, RawActorKind};
use crate::output;

use super::{Outcome, print_bytes, stdout, warn_all};

/// `export --to …`: the whole timeline in another format.
pub fn export(
    input: &Input,
    to: ExportFormat,
    group_by: Option<GroupByArg>,
    eras: Option<ErasArg>,
    picked: &[String],
    style: crate::model::calendar::DateStyle,
) -> Result<Outcome, Error> {
    let sheet_like = matches!(to, ExportFormat::TimelineJs | ExportFormat::Csv);
    if !sheet_like && (group_by.is_some() || eras.is_some() || !picked.is_empty()) {
        return Err(Error::Usage(
            "--group-by, --eras and --era are options of '--to timelinejs' and '--to csv' only"
                .to_owned(),
        ));
    }
    let options = timelinejs::ExportOptions {
        group_by: group_by.map(Into::into).unwrap_or_default(),
        // Eras picked by id are shown as picked, overlaps warned about.
        eras: match eras {
            Some(eras) => eras.into(),
            None if picked.is_empty() => timelinejs::EraSelection::default(),
            None => timelinejs::EraSelection::All,
        },
        dates: style,
    };
    let mut timeline = crate::meter::load(input)?;
    if !picked.is_empty() {
        timeline = timelinejs::pick_eras(timeline, picked).map_err(Error::Usage)?;
    }
    // Warnings about the built-in timeline name it so, not by a path the user has not got.
    let name = match input {
        Input::Embedded => "the built-in timeline".to_owned(),
        _ => input.name(),
    };
    let mut out = stdout();
    match to {
        ExportFormat::TimelineJs => {
            let exported = timelinejs::export(&timeline, options);
            warn_all(&name, &exported.warnings);
            output::write_json_line(&mut out, &exported.document).map_err(Error::Output)?;
        }
        ExportFormat::Json => {
            output::write_json_line(&mut out, &interop::document::timeline_json(&timeline))
                .map_err(Error::Output)?;
        }
        ExportFormat::Markdown => {
            interop::markdown::write_in(&mut out, &timeline, style).map_err(Error::Output)?;
        }
        ExportFormat::Csv => {
            let warnings =
                interop::csv::write(&mut out, &timeline, options).map_err(Error::Output)?;
            warn_all(&name, &warnings);
        }
        ExportFormat::Ron => {
            let text = output::ron_format::timeline_text(&timeline).map_err(Error::Output)?;
            std::io::Write::write_all(&mut out, text.as_bytes()).map_err(Error::Output)?;
        }
    }
    std::io::Write::flush(&mut out).map_err(Error::Output)?;
    Ok(Outcome::Printed)
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
    super::warn_placed(&name, &imported.warnings);
    print_bytes(text.as_bytes())
}
