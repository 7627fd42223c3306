using System.Text.Json;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

/// <summary>
/// Which column of a list file holds which field. The defaults are the columns of the US
/// Consolidated Screening List CSV (name, alt_names separated by ";", addresses, source, programs,
/// start_date, end_date, remarks), so that list imports without a mapping. In a JSON list (an array
/// of objects, or an object with a "results" array) the columns are the property names.
/// </summary>
public sealed class WatchlistMapping
{
    /// <summary>A column that identifies an entry across versions; empty uses name + source + programs.</summary>
    public string? IdColumn { get; set; }
    public string NameColumn { get; set; } = "name";
    public string? AliasesColumn { get; set; } = "alt_names";
    public string AliasSeparator { get; set; } = ";";
    public string? CountryColumn { get; set; } = "country";
    public string? AddressesColumn { get; set; } = "addresses";
    public string? SourceColumn { get; set; } = "source";
    public string? ProgramsColumn { get; set; } = "programs";
    public string? StartDateColumn { get; set; } = "start_date";
    public string? EndDateColumn { get; set; } = "end_date";
    public string? RemarksColumn { get; set; } = "remarks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static WatchlistMapping FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new WatchlistMapping();
        }
        try
        {
            return JsonSerializer.Deserialize<WatchlistMapping>(json, Json) ?? new WatchlistMapping();
        }
        catch (JsonException)
        {
            return new WatchlistMapping();
        }
    }
}
