using System.Globalization;
using System.Text;
using Waishi.Web.Platform.Auditing;

namespace Waishi.Web.Features.Audit;

/// <summary>Audit entries as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet
/// programs read the Chinese text correctly).</summary>
public static class AuditCsv
{
    private static readonly string[] Header = ["Sequence", "Time (UTC)", "User", "Action", "Entity type", "Entity id", "Changes", "Hash"];

    public static byte[] Write(IEnumerable<AuditEntry> entries)
    {
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var e in entries)
        {
            Line(text, [
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                e.UserName ?? "", e.Action.ToString(), e.EntityType, e.EntityId, AuditDiff.Describe(e), e.Hash,
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    private static string Field(string value)
    {
        // A leading = + - @ would make a spreadsheet evaluate the cell as a formula.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
