using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Waishi.Web.Platform.Export;

/// <summary>One data row of an uploaded table: its row number in the file (the header is row 1)
/// and its cells by column name.</summary>
public sealed record TabularRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var v) && v.Length > 0 ? v : null;
}

public sealed record TabularData(IReadOnlyList<string> Columns, IReadOnlyList<TabularRow> Rows);

/// <summary>Thrown when an upload is not a table we can read; the message is shown to the user.</summary>
public sealed class TabularFormatException(string message) : Exception(message);

/// <summary>
/// Reads an uploaded CSV or .xlsx (first sheet): the first row names the columns, every later
/// non-empty row is data. Empty rows (trailing ones especially, which Excel likes to keep) are skipped.
/// </summary>
public static class TabularReader
{
    public static TabularData Read(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        List<(int Number, List<string> Cells)> raw;
        try
        {
            raw = extension switch
            {
                ".csv" or ".txt" => ReadCsv(content),
                ".xlsx" => ReadXlsx(content),
                _ => throw new TabularFormatException("Upload a .csv or .xlsx file."),
            };
        }
        catch (Exception e) when (e is not TabularFormatException and not OperationCanceledException)
        {
            // Whatever a damaged or disguised file makes the parsers throw, the user gets a message, not an error page.
            throw new TabularFormatException(extension == ".xlsx"
                ? "The file is not an Excel workbook (.xlsx) that can be read."
                : "The file is not a CSV file that can be read: save it as \"CSV UTF-8\" and try again.");
        }
        if (raw.Count == 0 || raw[0].Cells.All(string.IsNullOrWhiteSpace))
        {
            throw new TabularFormatException("The file is empty: the first row must name the columns.");
        }
        var columns = raw[0].Cells.Select(c => c.Trim()).ToList();
        var rows = new List<TabularRow>();
        foreach (var (number, cells) in raw.Skip(1))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Length > 0 && !map.ContainsKey(columns[i]))
                {
                    map[columns[i]] = i < cells.Count ? cells[i].Trim() : "";
                }
            }
            rows.Add(new TabularRow(number, map));
        }
        return new TabularData(columns, rows);
    }

    /// <summary>"A" for 0, "Z" for 25, "AA" for 26.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    private static List<(int Number, List<string> Cells)> ReadCsv(Stream content)
    {
        // Byte-order marks are honoured, UTF-8 is assumed otherwise (what we write and what Excel saves as "CSV UTF-8").
        var bytes = new MemoryStream();
        content.CopyTo(bytes);
        RequireUtf8(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        bytes.Position = 0;
        var options = CsvReaderOptions.Default with { HasHeader = false, TrackLineNumbers = true };
        var rows = new List<(int, List<string>)>();
        using var csv = CsvReader.Create(bytes, options, true);
        while (csv.Read())
        {
            var cells = new List<string>(csv.FieldCount);
            for (var i = 0; i < csv.FieldCount; i++)
            {
                cells.Add(Unescape(csv.GetString(i) ?? ""));
            }
            rows.Add(((int)csv.LineNumber, cells));
        }
        return rows;
    }

    public const string NotUtf8 = "The file is not UTF-8 text (it may be saved as GBK or UTF-16): save it as \"CSV UTF-8\" and upload it again.";

    /// <summary>
    /// A file with a UTF-8 or UTF-16 byte-order mark is read as such; otherwise it must be valid UTF-8
    /// without NUL characters. GBK or UTF-16 without a mark would otherwise be read as garbled names.
    /// </summary>
    private static void RequireUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return;
        }
        if (bytes.Contains((byte)0) || !System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw new TabularFormatException(NotUtf8);
        }
    }

    /// <summary>
    /// Our CSV export puts ' before a value starting with = + - @ so that a spreadsheet shows it as
    /// text instead of running it; reading such a file back drops that mark again.
    /// </summary>
    private static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    private static List<(int Number, List<string> Cells)> ReadXlsx(Stream content)
    {
        SpreadsheetDocument document;
        try
        {
            var copy = new MemoryStream();
            content.CopyTo(copy);
            copy.Position = 0;
            RequireModestUnpackedSize(copy);
            copy.Position = 0;
            document = SpreadsheetDocument.Open(copy, false);
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException)
        {
            throw new TabularFormatException("The file is not an Excel workbook (.xlsx) that can be read.");
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new TabularFormatException("The workbook has no sheets.");
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new TabularFormatException("The workbook has no sheets.");
            var sheet = (WorksheetPart)workbook.GetPartById(first.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var rows = new List<(int, List<string>)>();
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < index)
                    {
                        cells.Add("");
                    }
                    cells.Add(Text(cell, shared));
                }
                rows.Add(((int)(row.RowIndex?.Value ?? (uint)rows.Count + 1), cells));
            }
            return rows;
        }
    }

    /// <summary>What a workbook may unpack to: far above any real directory, far below a zip bomb.</summary>
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;

    public const string TooLargeUnpacked = "The workbook unpacks to more than 64 MB: it is damaged or not a staff list. Save it again or split it.";

    /// <summary>
    /// Unpacks every entry and counts the bytes that actually come out, stopping at the limit: the
    /// sizes an archive declares are written by whoever made it and a forged header would pass a
    /// check that trusts them. (The runtime's reader also stops an entry at its declared size, so a
    /// forged sheet comes out cut and is refused as not a workbook; the count does not depend on
    /// that.) The declared sizes still refuse an honest large workbook at once.
    /// </summary>
    private static void RequireModestUnpackedSize(Stream xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(xlsx, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
        {
            throw new TabularFormatException(TooLargeUnpacked);
        }
        long total = 0;
        var buffer = new byte[1 << 16];
        foreach (var entry in zip.Entries)
        {
            using var unpacked = entry.Open();
            int n;
            while ((n = unpacked.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += n;
                if (total > MaxUnpackedBytes)
                {
                    throw new TabularFormatException(TooLargeUnpacked);
                }
            }
        }
    }

    private static string Text(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, out var i) && i < shared.Count ? shared[i] : "";
        }
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }
        return cell.CellValue?.Text ?? "";
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }
}
