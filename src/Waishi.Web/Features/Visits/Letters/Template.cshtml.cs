using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visits.Letters;

/// <summary>/Visits/Letters/Template: the global relations officer or the tenant admin edits the
/// invitation letter's wording, previews it filled with a sample visitor, and saves it. Letters
/// issued earlier keep the text they were issued with.</summary>
public sealed class TemplateModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Enter the {0}."), StringLength(200), Display(Name = "Chinese title")]
        public string TitleZh { get; set; } = "";
        [Required(ErrorMessage = "Enter the {0}."), StringLength(200), Display(Name = "English title")]
        public string TitleEn { get; set; } = "";
        [Required(ErrorMessage = "Enter the {0}."), StringLength(8000), Display(Name = "Chinese text")]
        public string BodyZh { get; set; } = "";
        [Required(ErrorMessage = "Enter the {0}."), StringLength(8000), Display(Name = "English text")]
        public string BodyEn { get; set; } = "";
        public long Version { get; set; }
    }

    [BindProperty]
    public Input Form { get; set; } = new();

    public bool IsDefault { get; private set; }
    public (string TitleZh, string TitleEn, string BodyZh, string BodyEn)? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.HasAnyRole(VisitDocsAccess.TemplateRoles))
        {
            return Forbid();
        }
        var saved = await db.Set<InvitationLetterTemplate>().AsNoTracking().FirstOrDefaultAsync(HttpContext.RequestAborted);
        IsDefault = saved is null;
        var template = saved ?? InvitationLetterTemplate.Default(User.GetTenantId()!.Value);
        Form = new Input { TitleZh = template.TitleZh, TitleEn = template.TitleEn, BodyZh = template.BodyZh, BodyEn = template.BodyEn, Version = template.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action)
    {
        if (!User.HasAnyRole(VisitDocsAccess.TemplateRoles))
        {
            return Forbid();
        }
        var ct = HttpContext.RequestAborted;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (action == "preview")
        {
            Preview = Sample(Form);
            return Page();
        }
        var template = await db.Set<InvitationLetterTemplate>().FirstOrDefaultAsync(ct);
        if (template is null)
        {
            template = new InvitationLetterTemplate { TenantId = User.GetTenantId()!.Value };
            db.Add(template);
        }
        else
        {
            db.ExpectVersion(template, Form.Version);
        }
        template.TitleZh = Form.TitleZh.Trim();
        template.TitleEn = Form.TitleEn.Trim();
        template.BodyZh = Form.BodyZh.Trim();
        template.BodyEn = Form.BodyEn.Trim();
        template.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        if (await db.TrySaveAsync(ct) is { } stale)
        {
            ModelState.AddModelError("", t[stale.Message]);
            return Page();
        }
        TempData["Status"] = t["The letter template was saved. Letters issued from now on use it."].Value;
        return RedirectToPage();
    }

    /// <summary>The template filled with a made-up visitor, to check the wording and the placeholders.</summary>
    private static (string, string, string, string) Sample(Input form)
    {
        var zh = new Dictionary<string, string>
        {
            ["name"] = "玛丽亚·施密特（Maria Schmidt）", ["nationality"] = "德国", ["passport"] = "C01X00T47", ["birth_date"] = "1975-04-12",
            ["title"] = "副校长", ["organisation"] = "Technische Universität München", ["purpose"] = "商谈联合培养项目",
            ["visit_title"] = "慕尼黑工业大学代表团来访", ["arrival"] = "2027-03-01", ["departure"] = "2027-03-04",
            ["unit"] = "机械工程学院", ["institution"] = "重庆大学", ["date"] = "2027-01-15",
        };
        var en = new Dictionary<string, string>(zh)
        {
            ["name"] = "Maria Schmidt", ["nationality"] = "Germany", ["title"] = "Vice-President", ["purpose"] = "Talks on a joint degree programme",
            ["visit_title"] = "Delegation of TU Munich", ["unit"] = "School of Mechanical Engineering", ["institution"] = "Chongqing University",
        };
        return (LetterText.Fill(form.TitleZh, zh), LetterText.Fill(form.TitleEn, en), LetterText.Fill(form.BodyZh, zh), LetterText.Fill(form.BodyEn, en));
    }
}
