using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Trips;

/// <summary>A member of the delegation as the document prints them.</summary>
public sealed record ApprovalMember(BiText Name, BiText Unit, string? Title, BiText Role);

/// <summary>A line of the approval history: the step (its role), who acted, what they did, when.</summary>
public sealed record ApprovalStep(BiText Step, string By, BiText Action, DateTime AtUtc, string? Comment);

/// <summary>Everything the trip's approval document (批件) prints.</summary>
public sealed record ApprovalContent(Trip Trip, Tenant Tenant, BiText Unit, IReadOnlyList<ApprovalMember> Members,
    IReadOnlyList<string> Destinations, IReadOnlyList<ApprovalStep> History, IssuedDocument Document, string VerifyUrl);

/// <summary>
/// The approval document of a trip: issued (registered with a verification code) when the trip is
/// finally approved, or on its first download, and rendered as a bilingual PDF.
/// </summary>
public sealed class ApprovalDocuments(DocumentRegister register, CjkFont font, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The trip's valid approval document, or a new one staged in <paramref name="db"/>;
    /// the caller saves. Only for trips in <see cref="TripState.Approved"/>.</summary>
    public async Task<IssuedDocument> EnsureIssuedAsync(AppDbContext db, Trip trip, CancellationToken ct)
    {
        if (trip.State != TripState.Approved)
        {
            throw new InvalidOperationException($"Trip {trip.Id} is {trip.State}: only approved trips get an approval document.");
        }
        if (await DocumentRegister.CurrentAsync(db, DocumentKinds.TripApproval, trip.Id, ct) is { } current)
        {
            return current;
        }
        var members = await MembersAsync(db, trip, ct);
        var destinations = trip.Destinations.Count > 0 ? trip.Destinations
            : await db.Set<TripDestination>().IgnoreQueryFilters().Where(d => d.TripId == trip.Id && d.TenantId == trip.TenantId).ToListAsync(ct);
        var facts = new DocumentFacts(
            string.Join("; ", members.Select(m => m.Name.ToString())),
            string.Join("; ", destinations.OrderBy(d => d.SortOrder).Select(d => $"{Country(d.CountryCode)} {d.City}")),
            trip.DepartureDate, trip.ReturnDate);
        return await register.EnsureAsync(db, trip.TenantId, DocumentKinds.TripApproval, trip.Id, trip.Number, facts, ct);
    }

    /// <summary>After an approved amendment: revokes the trip's document (its code then verifies as
    /// revoked) and stages a new one with a new code and the number suffixed "-2", "-3" …; the caller saves.</summary>
    public async Task<IssuedDocument> ReissueAsync(AppDbContext db, Trip trip, CancellationToken ct)
    {
        await register.RevokeAsync(db, DocumentKinds.TripApproval, trip.Id, ct);
        return await EnsureIssuedAsync(db, trip, ct);
    }

    /// <summary>What the document prints, read from the trip (with its collections), its case and the register entry.</summary>
    public async Task<ApprovalContent> LoadAsync(AppDbContext db, Trip trip, IssuedDocument document, string verifyUrl, CancellationToken ct)
    {
        var tenant = await db.Set<Tenant>().AsNoTracking().FirstAsync(t => t.Id == trip.TenantId, ct);
        var unit = await db.Set<OrgUnit>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == trip.UnitId && u.TenantId == trip.TenantId, ct);
        var destinations = trip.Destinations.OrderBy(d => d.SortOrder)
            .GroupBy(d => d.CountryCode)
            .Select(g => $"{Country(g.Key)}: {string.Join(", ", g.Select(d => d.City))}")
            .ToList();
        return new ApprovalContent(trip, tenant, unit is null ? new BiText("", "") : new BiText(unit.NameZh, unit.NameEn),
            await MembersAsync(db, trip, ct), destinations, await HistoryAsync(db, trip, ct), document, verifyUrl);
    }

    public byte[] Render(ApprovalContent content) => ApprovalDocumentPdf.Render(content, font.Family, new Bilingual(localizer));

    private async Task<List<ApprovalMember>> MembersAsync(AppDbContext db, Trip trip, CancellationToken ct)
    {
        var members = trip.Members.Count > 0 ? trip.Members
            : await db.Set<TripMember>().IgnoreQueryFilters().Where(m => m.TripId == trip.Id && m.TenantId == trip.TenantId).ToListAsync(ct);
        var ids = members.Select(m => m.StaffMemberId).ToList();
        var people = await db.Set<StaffMember>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.TenantId == trip.TenantId).ToDictionaryAsync(s => s.Id, ct);
        var unitIds = people.Values.Where(p => p.UnitId != null).Select(p => p.UnitId!.Value).Distinct().ToList();
        var units = await db.Set<OrgUnit>().IgnoreQueryFilters().AsNoTracking()
            .Where(u => unitIds.Contains(u.Id) && u.TenantId == trip.TenantId).ToDictionaryAsync(u => u.Id, ct);
        var t = new Bilingual(localizer);
        return [.. members.OrderBy(m => m.SortOrder).Select(m =>
        {
            var person = people.GetValueOrDefault(m.StaffMemberId);
            var unit = person?.UnitId is { } u ? units.GetValueOrDefault(u) : null;
            return new ApprovalMember(
                new BiText(person?.NameZh ?? "", person?.NameEn ?? person?.NameZh ?? ""),
                unit is null ? new BiText("", "") : new BiText(unit.NameZh, unit.NameEn),
                person?.Title, t[TripLabels.Of(m.Role)]);
        })];
    }

    /// <summary>Submissions and approvals of the trip's case, oldest first, with the role of each step.</summary>
    private async Task<List<ApprovalStep>> HistoryAsync(AppDbContext db, Trip trip, CancellationToken ct)
    {
        if (trip.CaseId is not { } caseId)
        {
            return [];
        }
        var chainVersion = await db.Set<WorkflowCase>().IgnoreQueryFilters().Where(c => c.Id == caseId).Select(c => (Guid?)c.ChainVersionId).FirstOrDefaultAsync(ct);
        var steps = chainVersion is { } v
            ? await db.Set<WorkflowStep>().IgnoreQueryFilters().Where(s => s.ChainVersionId == v).ToDictionaryAsync(s => s.Position, s => s.Role, ct)
            : [];
        var shown = new[] { WorkflowAction.Submit, WorkflowAction.Resubmit, WorkflowAction.Approve };
        var entries = await db.Set<WorkflowEntry>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.CaseId == caseId && shown.Contains(e.Action)).OrderBy(e => e.AtUtc).ToListAsync(ct);
        var t = new Bilingual(localizer);
        return [.. entries.Select(e => new ApprovalStep(
            e.Action == WorkflowAction.Approve && steps.TryGetValue(e.Step, out var role)
                ? Bilingual.Of(() => Platform.Localization.RoleNames.Of(role, localizer))
                : t["Applicant"],
            e.UserName,
            e.Action switch
            {
                WorkflowAction.Approve => t["Approved"],
                WorkflowAction.Resubmit => t["Resubmitted"],
                _ => t["Submitted"],
            },
            e.AtUtc, e.Comment))];
    }

    /// <summary>The Chinese and English names of a country or region; Hong Kong, Macao and Taiwan as regions of China.</summary>
    private BiText Country(string code)
    {
        var t = new Bilingual(localizer);
        switch (code.ToUpperInvariant())
        {
            case "HK": return t["Hong Kong, China"];
            case "MO": return t["Macao, China"];
            case "TW": return t["Taiwan, China"];
        }
        try
        {
            // DisplayName is in the UI language of the thread that first asks; EnglishName always English.
            var english = new RegionInfo(code).EnglishName;
            return new BiText(Bilingual.Of(() => new RegionInfo(code).DisplayName).Zh, english);
        }
        catch (ArgumentException)
        {
            return new BiText(code, code);
        }
    }
}
