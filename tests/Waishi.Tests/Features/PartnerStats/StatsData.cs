using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.PartnerStats;

/// <summary>Partners and agreements of one tenant, inserted directly as entities.</summary>
public sealed class StatsData(AppFactory app, string tenantCode = "CQU")
{
    private Guid? _tenantId;
    private Guid? _userId;

    private async Task<(Guid Tenant, Guid User)> IdsAsync()
    {
        if (_tenantId is null)
        {
            (_tenantId, _userId) = await app.WithDbAsync(async db =>
            {
                var tenant = await db.Set<Tenant>().Where(t => t.Code == tenantCode).Select(t => t.Id).SingleAsync();
                var user = await db.Set<AppUser>().Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
                return ((Guid?)tenant, (Guid?)user);
            });
        }
        return (_tenantId!.Value, _userId!.Value);
    }

    public async Task<Guid> TenantIdAsync() => (await IdsAsync()).Tenant;

    public async Task<Guid> PartnerAsync(string name, string country, PartnerType type = PartnerType.University, PartnerRegion? region = null)
    {
        var (tenant, _) = await IdsAsync();
        var partner = new Partner
        {
            TenantId = tenant, NameEn = name, CountryCode = country, Type = type, Region = region ?? Partner.RegionOf(country),
            CreatedUtc = DateTime.UtcNow,
        };
        partner.Index();
        await app.WithDbAsync(async db =>
        {
            db.Add(partner);
            await db.SaveChangesAsync();
        });
        return partner.Id;
    }

    public async Task<Guid> AgreementAsync(string title, AgreementState state, AgreementType type, params Guid[] partners) =>
        await AgreementAsync(title, state, type, a => { }, partners);

    public async Task<Guid> AgreementAsync(string title, AgreementState state, AgreementType type, Action<Agreement> change, params Guid[] partners)
    {
        var (tenant, user) = await IdsAsync();
        var agreement = new Agreement
        {
            TenantId = tenant, Title = title, State = state, Type = type, CreatedUtc = DateTime.UtcNow, CreatedByUserId = user,
            Parties = [.. partners.Select((p, i) => new AgreementParty { TenantId = tenant, PartnerId = p, SortOrder = i })],
        };
        change(agreement);
        await app.WithDbAsync(async db =>
        {
            db.Add(agreement);
            await db.SaveChangesAsync();
        });
        return agreement.Id;
    }
}
