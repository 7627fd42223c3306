using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;

namespace Waishi.Web.Features.Trips;

public enum ApprovalDownloadStatus
{
    /// <summary>No such trip, or not one the user may see.</summary>
    NotFound,
    /// <summary>The trip is not (yet) approved: there is no approval document.</summary>
    NotApproved,
    Ready,
}

public sealed record ApprovalDownload(ApprovalDownloadStatus Status, TripState State = default, byte[]? Pdf = null, string? FileName = null);

/// <summary>The download shared by the page (/Trips/{id}/ApprovalDocument) and the API: anyone who
/// may see the trip gets the PDF of an approved trip, issuing its document on first download.</summary>
public sealed class ApprovalDocumentDownload(ApprovalDocuments documents, IConfiguration configuration)
{
    public async Task<ApprovalDownload> GetAsync(AppDbContext db, ClaimsPrincipal user, HttpRequest request, Guid id, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, user, ct);
        var trip = await EditModel.LoadAsync(db, access.Visible(db).AsNoTracking(), id, ct);
        if (trip is null)
        {
            return new(ApprovalDownloadStatus.NotFound);
        }
        if (trip.State != TripState.Approved)
        {
            return new(ApprovalDownloadStatus.NotApproved, trip.State);
        }
        var document = await IssueAsync(db, trip, ct);
        var content = await documents.LoadAsync(db, trip, document, DocumentsSetup.VerifyUrl(configuration, request, document.Code), ct);
        var pdf = documents.Render(content);
        return new(ApprovalDownloadStatus.Ready, trip.State, pdf, $"approval-{document.Number}.pdf");
    }

    /// <summary>The trip's document, issued and saved now if it has none. A unique number or code
    /// taken at the same moment by another request is resolved by looking again.</summary>
    private async Task<IssuedDocument> IssueAsync(AppDbContext db, Trip trip, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var document = await documents.EnsureIssuedAsync(db, trip, ct);
            if (db.Entry(document).State != EntityState.Added)
            {
                return document;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return document;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
