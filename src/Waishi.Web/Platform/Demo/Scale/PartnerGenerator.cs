using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Ewp;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>
/// Partner institutions shaped as the Research Organization Registry describes them (ROR ids with
/// their check digits, English, Chinese or local names, acronyms, types, countries, websites),
/// spread over the institutions, then agreements with them: parties, signatories, mobility quotas
/// and the approval case of every agreement that was submitted.
/// </summary>
public sealed class PartnerGenerator : IScaleGenerator
{
    public string Name => "partners";
    public int Order => 200;

    private sealed record City(string Name, string Country, string? Local, string Lang, double Weight);

    private static readonly City[] Cities =
    [
        new("Tokyo", "JP", "東京", "ja", 5), new("Osaka", "JP", "大阪", "ja", 2), new("Kyoto", "JP", "京都", "ja", 2),
        new("Seoul", "KR", null, "ko", 4), new("Busan", "KR", null, "ko", 1), new("Singapore", "SG", null, "en", 3),
        new("Bangkok", "TH", null, "th", 2), new("Kuala Lumpur", "MY", null, "en", 2), new("Hanoi", "VN", null, "vi", 1),
        new("Hong Kong", "HK", "香港", "zh", 4), new("Macao", "MO", "澳门", "zh", 1), new("Taipei", "TW", "台北", "zh", 2),
        new("Berlin", "DE", null, "de", 3), new("Munich", "DE", null, "de", 3), new("Aachen", "DE", null, "de", 1),
        new("Paris", "FR", null, "fr", 3), new("Lyon", "FR", null, "fr", 1), new("London", "GB", null, "en", 4),
        new("Manchester", "GB", null, "en", 2), new("Edinburgh", "GB", null, "en", 1), new("Rome", "IT", null, "it", 1),
        new("Milan", "IT", null, "it", 2), new("Madrid", "ES", null, "es", 1), new("Barcelona", "ES", null, "es", 1),
        new("Amsterdam", "NL", null, "nl", 1), new("Delft", "NL", null, "nl", 1), new("Zurich", "CH", null, "de", 1),
        new("Stockholm", "SE", null, "sv", 1), new("Helsinki", "FI", null, "fi", 1), new("Vienna", "AT", null, "de", 1),
        new("Warsaw", "PL", null, "pl", 1), new("Moscow", "RU", null, "ru", 3), new("Novosibirsk", "RU", null, "ru", 1),
        new("Boston", "US", null, "en", 4), new("New York", "US", null, "en", 4), new("Chicago", "US", null, "en", 2),
        new("San Francisco", "US", null, "en", 3), new("Seattle", "US", null, "en", 2), new("Toronto", "CA", null, "en", 2),
        new("Vancouver", "CA", null, "en", 1), new("Montreal", "CA", null, "fr", 1), new("Sydney", "AU", null, "en", 3),
        new("Melbourne", "AU", null, "en", 2), new("Auckland", "NZ", null, "en", 1), new("São Paulo", "BR", null, "pt", 1),
        new("Mexico City", "MX", null, "es", 1), new("Cairo", "EG", null, "ar", 1), new("Nairobi", "KE", null, "en", 1),
        new("Cape Town", "ZA", null, "en", 1), new("Astana", "KZ", null, "ru", 1), new("Islamabad", "PK", null, "en", 1),
    ];

    private static readonly Weighted<City> CityWeights = new(Cities.Select(c => (c, c.Weight)));

    private static readonly string[] Fields =
    [
        "Technology", "Science and Technology", "Medicine", "Agriculture", "Engineering", "Economics", "Law", "Education",
        "Fine Arts", "Music", "Physics", "Chemistry", "Biology", "Marine Sciences", "Aeronautics", "Telecommunications",
        "Pharmacy", "Social Sciences", "Foreign Studies", "Finance", "Architecture", "Public Health", "Energy", "Materials Science",
    ];

    private static readonly string[] Surnames =
    [
        "Humboldt", "Curie", "Pasteur", "Newton", "Kepler", "Galilei", "Tesla", "Nobel", "Bohr", "Planck", "Darwin", "Faraday",
        "Maxwell", "Fermi", "Hopkins", "Carnegie", "Keio", "Waseda", "Yonsei", "Monash", "McGill", "Aalto", "Chalmers", "Leiden",
        "Ghent", "Bocconi", "Sapienza", "Lomonosov", "Makerere", "Sorbonne", "Bologna", "Salamanca", "Coimbra", "Heidelberg",
    ];

