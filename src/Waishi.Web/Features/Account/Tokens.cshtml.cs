using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Account;

/// <summary>
/// The signed-in user's personal access tokens for the JSON API: list, create (the secret is shown
/// once, in the answer to the create, and only its hash is stored) and revoke.
/// </summary>
public sealed class TokensModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public static readonly int[] Lifetimes = [7, 30, 90, 365];

    public sealed class Input
    {
        [Required(ErrorMessage = "Enter a name that says where the token is used.")]
        [StringLength(100, ErrorMessage = "The name is too long: at most 100 characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [Display(Name = "Expires after")]
        public int ExpiresInDays { get; set; } = 90;
    }

    public sealed record Row(Guid Id, long Version, string Name, string Prefix, DateTime CreatedUtc, DateTime? ExpiresUtc,
        DateTime? LastUsedUtc, DateTime? RevokedUtc);

    [BindProperty]
    public Input Form { get; set; } = new();

    public IReadOnlyList<Row> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just created; never stored, never shown again.</summary>
    public string? NewSecret { get; private set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Guid UserId => User.GetUserId()!.Value;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!Lifetimes.Contains(Form.ExpiresInDays))
        {
            ModelState.AddModelError("Form.ExpiresInDays", t["Choose how long the token stays valid from the list."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var stamp = await db.Users.Where(u => u.Id == UserId).Select(u => u.SecurityStamp).SingleAsync(HttpContext.RequestAborted);
        var secret = AccessTokenHandler.NewSecret();
        db.Add(new PersonalAccessToken
        {
            UserId = UserId,
            Name = Form.Name.Trim(),
            Prefix = secret[..12],
            SecretHash = AccessTokenHandler.Hash(secret),
            CreatedUtc = Now,
            ExpiresUtc = Now.AddDays(Form.ExpiresInDays),
            SecurityStamp = stamp,
        });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        NewSecret = secret;
        ModelState.Clear();
        Form = new Input();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, long version)
    {
        var token = await db.Set<PersonalAccessToken>().FirstOrDefaultAsync(x => x.Id == id && x.UserId == UserId, HttpContext.RequestAborted);
        if (token is null)
        {
            return NotFound();
        }
        if (token.Version != version)
        {
            ModelState.AddModelError("", t[Platform.Api.ApiProblems.ChangedBySomeoneElse]);
            await LoadAsync();
            return Page();
        }
        if (token.RevokedUtc is null)
        {
            token.RevokedUtc = Now;
            db.ExpectVersion(token, version);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Tokens = await db.Set<PersonalAccessToken>().AsNoTracking()
            .Where(x => x.UserId == UserId)
            .OrderByDescending(x => x.CreatedUtc)
            .Select(x => new Row(x.Id, x.Version, x.Name, x.Prefix, x.CreatedUtc, x.ExpiresUtc, x.LastUsedUtc, x.RevokedUtc))
            .ToListAsync(HttpContext.RequestAborted);
}
