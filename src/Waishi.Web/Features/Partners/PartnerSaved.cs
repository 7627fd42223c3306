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
