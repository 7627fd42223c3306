using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;

namespace Waishi.Web.Platform.Export;

/// <summary>A list ready to leave the system: headers in the reader's language, then the rows as text.</summary>
public sealed record ExportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>
/// Writes a list as CSV or as an Excel workbook. CSV is UTF-8 with a byte-order mark: without it
/// Excel on a Chinese Windows reads the file as GBK and garbles every Chinese name.
/// </summary>
public static class ListExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(ExportTable table)
    {
        using var stream = new MemoryStream();
        // Cells starting with = + - @ are prefixed with ' so that a spreadsheet never runs them as formulas.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, true))
        {
            csv.WriteRecord([.. table.Headers]);
            foreach (var row in table.Rows)
            {
                csv.WriteRecord([.. row.Select(c => c ?? "")]);
            }
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(ExportTable table, string sheetName = "Sheet1")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, table.Headers));
            var index = 1u;
            foreach (var row in table.Rows)
            {
                data.Append(Row(++index, row));
            }
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SafeSheetName(sheetName) });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The download of <paramref name="table"/> as "csv" or "xlsx" (anything else is CSV).</summary>
    public static FileContentResult File(ExportTable table, string? format, string baseName)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? new FileContentResult(Xlsx(table, baseName), XlsxType) { FileDownloadName = $"{baseName}-{stamp}.xlsx" }
            : new FileContentResult(Csv(table), CsvType) { FileDownloadName = $"{baseName}-{stamp}.csv" };
    }

    private static Row Row(uint number, IReadOnlyList<string?> cells)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < cells.Count; i++)
        {
            // Inline strings keep the writer simple; every value is text so that staff numbers
            // such as 000123 keep their leading zeros.
            row.Append(new Cell
            {
                CellReference = TabularReader.ColumnName(i) + number,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(cells[i] ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    private static string SafeSheetName(string name)
    {
        var cleaned = new string([.. name.Where(c => !"[]:*?/\\".Contains(c))]);
        return cleaned.Length is 0 ? "Sheet1" : cleaned[..Math.Min(31, cleaned.Length)];
    }
}
