using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Projects;

/// <summary>What a user types for a project, on the form and in the API body.</summary>
public sealed class ProjectInput
{
    public sealed class InvestigatorRow
    {
        public InvestigatorSide? Side { get; set; }
        /// <summary>Ours: a staff member of the tenant, or leave empty and type <see cref="Name"/>.</summary>
        public Guid? StaffMemberId { get; set; }
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? Email { get; set; }
        /// <summary>Partner side: which of the project's partners.</summary>
        public Guid? PartnerId { get; set; }

        public bool IsBlank => StaffMemberId is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Email);
    }

    public long Version { get; set; }
    public ProjectKind? Kind { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleZh { get; set; }
    public List<Guid>? PartnerIds { get; set; }
    public Guid? UnitId { get; set; }
    public List<InvestigatorRow>? Investigators { get; set; }
    public string? FundingSource { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public ProjectStatus? Status { get; set; }
    public string? Summary { get; set; }
    public string? Notes { get; set; }
    public Guid? OfficerUserId { get; set; }
    public Guid? AgreementId { get; set; }

    public static ProjectInput From(CooperationProject p) => new()
    {
        Version = p.Version, Kind = p.Kind, TitleEn = p.TitleEn, TitleZh = p.TitleZh, PartnerIds = p.PartnerIds(), UnitId = p.UnitId,
        Investigators = [.. p.Investigators.OrderBy(i => i.SortOrder).Select(i => new InvestigatorRow
        {
            Side = i.Side, StaffMemberId = i.StaffMemberId, Name = i.Name, Title = i.Title, Email = i.Email, PartnerId = i.PartnerId,
        })],
        FundingSource = p.FundingSource, Amount = p.Amount, Currency = p.Currency, StartOn = p.StartOn, EndOn = p.EndOn, Status = p.Status,
        Summary = p.Summary, Notes = p.Notes, OfficerUserId = p.OfficerUserId, AgreementId = p.AgreementId,
    };

    /// <summary>Checks the shape of the input; each error names the field and says how to fix it.</summary>
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new(nameof(Kind), "Choose the kind of project."));
        }
        if (string.IsNullOrWhiteSpace(TitleEn))
        {
            errors.Add(new(nameof(TitleEn), "Enter the English title."));
        }
        Check(errors, nameof(TitleEn), TitleEn, 300);
        Check(errors, nameof(TitleZh), TitleZh, 300);
        Check(errors, nameof(FundingSource), FundingSource, 200);
        Check(errors, nameof(Summary), Summary, 4000);
        Check(errors, nameof(Notes), Notes, 4000);
        PartnerIds = [.. (PartnerIds ?? []).Where(id => id != Guid.Empty).Distinct()];
        if (PartnerIds.Count == 0)
        {
            errors.Add(new(nameof(PartnerIds), "Choose at least one partner institution."));
        }
        if (Amount is < 0)
        {
            errors.Add(new(nameof(Amount), "Enter the amount as zero or more."));
        }
        else if (Amount is > 999_999_999_999m)
        {
            errors.Add(new(nameof(Amount), "Enter an amount below one trillion."));
        }
        Currency = string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim().ToUpperInvariant();
        if (Currency is not null && (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(new(nameof(Currency), "Enter the currency as a three-letter ISO 4217 code, such as CNY, EUR or USD."));
        }
        else if (Amount is not null && Currency is null)
        {
            errors.Add(new(nameof(Currency), "Enter the currency of the amount as a three-letter ISO 4217 code, such as CNY."));
        }
        if (StartOn is null)
        {
            errors.Add(new(nameof(StartOn), "Enter the start date."));
        }
        else if (EndOn is { } end && end < StartOn)
        {
            errors.Add(new(nameof(EndOn), "The end date must be on or after the start date {0}.", StartOn.Value.ToString("yyyy-MM-dd")));
        }
        if (Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add(new(nameof(Status), "Choose the status."));
        }
        Investigators = [.. (Investigators ?? []).Where(r => !r.IsBlank)];
        for (var i = 0; i < Investigators.Count; i++)
        {
            var row = Investigators[i];
            var field = $"{nameof(Investigators)}[{i}]";
            if (row.Side is not { } side || !Enum.IsDefined(side))
            {
                errors.Add(new($"{field}.{nameof(row.Side)}", "Choose our side or the partner's side."));
                continue;
            }
            if (side == InvestigatorSide.Ours && row.StaffMemberId is null && string.IsNullOrWhiteSpace(row.Name))
            {
                errors.Add(new($"{field}.{nameof(row.Name)}", "Choose a member of staff or type the name of our investigator."));
            }
            if (side == InvestigatorSide.Partner)
            {
                if (string.IsNullOrWhiteSpace(row.Name))
                {
                    errors.Add(new($"{field}.{nameof(row.Name)}", "Enter the name of the partner's investigator."));
                }
                if (row.PartnerId is not { } partner || !PartnerIds.Contains(partner))
                {
                    errors.Add(new($"{field}.{nameof(row.PartnerId)}", "Choose which of the project's partners the investigator belongs to."));
                }
            }
            Check(errors, $"{field}.{nameof(row.Name)}", row.Name, 200);
            Check(errors, $"{field}.{nameof(row.Title)}", row.Title, 200);
            if (!string.IsNullOrWhiteSpace(row.Email) && (row.Email.Trim().Length > 256 || !System.Net.Mail.MailAddress.TryCreate(row.Email.Trim(), out _)))
            {
                errors.Add(new($"{field}.{nameof(row.Email)}", "Enter an e-mail address such as name@example.org, or leave it empty."));
            }
        }
        return errors;
    }

    private static void Check(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "Shorten this to at most {0} characters.", max));
        }
    }

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
