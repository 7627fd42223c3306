using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>Deciding one hit: a true match (a note is required) or a false positive.</summary>
[Authorize(Policy = Policies.ScreeningReviews)]
public sealed class DecideModel(AppDbContext db, ReviewDecisions decisions, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class DecisionForm
    {
        public ScreeningReviewState? Outcome { get; set; }
        public string? Note { get; set; }
        public long Version { get; set; }
    }

    [BindProperty]
    public DecisionForm Form { get; set; } = new();

    public ScreeningReview Review { get; private set; } = null!;

    private async Task<bool> LoadAsync(Guid id)
    {
        var review = await db.Set<ScreeningReview>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted);
        if (review is null)
        {
            return false;
        }
        Review = review;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Form = new DecisionForm { Version = Review.Version, Outcome = Review.IsOpen ? null : Review.State, Note = Review.Note };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        var result = await decisions.DecideAsync(id, new ReviewDecisionInput(Form.Outcome, Form.Note, Form.Version), HttpContext.RequestAborted);
        switch (result.Status)
        {
            case ReviewDecisionStatus.NotFound:
                return NotFound();
            case ReviewDecisionStatus.Done:
                TempData["Status"] = t["The hit on {0} was decided: {1}.", Review.EntryName, t[ReviewLabels.Of(Form.Outcome!.Value)].Value].Value;
                return Redirect("/DueDiligence/Reviews");
            default:
                ModelState.AddAll("Form", result.Errors, t);
                await LoadAsync(id);
                return Page();
        }
    }
}
