using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Visits.Letters;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visits.Closure;

/// <summary>/Visits/Closure/{id}: the host records the actual visit (销签) and writes the summary; a
/// global relations officer or director publishes the summary on the notice page.</summary>
public sealed class RecordModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ClosureInput Form { get; set; } = new();

    public Visit Visit { get; private set; } = null!;
    public VisitDocsAccess Access { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var v = Visit;
        Form = new ClosureInput
        {
            ActualArrivalDate = v.ActualArrivalDate ?? v.ArrivalDate, ActualDepartureDate = v.ActualDepartureDate ?? v.DepartureDate,
            Members = [.. v.Members.OrderBy(m => m.SortOrder).Select(m => new MemberCame { MemberId = m.Id, Came = m.Came ?? true })],
            ActualMembersNote = v.ActualMembersNote, Report = v.ClosureReport, SummaryTitle = v.SummaryTitle ?? v.Title,
            SummaryText = v.SummaryText, Version = v.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(id, tracked: true))
        {
            return NotFound();
        }
        if (!Access.CanClose(Visit))
        {
            return Forbid();
        }
        ModelState.Clear();
        var errors = Form.Validate(Visit);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                ModelState.AddModelError($"Form.{e.Field}", t[e.Message, e.Arguments]);
            }
            return Page();
        }
        db.ExpectVersion(Visit, Form.Version);
        Form.Apply(Visit, User.GetUserId()!.Value, clock.GetUtcNow().UtcDateTime);
        if (await db.TrySaveAsync(ct) is { } stale)
        {
            ModelState.AddModelError("", t[stale.Message]);
            await LoadAsync(id);
            return Page();
        }
        TempData["Status"] = t["The closure was recorded."].Value;
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, long version) => PublishAsync(id, version, true);

    public Task<IActionResult> OnPostUnpublishAsync(Guid id, long version) => PublishAsync(id, version, false);

    private async Task<IActionResult> PublishAsync(Guid id, long version, bool publish)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(id, tracked: true))
        {
            return NotFound();
        }
        if (!Access.CanPublish)
        {
            return Forbid();
        }
        if (publish && (Visit.State != VisitState.Closed || string.IsNullOrWhiteSpace(Visit.SummaryTitle) || string.IsNullOrWhiteSpace(Visit.SummaryText)))
        {
            ModelState.AddModelError("", t["Only the summary of a closed visit, with a title and a text, can be published."]);
            await OnGetAsync(id);
            return Page();
        }
        db.ExpectVersion(Visit, version);
        Visit.SummaryPublished = publish;
        Visit.SummaryPublishedUtc = publish ? clock.GetUtcNow().UtcDateTime : null;
        if (await db.TrySaveAsync(ct) is { } stale)
        {
            await OnGetAsync(id);
            ModelState.AddModelError("", t[stale.Message]);
            return Page();
        }
        TempData["Status"] = (publish ? t["The summary is published on the notice page."] : t["The summary was taken off the notice page."]).Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, bool tracked = false)
    {
        var ct = HttpContext.RequestAborted;
        Access = await VisitDocsAccess.ForAsync(db, User, ct);
        Today = Trips.TripsSetup.Today(clock);
        var query = Access.Visible(db).Include(v => v.Members);
        var visit = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return false;
        }
        Visit = visit;
        return true;
    }
}
