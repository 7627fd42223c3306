using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People;

/// <summary>Cadre rank, which decides who must approve a delegation the person leads.</summary>
public enum CadreLevel
{
    None,
    SectionLevel,
    DeputyDivision,
    Division,
    DeputyBureau,
    Bureau,
}

/// <summary>Secrecy level of classified personnel (涉密人员): core, important, ordinary.</summary>
public enum ClassifiedLevel
{
    None,
    Ordinary,
    Important,
    Core,
}

public sealed class StaffMember : TenantEntity, IPerson
{
    public required string StaffNumber { get; set; }
    public required string NameZh { get; set; }
    public string? NameEn { get; set; }
    public Guid? UnitId { get; set; }
    public string? Title { get; set; }
    public CadreLevel CadreLevel { get; set; }
    public bool IsClassified { get; set; }
    public ClassifiedLevel ClassifiedLevel { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Mobile { get; set; }
    public bool IsActive { get; set; } = true;

    public bool IsSeniorCadre => CadreLevel >= CadreLevel.DeputyBureau;
    public string Name(bool chinese) => chinese || string.IsNullOrEmpty(NameEn) ? NameZh : NameEn;
}
