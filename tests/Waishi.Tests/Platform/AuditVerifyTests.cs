using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Auditing;

namespace Waishi.Tests.Platform;

/// <summary>"audit verify" finds what was changed without going through the application.</summary>
public sealed class AuditVerifyTests
{
    [Fact]
    public async Task Intact_demo_database_verifies()
    {
        await using var app = await AppFactory.CreateAsync();
        var result = await CliRunner.RunAsync(app.ConnectionString, "audit", "verify");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Audit log intact", result.Output);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Staff_row_updated_by_raw_sql_is_named_with_its_field()
    {
        await using var app = await AppFactory.CreateAsync();
        var id = await app.WithDbAsync(db => db.Set<StaffMember>().Where(s => s.StaffNumber == "CQU00012").Select(s => s.Id).SingleAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"StaffMember\" SET \"Title\" = 'Dean of everything' WHERE \"StaffNumber\" = 'CQU00012'"));

        var verification = await VerifyAsync(app);
        var problem = Assert.Single(verification.Problems);
        Assert.Equal(AuditProblemKind.RowChanged, problem.Kind);
        Assert.Equal(("StaffMember", id.ToString()), (problem.EntityType, problem.EntityId));
        Assert.Equal(["Title"], problem.Fields);

        var result = await CliRunner.RunAsync(app.ConnectionString, "audit", "verify");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"StaffMember {id} was changed behind the application's back: Title", result.Error);
        Assert.Contains("error: the audit log is not intact", result.Error);
    }

    [Fact]
    public async Task Audit_entry_edited_by_raw_sql_is_named()
    {
        await using var app = await AppFactory.CreateAsync();
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntry\" SET \"UserName\" = 'nobody' WHERE \"Sequence\" = 25"));

        var result = await CliRunner.RunAsync(app.ConnectionString, "audit", "verify");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("entry 25 (", result.Error);
        Assert.Contains("was altered", result.Error);
        var problem = Assert.Single((await VerifyAsync(app)).Problems);
        Assert.Equal((AuditProblemKind.Tampered, 25L), (problem.Kind, problem.Sequence));
    }

    [Fact]
    public async Task Deleted_audit_entry_is_named()
    {
        await using var app = await AppFactory.CreateAsync();
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntry\" WHERE \"Sequence\" = 40"));

        var result = await CliRunner.RunAsync(app.ConnectionString, "audit", "verify");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("entry 40 is missing", result.Error);
        var chain = (await VerifyAsync(app)).Problems.Where(p => p.Kind is AuditProblemKind.Missing or AuditProblemKind.Tampered).ToList();
        Assert.Equal((AuditProblemKind.Missing, 40L), (Assert.Single(chain).Kind, chain[0].Sequence));
    }

    [Fact]
    public async Task Row_deleted_by_raw_sql_is_named()
    {
        await using var app = await AppFactory.CreateAsync();
        var student = await app.WithDbAsync(db => db.Set<Student>().OrderBy(s => s.StudentNumber).FirstAsync());
        await app.WithDbAsync(db => db.Set<Student>().Where(s => s.Id == student.Id).ExecuteDeleteAsync());

        var problem = Assert.Single((await VerifyAsync(app)).Problems);
        Assert.Equal((AuditProblemKind.RowRemoved, "Student", student.Id.ToString()), (problem.Kind, problem.EntityType, problem.EntityId));
    }

    private static async Task<AuditVerification> VerifyAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<AuditVerifier>(scope.ServiceProvider).VerifyAsync();
    }
}
