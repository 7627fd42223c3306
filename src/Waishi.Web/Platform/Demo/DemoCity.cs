using System.Text;
using Microsoft.AspNetCore.Identity;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Demo;

public sealed record DemoAccount(string TenantCode, string UserName, string Role, string Password);

/// <summary>
/// The demo city of the seeds: the Chongqing Foreign Affairs Office and three universities with
/// their units, staff, students and one account per role. Deterministic: the same every time.
/// </summary>
public sealed class DemoCity(AppDbContext db, TenantContext tenant, IPasswordHasher<AppUser> hasher, TimeProvider clock, IConfiguration configuration)
{
    public const string DefaultPassword = "waishi-demo-2026";

    public string Password => configuration["Demo:Password"] is { Length: > 0 } p ? p : DefaultPassword;

    public async Task<List<DemoAccount>> SeedAsync(CancellationToken ct)
    {
        using var _ = tenant.AsSystem();
        var accounts = new List<DemoAccount>();
        // One hash for every demo account: they share the printed password, and hashing at
        // 210,000 iterations once instead of thirty times keeps the first start quick.
        var hash = hasher.HashPassword(null!, Password);
        var random = new Random(2026);

        foreach (var plan in DemoPlans.All)
        {
            var t = new Tenant
            {
                Code = plan.Code, NameEn = plan.NameEn, NameZh = plan.NameZh, Kind = plan.Kind,
                AddressEn = plan.AddressEn, AddressZh = plan.AddressZh, Phone = plan.Phone, Fax = plan.Fax, Website = plan.Website,
            };
            db.Add(t);

            var units = new Dictionary<string, OrgUnit>();
            var order = 0;
            foreach (var u in plan.Units)
            {
                var unit = new OrgUnit
                {
                    TenantId = t.Id, Code = u.Code, NameZh = u.NameZh, NameEn = u.NameEn, Kind = u.Kind,
                    ParentId = u.Parent is null ? null : units[u.Parent].Id, SortOrder = order++,
                };
                units[u.Code] = unit;
                db.Add(unit);
            }

            var staffNo = 1;
            var staffByUnit = new Dictionary<string, List<StaffMember>>();
            foreach (var unit in units.Values)
            {
                var count = unit.Kind is OrgUnitKind.College or OrgUnitKind.Department ? 8 : unit.Kind == OrgUnitKind.Section ? 3 : 4;
                var list = new List<StaffMember>();
                for (var i = 0; i < count; i++)
                {
                    var (zh, en) = DemoNames.Person(random);
                    var member = new StaffMember
                    {
                        TenantId = t.Id,
                        StaffNumber = $"{plan.Code}{staffNo++:D5}",
                        NameZh = zh, NameEn = en, UnitId = unit.Id,
                        Title = DemoNames.Title(unit.Kind, i, random),
                        CadreLevel = i == 0 ? (unit.Kind == OrgUnitKind.Leadership ? CadreLevel.DeputyBureau : CadreLevel.Division) : CadreLevel.None,
                        IsClassified = unit.Code.EndsWith("-SEC", StringComparison.Ordinal) || random.Next(12) == 0,
                        Email = $"{en.Replace(" ", ".").ToLowerInvariant()}{staffNo}@{plan.MailDomain}",
                        Phone = $"+86 23 6{random.Next(1000000, 9999999)}",
                    };
                    member.ClassifiedLevel = member.IsClassified ? (ClassifiedLevel)(1 + random.Next(3)) : ClassifiedLevel.None;
                    list.Add(member);
                    db.Add(member);
                }
                staffByUnit[unit.Code] = list;
            }

            var students = new List<Student>();
            if (plan.Kind == TenantKind.Institution)
            {
                var colleges = units.Values.Where(u => u.Kind is OrgUnitKind.College).ToList();
                for (var i = 0; i < 40; i++)
                {
                    var (zh, en) = DemoNames.Person(random);
                    var international = i % 4 == 0;
                    var student = new Student
                    {
                        TenantId = t.Id, StudentNumber = $"{plan.Code}S{2024_0000 + i}", NameZh = zh, NameEn = en,
                        UnitId = colleges[i % colleges.Count].Id, DegreeLevel = (DegreeLevel)(i % 3),
                        Nationality = international ? DemoNames.Nationalities[i % DemoNames.Nationalities.Length] : "CN",
                        Email = $"s{2024_0000 + i}@{plan.MailDomain}",
                    };
                    students.Add(student);
                    db.Add(student);
                }
            }

            foreach (var role in Roles.For(plan.Kind))
            {
                var userName = $"{plan.Code.ToLowerInvariant()}.{role}";
                var unitCode = RoleUnit(plan, role);
                var unit = units[unitCode];
                var staff = role == Roles.Student ? null : staffByUnit[unitCode][role == Roles.UnitHead || role == Roles.Director || role == Roles.Leader ? 0 : 1 + accounts.Count % (staffByUnit[unitCode].Count - 1)];
                var student = role == Roles.Student ? students[1] : null;
                var user = new AppUser
                {
                    TenantId = t.Id, UserName = userName, NormalizedUserName = userName.ToUpperInvariant(),
                    DisplayName = staff?.NameZh ?? student!.NameZh, Email = staff?.Email ?? student!.Email,
                    NormalizedEmail = (staff?.Email ?? student!.Email)!.ToUpperInvariant(),
                    EmailConfirmed = true, StaffMemberId = staff?.Id, StudentId = student?.Id, PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                };
                db.Add(user);
                db.Add(new RoleAssignment
                {
                    TenantId = t.Id, UserId = user.Id, Role = role,
                    OrgUnitId = Roles.UnitScoped.Contains(role) ? unit.Id : null,
                });
                if (role is not (Roles.Student or Roles.Applicant))
                {
                    // Every member of staff can also file their own requests.
                    db.Add(new RoleAssignment { TenantId = t.Id, UserId = user.Id, Role = Roles.Applicant });
                }
                accounts.Add(new DemoAccount(plan.Code, userName, role, Password));
            }
        }
        await db.SaveChangesAsync(ct);
        return accounts;
    }

    private static string RoleUnit(DemoPlan plan, string role) => role switch
    {
        Roles.OfficerHmt => plan.Code + "-HMT",
        Roles.OfficerGlobal => plan.Code + "-GLOBAL",
        Roles.OfficerStudyAbroad => plan.Code + "-ABROAD",
        Roles.OfficerExit => plan.Code + "-EXIT",
        Roles.Director or Roles.TenantAdmin or Roles.FaoDirector or Roles.FaoOfficer or Roles.FaoAnalyst => plan.Code + "-IO",
        Roles.SecurityOfficer or Roles.Auditor => plan.Code + "-SEC",
        Roles.Leader => plan.Code + "-LEAD",
        _ => plan.Units.First(u => u.Kind == OrgUnitKind.College || plan.Kind == TenantKind.Authority && u.Kind == OrgUnitKind.Department).Code,
    };

    public static string Describe(IEnumerable<DemoAccount> accounts)
    {
        var text = new StringBuilder();
        text.AppendLine("Demo city seeded. Demo accounts (all share one password, shown once here and in the README):");
        foreach (var a in accounts)
        {
            text.AppendLine($"  {a.UserName,-32} {a.Role}");
        }
        text.AppendLine($"  password: {accounts.FirstOrDefault()?.Password}");
        return text.ToString();
    }
}
