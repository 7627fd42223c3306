using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;

namespace Waishi.Tests.Features.People;

public sealed class StudentPagesTests
{
    [Fact]
    public async Task Degree_and_nationality_filters_and_excel_export()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var expected = await app.WithDbAsync(db => db.Set<Student>().Where(s => s.StudentNumber.StartsWith("CQUS") && s.DegreeLevel == DegreeLevel.Master && s.Nationality == "CN")
            .Select(s => s.StudentNumber).OrderBy(n => n).ToListAsync());
        Assert.NotEmpty(expected);
        var html = await client.GetStringAsync("/People/Students?Degree=Master&Nationality=cn");
        Assert.Equal(expected, Regex.Matches(html, "data-student=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        var rows = Sheets.Xlsx(await client.GetByteArrayAsync("/People/Students?handler=Export&format=xlsx&Degree=Master&Nationality=CN"));
        Assert.Equal("Student number", rows[0][0]);
        Assert.Equal(expected, rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task A_bad_nationality_is_reported_and_the_input_kept()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var response = await client.PostFormAsync("/People/Students/Create", "/People/Students/Create", new()
        {
            ["Form.StudentNumber"] = "S-NEW-1", ["Form.NameZh"] = "新同学", ["Form.Nationality"] = "Germany",
            ["Form.DegreeLevel"] = "Master", ["Form.IsActive"] = "true", ["Form.Version"] = "0",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nationality must be a two-letter country code", html);
        Assert.Contains("value=\"S-NEW-1\"", html);
        Assert.False(await app.WithDbAsync(db => db.Set<Student>().AnyAsync(s => s.StudentNumber == "S-NEW-1")));
    }

    [Fact]
    public async Task A_student_is_created_edited_and_deleted()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var created = await client.PostFormAsync("/People/Students/Create", "/People/Students/Create", new()
        {
            ["Form.StudentNumber"] = "S-NEW-2", ["Form.NameZh"] = "新同学", ["Form.Nationality"] = "de",
            ["Form.DegreeLevel"] = "Doctoral", ["Form.IsActive"] = "true", ["Form.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var student = await app.WithDbAsync(db => db.Set<Student>().SingleAsync(s => s.StudentNumber == "S-NEW-2"));
        Assert.Equal("DE", student.Nationality);
        var edit = $"/People/Students/Edit/{student.Id}";
        var edited = await client.PostFormAsync(edit, edit, new()
        {
            ["Form.StudentNumber"] = "S-NEW-2", ["Form.NameZh"] = "新同学", ["Form.NameEn"] = "New Student", ["Form.Nationality"] = "DE",
            ["Form.DegreeLevel"] = "Doctoral", ["Form.IsActive"] = "true", ["Form.Version"] = student.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("New Student", (await app.WithDbAsync(db => db.Set<Student>().SingleAsync(s => s.Id == student.Id))).NameEn);
        await client.PostFormAsync($"/People/Students/Details/{student.Id}", $"/People/Students/Delete/{student.Id}", []);
        Assert.False(await app.WithDbAsync(db => db.Set<Student>().AnyAsync(s => s.Id == student.Id)));
    }
}
