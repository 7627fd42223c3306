using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>
/// The tenants of the city: the authority and the demo institutions of <see cref="DemoPlans"/> with
/// their units and the same demo accounts (same user names and password as the small demo city),
/// then generated institutions up to the count; every institution gets colleges with departments,
/// the staff spread over them, an account for every member of staff and a few students.
/// </summary>
public sealed class OrganisationGenerator(string password, int iterations)
{
    public const string Name = "organisation";

    private static readonly (string Code, string NameZh, string NameEn, string Domain, bool Medical)[] Generated =
    [
        ("SWU", "西南大学", "Southwest University", "swu.edu.cn", false),
        ("CQNU", "重庆师范大学", "Chongqing Normal University", "cqnu.edu.cn", false),
        ("CQJTU", "重庆交通大学", "Chongqing Jiaotong University", "cqjtu.edu.cn", false),
        ("CTBU", "重庆工商大学", "Chongqing Technology and Business University", "ctbu.edu.cn", false),
        ("SISU", "四川外国语大学", "Sichuan International Studies University", "sisu.edu.cn", false),
        ("SWUPL", "西南政法大学", "Southwest University of Political Science and Law", "swupl.edu.cn", false),
        ("CQUT", "重庆理工大学", "Chongqing University of Technology", "cqut.edu.cn", false),
        ("SCFAI", "四川美术学院", "Sichuan Fine Arts Institute", "scfai.edu.cn", false),
        ("CQUST", "重庆科技大学", "Chongqing University of Science and Technology", "cqust.edu.cn", false),
        ("CQWU", "重庆文理学院", "Chongqing University of Arts and Sciences", "cqwu.edu.cn", false),
        ("CQTBI", "重庆三峡学院", "Chongqing Three Gorges University", "sanxiau.edu.cn", false),
        ("CQCMU", "重庆中医药学院", "Chongqing College of Traditional Chinese Medicine", "cqctcm.edu.cn", true),
    ];

    /// <summary>Colleges: Chinese, English, and the departments' subjects.</summary>
    private static readonly (string Zh, string En, string[] Departments)[] Colleges =
    [
        ("机械工程学院", "School of Mechanical Engineering", ["Mechanical Design", "Manufacturing", "Vehicle Engineering", "Mechatronics"]),
        ("电气工程学院", "School of Electrical Engineering", ["Power Systems", "High Voltage", "Power Electronics"]),
        ("计算机学院", "School of Computer Science", ["Software Engineering", "Artificial Intelligence", "Networks", "Data Science"]),
        ("土木工程学院", "School of Civil Engineering", ["Structural Engineering", "Geotechnics", "Bridge Engineering"]),
        ("材料科学与工程学院", "School of Materials Science", ["Metallurgy", "Polymers", "Nanomaterials"]),
        ("化学化工学院", "School of Chemistry and Chemical Engineering", ["Chemistry", "Chemical Engineering", "Pharmaceutical Chemistry"]),
        ("物理学院", "School of Physics", ["Physics", "Applied Physics", "Astronomy"]),
        ("数学与统计学院", "School of Mathematics and Statistics", ["Mathematics", "Statistics", "Applied Mathematics"]),
        ("经济与管理学院", "School of Economics and Management", ["Economics", "Finance", "Accounting", "Management"]),
        ("外国语学院", "School of Foreign Languages", ["English", "Japanese", "German", "French", "Russian"]),
        ("法学院", "Law School", ["Civil Law", "International Law", "Criminal Law"]),
        ("新闻学院", "School of Journalism", ["Journalism", "Advertising", "Broadcasting"]),
        ("建筑与城市规划学院", "School of Architecture and Urban Planning", ["Architecture", "Urban Planning", "Landscape"]),
        ("环境与生态学院", "School of Environment and Ecology", ["Environmental Science", "Ecology", "Water Resources"]),
        ("生命科学学院", "School of Life Sciences", ["Biology", "Biotechnology", "Bioinformatics"]),
        ("艺术学院", "School of Arts", ["Fine Arts", "Design", "Music"]),
        ("教育学院", "School of Education", ["Education", "Psychology", "Physical Education"]),
        ("公共管理学院", "School of Public Administration", ["Public Policy", "Sociology", "Social Work"]),
        ("光电工程学院", "School of Optoelectronic Engineering", ["Optics", "Photonics", "Instrumentation"]),
        ("自动化学院", "School of Automation", ["Control Engineering", "Robotics", "Systems Engineering"]),
        ("通信工程学院", "School of Communication Engineering", ["Communications", "Signal Processing", "Microwave Engineering"]),
        ("资源与安全学院", "School of Resources and Safety", ["Mining", "Safety Engineering", "Geology"]),
        ("马克思主义学院", "School of Marxism", ["Political Theory", "History"]),
        ("交通运输学院", "School of Traffic and Transportation", ["Transportation", "Logistics", "Traffic Engineering"]),
    ];

