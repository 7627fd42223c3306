using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.Agreements;

/// <summary>
/// Partners and agreements for tests, written straight to the database (tenant filters lifted).
/// <c>new AgreementBuilder(tenantId, partnerId).Expiring(on).InState(AgreementState.Active)</c>, then
/// <see cref="AgreementData.AddAsync"/>.
/// </summary>
public static class AgreementData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The first bytes of a real PDF are all the upload checks look at.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static Task<Guid> TenantIdAsync(AppFactory app, string code = "CQU") =>
        app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == code).Select(t => t.Id).SingleAsync());

    public static Task<Guid> UserIdAsync(AppFactory app, string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static Task<Guid> UnitIdAsync(AppFactory app, string code) =>
        app.WithDbAsync(db => db.Set<OrgUnit>().Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    /// <summary>A partner of the tenant; the region follows the country (HK, MO and TW are regions).</summary>
    public static Task<Guid> PartnerAsync(AppFactory app, string nameEn = "University of Leeds", string country = "GB", string tenantCode = "CQU") =>
        app.WithDbAsync(async db =>
        {
            var tenantId = await db.Set<Tenant>().Where(t => t.Code == tenantCode).Select(t => t.Id).SingleAsync();
            var partner = new Partner
            {
                TenantId = tenantId, NameEn = nameEn, CountryCode = country, Type = PartnerType.University,
                Region = Partner.RegionOf(country), CreatedUtc = DateTime.UtcNow,
            };
            partner.Index();
            db.Add(partner);
            await db.SaveChangesAsync();
            return partner.Id;
        });

    public static Task<Guid> AddAsync(AppFactory app, AgreementBuilder builder) => app.WithDbAsync(db => AddAsync(db, builder));

    public static async Task<Guid> AddAsync(AppDbContext db, AgreementBuilder builder)
    {
        var agreement = builder.Build();
        if (agreement.CreatedByUserId == Guid.Empty)
        {
            agreement.CreatedByUserId = await db.Users.Where(u => u.TenantId == agreement.TenantId).Select(u => u.Id).FirstAsync();
        }
        db.Add(agreement);
        foreach (var document in builder.Documents)
        {
            document.UploadedByUserId = agreement.CreatedByUserId;
            db.Add(document);
        }
        await db.SaveChangesAsync();
        return agreement.Id;
    }

    /// <summary>A signed PDF stored for the agreement, as the upload would store it.</summary>
    public static Task<Guid> AddSignedPdfAsync(AppFactory app, Guid agreementId) => app.WithDbAsync(async db =>
    {
        var agreement = await db.Set<Agreement>().SingleAsync(a => a.Id == agreementId);
        var document = new AgreementDocument
        {
            TenantId = agreement.TenantId, AgreementId = agreementId, Kind = AgreementDocumentKind.Signed, FileName = "signed.pdf",
            ContentType = "application/pdf", Content = Pdf, Size = Pdf.Length, UploadedUtc = DateTime.UtcNow, UploadedByUserId = agreement.CreatedByUserId,
        };
        db.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    });

    public static Task<Agreement> LoadAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<Agreement>().AsNoTracking().Include(a => a.Parties).Include(a => a.Signatories).Include(a => a.Quotas)
            .AsSplitQuery().SingleAsync(a => a.Id == id));
}

/// <summary>Builds an agreement that passes every check: a student exchange with one partner, signed
/// by the university's international office, running five years from today, with one quota each way.</summary>
public sealed class AgreementBuilder
{
    private static int _nextNumber = 5000;
    private readonly Agreement _a;

    public List<AgreementDocument> Documents { get; } = [];

    public AgreementBuilder(Guid tenantId, params Guid[] partners)
    {
        _a = new Agreement
        {
            TenantId = tenantId, Title = "Student exchange agreement", Type = AgreementType.StudentExchange, State = AgreementState.Draft,
            EffectiveOn = AgreementData.Today, ExpiresOn = AgreementData.Today.AddYears(5).AddDays(-1), SubjectAreas = "0610 Computer science",
            CreatedUtc = DateTime.UtcNow,
        };
        foreach (var partner in partners)
        {
            WithParty(partner);
        }
        if (partners.Length > 0)
        {
            var year = AgreementData.Today.Year;
            WithQuota(partners[0], MobilityDirection.Outgoing, MobilityKind.StudentStudies, year, year + 3, 4, months: 5);
            WithQuota(partners[0], MobilityDirection.Incoming, MobilityKind.StaffTeacher, year, year + 3, 2, days: 10);
        }
    }