    private static readonly Weighted<PartnerType> Types = new([
        (PartnerType.University, 62), (PartnerType.ResearchInstitute, 20), (PartnerType.Company, 9), (PartnerType.Government, 4),
        (PartnerType.City, 2), (PartnerType.Ngo, 3)]);

    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    public async Task GenerateAsync(ScaleContext context, CancellationToken ct)
    {
        var random = context.Random(Name);
        var workflow = new WorkflowHistory(context, context.Random(Name + ".workflow"));
        var batch = context.NewBatch();
        var institutions = context.City.Institutions;
        var totalStaff = institutions.Sum(t => t.Staff.Count);
        var partnerTotal = context.Options.Count("partners");
        var agreementTotal = context.Options.Count("agreements");
        var serial = 0;

        foreach (var tenant in institutions)
        {
            var share = (double)tenant.Staff.Count / totalStaff;
            var partnerCount = Math.Max(1, (int)Math.Round(partnerTotal * share));
            var partners = new List<(Guid Id, City City, PartnerType Type, string Name)>(partnerCount);
            for (var i = 0; i < partnerCount; i++)
            {
                var city = random.Pick(CityWeights);
                var type = random.Pick(Types);
                var created = context.AsOfUtc.AddDays(-random.Next(30, 3650)).AddMinutes(random.Next(600));
                var (name, local, zh) = Names(random, type, city);
                var ror = type is PartnerType.University or PartnerType.ResearchInstitute or PartnerType.Government || random.Chance(0.4)
                    ? RorId(++serial, context.Options.Seed) : null;
                var domain = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetter).Take(12)]);
                var partner = new Partner
                {
                    Id = random.NextId(created), TenantId = tenant.Id, NameEn = name, NameZh = zh, NameLocal = local,
                    Acronyms = random.Chance(0.4) ? Acronym(name) : null, CountryCode = city.Country, City = city.Name, Type = type,
                    Region = Partner.RegionOf(city.Country), RorId = ror, CreatedUtc = created,
                    Website = $"https://www.{domain}.{city.Country.ToLowerInvariant()}/",
                };
                partner.Index();
                batch.Add(partner);
                partners.Add((partner.Id, city, type, name));
                tenant.Partners.Add(new ScalePartner(partner.Id, name, city.Country));
                await batch.FlushIfAsync(20_000, ct);
            }

            var agreementCount = Math.Max(1, (int)Math.Round(agreementTotal * share));
            var colleges = tenant.Units.Where(u => u.Kind == OrgUnitKind.College).ToList();
            var officer = tenant.Holder(Roles.OfficerGlobal, random);
            var numbers = new Dictionary<int, int>();
            for (var i = 0; i < agreementCount; i++)
            {
                await batch.FlushIfAsync(20_000, ct);
                var type = Roll(random, (AgreementType.FrameworkMou, 30), (AgreementType.StudentExchange, 25), (AgreementType.StaffExchange, 10),
                    (AgreementType.JointDegree, 6), (AgreementType.CooperativeEducation, 3), (AgreementType.ResearchCooperation, 20), (AgreementType.SummerSchool, 6));
                var state = Roll(random, (AgreementState.Active, 45), (AgreementState.Expired, 22), (AgreementState.Expiring, 5), (AgreementState.Renewed, 7),
                    (AgreementState.Terminated, 3), (AgreementState.Draft, 6), (AgreementState.InReview, 6), (AgreementState.Returned, 2),
                    (AgreementState.Rejected, 2), (AgreementState.ApprovedForSigning, 2));
                var created = context.AsOfUtc.AddDays(-random.Next(state is AgreementState.Expired or AgreementState.Renewed ? 1900 : 40, 3600)).AddMinutes(random.Next(600));
                if (state is AgreementState.Draft or AgreementState.InReview or AgreementState.Returned or AgreementState.ApprovedForSigning)
                {
                    created = context.AsOfUtc.AddDays(-random.Next(2, 90)).AddMinutes(-random.Next(600));
                }
                var party = random.Pick(partners);
                var college = colleges.Count > 0 && random.Chance(0.5) ? random.Pick(colleges) : null;
                var creator = college is not null ? random.Pick(tenant.StaffByUnit[college.Id]) : null;
                var a = new Agreement
                {
                    Id = random.NextId(created), TenantId = tenant.Id, Type = type, State = state, SigningUnitId = college?.Id,
                    Title = $"{AgreementLabels.Of(type)} with {party.Name}", OfficerUserId = officer.Id, CreatedUtc = created,
                    CreatedByUserId = creator?.UserId ?? officer.Id, SubjectAreas = random.Pick(Fields),
                };
                batch.Add(a);
                var parties = new List<(Guid Id, City City, PartnerType Type, string Name)> { party };
                if (random.Chance(0.1))
                {
                    var second = random.Pick(partners);
                    if (second.Id != party.Id)
                    {
                        parties.Add(second);
                    }
                }
                for (var p = 0; p < parties.Count; p++)
                {
                    batch.Add(new AgreementParty { Id = random.NextId(created), TenantId = tenant.Id, AgreementId = a.Id, PartnerId = parties[p].Id, SortOrder = p });
                }

                if (state != AgreementState.Draft)
                {
                    var submitted = created.AddMinutes(random.Next(10, 5 * 24 * 60));
                    if (submitted > context.AsOfUtc.AddHours(-2))
                    {
                        submitted = created.AddMinutes(1);
                    }
                    var seq = numbers[submitted.Year] = numbers.GetValueOrDefault(submitted.Year) + 1;
                    a.Number = $"AGR-{submitted.Year}-{seq:D4}";
                    a.SubmittedUtc = submitted;
                    var outcome = state switch
                    {
                        AgreementState.InReview => CaseOutcome.InProgress,
                        AgreementState.Returned => CaseOutcome.Returned,
                        AgreementState.Rejected => CaseOutcome.Rejected,
                        _ => CaseOutcome.Approved,
                    };
                    var applicant = creator is not null ? new ScaleUser(creator.UserId, creator.UserName, creator.Id, creator.NameZh) : officer;
                    var (c, last) = workflow.Write(batch, tenant, AgreementActions.CaseType(type), new CaseFacts(Size: college is null ? 0 : 1),
                        applicant, college?.Id, a.Id, $"{a.Number} {a.Title}", $"No. {a.Number} · {AgreementLabels.Of(type)}",
                        $"/Agreements/Details/{a.Id}", submitted, outcome, random.Next(4), new HashSet<Guid> { applicant.Id });
                    a.CaseId = c.Id;
                    if (outcome == CaseOutcome.Approved)
                    {
                        a.ApprovedUtc = last;
                    }
                    if (state is AgreementState.Active or AgreementState.Expired or AgreementState.Expiring or AgreementState.Renewed or AgreementState.Terminated)
                    {
                        var signed = DateOnly.FromDateTime(last).AddDays(random.Next(5, 60));
                        if (signed > context.AsOf)
                        {
                            signed = context.AsOf;
                        }
                        var years = random.Pick([3, 5, 5, 5]);
                        a.SignedOn = signed;
                        a.EffectiveOn = signed;
                        a.ExpiresOn = state switch
                        {
                            AgreementState.Expiring => context.AsOf.AddDays(random.Next(10, 170)),
                            AgreementState.Active => Later(signed.AddYears(years), context.AsOf.AddDays(190 + random.Next(700))),
                            _ => Earlier(signed.AddYears(years), context.AsOf.AddDays(-random.Next(1, 300))),
                        };
                        a.AutoRenew = random.Chance(0.2);
                        a.RenewalMonths = a.AutoRenew ? 60 : null;
                        if (state == AgreementState.Terminated)
                        {
                            a.TerminatedOn = Earlier(a.ExpiresOn.Value, context.AsOf.AddDays(-random.Next(1, 400)));
                            a.TerminationReason = "The partner closed the programme.";
                        }
                        a.Dormant = state == AgreementState.Active && random.Chance(0.1);
                        for (var s = 0; s < 2; s++)
                        {
                            var (zh, en) = DemoNames.Person(random.Raw);
                            batch.Add(new AgreementSignatory
                            {
                                Id = random.NextId(created), TenantId = tenant.Id, AgreementId = a.Id, SortOrder = s,
                                PartnerId = s == 0 ? null : party.Id, SignedOn = signed,
                                Name = s == 0 ? zh : $"{random.Pick(Surnames)} {en.Split(' ')[0]}", Title = s == 0 ? "Vice President" : "Rector",
                            });
                        }
                    }
                }
                if (type is AgreementType.StudentExchange or AgreementType.StaffExchange or AgreementType.JointDegree or AgreementType.SummerSchool)
                {
                    var firstYear = (a.EffectiveOn ?? DateOnly.FromDateTime(created)).Year;
                    var q = 0;
                    foreach (var direction in new[] { MobilityDirection.Outgoing, MobilityDirection.Incoming })
                    {
                        var kind = type == AgreementType.StaffExchange ? MobilityKind.StaffTeacher : MobilityKind.StudentStudies;
                        batch.Add(new AgreementQuota
                        {
                            Id = random.NextId(created), TenantId = tenant.Id, AgreementId = a.Id, PartnerId = party.Id, Direction = direction,
                            Kind = kind, FirstYear = firstYear, LastYear = firstYear + 4, PlacesPerYear = 1 + random.Next(type == AgreementType.SummerSchool ? 20 : 6),
                            MonthsPerYear = kind == MobilityKind.StudentStudies ? 5 * (1 + random.Next(2)) : null,
                            DaysPerYear = kind == MobilityKind.StaffTeacher ? 5 + random.Next(10) : null,
                            SubjectAreas = a.SubjectAreas, EqfLevels = kind == MobilityKind.StudentStudies ? "6,7" : null, SortOrder = q++,
                        });
                    }
                }
            }
        }
        await batch.FlushAsync(ct);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>English name, local name (or null) and Chinese name (or null).</summary>
    private static (string Name, string? Local, string? Zh) Names(ScaleRandom r, PartnerType type, City city)
    {
        var field = r.Pick(Fields);
        var surname = r.Pick(Surnames);
        var name = type switch
        {
            PartnerType.University => r.Next(6) switch
            {
                0 => $"University of {city.Name}",
                1 => $"{city.Name} University of {field}",
                2 => $"{surname} University",
                3 => $"{city.Name} College of {field}",
                4 => $"{city.Name} Institute of {field}",
                _ => $"{surname} University of {field}",
            },
            PartnerType.ResearchInstitute => r.Next(3) switch
            {
                0 => $"{city.Name} Institute for {field} Research",
                1 => $"{surname} Laboratory of {field}",
                _ => $"National Centre for {field}, {city.Name}",
            },
            PartnerType.Company => $"{r.Pick(["Nordlicht", "Bluewater", "Redwood", "Silverline", "Goldcrest", "Quantum", "Vertex", "Helix", "Polaris", "Zenith"])} {r.Pick(["Photonics", "Biotech", "Instruments", "Software", "Materials", "Energy", "Robotics"])} {r.Pick(["GmbH", "Ltd", "Inc.", "S.A.", "AG", "K.K.", "B.V."])}",
            PartnerType.Government => $"{city.Name} Bureau of {field}",
            PartnerType.City => $"City of {city.Name}",
            _ => $"{surname} Foundation for {field}",
        };
        string? local = null, zh = null;
        if (city.Local is { } l && type is PartnerType.University or PartnerType.ResearchInstitute)
        {
            var suffix = type == PartnerType.University ? r.Pick(["大学", "理工大学", "医科大学"]) : "研究所";
            if (city.Lang == "zh")
            {
                zh = l + suffix;
            }
            else
            {
                local = l + suffix;
            }
        }
        else if (type == PartnerType.University && city.Lang is "de" or "fr" or "es" or "it" && r.Chance(0.6))
        {
            local = city.Lang switch
            {
                "de" => $"Universität {city.Name}",
                "fr" => $"Université de {city.Name}",
                "es" => $"Universidad de {city.Name}",
                _ => $"Università di {city.Name}",
            };
        }
        return (name.Length > 300 ? name[..300] : name, local, zh);
    }

    private static string Acronym(string name) =>
        new([.. name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0])]);

    /// <summary>A ROR id: "0", six base-32 digits (a bijection of the serial) and two check digits (ISO 7064 mod 97-10).</summary>
    public static string RorId(int serial, int seed)
    {
        var value = ((long)serial * 0x2545F491L + seed * 7919L) & ((1L << 30) - 1);
        var n = value;
        Span<char> id = stackalloc char[9];
        id[0] = '0';
        for (var k = 6; k >= 1; k--)
        {
            id[k] = Crockford[(int)(n & 31)];
            n >>= 5;
        }
        var check = 98 - (int)(value * 100 % 97);
        id[7] = (char)('0' + check / 10);
        id[8] = (char)('0' + check % 10);
        return new string(id);
    }

    private static T Roll<T>(ScaleRandom random, params (T Value, double Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var u = random.NextDouble() * total;
        foreach (var (value, weight) in choices)
        {
            if ((u -= weight) < 0)
            {
                return value;
            }
        }
        return choices[^1].Value;
    }
}
