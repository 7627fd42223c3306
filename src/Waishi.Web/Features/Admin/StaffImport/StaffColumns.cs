using Waishi.Web.Features.People;

namespace Waishi.Web.Features.Admin.StaffImport;

/// <summary>
/// The columns of a staff directory file. Each is recognised by its English or Chinese header
/// (case and surrounding spaces do not matter); the template uses the first Chinese and English names.
/// </summary>
public static class StaffColumns
{
    public const string StaffNumber = nameof(StaffMember.StaffNumber);
    public const string NameZh = nameof(StaffMember.NameZh);
    public const string NameEn = nameof(StaffMember.NameEn);
    public const string Unit = "UnitId";
    public const string Title = nameof(StaffMember.Title);
    public const string CadreLevel = nameof(StaffMember.CadreLevel);
    public const string IsClassified = nameof(StaffMember.IsClassified);
    public const string ClassifiedLevel = nameof(StaffMember.ClassifiedLevel);
    public const string Email = nameof(StaffMember.Email);
    public const string Phone = nameof(StaffMember.Phone);
    public const string Mobile = nameof(StaffMember.Mobile);

    /// <summary>Field → (English label, accepted headers). The label is also the translation key.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, string[] Headers)> All =
    [
        (StaffNumber, "Staff number", ["工号", "Staff number", "StaffNumber", "职工号"]),
        (NameZh, "Chinese name", ["姓名", "Chinese name", "Name", "NameZh"]),
        (NameEn, "English name", ["英文名", "English name", "NameEn", "英文姓名"]),
        (Unit, "Unit code", ["单位", "Unit code", "Unit", "UnitCode", "单位代码"]),
        (Title, "Title", ["职务", "Title"]),
        (CadreLevel, "Cadre level", ["干部级别", "Cadre level", "CadreLevel"]),
        (IsClassified, "Classified", ["涉密", "Classified", "IsClassified", "是否涉密"]),
        (ClassifiedLevel, "Classified level", ["涉密等级", "Classified level", "ClassifiedLevel"]),
        (Email, "E-mail", ["邮箱", "E-mail", "Email", "电子邮箱"]),
        (Phone, "Phone", ["电话", "Phone", "办公电话"]),
        (Mobile, "Mobile", ["手机", "Mobile"]),
    ];

    public static string Label(string field) => All.First(c => c.Field == field).Label;

    /// <summary>Which field each header of the file stands for; unknown headers are left out.</summary>
    public static Dictionary<string, string> Map(IEnumerable<string> headers)
    {
        var map = new Dictionary<string, string>();
        foreach (var header in headers)
        {
            var match = All.FirstOrDefault(c => c.Headers.Any(h => string.Equals(h, header.Trim(), StringComparison.OrdinalIgnoreCase)));
            if (match.Field is not null && !map.ContainsKey(match.Field))
            {
                map[match.Field] = header;
            }
        }
        return map;
    }

    private static readonly Dictionary<string, People.CadreLevel> CadreNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["无"] = People.CadreLevel.None, ["科级"] = People.CadreLevel.SectionLevel, ["副处级"] = People.CadreLevel.DeputyDivision,
        ["正处级"] = People.CadreLevel.Division, ["处级"] = People.CadreLevel.Division, ["副厅级"] = People.CadreLevel.DeputyBureau,
        ["正厅级"] = People.CadreLevel.Bureau, ["厅级"] = People.CadreLevel.Bureau,
    };

    private static readonly Dictionary<string, People.ClassifiedLevel> ClassifiedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["非涉密"] = People.ClassifiedLevel.None, ["无"] = People.ClassifiedLevel.None,
        ["一般"] = People.ClassifiedLevel.Ordinary, ["一般涉密"] = People.ClassifiedLevel.Ordinary,
        ["重要"] = People.ClassifiedLevel.Important, ["重要涉密"] = People.ClassifiedLevel.Important,
        ["核心"] = People.ClassifiedLevel.Core, ["核心涉密"] = People.ClassifiedLevel.Core,
    };

    public static bool TryCadre(string? text, out People.CadreLevel level)
    {
        level = People.CadreLevel.None;
        return string.IsNullOrWhiteSpace(text) || CadreNames.TryGetValue(text, out level)
            || (Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level) && !int.TryParse(text, out _));
    }

    public static bool TryClassifiedLevel(string? text, out People.ClassifiedLevel level)
    {
        level = People.ClassifiedLevel.None;
        return string.IsNullOrWhiteSpace(text) || ClassifiedNames.TryGetValue(text, out level)
            || (Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level) && !int.TryParse(text, out _));
    }

    public static bool TryYesNo(string? text, out bool value)
    {
        value = false;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "否" or "no" or "n" or "false" or "0":
                return true;
            case "是" or "yes" or "y" or "true" or "1":
                value = true;
                return true;
            default:
                return false;
        }
    }
}