    public AgreementBuilder WithParty(Guid partnerId)
    {
        _a.Parties.Add(new AgreementParty { TenantId = _a.TenantId, AgreementId = _a.Id, PartnerId = partnerId, SortOrder = _a.Parties.Count });
        return this;
    }

    public AgreementBuilder WithQuota(Guid partnerId, MobilityDirection direction, MobilityKind kind, int first, int last, int places,
        decimal? months = null, decimal? days = null)
    {
        _a.Quotas.Add(new AgreementQuota
        {
            TenantId = _a.TenantId, AgreementId = _a.Id, PartnerId = partnerId, Direction = direction, Kind = kind, FirstYear = first, LastYear = last,
            PlacesPerYear = places, MonthsPerYear = months, DaysPerYear = days, EqfLevels = months is null ? null : "6,7", LanguageSkills = "en B2",
            SortOrder = _a.Quotas.Count,
        });
        return this;
    }

    public AgreementBuilder WithSignatory(string name, Guid? partnerId = null, DateOnly? signedOn = null)
    {
        _a.Signatories.Add(new AgreementSignatory
        {
            TenantId = _a.TenantId, AgreementId = _a.Id, PartnerId = partnerId, Name = name, Title = "President", SignedOn = signedOn,
            SortOrder = _a.Signatories.Count,
        });
        return this;
    }

    public AgreementBuilder Titled(string title)
    {
        _a.Title = title;
        return this;
    }

    public AgreementBuilder OfType(AgreementType type)
    {
        _a.Type = type;
        return this;
    }

    public AgreementBuilder SignedBy(Guid? unitId, Guid? officerUserId)
    {
        _a.SigningUnitId = unitId;
        _a.OfficerUserId = officerUserId;
        return this;
    }

    public AgreementBuilder CreatedBy(Guid userId)
    {
        _a.CreatedByUserId = userId;
        return this;
    }

    public AgreementBuilder Running(DateOnly? from, DateOnly? to)
    {
        _a.EffectiveOn = from;
        _a.ExpiresOn = to;
        return this;
    }

    public AgreementBuilder Expiring(DateOnly on)
    {
        _a.ExpiresOn = on;
        if (_a.EffectiveOn >= on)
        {
            _a.EffectiveOn = on.AddYears(-5);
        }
        return this;
    }

    public AgreementBuilder Renewing(Guid agreementId)
    {
        _a.RenewsAgreementId = agreementId;
        return this;
    }

    /// <summary>Puts the agreement in <paramref name="state"/> with what that state implies: a number
    /// once submitted, an approval time once approved, a signed date and a signed PDF once signed.</summary>
    public AgreementBuilder InState(AgreementState state, string? number = null)
    {
        _a.State = state;
        if (state != AgreementState.Draft)
        {
            _a.Number = number ?? $"AGR-{AgreementData.Today.Year}-{Interlocked.Increment(ref _nextNumber):D4}";
            _a.SubmittedUtc = DateTime.UtcNow;
        }
        if (state is AgreementState.ApprovedForSigning or AgreementState.Active or AgreementState.Expiring or AgreementState.Expired
            or AgreementState.Terminated or AgreementState.Renewed)
        {
            _a.ApprovedUtc = DateTime.UtcNow;
        }
        if (state is AgreementState.Active or AgreementState.Expiring or AgreementState.Expired or AgreementState.Terminated or AgreementState.Renewed)
        {
            _a.SignedOn = _a.EffectiveOn;
            Documents.Add(new AgreementDocument
            {
                TenantId = _a.TenantId, AgreementId = _a.Id, Kind = AgreementDocumentKind.Signed, FileName = "signed.pdf",
                ContentType = "application/pdf", Content = AgreementData.Pdf, Size = AgreementData.Pdf.Length, UploadedUtc = DateTime.UtcNow,
            });
        }
        return this;
    }

    public Agreement Build() => _a;
}
