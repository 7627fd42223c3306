using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;

namespace Waishi.Tests.Api;

public sealed class StudentsApiTests
{
    [Fact]
    public async Task A_student_is_created_updated_and_deleted()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");

        var created = await client.PostJsonAsync("/api/v1/students", new { studentNumber = "S-1", nameZh = "学生", degreeLevel = "Master", nationality = "de" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var student = await created.JsonAsync();
        var id = student.GetProperty("id").GetGuid();
        Assert.Equal("DE", student.GetProperty("nationality").GetString());

        var updated = await client.PutJsonAsync($"/api/v1/students/{id}", new
        {
            studentNumber = "S-1", nameZh = "学生", degreeLevel = "Doctoral", nationality = "DE", version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(DegreeLevel.Doctoral, await app.WithDbAsync(db => db.Set<Student>().Where(s => s.Id == id).Select(s => s.DegreeLevel).SingleAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/students/{id}?version=2")).StatusCode);
    }

    [Fact]
    public async Task A_student_with_an_account_is_not_deleted_and_bad_values_are_named()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.tenant-admin");
        var linked = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "cqu.student").Select(u => u.StudentId!.Value).SingleAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/students/{linked}")).StatusCode);

        var bad = await client.PostJsonAsync("/api/v1/students", new { studentNumber = "S 2", nameZh = "", nationality = "Germany" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "studentNumber", "nameZh", "nationality", "degreeLevel" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }
}
