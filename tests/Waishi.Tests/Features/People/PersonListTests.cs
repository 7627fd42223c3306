using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;

namespace Waishi.Tests.Features.People;

/// <summary>The filters staff and student lists share: active or not, and the order by name.</summary>
public sealed class PersonListTests
{
    private static List<string> Rows(string html, string kind) =>
        [.. Regex.Matches(html, $"data-{kind}=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Active_filter_lists_only_the_inactive_people_on_pages_and_api()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = (await app.UnitAsync("CQU-OPT")).TenantId;
        await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber == "CQU00010")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false)));
        var student = await app.WithDbAsync(db => db.Set<Student>().Where(s => s.TenantId == tenant)
            .OrderBy(s => s.StudentNumber).Select(s => s.StudentNumber).FirstAsync());
        await app.WithDbAsync(db => db.Set<Student>().Where(s => s.StudentNumber == student && s.TenantId == tenant)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false)));
        var staff = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.TenantId == tenant && !s.IsActive)
            .OrderBy(s => s.StaffNumber).Select(s => s.StaffNumber).ToListAsync());
        var students = await app.WithDbAsync(db => db.Set<Student>().Where(s => s.TenantId == tenant && !s.IsActive)
            .OrderBy(s => s.StudentNumber).Select(s => s.StudentNumber).ToListAsync());
        Assert.Contains("CQU00010", staff);
        Assert.Contains(student, students);

        var client = await app.SignInAsync("cqu.tenant-admin");
        Assert.Equal(staff, Rows(await client.GetStringAsync("/People/Staff?Active=false"), "staff"));
        Assert.Equal(students, Rows(await client.GetStringAsync("/People/Students?Active=false"), "student"));
        Assert.DoesNotContain("CQU00010", Rows(await client.GetStringAsync("/People/Staff?Active=true&Q=cqu00010"), "staff"));

        var apiStaff = await (await client.GetAsync("/api/v1/staff?active=false")).JsonAsync();
        Assert.Equal(staff, apiStaff.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("staffNumber").GetString()!));
        var apiStudents = await (await client.GetAsync("/api/v1/students?active=false")).JsonAsync();
        Assert.Equal(students, apiStudents.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("studentNumber").GetString()!));
    }

    [Fact]
    public async Task Sorting_by_name_breaks_ties_by_number_in_both_directions()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = (await app.UnitAsync("CQU-OPT")).TenantId;
        var client = await app.SignInAsync("cqu.tenant-admin");
        var staff = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.TenantId == tenant)
            .OrderByDescending(s => s.NameZh).ThenBy(s => s.StaffNumber).Select(s => s.StaffNumber).Take(25).ToListAsync());
        Assert.Equal(staff, Rows(await client.GetStringAsync("/People/Staff?Sort=-name"), "staff"));
        var students = await app.WithDbAsync(db => db.Set<Student>().Where(s => s.TenantId == tenant)
            .OrderBy(s => s.NameZh).ThenBy(s => s.StudentNumber).Select(s => s.StudentNumber).Take(25).ToListAsync());
        Assert.Equal(students, Rows(await client.GetStringAsync("/People/Students?Sort=name"), "student"));
    }
}
