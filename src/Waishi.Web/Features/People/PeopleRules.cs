using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People;

/// <summary>
/// What makes a staff member, a student or an org unit valid, whoever writes it: the pages, the
/// JSON API and the imports all call these before saving. Checks that need the database (unique
/// numbers, the unit exists in the same tenant, no cycles in the tree) run against the current
/// tenant's rows.
/// </summary>
public static partial class PeopleRules
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-]{0,31}$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{5,40}$")]
    private static partial Regex PhonePattern();

    /// <summary>The rules of a staff member, a student or a unit, for code that handles any of them.</summary>
    public static Task<List<FieldError>> ValidateRecordAsync(AppDbContext db, Entity record, CancellationToken ct = default) => record switch
    {
        StaffMember staff => ValidateAsync(db, staff, ct),
        Student student => ValidateAsync(db, student, ct),
        OrgUnit unit => ValidateAsync(db, unit, ct),
        _ => throw new ArgumentException($"No rules for {record.GetType().Name}.", nameof(record)),
    };

    public static async Task<List<FieldError>> ValidateAsync(AppDbContext db, StaffMember staff, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        Number(errors, nameof(StaffMember.StaffNumber), staff.StaffNumber, "Staff number");
        Names(errors, staff.NameZh, staff.NameEn);
        Length(errors, nameof(StaffMember.Title), staff.Title, 100, "Title");
        Email(errors, nameof(StaffMember.Email), staff.Email);
        Phone(errors, nameof(StaffMember.Phone), staff.Phone);
        Phone(errors, nameof(StaffMember.Mobile), staff.Mobile);
        if (staff.IsClassified && staff.ClassifiedLevel == ClassifiedLevel.None)
        {
            errors.Add(new(nameof(StaffMember.ClassifiedLevel), "Classified personnel need a level: core, important or ordinary."));
        }
        if (!staff.IsClassified && staff.ClassifiedLevel != ClassifiedLevel.None)
        {
            errors.Add(new(nameof(StaffMember.ClassifiedLevel), "Only classified personnel have a classified level: tick \"classified\" or set the level to none."));
        }
        if (!Enum.IsDefined(staff.CadreLevel))
        {
            errors.Add(new(nameof(StaffMember.CadreLevel), "Choose a cadre level from the list."));
        }
        if (errors.All(e => e.Field != nameof(StaffMember.StaffNumber))
            && await db.Set<StaffMember>().AnyAsync(s => s.StaffNumber == staff.StaffNumber && s.Id != staff.Id, ct))
        {
            errors.Add(new(nameof(StaffMember.StaffNumber), "Staff number {0} is already used by another person.", staff.StaffNumber));
        }
        await UnitAsync(db, errors, staff.UnitId, ct);
        return errors;
    }

    public static async Task<List<FieldError>> ValidateAsync(AppDbContext db, Student student, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        Number(errors, nameof(Student.StudentNumber), student.StudentNumber, "Student number");
        Names(errors, student.NameZh, student.NameEn);
        Email(errors, nameof(Student.Email), student.Email);
        Phone(errors, nameof(Student.Phone), student.Phone);
        if (student.Nationality is null || !CountryPattern().IsMatch(student.Nationality))
        {
            errors.Add(new(nameof(Student.Nationality), "Nationality must be a two-letter country code such as CN or DE."));
        }
        if (!Enum.IsDefined(student.DegreeLevel))
        {
            errors.Add(new(nameof(Student.DegreeLevel), "Choose a degree level from the list."));
        }
        if (errors.All(e => e.Field != nameof(Student.StudentNumber))
            && await db.Set<Student>().AnyAsync(s => s.StudentNumber == student.StudentNumber && s.Id != student.Id, ct))
        {
            errors.Add(new(nameof(Student.StudentNumber), "Student number {0} is already used by another student.", student.StudentNumber));
        }
        await UnitAsync(db, errors, student.UnitId, ct);
        return errors;
    }

    public static async Task<List<FieldError>> ValidateAsync(AppDbContext db, OrgUnit unit, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        Number(errors, nameof(OrgUnit.Code), unit.Code, "Code");
        if (string.IsNullOrWhiteSpace(unit.NameZh))
        {
            errors.Add(new(nameof(OrgUnit.NameZh), "Enter the Chinese name."));
        }
        Length(errors, nameof(OrgUnit.NameZh), unit.NameZh, 200, "Chinese name");
        if (string.IsNullOrWhiteSpace(unit.NameEn))
        {
            errors.Add(new(nameof(OrgUnit.NameEn), "Enter the English name."));
        }
        Length(errors, nameof(OrgUnit.NameEn), unit.NameEn, 200, "English name");
        if (!Enum.IsDefined(unit.Kind))
        {
            errors.Add(new(nameof(OrgUnit.Kind), "Choose a kind of unit from the list."));
        }
        if (errors.All(e => e.Field != nameof(OrgUnit.Code))
            && await db.Set<OrgUnit>().AnyAsync(u => u.Code == unit.Code && u.Id != unit.Id, ct))
        {
            errors.Add(new(nameof(OrgUnit.Code), "Code {0} is already used by another unit.", unit.Code));
        }
        if (unit.ParentId is { } parentId)
        {
            // Walk up from the new parent: reaching the unit itself would make a cycle.
            var parents = await db.Set<OrgUnit>().AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
            if (!parents.ContainsKey(parentId))
            {
                errors.Add(new(nameof(OrgUnit.ParentId), "The parent unit does not exist: choose one from the list."));
            }
            else
            {
                Guid? cursor = parentId;
                for (var depth = 0; cursor is { } c && depth <= parents.Count; depth++)
                {
                    if (c == unit.Id)
                    {
                        errors.Add(new(nameof(OrgUnit.ParentId), "A unit cannot be placed under itself or one of its own sub-units."));
                        break;
                    }
                    cursor = parents.GetValueOrDefault(c);
                }
            }
        }
        return errors;
    }

    private static void Number(List<FieldError> errors, string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "Enter the {0}.", label));
        }
        else if (!NumberPattern().IsMatch(value))
        {
            errors.Add(new(field, "{0} may contain only letters, digits, '.', '_' and '-' (at most 32).", label));
        }
    }

    private static void Names(List<FieldError> errors, string? nameZh, string? nameEn)
    {
        if (string.IsNullOrWhiteSpace(nameZh))
        {
            errors.Add(new("NameZh", "Enter the name in Chinese (or as written in the passport)."));
        }
        Length(errors, "NameZh", nameZh, 100, "Chinese name");
        Length(errors, "NameEn", nameEn, 200, "English name");
    }

    private static void Length(List<FieldError> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, "{0} is too long: at most {1} characters.", label, max));
        }
    }

    private static void Email(List<FieldError> errors, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && (value.Length > 256 || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value.Trim()))
        {
            errors.Add(new(field, "{0} is not an e-mail address: write it as name@example.edu.cn.", value));
        }
    }

    private static void Phone(List<FieldError> errors, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !PhonePattern().IsMatch(value))
        {
            errors.Add(new(field, "{0} is not a phone number: use digits, spaces, '+', '-' and brackets.", value));
        }
    }

    /// <summary>The unit must be one of this tenant's units (the query filter hides the others).</summary>
    private static async Task UnitAsync(AppDbContext db, List<FieldError> errors, Guid? unitId, CancellationToken ct)
    {
        if (unitId is { } id && !await db.Set<OrgUnit>().AnyAsync(u => u.Id == id, ct))
        {
            errors.Add(new("UnitId", "The unit does not exist: choose one from the list."));
        }
    }
}