    private static readonly (string Zh, string En, string[] Departments)[] MedicalColleges =
    [
        ("基础医学院", "School of Basic Medicine", ["Anatomy", "Physiology", "Pathology", "Pharmacology"]),
        ("临床医学院", "School of Clinical Medicine", ["Internal Medicine", "Surgery", "Paediatrics", "Obstetrics"]),
        ("公共卫生学院", "School of Public Health", ["Epidemiology", "Nutrition", "Health Statistics"]),
        ("药学院", "School of Pharmacy", ["Pharmaceutics", "Medicinal Chemistry", "Clinical Pharmacy"]),
        ("护理学院", "School of Nursing", ["Nursing", "Midwifery"]),
        ("中医药学院", "School of Traditional Chinese Medicine", ["Acupuncture", "Herbal Medicine", "Integrative Medicine"]),
    ];

    private static readonly (string Zh, string En)[] Offices =
    [
        ("财务处", "Finance Office"), ("人事处", "Human Resources Office"), ("科学技术研究院", "Research Office"),
        ("研究生院", "Graduate School"), ("教务处", "Office of Academic Affairs"),
    ];

    public async Task GenerateAsync(ScaleContext context, CancellationToken ct)
    {
        var random = context.Random(Name);
        var hash = HashPassword(password, iterations, context.Options.Seed);
        var batch = context.NewBatch();
        var institutions = context.Options.Count("institutions");
        var staffTotal = context.Options.Count("staff");

        // The demo plans first (the authority and three institutions), then generated ones.
        var plans = new List<(DemoPlan Plan, bool Medical)>();
        foreach (var plan in DemoPlans.All)
        {
            plans.Add((plan, plan.Code == "CQMU"));
        }
        foreach (var g in Generated.Take(Math.Max(0, institutions - (plans.Count - 1))))
        {
            plans.Add((new DemoPlan(g.Code, g.NameZh, g.NameEn, TenantKind.Institution, g.Domain, null, null, null, null,
                $"https://www.{g.Domain}", PlanOffice(g.Code)), g.Medical));
        }
        // Larger universities first: weights 3, 2.5, 2 ... down to 1.
        var weights = plans.Where(p => p.Plan.Kind == TenantKind.Institution).Select((_, i) => Math.Max(1.0, 3.0 - i * 0.25)).ToList();
        var institutionIndex = 0;

        foreach (var (plan, medical) in plans)
        {
            var created = context.AsOfUtc.AddYears(-10).AddDays(-30);
            var tenant = new Tenant
            {
                Id = random.NextId(created), Code = plan.Code, NameEn = plan.NameEn, NameZh = plan.NameZh, Kind = plan.Kind,
                AddressEn = plan.AddressEn, AddressZh = plan.AddressZh, Phone = plan.Phone, Fax = plan.Fax, Website = plan.Website,
            };
            batch.Add(tenant);
            var scale = new ScaleTenant(tenant.Id, plan.Code, plan.Kind, plan.NameEn, plan.NameZh, plan.MailDomain);
            if (plan.Kind == TenantKind.Authority)
            {
                context.City.Authority = scale;
            }
            else
            {
                context.City.Institutions.Add(scale);
            }

            // Units: the plan's, colleges added up to the size, and departments under every college.
            var staffCount = plan.Kind == TenantKind.Authority
                ? Math.Max(40, staffTotal / 1000)
                : (int)(staffTotal * weights[institutionIndex++] / weights.Sum());
            var units = new List<OrgUnit>();
            var byCode = new Dictionary<string, OrgUnit>();
            OrgUnit AddUnit(string code, string zh, string en, OrgUnitKind kind, Guid? parent)
            {
                var unit = new OrgUnit
                {
                    Id = random.NextId(created), TenantId = tenant.Id, Code = code, NameZh = zh, NameEn = en, Kind = kind,
                    ParentId = parent, SortOrder = units.Count,
                };
                units.Add(unit);
                byCode[code] = unit;
                return unit;
            }
            foreach (var u in plan.Units)
            {
                AddUnit(u.Code, u.NameZh, u.NameEn, u.Kind, u.Parent is null ? null : byCode[u.Parent].Id);
            }
            if (plan.Kind == TenantKind.Institution)
            {
                foreach (var (zh, en) in Offices)
                {
                    AddUnit($"{plan.Code}-OF{units.Count:D2}", zh, en, OrgUnitKind.Office, null);
                }
                var catalogue = medical ? [.. MedicalColleges, .. Colleges] : Colleges;
                var wanted = Math.Clamp(staffCount / 300, 4, catalogue.Length);
                var existing = plan.Units.Count(u => u.Kind == OrgUnitKind.College);
                foreach (var c in catalogue.Where(c => !units.Any(u => u.NameZh == c.Zh)).Take(Math.Max(0, wanted - existing)))
                {
                    AddUnit($"{plan.Code}-C{units.Count:D2}", c.Zh, c.En, OrgUnitKind.College, null);
                }
                foreach (var college in units.Where(u => u.Kind == OrgUnitKind.College).ToList())
                {
                    var subjects = catalogue.FirstOrDefault(c => c.Zh == college.NameZh).Departments
                        ?? random.Pick(catalogue).Departments;
                    var count = staffCount >= 2000 ? subjects.Length : Math.Min(2, subjects.Length);
                    for (var d = 0; d < count; d++)
                    {
                        AddUnit($"{college.Code}-D{d + 1}", college.NameZh + subjects[d] + "系", $"Department of {subjects[d]}",
                            OrgUnitKind.Department, college.Id);
                    }
                }
            }
            foreach (var unit in units)
            {
                batch.Add(unit);
                scale.Units.Add(new ScaleUnit(unit.Id, unit.Code, unit.Kind, unit.ParentId, unit.NameZh, unit.NameEn));
            }

            // Staff: two in every unit (the head first), the rest mostly in departments and colleges.
            var academic = new Weighted<OrgUnit>(units.Select(u => (u, u.Kind switch
            {
                OrgUnitKind.Department => 10.0, OrgUnitKind.College => 3.0, OrgUnitKind.Hospital => 8.0,
                OrgUnitKind.Institute => 4.0, OrgUnitKind.Leadership => 0.0, _ => 1.0,
            })));
            var members = new List<(StaffMember Staff, OrgUnit Unit, int Index)>();
            var perUnit = units.ToDictionary(u => u.Id, _ => 0);
            void AddStaff(OrgUnit unit)
            {
                var index = perUnit[unit.Id]++;
                var (zh, en) = DemoNames.Person(random.Raw);
                var number = $"{plan.Code}{members.Count + 1:D5}";
                var member = new StaffMember
                {
                    Id = random.NextId(created.AddMinutes(members.Count)), TenantId = tenant.Id, StaffNumber = number,
                    NameZh = zh, NameEn = en, UnitId = unit.Id,
                    Title = DemoNames.Title(unit.Kind, index, random.Raw),
                    CadreLevel = index == 0 ? (unit.Kind == OrgUnitKind.Leadership ? CadreLevel.DeputyBureau
                        : unit.Kind == OrgUnitKind.Department ? CadreLevel.SectionLevel : CadreLevel.Division)
                        : unit.Kind == OrgUnitKind.Leadership ? CadreLevel.DeputyBureau : CadreLevel.None,
                    IsClassified = unit.Code.EndsWith("-SEC", StringComparison.Ordinal) || random.Chance(0.06),
                    Email = $"{en.Replace(" ", ".").ToLowerInvariant()}{members.Count + 1}@{plan.MailDomain}",
                    Phone = $"+86 23 6{random.Next(1000000, 9999999)}",
                };
                member.ClassifiedLevel = member.IsClassified ? (ClassifiedLevel)(1 + random.Next(3)) : ClassifiedLevel.None;
                members.Add((member, unit, index));
            }
            foreach (var unit in units)
            {
                AddStaff(unit);
                AddStaff(unit);
            }
            while (members.Count < staffCount)
            {
                AddStaff(random.Pick(academic));
            }

            // Accounts: the demo role accounts of the small demo city, then one per member of staff.
            var students = new List<Student>();
            if (plan.Kind == TenantKind.Institution)
            {
                var colleges = units.Where(u => u.Kind == OrgUnitKind.College).ToList();
                for (var i = 0; i < 40; i++)
                {
                    var (zh, en) = DemoNames.Person(random.Raw);
                    var international = i % 4 == 0;
                    var student = new Student
                    {
                        Id = random.NextId(created), TenantId = tenant.Id, StudentNumber = $"{plan.Code}S{2024_0000 + i}", NameZh = zh, NameEn = en,
                        UnitId = colleges[i % colleges.Count].Id, DegreeLevel = (DegreeLevel)(i % 3),
                        Nationality = international ? DemoNames.Nationalities[i % DemoNames.Nationalities.Length] : "CN",
                        Email = $"s{2024_0000 + i}@{plan.MailDomain}",
                    };
                    students.Add(student);
                }
            }
            foreach (var (member, _, _) in members)
            {
                batch.Add(member);
            }
            batch.AddRange(students);

            AppUser NewUser(string userName, StaffMember? staff, Student? student) => new()
            {
                Id = random.NextId(created.AddDays(1)), TenantId = tenant.Id, UserName = userName, NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = staff?.NameZh ?? student!.NameZh, Email = staff?.Email ?? student!.Email,
                NormalizedEmail = (staff?.Email ?? student!.Email)!.ToUpperInvariant(), EmailConfirmed = true,
                StaffMemberId = staff?.Id, StudentId = student?.Id, PasswordHash = hash,
                SecurityStamp = random.NextId(created).ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = random.NextId(created).ToString("D"), LockoutEnabled = true,
                CreatedUtc = created.AddDays(1),
            };
            void Assign(AppUser user, string role, Guid? unitId)
            {
                batch.Add(new RoleAssignment { Id = random.NextId(created), TenantId = tenant.Id, UserId = user.Id, Role = role, OrgUnitId = unitId });
                var holder = new ScaleUser(user.Id, user.UserName!, user.StaffMemberId, user.DisplayName);
                if (role == Roles.UnitHead && unitId is { } u)
                {
                    scale.UnitHeads.TryAdd(u, holder);
                }
                else if (!Roles.UnitScoped.Contains(role) && role is not (Roles.Applicant or Roles.Student))
                {
                    if (!scale.RoleHolders.TryGetValue(role, out var list))
                    {
                        scale.RoleHolders[role] = list = [];
                    }
                    list.Add(holder);
                }
            }

            var roleCount = 0;
            foreach (var role in Roles.For(plan.Kind))
            {
                var unit = byCode[RoleUnit(plan, role, units)];
                var inUnit = members.Where(m => m.Unit.Id == unit.Id).ToList();
                var staff = role == Roles.Student ? null
                    : inUnit[role is Roles.UnitHead or Roles.Director or Roles.Leader ? 0 : 1 + roleCount % (inUnit.Count - 1)].Staff;
                roleCount++;
                var user = NewUser($"{plan.Code.ToLowerInvariant()}.{role}", staff, role == Roles.Student ? students[1] : null);
                batch.Add(user);
                Assign(user, role, Roles.UnitScoped.Contains(role) ? unit.Id : null);
                if (role is not (Roles.Student or Roles.Applicant))
                {
                    Assign(user, Roles.Applicant, null);
                }
            }
            foreach (var (member, unit, index) in members)
            {
                var user = NewUser(member.StaffNumber.ToLowerInvariant(), member, null);
                batch.Add(user);
                Assign(user, Roles.Applicant, null);
                if (index == 0 && unit.Kind is OrgUnitKind.College or OrgUnitKind.Department or OrgUnitKind.Hospital or OrgUnitKind.Institute)
                {
                    Assign(user, Roles.UnitHead, unit.Id);
                }
                else if (index == 1 && unit.Kind is OrgUnitKind.College or OrgUnitKind.Hospital)
                {
                    Assign(user, Roles.UnitSecretary, unit.Id);
                }
                var travels = unit.Kind switch
                {
                    OrgUnitKind.Department or OrgUnitKind.College or OrgUnitKind.Institute => member.Title == "Professor" ? 6 : 3,
                    OrgUnitKind.Hospital => 2,
                    OrgUnitKind.Leadership => 4,
                    _ => 1,
                };
                var s = new ScaleStaff(member.Id, unit.Id, user.Id, user.UserName!, member.NameZh, member.NameEn, member.CadreLevel, member.IsClassified, travels);
                scale.Staff.Add(s);
                if (!scale.StaffByUnit.TryGetValue(unit.Id, out var list))
                {
                    scale.StaffByUnit[unit.Id] = list = [];
                }
                list.Add(s);
            }
            scale.Travellers = new Weighted<ScaleStaff>(scale.Staff.Select(s => (s, (double)s.Weight)));
            await batch.FlushIfAsync(20_000, ct);
        }
        await batch.FlushAsync(ct);
    }

