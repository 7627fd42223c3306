using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Conferences;

/// <summary>The summary of an approved conference: actual participants (total and by country) and outcomes.</summary>
[Authorize(Policy = Policies.Conferences)]
public sealed class SummaryModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public SummaryInput Form { get; set; } = new();

    public Conference Conference { get; private set; } = null!;
    public DateOnly Due { get; private set; }

    public List<ConferenceInput.CountryRow> CountryRows => [.. Form.Countries ?? [], new(), new(), new()];

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracking)
    {
        var c = await ConferenceWriter.LoadAsync(db, id, tracking, HttpContext.RequestAborted);
        var access = ConferenceAccess.For(User);
        if (c is null || !access.Sees(c))
        {
            return NotFound();
        }
        if (!access.CanSummarise(c, TripsSetup.Today(clock)))
        {
            return Forbid();
        }
        Conference = c;
        Due = c.SummaryDue(await ConferencePolicy.LoadAsync(db, HttpContext.RequestAborted));
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id, false) is { } refused)
        {
            return refused;
        }
        Form = SummaryInput.From(Conference);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id, true) is { } refused)
        {
            return refused;
        }
        if (Conference.Version != Form.Version)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return Page();
        }
        ModelState.Clear();
        ModelState.AddAll("Form", ConferenceSummaries.Validate(Form), t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        ConferenceSummaries.Apply(db, Conference, Form, clock.GetUtcNow().UtcDateTime);
        db.ExpectVersion(Conference, Form.Version);
        if (await db.TrySaveAsync(HttpContext.RequestAborted) is not null)
        {
            ModelState.AddModelError("", t[StaleEdit.Message]);
            return Page();
        }
        TempData["Status"] = t["The summary was recorded."].Value;
        return Redirect($"/Conferences/Details/{id}#summary");
    }
}
