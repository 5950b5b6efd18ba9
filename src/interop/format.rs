//! The whole-timeline formats, one writer for them all: `export --to FORMAT` and the
//! explorer's `w` both hand a (subset) timeline to [`write`], and `w` picks the format from
//! the file's extension in [`EXTENSIONS`], the one table that mapping lives in.

use std::io::{self, Write};

use crate::model::Timeline;

use super::{document, markdown, timelinejs};

/// A format a whole timeline is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// TimelineJS's JSON, to publish on the web.
    TimelineJs,
    /// A chronology with a heading per era and sources as footnotes.
    Markdown,
    /// The whole timeline as one JSON document.
    Json,
    /// A timeline file (RON) that loads back and passes `check`.
    Ron,
    /// A sheet (CSV) in TimelineJS's Google Sheets layout.
    Csv,
    /// A picture of the time view (SVG). Drawn with the time view's model, which sits
    /// above `interop` in the layers: [`write`] refuses it, and its callers draw it with
    /// `tui::time::svg::write_format`.
    Svg,
}

impl Format {
    /// The name `export --to` takes and the status line shows.
    pub fn name(self) -> &'static str {
        match self {
            Format::TimelineJs => "timelinejs",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Ron => "ron",
            Format::Csv => "csv",
            Format::Svg => "svg",
        }
    }
}

/// A file's extension (lower case, no dot) and the format `w` writes it in. `.json` is
/// TimelineJS's: publishing is what a reader writes a JSON file for; the plain JSON
/// document is `export --to json`'s.
pub const EXTENSIONS: &[(&str, Format)] = &[
    ("json", Format::TimelineJs),
    ("md", Format::Markdown),
    ("ron", Format::Ron),
    ("csv", Format::Csv),
    ("svg", Format::Svg),
];

/// The format for a path, from its extension (any case); the reason when there is none.
pub fn format_for_path(path: &str) -> Result<Format, String> {
    let known = || {
        EXTENSIONS
            .iter()
            .map(|(ext, _)| format!(".{ext}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(ext) = std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
    else {
        return Err(format!(
            "no extension to tell the format; end it in {}",
            known()
        ));
    };
    let lower = ext.to_lowercase();
    EXTENSIONS
        .iter()
        .find(|(e, _)| *e == lower)
        .map(|(_, f)| *f)
        .ok_or_else(|| {
            format!(
                "unknown extension '.{}'; use {}",
                crate::sanitize::line(ext),
                known()
            )
        })
}

/// The options of the formats that have some; a new format's own join here, so that
/// `export` and `w` pass them the same way.
#[derive(Clone, Copy, Debug, Default)]
pub struct WriteOptions {
    /// TimelineJS's groups and eras, and the date style, which the Markdown chronology
    /// shows its dates in too.
    pub timelinejs: timelinejs::ExportOptions,
}

/// Writes `timeline` in `format` to `out`; returns what the format could not carry, as
/// warnings for the caller to show.
pub fn write(
    out: &mut dyn Write,
    format: Format,
    timeline: &Timeline,
    options: WriteOptions,
) -> io::Result<Vec<String>> {
    match format {
        Format::TimelineJs => {
            let exported = timelinejs::export(timeline, options.timelinejs);
            crate::output::write_json_line(out, &exported.document)?;
            return Ok(exported.warnings);
        }
        Format::Json => {
            crate::output::write_json_line(out, &document::timeline_json(timeline))?;
        }
        Format::Markdown => markdown::write_in(out, timeline, options.timelinejs.dates)?,
        Format::Ron => {
            let text = crate::output::ron_format::timeline_text(timeline)?;
            out.write_all(text.as_bytes())?;
        }
        Format::Csv => return super::csv::write(out, timeline, options.timelinejs),
        Format::Svg => {
            return Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "an SVG picture is drawn by the time view, not by interop::write",
            ));
        }
    }
    Ok(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_map_to_formats_in_any_case() {
        assert_eq!(format_for_path("story.json"), Ok(Format::TimelineJs));
        assert_eq!(format_for_path("a/b/Notes.MD"), Ok(Format::Markdown));
        assert_eq!(format_for_path("copy.ron"), Ok(Format::Ron));
        assert_eq!(format_for_path("sheet.CSV"), Ok(Format::Csv));
        let err = format_for_path("story.docx").unwrap_err();
        assert!(err.contains("'.docx'") && err.contains(".json"), "{err}");
        assert!(
            format_for_path("story")
                .unwrap_err()
                .contains("no extension")
        );
    }
}
