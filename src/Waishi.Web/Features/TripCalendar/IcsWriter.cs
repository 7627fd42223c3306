using System.Globalization;
using System.Text;

namespace Waishi.Web.Features.TripCalendar;

/// <summary>
/// Writes an iCalendar object (RFC 5545): CRLF line ends, lines folded at 75 octets without
/// splitting a UTF-8 character, TEXT values escaped, all-day events as DATE values with an
/// exclusive end.
/// </summary>
public sealed class IcsWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _text = new();

    /// <summary>A property whose value is already in iCalendar form (dates, codes, URIs).</summary>
    public IcsWriter Raw(string name, string value) => Line($"{name}:{value}");

    /// <summary>A TEXT property: backslash, semicolon, comma and line breaks are escaped.</summary>
    public IcsWriter Text(string name, string? value) => value is null ? this : Line($"{name}:{Escape(value)}");

    public IcsWriter Date(string name, DateOnly date) => Line($"{name};VALUE=DATE:{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");

    public IcsWriter Utc(string name, DateTime utc) =>
        Line($"{name}:{DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");

    public override string ToString() => _text.ToString();

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    private IcsWriter Line(string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                // A continuation line starts with one space, which counts towards its 75 octets.
                _text.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1;
            }
            _text.Append(rune.ToString());
            octets += size;
        }
        _text.Append("\r\n");
        return this;
    }
}
