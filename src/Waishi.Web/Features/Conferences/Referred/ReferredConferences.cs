using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Conferences.Referred;

/// <summary>
/// What the authority may read of an institution's conference: the application behind a case
/// referred to it, and that application's attachments. Everything is reached through the
/// authority's own referral row, so nothing that was not routed to it can be named.
/// </summary>
public static class ReferredConferences
{
    public sealed record Found(WorkflowReferral Referral, Conference Conference);

    /// <summary>The referral of the current (authority) tenant for the case and its application, or null.</summary>
    public static async Task<Found?> FindAsync(AppDbContext db, Guid caseId, CancellationToken ct)
    {
        var referral = await db.Set<WorkflowReferral>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.CaseId == caseId && r.CaseType == CaseTypes.Conference, ct);
        if (referral is null)
        {
            return null;
        }
        var subject = await db.Set<WorkflowCase>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Id == caseId && c.TenantId == referral.SourceTenantId).Select(c => c.SubjectId).FirstOrDefaultAsync(ct);
        if (subject is not { } id)
        {
            return null;
        }
        var conference = await db.Set<Conference>().IgnoreQueryFilters().AsNoTracking().Include(c => c.CoOrganisers).Include(c => c.Countries)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id && c.TenantId == referral.SourceTenantId, ct);
        return conference is null ? null : new Found(referral, conference);
    }

    public static Task<List<ConferenceDocument>> DocumentsAsync(AppDbContext db, Conference c, CancellationToken ct) =>
        db.Set<ConferenceDocument>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.ConferenceId == c.Id && d.TenantId == c.TenantId).OrderBy(d => d.UploadedUtc)
            .Select(d => new ConferenceDocument { Id = d.Id, Kind = d.Kind, FileName = d.FileName, ContentType = d.ContentType, Size = d.Size, UploadedUtc = d.UploadedUtc })
            .ToListAsync(ct);
}
