using Waishi.Web.Features.People.Pages;

namespace Waishi.Web.Features.People.Students;

/// <summary>What the create and edit forms of a student post.</summary>
public sealed class StudentInput : IEntityForm<Student, StudentInput>
{
    public string? StudentNumber { get; set; }
    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public Guid? UnitId { get; set; }
    public DegreeLevel DegreeLevel { get; set; }
    public string? Nationality { get; set; } = "CN";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public long Version { get; set; }

    public static StudentInput From(Student s) => new()
    {
        StudentNumber = s.StudentNumber, NameZh = s.NameZh, NameEn = s.NameEn, UnitId = s.UnitId, DegreeLevel = s.DegreeLevel,
        Nationality = s.Nationality, Email = s.Email, Phone = s.Phone, IsActive = s.IsActive, Version = s.Version,
    };

    public void ApplyTo(Student s)
    {
        s.StudentNumber = StudentNumber?.Trim() ?? "";
        s.NameZh = NameZh?.Trim() ?? "";
        s.NameEn = TextFields.Optional(NameEn);
        s.UnitId = UnitId;
        s.DegreeLevel = DegreeLevel;
        s.Nationality = Nationality?.Trim().ToUpperInvariant() ?? "";
        s.Email = TextFields.Optional(Email);
        s.Phone = TextFields.Optional(Phone);
        s.IsActive = IsActive;
    }
}
