using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People;

public enum DegreeLevel
{
    Undergraduate,
    Master,
    Doctoral,
    NonDegree,
}

/// <summary>A student as a person of the institution; the international-student and exchange
/// modules hang their records on this.</summary>
public sealed class Student : TenantEntity, IPerson
{
    public required string StudentNumber { get; set; }
    public required string NameZh { get; set; }
    public string? NameEn { get; set; }
    public Guid? UnitId { get; set; }
    public DegreeLevel DegreeLevel { get; set; }
    /// <summary>ISO 3166-1 alpha-2; "CN" for Chinese students.</summary>
    public string Nationality { get; set; } = "CN";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;

    public string Name(bool chinese) => chinese || string.IsNullOrEmpty(NameEn) ? NameZh : NameEn;
}
