using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Organisation;

namespace Waishi.Tests.Features;

/// <summary>Reads downloaded lists back, independently of the app's own reader.</summary>
public static class Sheets
{
    public static List<List<string>> Xlsx(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().First();
        var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!);
        return [.. worksheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList())];
    }

    public static List<List<string>> Csv(byte[] content)
    {
        using var reader = CsvReader.Create(new MemoryStream(content), CsvReaderOptions.Default with { HasHeader = false }, false);
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) ?? "")]);
        }
        return rows;
    }

    public static Task<OrgUnit> UnitAsync(this AppFactory app, string code) =>
        app.WithDbAsync(db => db.Set<OrgUnit>().SingleAsync(u => u.Code == code));
}
