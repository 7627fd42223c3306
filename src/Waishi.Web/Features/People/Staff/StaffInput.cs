using Waishi.Web.Features.People.Pages;

namespace Waishi.Web.Features.People.Staff;

/// <summary>What the create and edit forms of a staff member post.</summary>
public sealed class StaffInput : IEntityForm<StaffMember, StaffInput>
{
    public string? StaffNumber { get; set; }
    public string? NameZh { get; set; }
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
    public long Version { get; set; }

    public static StaffInput From(StaffMember s) => new()
    {
        StaffNumber = s.StaffNumber, NameZh = s.NameZh, NameEn = s.NameEn, UnitId = s.UnitId, Title = s.Title,
        CadreLevel = s.CadreLevel, IsClassified = s.IsClassified, ClassifiedLevel = s.ClassifiedLevel,
        Email = s.Email, Phone = s.Phone, Mobile = s.Mobile, IsActive = s.IsActive, Version = s.Version,
    };

    public void ApplyTo(StaffMember s)
    {
        s.StaffNumber = StaffNumber?.Trim() ?? "";
        s.NameZh = NameZh?.Trim() ?? "";
        s.NameEn = TextFields.Optional(NameEn);
        s.UnitId = UnitId;
        s.Title = TextFields.Optional(Title);
        s.CadreLevel = CadreLevel;
        s.IsClassified = IsClassified;
        s.ClassifiedLevel = ClassifiedLevel;
        s.Email = TextFields.Optional(Email);
        s.Phone = TextFields.Optional(Phone);
        s.Mobile = TextFields.Optional(Mobile);
        s.IsActive = IsActive;
    }
}
