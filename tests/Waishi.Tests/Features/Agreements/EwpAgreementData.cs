using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Tests.Features.Agreements;

/// <summary>
/// Agreements for the EWP tests, inserted straight into a tenant: our HEI id on the agreement
/// policy, a partner with its HEI id and contacts, and an agreement with quotas and signatories.
/// </summary>
public sealed class EwpAgreementData(AppFactory app, string tenantCode = "CQU")
{
    public Guid TenantId { get; private set; }

    public async Task<Guid> TenantAsync() =>
        TenantId = TenantId != Guid.Empty ? TenantId : await app.WithDbAsync(db => CrossTenant.TenantIdAsync(db, tenantCode));

    /// <summary>Sets (or clears) our institution's HEI id on the tenant's agreement policy.</summary>
    public async Task OurHeiIdAsync(string? heiId)
    {
        var tenant = await TenantAsync();
        await app.WithDbAsync(async db =>
        {
            var policy = await db.Set<AgreementPolicy>().SingleOrDefaultAsync(p => p.TenantId == tenant);
            if (policy is null)
            {
                db.Add(new AgreementPolicy { TenantId = tenant, EwpHeiId = heiId });
            }
            else
            {
                policy.EwpHeiId = heiId;
            }
            await db.SaveChangesAsync();
        });
    }

    public async Task<Guid> PartnerAsync(string nameEn, string? heiId, string country = "PL")
    {
        var tenant = await TenantAsync();
        var partner = new Partner { TenantId = tenant, NameEn = nameEn, CountryCode = country, Type = PartnerType.University, EwpHeiId = heiId, CreatedUtc = DateTime.UtcNow };
        partner.Index();
        partner.Contacts.Add(new PartnerContact { TenantId = tenant, Name = "Jan Kowalski", Role = "Erasmus coordinator", Email = "jan.kowalski@example.pl", Phone = "+48 22 55 20 000" });
        await app.WithDbAsync(async db =>
        {
            db.Add(partner);
            await db.SaveChangesAsync();
        });
        return partner.Id;
    }

    /// <summary>
    /// An active student-and-staff exchange with one partner: outgoing student studies (2 places,
    /// 2026/2027–2028/2029, 10 months, EQF 6 and 7, two subject areas, English B2), incoming staff
    /// teaching (1 place, 5 days) and both signatories.
    /// </summary>
    public async Task<Guid> AgreementAsync(Guid partnerId, string? number = "AGR-2026-0001", Action<Agreement>? change = null, params Guid[] morePartners)
    {
        var tenant = await TenantAsync();
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.TenantId == tenant && u.UserName!.EndsWith(".officer-global")).Select(u => u.Id).SingleAsync());
        var a = new Agreement
        {
            TenantId = tenant, Number = number, Title = "Student and staff exchange", Type = AgreementType.StudentExchange,
            State = AgreementState.Active, OfficerUserId = officer, SignedOn = new DateOnly(2026, 3, 1), EffectiveOn = new DateOnly(2026, 3, 1),
            ExpiresOn = new DateOnly(2029, 8, 31), CreatedUtc = DateTime.UtcNow, CreatedByUserId = officer,
        };
        foreach (var (id, order) in new[] { partnerId }.Concat(morePartners).Select((p, i) => (p, i)))
        {
            a.Parties.Add(new AgreementParty { TenantId = tenant, AgreementId = a.Id, PartnerId = id, SortOrder = order });
        }
        a.Signatories.Add(new AgreementSignatory { TenantId = tenant, AgreementId = a.Id, Name = "Li Ming", Title = "Vice-president", SignedOn = new DateOnly(2026, 2, 20) });
        a.Signatories.Add(new AgreementSignatory { TenantId = tenant, AgreementId = a.Id, PartnerId = partnerId, Name = "Sylwia Nowak", Title = "Rector", SignedOn = new DateOnly(2026, 3, 1), SortOrder = 1 });
        a.Quotas.Add(new AgreementQuota
        {
            TenantId = tenant, AgreementId = a.Id, PartnerId = partnerId, Direction = MobilityDirection.Outgoing, Kind = MobilityKind.StudentStudies,
            FirstYear = 2026, LastYear = 2028, PlacesPerYear = 2, MonthsPerYear = 10m, EqfLevels = "6, 7",
            SubjectAreas = "0613 Software development\n0714", LanguageSkills = "en B2", OtherTerms = "Tuition waived",
        });
        a.Quotas.Add(new AgreementQuota
        {
            TenantId = tenant, AgreementId = a.Id, PartnerId = partnerId, Direction = MobilityDirection.Incoming, Kind = MobilityKind.StaffTeacher,
            FirstYear = 2026, LastYear = 2027, PlacesPerYear = 1, DaysPerYear = 5m, LanguageSkills = "en C1 0613", SortOrder = 1,
        });
        change?.Invoke(a);
        await app.WithDbAsync(async db =>
        {
            db.Add(a);
            await db.SaveChangesAsync();
        });
        return a.Id;
    }

    public Task<Agreement> LoadAsync(Guid id) => app.WithDbAsync(db =>
        db.Set<Agreement>().AsNoTracking().Include(a => a.Parties).Include(a => a.Quotas).Include(a => a.Signatories).SingleAsync(a => a.Id == id));

    public async Task<List<Agreement>> AgreementsAsync()
    {
        var tenant = await TenantAsync();
        return await app.WithDbAsync(db => db.Set<Agreement>().AsNoTracking().Include(a => a.Parties).Include(a => a.Quotas).Include(a => a.Signatories)
            .Where(a => a.TenantId == tenant).ToListAsync());
    }
}
