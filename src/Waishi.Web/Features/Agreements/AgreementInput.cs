using System.Globalization;
using System.Text.RegularExpressions;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements;

/// <summary>What the agreement form and the API post. Blank rows are ignored.</summary>
public sealed partial class AgreementInput
{
    public long Version { get; set; }
    public string? Title { get; set; }
    public AgreementType? Type { get; set; }
    public Guid? SigningUnitId { get; set; }
    public Guid? OfficerUserId { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public bool AutoRenew { get; set; }
    public int? RenewalMonths { get; set; }
    /// <summary>ISCED-F lines: "0610 Computer science".</summary>
    public string? SubjectAreas { get; set; }
    public string? Notes { get; set; }
    public List<PartyRow> Parties { get; set; } = [];
    public List<SignatoryRow> Signatories { get; set; } = [];
    public List<QuotaRow> Quotas { get; set; } = [];

    public sealed class PartyRow
    {
        public Guid? PartnerId { get; set; }
    }

    public sealed class SignatoryRow
    {
        /// <summary>The partner the person signs for; empty for our side.</summary>
        public Guid? PartnerId { get; set; }
        public string? Name { get; set; }
        public string? Title { get; set; }
        public DateOnly? SignedOn { get; set; }
    }

    public sealed class QuotaRow
    {
        public Guid? PartnerId { get; set; }
        public MobilityDirection Direction { get; set; }
        public MobilityKind Kind { get; set; }
        public int? FirstYear { get; set; }
        public int? LastYear { get; set; }
        public int? PlacesPerYear { get; set; }
        public decimal? MonthsPerYear { get; set; }
        public decimal? DaysPerYear { get; set; }
        public bool Blended { get; set; }
        public string? SubjectAreas { get; set; }
        /// <summary>EQF levels 5 to 8, separated by commas.</summary>
        public string? EqfLevels { get; set; }
        /// <summary>One per line: "en B2", optionally with an ISCED-F code ("de B1 0610").</summary>
        public string? LanguageSkills { get; set; }
        public string? OtherTerms { get; set; }
    }

    public static AgreementInput From(Agreement a) => new()
    {
        Version = a.Version, Title = a.Title, Type = a.Type, SigningUnitId = a.SigningUnitId, OfficerUserId = a.OfficerUserId,
        SignedOn = a.SignedOn, EffectiveOn = a.EffectiveOn, ExpiresOn = a.ExpiresOn, AutoRenew = a.AutoRenew, RenewalMonths = a.RenewalMonths,
        SubjectAreas = a.SubjectAreas, Notes = a.Notes,
        Parties = [.. a.Parties.OrderBy(p => p.SortOrder).Select(p => new PartyRow { PartnerId = p.PartnerId })],
        Signatories = [.. a.Signatories.OrderBy(s => s.SortOrder).Select(s => new SignatoryRow { PartnerId = s.PartnerId, Name = s.Name, Title = s.Title, SignedOn = s.SignedOn })],
        Quotas = [.. a.Quotas.OrderBy(q => q.SortOrder).Select(q => new QuotaRow
        {
            PartnerId = q.PartnerId, Direction = q.Direction, Kind = q.Kind, FirstYear = q.FirstYear, LastYear = q.LastYear,
            PlacesPerYear = q.PlacesPerYear, MonthsPerYear = q.MonthsPerYear, DaysPerYear = q.DaysPerYear, Blended = q.Blended,
            SubjectAreas = q.SubjectAreas, EqfLevels = q.EqfLevels, LanguageSkills = q.LanguageSkills, OtherTerms = q.OtherTerms,
        })],
    };

    /// <summary>Drops blank rows, so that the row numbers of the errors match the rows kept.</summary>
    public void DropBlankRows()
    {
        Parties = [.. Parties.Where(p => p.PartnerId is not null)];
        Signatories = [.. Signatories.Where(s => TextFields.Optional(s.Name) is not null || TextFields.Optional(s.Title) is not null || s.SignedOn is not null)];
        Quotas = [.. Quotas.Where(q => q.PartnerId is not null || q.FirstYear is not null || q.LastYear is not null || q.PlacesPerYear is not null
            || q.MonthsPerYear is not null || q.DaysPerYear is not null || TextFields.Optional(q.SubjectAreas) is not null
            || TextFields.Optional(q.EqfLevels) is not null || TextFields.Optional(q.LanguageSkills) is not null)];
    }

    /// <summary>Checks the shape of the input; each error names the field and says how to fix it.
    /// Whether the partners, the unit and the officer exist is checked by <see cref="AgreementWriter"/>.</summary>
    public List<FieldError> Validate()
    {
        DropBlankRows();
        var errors = new List<FieldError>();
        Title = Title?.Trim();
        if (string.IsNullOrEmpty(Title))
        {
            errors.Add(new(nameof(Title), "Enter the title of the agreement."));
        }
        Length(errors, nameof(Title), Title, 300);
        if (Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(new(nameof(Type), "Choose the type of agreement."));
        }
        if (Parties.Count == 0)
        {
            errors.Add(new("Parties[0].PartnerId", "Choose at least one partner institution as a party."));
        }
        var parties = new HashSet<Guid>();
        for (var i = 0; i < Parties.Count; i++)
        {
            if (!parties.Add(Parties[i].PartnerId!.Value))
            {
                errors.Add(new($"Parties[{i}].PartnerId", "Party {0}: this partner is already a party; remove the second row.", i + 1));
            }
        }
        if (EffectiveOn is { } from && ExpiresOn is { } to && to <= from)
        {
            errors.Add(new(nameof(ExpiresOn), "The expiry date must be after the effective date ({0:yyyy-MM-dd}).", from));
        }
        if (AutoRenew && RenewalMonths is not (>= 1 and <= 120))
        {
            errors.Add(new(nameof(RenewalMonths), "Enter for how many months the agreement renews itself, from 1 to 120."));
        }
        if (!AutoRenew)
        {
            RenewalMonths = null;
        }
        CheckSubjectAreas(errors, nameof(SubjectAreas), SubjectAreas, 2000);
        Length(errors, nameof(Notes), Notes, 4000);
        for (var i = 0; i < Signatories.Count; i++)
        {
            var s = Signatories[i];
            var field = $"Signatories[{i}]";
            if (TextFields.Optional(s.Name) is null)
            {
                errors.Add(new($"{field}.Name", "Signatory {0}: enter the name of the person who signs.", i + 1));
            }
            Length(errors, $"{field}.Name", s.Name, 200);
            Length(errors, $"{field}.Title", s.Title, 200);
            if (s.PartnerId is { } partner && !parties.Contains(partner))
            {
                errors.Add(new($"{field}.PartnerId", "Signatory {0}: the partner must be one of the parties; choose it among them or our side.", i + 1));
            }
        }
        for (var i = 0; i < Quotas.Count; i++)
        {
            CheckQuota(errors, i, Quotas[i], parties);
        }
        return errors;
    }

    private static void CheckQuota(List<FieldError> errors, int i, QuotaRow q, HashSet<Guid> parties)
    {
        var field = $"Quotas[{i}]";
        var n = i + 1;
        if (q.PartnerId is not { } partner || !parties.Contains(partner))
        {
            errors.Add(new($"{field}.PartnerId", "Quota {0}: choose the partner among the parties of the agreement.", n));
        }
        if (!Enum.IsDefined(q.Direction))
        {
            errors.Add(new($"{field}.Direction", "Quota {0}: choose the direction.", n));
        }
        if (!Enum.IsDefined(q.Kind))
        {
            errors.Add(new($"{field}.Kind", "Quota {0}: choose the kind of mobility.", n));
        }
        if (q.FirstYear is not (>= 2000 and <= 2100))
        {
            errors.Add(new($"{field}.FirstYear", "Quota {0}: enter the first academic year as its start year, such as 2026 for 2026/2027.", n));
        }
        if (q.LastYear is not (>= 2000 and <= 2100))
        {
            errors.Add(new($"{field}.LastYear", "Quota {0}: enter the last academic year as its start year, such as 2028 for 2028/2029.", n));
        }
        else if (q.FirstYear is { } first && q.LastYear < first)
        {
            errors.Add(new($"{field}.LastYear", "Quota {0}: the last academic year cannot be before the first.", n));
        }
        if (q.PlacesPerYear is not (>= 0 and <= 10000))
        {
            errors.Add(new($"{field}.PlacesPerYear", "Quota {0}: enter the places per year as a whole number from 0 to 10,000.", n));
        }
        var student = AgreementLabels.IsStudent(q.Kind);
        if (student)
        {
            if (q.DaysPerYear is not null)
            {
                errors.Add(new($"{field}.DaysPerYear", "Quota {0}: student mobilities count months, not days; leave the days empty.", n));
            }
            if (q.MonthsPerYear is { } months && months is <= 0 or > 9999)
            {
                errors.Add(new($"{field}.MonthsPerYear", "Quota {0}: enter the months per year as a positive number.", n));
            }
            var levels = (q.EqfLevels ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (levels.Any(l => l is not ("5" or "6" or "7" or "8")))
            {
                errors.Add(new($"{field}.EqfLevels", "Quota {0}: EQF levels are 5 to 8, separated by commas, such as 6,7.", n));
            }
            else
            {
                q.EqfLevels = levels.Length == 0 ? null : string.Join(',', levels.Distinct().Order(StringComparer.Ordinal));
            }
        }
        else
        {
            if (q.MonthsPerYear is not null)
            {
                errors.Add(new($"{field}.MonthsPerYear", "Quota {0}: staff mobilities count days, not months; leave the months empty.", n));
            }
            if (q.DaysPerYear is { } days && days is <= 0 or > 9999)
            {
                errors.Add(new($"{field}.DaysPerYear", "Quota {0}: enter the days per year as a positive number.", n));
            }
            if (q.Blended)
            {
                errors.Add(new($"{field}.Blended", "Quota {0}: only student mobilities can be blended.", n));
            }
            if (TextFields.Optional(q.EqfLevels) is not null)
            {
                errors.Add(new($"{field}.EqfLevels", "Quota {0}: EQF levels apply to student mobilities only; leave them empty.", n));
            }
        }
        CheckSubjectAreas(errors, $"{field}.SubjectAreas", q.SubjectAreas, 2000);
        var skills = Lines(q.LanguageSkills).ToList();
        var bad = skills.FindIndex(s => !LanguageSkillLine().IsMatch(s));
        if (bad >= 0)
        {
            errors.Add(new($"{field}.LanguageSkills", "Quota {0}, language skill line {1}: write the language code and the CEFR level, such as \"en B2\" or \"de B1 0610\".", n, bad + 1));
        }
        Length(errors, $"{field}.LanguageSkills", q.LanguageSkills, 1000);
        Length(errors, $"{field}.OtherTerms", q.OtherTerms, 2000);
    }

    private static void CheckSubjectAreas(List<FieldError> errors, string field, string? text, int max)
    {
        var lines = Lines(text).ToList();
        var bad = lines.FindIndex(l => !SubjectAreaLine().IsMatch(l));
        if (bad >= 0)
        {
            errors.Add(new(field, "Subject areas, line {0}: start with a four-digit ISCED-F code, such as \"0610 Computer science\".", bad + 1));
        }
        Length(errors, field, text, max);
    }

    private static void Length(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is { } v && v.Trim().Length > max)
        {
            errors.Add(new(field, "Too long: at most {0} characters.", max.ToString("N0", CultureInfo.InvariantCulture)));
        }
    }

    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    /// <summary>Lines trimmed, blank ones dropped; null when nothing is left.</summary>
    public static string? Tidy(string? text) => Lines(text).ToList() is { Count: > 0 } lines ? string.Join('\n', lines) : null;

    [GeneratedRegex(@"^\d{4}(\s+\S.*)?$")]
    private static partial Regex SubjectAreaLine();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?\s+(A1|A2|B1|B2|C1|C2)(\s+\d{4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageSkillLine();

    /// <summary>Copies the checked input onto <paramref name="a"/>, replacing its rows.</summary>
    public void ApplyTo(Agreement a)
    {
        a.Title = Title?.Trim() ?? "";
        a.Type = Type ?? AgreementType.FrameworkMou;
        a.SigningUnitId = SigningUnitId;
        a.OfficerUserId = OfficerUserId;
        a.SignedOn = SignedOn;
        a.EffectiveOn = EffectiveOn;
        a.ExpiresOn = ExpiresOn;
        a.AutoRenew = AutoRenew;
        a.RenewalMonths = AutoRenew ? RenewalMonths : null;
        a.SubjectAreas = Tidy(SubjectAreas);
        a.Notes = TextFields.Optional(Notes);
        a.Parties.Clear();
        a.Parties.AddRange(Parties.Select((p, i) => new AgreementParty { TenantId = a.TenantId, AgreementId = a.Id, PartnerId = p.PartnerId!.Value, SortOrder = i }));
        a.Signatories.Clear();
        a.Signatories.AddRange(Signatories.Select((s, i) => new AgreementSignatory
        {
            TenantId = a.TenantId, AgreementId = a.Id, PartnerId = s.PartnerId, Name = s.Name?.Trim() ?? "", Title = TextFields.Optional(s.Title),
            SignedOn = s.SignedOn, SortOrder = i,
        }));
        a.Quotas.Clear();
        a.Quotas.AddRange(Quotas.Select((q, i) =>
        {
            var student = AgreementLabels.IsStudent(q.Kind);
            return new AgreementQuota
            {
                TenantId = a.TenantId, AgreementId = a.Id, PartnerId = q.PartnerId!.Value, Direction = q.Direction, Kind = q.Kind,
                FirstYear = q.FirstYear ?? 0, LastYear = q.LastYear ?? 0, PlacesPerYear = q.PlacesPerYear ?? 0,
                MonthsPerYear = student ? q.MonthsPerYear : null, DaysPerYear = student ? null : q.DaysPerYear,
                Blended = student && q.Blended, SubjectAreas = Tidy(q.SubjectAreas), EqfLevels = student ? TextFields.Optional(q.EqfLevels) : null,
                LanguageSkills = Tidy(q.LanguageSkills), OtherTerms = TextFields.Optional(q.OtherTerms), SortOrder = i,
            };
        }));
    }
}