    private static List<DemoUnit> PlanOffice(string code) =>
    [
        new(code + "-LEAD", "校领导", "University Leadership", OrgUnitKind.Leadership),
        new(code + "-IO", "国际合作与交流处", "Office of International Affairs", OrgUnitKind.Office),
        new(code + "-HMT", "港澳台事务科", "Section of Hong Kong, Macao and Taiwan Affairs", OrgUnitKind.Section, code + "-IO"),
        new(code + "-GLOBAL", "国际交流与合作科", "Section of International Exchange", OrgUnitKind.Section, code + "-IO"),
        new(code + "-ABROAD", "出国留学科", "Section of Study Abroad", OrgUnitKind.Section, code + "-IO"),
        new(code + "-EXIT", "出国(境)管理科", "Section of Exit Administration", OrgUnitKind.Section, code + "-IO"),
        new(code + "-SEC", "保密办公室", "Secrecy Office", OrgUnitKind.Office),
    ];

    /// <summary>The unit of a demo role account, as in the small demo city.</summary>
    private static string RoleUnit(DemoPlan plan, string role, List<OrgUnit> units) => role switch
    {
        Roles.OfficerHmt => plan.Code + "-HMT",
        Roles.OfficerGlobal => plan.Code + "-GLOBAL",
        Roles.OfficerStudyAbroad => plan.Code + "-ABROAD",
        Roles.OfficerExit => plan.Code + "-EXIT",
        Roles.Director or Roles.TenantAdmin or Roles.FaoDirector or Roles.FaoOfficer or Roles.FaoAnalyst => plan.Code + "-IO",
        Roles.SecurityOfficer or Roles.Auditor => plan.Code + "-SEC",
        Roles.Leader => plan.Code + "-LEAD",
        _ => units.First(u => u.Kind == OrgUnitKind.College || plan.Kind == TenantKind.Authority && u.Kind == OrgUnitKind.Department).Code,
    };

    /// <summary>
    /// The password hash in ASP.NET Core Identity's version 3 format (PBKDF2 with HMAC-SHA512), with a
    /// salt derived from the seed instead of a random one, so that the same seed writes the same
    /// bytes. The app verifies it like any other hash.
    /// </summary>
    public static string HashPassword(string password, int iterations, int seed)
    {
        var salt = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"waishi-scale-salt-{seed}"))[..16];
        var subkey = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, 32);
        var output = new byte[13 + salt.Length + subkey.Length];
        output[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(1), (uint)KeyDerivationPrf.HMACSHA512);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(5), (uint)iterations);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(9), (uint)salt.Length);
        salt.CopyTo(output, 13);
        subkey.CopyTo(output, 13 + salt.Length);
        return Convert.ToBase64String(output);
    }

    private enum KeyDerivationPrf
    {
        HMACSHA1,
        HMACSHA256,
        HMACSHA512,
    }
}
