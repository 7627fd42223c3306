namespace Waishi.Web.Features.Partners;

/// <summary>Told after a partner was created or edited (pages and API), e.g. to screen its names.</summary>
public interface IPartnerSaved
{
    Task SavedAsync(Partner partner, CancellationToken ct);
}

public static class PartnerSavedHooks
{
    public static async Task RunAsync(IServiceProvider services, Partner partner, CancellationToken ct)
    {
        foreach (var hook in services.GetServices<IPartnerSaved>())
        {
            await hook.SavedAsync(partner, ct);
        }
    }
}

/// <summary>Told after a partner was merged into another and the merge was saved (pages and API):
/// the kept partner carries the merged one's names and links now, e.g. to screen it again.</summary>
public interface IPartnerMerged
{
    Task MergedAsync(Partner kept, Guid mergedId, string mergedName, CancellationToken ct);
}
