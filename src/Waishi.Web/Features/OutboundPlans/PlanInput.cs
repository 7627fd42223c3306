using System.Globalization;
using System.Text.RegularExpressions;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>A plan as a form or the API sends it. Lines keep their id so that trips stay linked.</summary>
public sealed class PlanInput
{
    public int Year { get; set; }
    public Guid? UnitId { get; set; }
    public string? Note { get; set; }
    public long Version { get; set; }
    public List<LineInput> Lines { get; set; } = [];

    public sealed class LineInput
    {
        public Guid? Id { get; set; }
        public string? Purpose { get; set; }
        /// <summary>Country or region codes separated by commas: "JP, DE".</summary>
        public string? Countries { get; set; }
        public int People { get; set; } = 1;
        public int Month { get; set; } = 1;
        public decimal Budget { get; set; }
    }
}

/// <summary>The shape rules of a plan; the reasons name the field and the fix.</summary>
public static partial class PlanRules
{
    public const int MaxLines = 200;

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    public static List<FieldError> Check(PlanInput input)
    {
        var errors = new List<FieldError>();
        if (input.Year is < 2000 or > 2100)
        {
            errors.Add(new("Year", "The year must be between {0} and {1}; it is {2}.", 2000, 2100, input.Year));
        }
        if (input.UnitId is null)
        {
            errors.Add(new("UnitId", "Choose the unit whose plan this is."));
        }
        if ((input.Note?.Length ?? 0) > 2000)
        {
            errors.Add(new("Note", "The note is too long: at most {0} characters.", 2000));
        }
        if (input.Lines.Count > MaxLines)
        {
            errors.Add(new("Lines", "A plan has at most {0} lines; this one has {1}.", MaxLines, input.Lines.Count));
        }
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            var n = i + 1;
            if (string.IsNullOrWhiteSpace(line.Purpose))
            {
                errors.Add(new($"Lines[{i}].Purpose", "Line {0}: enter the purpose of the planned trip.", n));
            }
            else if (line.Purpose.Trim().Length > 500)
            {
                errors.Add(new($"Lines[{i}].Purpose", "Line {0}: the purpose is too long, at most {1} characters.", n, 500));
            }
            var codes = OutboundPlanLine.Split(line.Countries);
            if (codes.Count == 0)
            {
                errors.Add(new($"Lines[{i}].Countries", "Line {0}: enter at least one country or region code, such as JP or DE.", n));
            }
            foreach (var code in codes.Where(c => !CountryPattern().IsMatch(c)))
            {
                errors.Add(new($"Lines[{i}].Countries", "Line {0}: \"{1}\" is not a country code; use two letters such as JP, DE or HK.", n, code));
            }
            if (string.Join(",", codes).Length > 100)
            {
                errors.Add(new($"Lines[{i}].Countries", "Line {0}: too many countries; at most {1} characters.", n, 100));
            }
            if (line.People is < 1 or > 500)
            {
                errors.Add(new($"Lines[{i}].People", "Line {0}: the number of people must be between {1} and {2}; it is {3}.", n, 1, 500, line.People));
            }
            if (line.Month is < 1 or > 12)
            {
                errors.Add(new($"Lines[{i}].Month", "Line {0}: the month must be between 1 and 12; it is {1}.", n, line.Month));
            }
            if (line.Budget < 0 || line.Budget > 100_000_000m)
            {
                errors.Add(new($"Lines[{i}].Budget", "Line {0}: the budget must be between 0 and {1} yuan; it is {2}.", n,
                    100_000_000m.ToString("N0", CultureInfo.InvariantCulture), line.Budget.ToString("0.##", CultureInfo.InvariantCulture)));
            }
        }
        return errors;
    }
}
