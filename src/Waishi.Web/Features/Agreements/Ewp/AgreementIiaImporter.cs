using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements.Ewp;

/// <summary>A problem of an import file, at a line (0 when it concerns the whole file), with a page that fixes it.</summary>
public sealed record IiaImportError(int Line, string Message, string? FixUrl = null);

/// <summary>One IIA of the file, seen from our side, with the partner it matches and the agreement that already holds it.</summary>
public sealed record IiaImportItem(int Index, int Line, IiaPerspective View, Guid? PartnerId, string? PartnerName,
    Guid? ExistingAgreementId, string? ExistingLabel)
{
    public string TheirHeiId => View.Them.HeiId;
    public bool AlreadyImported => ExistingAgreementId is not null;
    public bool NeedsPartner => !AlreadyImported && PartnerId is null;
}

public sealed record IiaImportPreview(IReadOnlyList<IiaImportItem> Items, IReadOnlyList<IiaImportError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>How the user resolves an IIA whose partner has no match: an existing partner, or a new one with this name and country.</summary>
public sealed class IiaPartnerChoice
{
    public Guid? PartnerId { get; set; }
    public bool Create { get; set; }
    public string? NewName { get; set; }
    public string? NewCountry { get; set; }
}

public sealed record IiaImported(Guid AgreementId, Guid PartnerId, string Title, string? TheirIiaId);

public sealed record IiaImportOutcome(IReadOnlyList<IiaImported> Created, IReadOnlyList<IiaImportItem> Existing, IReadOnlyList<IiaImportError> Errors);

/// <summary>
/// Imports a partner's IIAs get-response into draft agreements. The file is read and checked by
/// <see cref="IiaImport"/> (schema, our HEI id among the partners, the iia-hash); any error and
/// nothing is imported. Each IIA's partner is matched by HEI id; an IIA whose partner iia-id (or
/// whose id of our copy) an agreement already holds is reported as already imported and left alone.
/// </summary>
public sealed class AgreementIiaImporter(AppDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public async Task<IiaImportPreview> PreviewAsync(string xml, CancellationToken ct)
    {
        var policy = await AgreementPolicy.LoadAsync(db, ct);
        if (string.IsNullOrWhiteSpace(policy.EwpHeiId))
        {
            return new IiaImportPreview([], [new IiaImportError(0, t["Our institution's EWP HEI id is not set. Enter it on the agreement policy page."], AgreementIiaMapper.PolicyUrl)]);
        }
        var read = IiaImport.Read(xml, policy.EwpHeiId.Trim());
        var errors = read.Errors.Select(e => new IiaImportError(e.Line, e.Element is null ? e.Describe(t) : $"<{e.Element}>: {e.Describe(t)}")).ToList();
        if (errors.Count > 0)
        {
            return new IiaImportPreview([], errors);
        }
        var partners = await db.Set<Partner>().AsNoTracking().Where(p => p.EwpHeiId != null)
            .Select(p => new { p.Id, p.NameEn, p.EwpHeiId }).ToListAsync(ct);
        var items = new List<IiaImportItem>();
        foreach (var (candidate, index) in read.Agreements.Select((c, i) => (c, i)))
        {
            var view = candidate.View;
            var partner = partners.FirstOrDefault(p => string.Equals(p.EwpHeiId!.Trim(), view.Them.HeiId.Trim(), StringComparison.OrdinalIgnoreCase));
            var existing = await ExistingAsync(view, ct);
            items.Add(new IiaImportItem(index, candidate.Line, view, partner?.Id, partner?.NameEn, existing?.Id,
                existing is null ? null : existing.Number ?? existing.Title));
        }
        return new IiaImportPreview(items, []);
    }

    private async Task<Agreement?> ExistingAsync(IiaPerspective view, CancellationToken ct)
    {
        var theirs = view.TheirIiaId;
        var ours = view.OurIiaIdAsTheyKnowIt;
        if (theirs is null && ours is null)
        {
            return null;
        }
        return await db.Set<Agreement>().AsNoTracking()
            .Where(a => (theirs != null && a.EwpPartnerIiaId == theirs) || (ours != null && a.EwpIiaId == ours))
            .OrderBy(a => a.CreatedUtc).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Creates the drafts of a checked preview. <paramref name="choices"/> (by item index) resolve the
    /// items without a matching partner; an unresolved one is an error and nothing is written.
    /// </summary>
    public async Task<IiaImportOutcome> ImportAsync(IiaImportPreview preview, IReadOnlyDictionary<int, IiaPartnerChoice> choices,
        string fileName, Guid userId, CancellationToken ct)
    {
        if (!preview.Ok)
        {
            return new IiaImportOutcome([], [], preview.Errors);
        }
        var errors = new List<IiaImportError>();
        var partnerOf = new Dictionary<int, Partner>();
        var newPartners = new Dictionary<string, Partner>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in preview.Items.Where(i => !i.AlreadyImported))
        {
            if (item.PartnerId is { } matched)
            {
                partnerOf[item.Index] = await db.Set<Partner>().SingleAsync(p => p.Id == matched, ct);
                continue;
            }
            var choice = choices.GetValueOrDefault(item.Index);
            if (choice?.PartnerId is { } chosen && await db.Set<Partner>().SingleOrDefaultAsync(p => p.Id == chosen, ct) is { } picked)
            {
                // The partner chosen by hand gets the HEI id (if it has none) so that the next file matches it.
                picked.EwpHeiId ??= item.TheirHeiId.Trim().ToLowerInvariant();
                partnerOf[item.Index] = picked;
            }
            else if (choice is { Create: true })
            {
                if (!newPartners.TryGetValue(item.TheirHeiId, out var created))
                {
                    created = NewPartner(item.TheirHeiId, choice.NewName, choice.NewCountry);
                    newPartners[item.TheirHeiId] = created;
                    db.Add(created);
                }
                partnerOf[item.Index] = created;
            }
            else
            {
                errors.Add(new IiaImportError(item.Line, t["No partner has the EWP HEI id {0}. Choose the partner, or create it.", item.TheirHeiId]));
            }
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new IiaImportOutcome([], [], errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var note = t["Imported from EWP file {0} on {1}.", fileName, DateOnly.FromDateTime(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value;
        var result = new List<IiaImported>();
        foreach (var item in preview.Items.Where(i => !i.AlreadyImported))
        {
            var partner = partnerOf[item.Index];
            var agreement = Draft(item.View, partner, note, userId, now);
            db.Add(agreement);
            result.Add(new IiaImported(agreement.Id, partner.Id, agreement.Title, item.View.TheirIiaId));
        }
        await db.SaveChangesAsync(ct);
        return new IiaImportOutcome(result, [.. preview.Items.Where(i => i.AlreadyImported)], []);
    }

    /// <summary>A partner known only by its HEI id: its name as given (or the HEI id), its country as given or from the domain.</summary>
    public Partner NewPartner(string heiId, string? name, string? country)
    {
        var code = (string.IsNullOrWhiteSpace(country) ? CountryOf(heiId) : country.Trim()).ToUpperInvariant();
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            code = "ZZ";
        }
        var partner = new Partner
        {
            NameEn = string.IsNullOrWhiteSpace(name) ? heiId : name.Trim()[..Math.Min(300, name.Trim().Length)],
            CountryCode = code,
            Region = Partner.RegionOf(code),
            Type = PartnerType.University,
            EwpHeiId = heiId.Trim().ToLowerInvariant(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Notes = t["Created by an EWP import."],
        };
        partner.Index();
        return partner;
    }

    /// <summary>The country a HEI id's top-level domain names (uw.edu.pl → PL), or "ZZ" (unknown).</summary>
    public static string CountryOf(string heiId)
    {
        var tld = heiId.Trim().Split('.').Last();
        return tld.Length == 2 && tld.All(char.IsAsciiLetter) && !tld.Equals("eu", StringComparison.OrdinalIgnoreCase)
            ? (tld.Equals("uk", StringComparison.OrdinalIgnoreCase) ? "GB" : tld.ToUpperInvariant())
            : "ZZ";
    }

    public static Agreement Draft(IiaPerspective view, Partner partner, string note, Guid userId, DateTime now)
    {
        var agreement = new Agreement
        {
            Title = $"{partner.NameEn} IIA"[..Math.Min(300, partner.NameEn.Length + 4)],
            Type = view.Iia.Conditions.Mobilities.Any(m => m.IsStudent) || view.Iia.Conditions.Mobilities.Count == 0
                ? AgreementType.StudentExchange : AgreementType.StaffExchange,
            State = AgreementState.Draft,
            EwpPartnerIiaId = view.TheirIiaId,
            EwpIiaId = view.OurIiaIdAsTheyKnowIt,
            Notes = note,
            CreatedUtc = now,
            CreatedByUserId = userId,
        };
        agreement.Parties.Add(new AgreementParty { AgreementId = agreement.Id, PartnerId = partner.Id });
        var order = 0;
        foreach (var (spec, direction) in view.Outgoing.Select(m => (m, MobilityDirection.Outgoing))
                     .Concat(view.Incoming.Select(m => (m, MobilityDirection.Incoming))))
        {
            agreement.Quotas.Add(Quota(agreement.Id, partner.Id, spec, direction, order++));
        }
        order = 0;
        if (Signatory(agreement.Id, null, view.Us, order) is { } ours)
        {
            agreement.Signatories.Add(ours);
            order++;
        }
        if (Signatory(agreement.Id, partner.Id, view.Them, order) is { } theirs)
        {
            agreement.Signatories.Add(theirs);
        }
        return agreement;
    }

    private static AgreementQuota Quota(Guid agreementId, Guid partnerId, MobilitySpec m, MobilityDirection direction, int order) => new()
    {
        AgreementId = agreementId,
        PartnerId = partnerId,
        Direction = direction,
        Kind = m.Kind,
        FirstYear = StartYear(m.FirstAcademicYear),
        LastYear = StartYear(m.LastAcademicYear),
        PlacesPerYear = m.MobilitiesPerYear,
        MonthsPerYear = m.IsStudent ? m.TotalMonthsPerYear : null,
        DaysPerYear = m.IsStudent ? null : m.TotalDaysPerYear,
        Blended = m.Blended ?? false,
        SubjectAreas = Clip(IiaQuotaTerms.Format(m.SubjectAreas), 2000),
        EqfLevels = Clip(IiaQuotaTerms.Format(m.EqfLevels), 20),
        LanguageSkills = Clip(IiaQuotaTerms.Format(m.LanguageSkills), 1000),
        OtherTerms = Clip(m.OtherInfoTerms?.Trim(), 2000),
        SortOrder = order,
    };

    private static AgreementSignatory? Signatory(Guid agreementId, Guid? partnerId, IiaPartner side, int order)
    {
        var name = side.SigningContact?.Names.FirstOrDefault()?.Text.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        return new AgreementSignatory
        {
            AgreementId = agreementId,
            PartnerId = partnerId,
            Name = Clip(name, 200)!,
            Title = Clip(side.SigningContact!.RoleDescriptions.FirstOrDefault()?.Text.Trim(), 200),
            SignedOn = side.SigningDate,
            SortOrder = order,
        };
    }

    /// <summary>The start year of an academic year id ("2026/2027" → 2026).</summary>
    public static int StartYear(string academicYear) =>
        int.TryParse(academicYear.Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : 0;

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
