using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Platform.Localization;

/// <summary>
/// What a role is called. The stored role ("officer-hmt") is not English to read, so the English
/// names are here and the Chinese ones are translations of "role:…" keys in the resx.
/// </summary>
public static class RoleNames
{
    private static readonly Dictionary<string, string> English = new()
    {
        [Roles.Applicant] = "Applicant",
        [Roles.Student] = "Student",
        [Roles.UnitSecretary] = "Unit foreign-affairs secretary",
        [Roles.UnitHead] = "Head of unit",
        [Roles.OfficerHmt] = "Officer, Hong Kong, Macao and Taiwan",
        [Roles.OfficerGlobal] = "Officer, international staff and global relations",
        [Roles.OfficerStudyAbroad] = "Officer, study abroad",
        [Roles.OfficerExit] = "Officer, exit administration",
        [Roles.Director] = "Director of international affairs",
        [Roles.SecurityOfficer] = "Security officer",
        [Roles.Leader] = "University leader in charge",
        [Roles.Counselor] = "International student counselor",
        [Roles.TenantAdmin] = "Administrator",
        [Roles.Auditor] = "Auditor",
        [Roles.FaoOfficer] = "FAO officer",
        [Roles.FaoDirector] = "FAO division director",
        [Roles.FaoAnalyst] = "FAO analyst",
    };

    public static string Of(string role, IStringLocalizer localizer)
    {
        if (LocalizationSetup.IsChinese)
        {
            var translated = localizer["role:" + role];
            if (!translated.ResourceNotFound)
            {
                return translated.Value;
            }
        }
        return English.TryGetValue(role, out var name) ? name : role;
    }
}
