namespace Waishi.Web.Features.DueDiligence.Screening;

/// <summary>
/// The current tenant's screening entries (risk profiles and the current versions of its watchlists)
/// with a stamp that changes whenever any of them changes, so that a cached index is rebuilt and
/// screened subjects are screened again.
/// </summary>
public interface IScreeningEntrySource
{
    Task<ScreeningEntrySet> LoadAsync(CancellationToken ct);
}

public sealed record ScreeningEntrySet(IReadOnlyList<ScreeningEntry> Entries, long Stamp);
