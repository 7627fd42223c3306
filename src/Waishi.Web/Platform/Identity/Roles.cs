namespace Waishi.Web.Platform.Identity;

/// <summary>The roles of the design, as stored in <see cref="RoleAssignment.Role"/>.</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string Student = "student";
    public const string UnitSecretary = "unit-secretary";
    public const string UnitHead = "unit-head";
    public const string OfficerHmt = "officer-hmt";
    public const string OfficerGlobal = "officer-global";
    public const string OfficerStudyAbroad = "officer-study-abroad";
    public const string OfficerExit = "officer-exit";
    public const string Director = "director";
    public const string SecurityOfficer = "security-officer";
    public const string Leader = "leader";
    public const string Counselor = "counselor";
    public const string TenantAdmin = "tenant-admin";
    public const string Auditor = "auditor";
    public const string FaoOfficer = "fao-officer";
    public const string FaoDirector = "fao-director";
    public const string FaoAnalyst = "fao-analyst";

    public static readonly IReadOnlyList<string> Institution =
    [
        Applicant, Student, UnitSecretary, UnitHead, OfficerHmt, OfficerGlobal, OfficerStudyAbroad,
        OfficerExit, Director, SecurityOfficer, Leader, Counselor, TenantAdmin, Auditor,
    ];

    public static readonly IReadOnlyList<string> Authority = [FaoOfficer, FaoDirector, FaoAnalyst, TenantAdmin, Auditor];

    public static readonly IReadOnlyList<string> Officers = [OfficerHmt, OfficerGlobal, OfficerStudyAbroad, OfficerExit];

    /// <summary>Roles that only make sense for one org unit.</summary>
    public static readonly IReadOnlySet<string> UnitScoped = new HashSet<string> { UnitSecretary, UnitHead };

    public static IReadOnlyList<string> For(Tenancy.TenantKind kind) =>
        kind == Tenancy.TenantKind.Authority ? Authority : Institution;

    public static bool IsKnown(string role) => Institution.Contains(role) || Authority.Contains(role);
}
