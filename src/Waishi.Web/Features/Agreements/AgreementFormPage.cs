using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements;

/// <summary>
/// What the create and edit pages share: the form with its rows, the "add row"/"remove row" and
/// "find partners" buttons (answered on the server, keeping what was typed), and saving.
/// </summary>
[Authorize(Policy = Policies.PartnersEditor)]
public abstract class AgreementFormPage(AppDbContext db, AgreementWriter writer, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PartnerChoiceLimit = 200;

    protected AppDbContext Db => db;
    protected AgreementWriter Writer => writer;
    protected IStringLocalizer<SharedResource> T => t;

    [BindProperty]
    public AgreementInput Form { get; set; } = new();

    /// <summary>"save", "find" (narrow the partner lists), "add:Parties", "remove:Quotas:2".</summary>
    [BindProperty]
    public string? Action { get; set; }

    /// <summary>Narrows the partner lists of the party rows to the partners with a matching name.</summary>
    [BindProperty]
    public string? PartnerSearch { get; set; }

    public List<PartnerChoice> PartnerChoices { get; private set; } = [];
    /// <summary>The partners chosen as parties, for the signatory and quota rows.</summary>
    public List<PartnerChoice> PartyChoices { get; private set; } = [];
    public List<OrgUnit> Units { get; private set; } = [];
    public List<UserChoice> Officers { get; private set; } = [];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var chosen = Form.Parties.Where(p => p.PartnerId is not null).Select(p => p.PartnerId!.Value).ToList();
        PartnerChoices = await writer.PartnerChoicesAsync(PartnerSearch, chosen, PartnerChoiceLimit, ct);
        PartyChoices = [.. chosen.Distinct().Select(id => PartnerChoices.FirstOrDefault(p => p.Id == id)).OfType<PartnerChoice>()];
        Units = await writer.UnitChoicesAsync(ct);
        Officers = await writer.OfficerChoicesAsync(ct);
        if (Form.Parties.Count == 0)
        {
            Form.Parties.Add(new AgreementInput.PartyRow());
        }
    }

    /// <summary>Adds or removes a row, or narrows the partner lists, when <see cref="Action"/> asks; true if it did.</summary>
    protected bool ChangeForm()
    {
        if (Action == "find")
        {
            ModelState.Clear();
            return true;
        }
        var parts = (Action ?? "").Split(':');
        if (parts[0] is not ("add" or "remove") || parts.Length < 2)
        {
            return false;
        }
        var index = parts.Length > 2 && int.TryParse(parts[2], out var i) ? i : -1;
        System.Collections.IList rows = parts[1] switch
        {
            "Parties" => Form.Parties,
            "Signatories" => Form.Signatories,
            _ => Form.Quotas,
        };
        if (parts[0] == "add")
        {
            rows.Add(parts[1] switch
            {
                "Parties" => new AgreementInput.PartyRow(),
                "Signatories" => new AgreementInput.SignatoryRow(),
                _ => (object)new AgreementInput.QuotaRow
                {
                    PartnerId = Form.Parties.FirstOrDefault(p => p.PartnerId is not null)?.PartnerId,
                    FirstYear = Form.Quotas.LastOrDefault()?.FirstYear, LastYear = Form.Quotas.LastOrDefault()?.LastYear,
                },
            });
        }
        else if (index >= 0 && index < rows.Count)
        {
            rows.RemoveAt(index);
        }
        // The posted values are shown from the model, not from the posted field names that have shifted.
        ModelState.Clear();
        return true;
    }

    /// <summary>Applies and checks the form; on success the caller saves, otherwise the errors are on the page.</summary>
    protected async Task<bool> ApplyAsync(Agreement agreement, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return false;
        }
        var errors = await writer.ApplyAsync(agreement, Form, User, ct);
        ModelState.AddAll("Form", errors, t);
        return errors.Count == 0;
    }
}
