namespace Waishi.Web.Features.DueDiligence.Screening;

/// <summary>Where a screening entry comes from.</summary>
public enum ScreeningSourceKind
{
    /// <summary>An institution risk profile of the tenant.</summary>
    Profile,
    /// <summary>An entry of one of the tenant's watchlists (its current version).</summary>
    WatchlistEntry,
}

/// <summary>One name of an entry: the primary name, an alias, a Chinese name or an acronym.</summary>
public sealed record ScreeningName(string Text, string? Language = null, bool IsAcronym = false);

/// <summary>
/// What the screening engine matches names against: a profile or a watchlist entry with all its
/// names, its country (ISO 3166 alpha-2) and, for list entries, the dates it is valid between.
/// </summary>
public sealed record ScreeningEntry(
    ScreeningSourceKind Kind,
    Guid Id,
    string PrimaryName,
    IReadOnlyList<ScreeningName> Names,
    string? CountryCode = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? ListName = null);
