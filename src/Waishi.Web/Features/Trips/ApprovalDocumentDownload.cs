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
        var document = await documents.EnsureIssuedAsync(db, trip, ct);
        if (db.Entry(document).State == EntityState.Added)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two first downloads at once: the other one issued the document.
                db.ChangeTracker.Clear();
                document = await DocumentRegister.CurrentAsync(db, DocumentKinds.TripApproval, trip.Id, ct)
                    ?? throw new InvalidOperationException($"The approval document of trip {trip.Id} could not be issued.");
            }
        }
        var content = await documents.LoadAsync(db, trip, document, DocumentsSetup.VerifyUrl(configuration, request, document.Code), ct);
        var pdf = documents.Render(content);
        return new(ApprovalDownloadStatus.Ready, trip.State, pdf, $"approval-{document.Number}.pdf");
    }
}
