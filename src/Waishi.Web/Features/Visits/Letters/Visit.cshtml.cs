using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visits.Letters;

/// <summary>/Visits/Letters/Visit/{id}: the invitation letters of one visit: issue one per member or
/// one for the delegation, download, revoke and re-issue.</summary>
public sealed class VisitModel(AppDbContext db, VisitLetters letters, IConfiguration configuration, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(VisitLetter Letter, IssuedDocument Document, VisitMember? Member);

    public Visit Visit { get; private set; } = null!;
    public List<Row> Letters { get; private set; } = [];
    public VisitDocsAccess Access { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIssueAsync(Guid id, Guid? memberId, bool reissue)
    {
        var ct = HttpContext.RequestAborted;
        Access = await VisitDocsAccess.ForAsync(db, User, ct);
        if (!await Access.Visible(db).AnyAsync(v => v.Id == id, ct))
        {
            return NotFound();
        }
        if (!Access.CanIssueLetters)
        {
            return Forbid();
        }
        var result = await letters.IssueAsync(db, Access.Visible(db), id, memberId, User.GetUserId()!.Value, reissue, ct);
        switch (result.Status)
        {
            case LetterIssueStatus.NotFound:
                return NotFound();
            case LetterIssueStatus.NotApproved:
                ModelState.AddModelError("", t["Invitation letters are issued only for approved visits."]);
                await LoadAsync(id);
                return Page();
            default:
                TempData["Status"] = result.Status == LetterIssueStatus.Existing
                    ? t["This visitor already has a valid letter, number {0}. Revoke it or re-issue it to make a new one.", result.Document!.Number].Value
                    : t["Invitation letter {0} was issued.", result.Document!.Number].Value;
                return RedirectToPage(new { id });
        }
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid letterId)
    {
        var ct = HttpContext.RequestAborted;
        Access = await VisitDocsAccess.ForAsync(db, User, ct);
        var visible = Access.Visible(db);
        var letter = await db.Set<VisitLetter>().FirstOrDefaultAsync(l => l.Id == letterId && l.VisitId == id
            && visible.Any(v => v.Id == l.VisitId), ct);
        if (letter is null)
        {
            return NotFound();
        }
        if (!Access.CanIssueLetters)
        {
            return Forbid();
        }
        var document = await letters.RevokeAsync(db, letter, ct);
        if (await db.TrySaveAsync(ct) is { } stale)
        {
            ModelState.AddModelError("", t[stale.Message]);
            await LoadAsync(id);
            return Page();
        }
        TempData["Status"] = t["Letter {0} was revoked: its code now verifies as revoked.", document?.Number ?? ""].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, Guid letterId)
    {
        var ct = HttpContext.RequestAborted;
        Access = await VisitDocsAccess.ForAsync(db, User, ct);
        var visible = Access.Visible(db);
        var letter = await db.Set<VisitLetter>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.VisitId == id
            && visible.Any(v => v.Id == l.VisitId), ct);
        var document = letter is null ? null : await db.Set<IssuedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == letter.DocumentId, ct);
        if (letter is null || document is null)
        {
            return NotFound();
        }
        var pdf = await letters.RenderAsync(db, letter, document, DocumentsSetup.VerifyUrl(configuration, Request, document.Code), ct);
        return File(pdf, "application/pdf", $"invitation-{document.Number}.pdf");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Access ??= await VisitDocsAccess.ForAsync(db, User, ct);
        var visit = await Access.Visible(db).AsNoTracking().Include(v => v.Members).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return false;
        }
        Visit = visit;
        Letters = await LettersOfAsync(db, id, ct);
        return true;
    }

    public static async Task<List<Row>> LettersOfAsync(AppDbContext db, Guid visitId, CancellationToken ct)
    {
        var rows = await db.Set<VisitLetter>().AsNoTracking().Where(l => l.VisitId == visitId)
            .Join(db.Set<IssuedDocument>(), l => l.DocumentId, d => d.Id, (l, d) => new { l, d })
            .ToListAsync(ct);
        var members = await db.Set<VisitMember>().AsNoTracking().Where(m => m.VisitId == visitId).ToDictionaryAsync(m => m.Id, ct);
        return [.. rows.OrderByDescending(r => r.l.IssuedUtc)
            .Select(r => new Row(r.l, r.d, r.l.MemberId is { } m ? members.GetValueOrDefault(m) : null))];
    }
}
