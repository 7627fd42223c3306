using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Conferences;

/// <summary>What a user types for an application, on the form and in the API body.</summary>
public sealed class ConferenceInput
{
    public sealed class CoOrganiserRow
    {
        public Guid? PartnerId { get; set; }
        public string? Name { get; set; }

        public bool IsBlank => PartnerId is null && string.IsNullOrWhiteSpace(Name);
    }

    public sealed class CountryRow
    {
        public string? CountryCode { get; set; }
        public int? Count { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(CountryCode) && Count is null;
    }

    public long Version { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleZh { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Venue { get; set; }
    public string? City { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? OfficerUserId { get; set; }
    public List<CoOrganiserRow>? CoOrganisers { get; set; }
    public int? ExpectedParticipants { get; set; }
    public int? ExpectedForeign { get; set; }
    public List<CountryRow>? Countries { get; set; }
    public string? Topics { get; set; }
    public bool SensitiveTopics { get; set; }
    public decimal? BudgetTotal { get; set; }
    public string? BudgetCurrency { get; set; }
    public string? BudgetNote { get; set; }
    public bool ForeignNgo { get; set; }
    public string? NgoName { get; set; }
    public string? NgoFilingNote { get; set; }
    public string? LateJustification { get; set; }

    public static ConferenceInput From(Conference c) => new()
    {
        Version = c.Version, TitleEn = c.TitleEn, TitleZh = c.TitleZh, StartDate = c.StartDate, EndDate = c.EndDate, Venue = c.Venue,
        City = c.City, UnitId = c.UnitId, OfficerUserId = c.OfficerUserId,
        CoOrganisers = [.. c.CoOrganisers.OrderBy(o => o.SortOrder).Select(o => new CoOrganiserRow { PartnerId = o.PartnerId, Name = o.PartnerId is null ? o.Name : null })],
        ExpectedParticipants = c.ExpectedParticipants, ExpectedForeign = c.ExpectedForeign,
        Countries = [.. c.Expected.Select(x => new CountryRow { CountryCode = x.CountryCode, Count = x.Count })],
        Topics = c.Topics, SensitiveTopics = c.SensitiveTopics, BudgetTotal = c.BudgetTotal, BudgetCurrency = c.BudgetCurrency,
        BudgetNote = c.BudgetNote, ForeignNgo = c.ForeignNgo, NgoName = c.NgoName, NgoFilingNote = c.NgoFilingNote,
        LateJustification = c.LateJustification,
    };

    /// <summary>Checks the shape of the input; each error names the field and says how to fix it.</summary>
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(TitleEn))
        {
            errors.Add(new(nameof(TitleEn), "Enter the English title."));
        }
        if (string.IsNullOrWhiteSpace(TitleZh))
        {
            errors.Add(new(nameof(TitleZh), "Enter the Chinese title."));
        }
        Check(errors, nameof(TitleEn), TitleEn, 300);
        Check(errors, nameof(TitleZh), TitleZh, 300);
        if (StartDate is null)
        {
            errors.Add(new(nameof(StartDate), "Enter the first day of the conference."));
        }
        if (EndDate is null)
        {
            errors.Add(new(nameof(EndDate), "Enter the last day of the conference."));
        }
        else if (StartDate is { } start && EndDate < start)
        {
            errors.Add(new(nameof(EndDate), "The last day must be on or after the first day {0}.", start.ToString("yyyy-MM-dd")));
        }
        if (string.IsNullOrWhiteSpace(Venue))
        {
            errors.Add(new(nameof(Venue), "Enter the venue."));
        }
        if (string.IsNullOrWhiteSpace(City))
        {
            errors.Add(new(nameof(City), "Enter the city."));
        }
        Check(errors, nameof(Venue), Venue, 300);
        Check(errors, nameof(City), City, 100);
        if (UnitId is null)
        {
            errors.Add(new(nameof(UnitId), "Choose the organising unit."));
        }
        if (ExpectedParticipants is not { } total || total < 1 || total > 1_000_000)
        {
            errors.Add(new(nameof(ExpectedParticipants), "Enter the expected number of participants, from 1 to 1,000,000."));
        }
        if (ExpectedForeign is not { } foreign || foreign < 0 || foreign > 1_000_000)
        {
            errors.Add(new(nameof(ExpectedForeign), "Enter the expected number of foreign participants, 0 or more."));
        }
        else if (ExpectedParticipants is { } all && foreign > all)
        {
            errors.Add(new(nameof(ExpectedForeign), "The foreign participants ({0}) cannot be more than all participants ({1}).", foreign, all));
        }
        CoOrganisers = [.. (CoOrganisers ?? []).Where(r => !r.IsBlank)];
        for (var i = 0; i < CoOrganisers.Count; i++)
        {
            Check(errors, $"{nameof(CoOrganisers)}[{i}].{nameof(CoOrganiserRow.Name)}", CoOrganisers[i].Name, 300);
        }
        Countries = CountryRows(errors, nameof(Countries), Countries);
        if (ExpectedForeign is { } expected && Countries.Sum(c => c.Count ?? 0) > expected)
        {
            errors.Add(new(nameof(Countries), "The participants by country add up to {0}, more than the {1} foreign participants expected.",
                Countries.Sum(c => c.Count ?? 0), expected));
        }
        Check(errors, nameof(Topics), Topics, 2000);
        if (BudgetTotal is < 0 or > 999_999_999_999m)
        {
            errors.Add(new(nameof(BudgetTotal), "Enter the budget as zero or more, below one trillion."));
        }
        BudgetCurrency = string.IsNullOrWhiteSpace(BudgetCurrency) ? null : BudgetCurrency.Trim().ToUpperInvariant();
        if (BudgetCurrency is not null && (BudgetCurrency.Length != 3 || !BudgetCurrency.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(new(nameof(BudgetCurrency), "Enter the currency as a three-letter ISO 4217 code, such as CNY, EUR or USD."));
        }
        else if (BudgetTotal is not null && BudgetCurrency is null)
        {
            errors.Add(new(nameof(BudgetCurrency), "Enter the currency of the amount as a three-letter ISO 4217 code, such as CNY."));
        }
        Check(errors, nameof(BudgetNote), BudgetNote, 2000);
        if (ForeignNgo && string.IsNullOrWhiteSpace(NgoName))
        {
            errors.Add(new(nameof(NgoName), "Name the foreign NGO that takes part."));
        }
        if (ForeignNgo && string.IsNullOrWhiteSpace(NgoFilingNote))
        {
            errors.Add(new(nameof(NgoFilingNote), "Say how the NGO is registered in China or where its temporary activity is filed."));
        }
        Check(errors, nameof(NgoName), NgoName, 300);
        Check(errors, nameof(NgoFilingNote), NgoFilingNote, 2000);
        Check(errors, nameof(LateJustification), LateJustification, 2000);
        return errors;
    }

    /// <summary>Country rows without blanks, each checked: a two-letter code and a count of 1 or more.</summary>
    public static List<CountryRow> CountryRows(List<FieldError> errors, string field, List<CountryRow>? rows)
    {
        var kept = (rows ?? []).Where(r => !r.IsBlank).ToList();
        for (var i = 0; i < kept.Count; i++)
        {
            var row = kept[i];
            row.CountryCode = row.CountryCode?.Trim().ToUpperInvariant();
            if (row.CountryCode is not { Length: 2 } code || !code.All(char.IsAsciiLetterUpper))
            {
                errors.Add(new($"{field}[{i}].{nameof(CountryRow.CountryCode)}", "Enter the country as a two-letter ISO code, such as DE or JP."));
            }
            else if (kept.Take(i).Any(r => r.CountryCode == code))
            {
                errors.Add(new($"{field}[{i}].{nameof(CountryRow.CountryCode)}", "{0} is listed twice: add the numbers up in one row.", code));
            }
            if (row.Count is not { } n || n < 1 || n > 1_000_000)
            {
                errors.Add(new($"{field}[{i}].{nameof(CountryRow.Count)}", "Enter the number of participants from this country, 1 or more."));
            }
        }
        return kept;
    }

    public static void Check(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "Shorten this to at most {0} characters.", max));
        }
    }

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
