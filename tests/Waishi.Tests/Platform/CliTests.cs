using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Identity;

namespace Waishi.Tests.Platform;

/// <summary>The verbs of the executable, called in-process on a copy of the demo city.</summary>
public sealed class CliTests
{
    private const string StrongPassword = "correct-horse-42";

    [Fact]
    public async Task User_add_creates_an_account_with_unit_roles_that_can_sign_in()
    {
        await using var app = await AppFactory.CreateAsync();
        var result = await CliRunner.RunAsync(app.ConnectionString, "user", "add", "--tenant", "cqu", "--user", "li.ming",
            "--password", StrongPassword, "--display-name", "李明", "--role", "unit-head", "--unit", "CQU-CS", "--role", "auditor");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Created user li.ming in CQU", result.Output);

        var roles = await app.WithDbAsync(async db =>
        {
            var user = await db.Set<AppUser>().SingleAsync(u => u.UserName == "li.ming");
            Assert.Equal("李明", user.DisplayName);
            var cs = await db.Set<OrgUnit>().SingleAsync(u => u.Code == "CQU-CS");
            return await db.Set<RoleAssignment>().Where(r => r.UserId == user.Id).OrderBy(r => r.Role)
                .Select(r => new { r.Role, IsCs = r.OrgUnitId == cs.Id, NoUnit = r.OrgUnitId == null }).ToListAsync();
        });
        Assert.Equal(2, roles.Count);
        Assert.True(roles[0].Role == "auditor" && roles[0].NoUnit);
        Assert.True(roles[1].Role == "unit-head" && roles[1].IsCs);

        var client = await app.SignInAsync("li.ming", StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("--tenant", "NOPE", "--tenant: no tenant has the code 'NOPE'")]
    [InlineData("--role", "wizard", "--role: 'wizard' is not a role of CQU")]
    [InlineData("--role", "unit-head", "--role unit-head is limited to one org unit")]
    [InlineData("--unit", "CQU-XX", "--unit: CQU has no org unit with the code 'CQU-XX'")]
    [InlineData("--password", "short1", "--password is too weak")]
    [InlineData("--user", "cqu.applicant", "--user: the user name 'cqu.applicant' is taken")]
    [InlineData("--user", "bad name!", "--user: 'bad name!' is not a valid user name")]
    public async Task User_add_refuses_bad_input_with_one_line_and_writes_nothing(string option, string value, string message)
    {
        await using var app = await AppFactory.CreateAsync();
        var args = new Dictionary<string, string> { ["--tenant"] = "CQU", ["--user"] = "new.user", ["--password"] = StrongPassword, ["--role"] = "applicant" };
        if (option == "--unit")
        {
            args["--role"] = "unit-head";
        }
        args[option] = value;
        var before = await CountsAsync(app);

        var result = await CliRunner.RunAsync(app.ConnectionString, ["user", "add", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(message, line);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    [InlineData(new[] { "user", "add", "--user", "x", "--password", StrongPassword }, "--tenant")]
    [InlineData(new[] { "user", "reset-password", "--user", "nobody.here", "--password", StrongPassword }, "--user: no user is named 'nobody.here'")]
    [InlineData(new[] { "audit" }, "--help")]
    [InlineData(new[] { "backup" }, "name the backup file")]
    public async Task Usage_errors_print_one_line_and_fail(string[] args, string expected)
    {
        await using var app = await AppFactory.CreateAsync();
        var result = await CliRunner.RunAsync(app.ConnectionString, args);
        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("user", "add")]
    [InlineData("user", "reset-password")]
    [InlineData("audit", "verify")]
    [InlineData("migrate")]
    public async Task Every_verb_has_help(params string[] verb)
    {
        await using var app = await AppFactory.CreateAsync();
        var result = await CliRunner.RunAsync(app.ConnectionString, [.. verb, "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
    }

    [Theory]
    [InlineData("audit verify --Database:Path=x.db", "audit verify", "--Database:Path=x.db")]
    [InlineData("--Database:Path=x.db audit verify", "audit verify", "--Database:Path=x.db")]
    [InlineData("--urls http://localhost:5001", "", "--urls http://localhost:5001")]
    [InlineData("--Database:Path=x.db", "", "--Database:Path=x.db")]
    public void Host_settings_go_to_the_host_wherever_they_stand(string args, string verb, string host)
    {
        var (v, h) = Waishi.Web.Platform.Cli.CommandLine.Split(args.Split(' '));
        Assert.Equal(verb, string.Join(' ', v));
        Assert.Equal(host, string.Join(' ', h));
    }

    [Fact]
    public async Task Reset_password_lets_the_user_sign_in_with_the_new_one_only()
    {
        await using var app = await AppFactory.CreateAsync();
        var result = await CliRunner.RunAsync(app.ConnectionString, "user", "reset-password", "--user-name", "cqu.auditor", "--password", StrongPassword);
        Assert.True(result.ExitCode == 0, result.Error);
        await app.SignInAsync("cqu.auditor", StrongPassword);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync("cqu.auditor"));

        var weak = await CliRunner.RunAsync(app.ConnectionString, "user", "reset-password", "--user", "cqu.auditor", "--password", "abc");
        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("--password is too weak", weak.Error);
        await app.SignInAsync("cqu.auditor", StrongPassword);
    }

    [Fact]
    public async Task Backup_copies_the_sqlite_database_and_never_overwrites_without_force()
    {
        await using var app = await AppFactory.CreateAsync();
        var file = Path.Combine(Path.GetTempPath(), $"waishi-backup-{Guid.NewGuid():N}.db");
        try
        {
            var result = await CliRunner.RunAsync(app.ConnectionString, "backup", file);
            Assert.True(result.ExitCode == 0, result.Error);
            if (TestDatabase.IsPostgres)
            {
                // pg_dump's custom format; BackupUnderWritesTests restores one and compares it.
                Assert.Contains("pg_restore", result.Output);
                Assert.Equal("PGDMP"u8.ToArray(), File.ReadAllBytes(file)[..5]);
            }
            else
            {
                Assert.Equal(await app.WithDbAsync(db => db.Set<Waishi.Web.Features.People.StaffMember>().CountAsync()), CountStaff(file));
            }

            File.WriteAllText(file, "keep me");
            var again = await CliRunner.RunAsync(app.ConnectionString, "backup", file);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("--force", again.Error);
            Assert.Equal("keep me", File.ReadAllText(file));

            var forced = await CliRunner.RunAsync(app.ConnectionString, "backup", "--to", file, "--force");
            Assert.True(forced.ExitCode == 0, forced.Error);
            Assert.True(TestDatabase.IsPostgres || CountStaff(file) > 0);
            Assert.NotEqual("keep me", File.ReadAllText(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static long CountStaff(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"StaffMember\"";
        return (long)command.ExecuteScalar()!;
    }

    private static Task<(int Users, int Roles, int Audit)> CountsAsync(AppFactory app) => app.WithDbAsync(async db =>
        (await db.Set<AppUser>().CountAsync(), await db.Set<RoleAssignment>().CountAsync(), await db.Set<Waishi.Web.Platform.Auditing.AuditEntry>().CountAsync()));
}
