using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Conferences;
using Waishi.Web.Features.PartnerStats;
using Waishi.Web.Features.Visits;
using Waishi.Web.Features.Visits.Letters;
using Waishi.Web.Features.TravelDocuments;
using Waishi.Web.Features.TripReports;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform;
using Waishi.Web.Platform.Cli;
using Waishi.Web.Platform.Demo.Scale;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Tests.Platform;

/// <summary>One small generated city (seed 11) on the suite's database, shared by the tests.</summary>
public sealed class SmallCityFixture : IAsyncLifetime
{
    public string ConnectionString { get; } = TestDatabase.NewEmpty();
    public CliResult Generated { get; private set; } = null!;

    /// <summary>The checksum right after generation, before any test signs in and writes.</summary>
    public string Checksum { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Generated = await DemoScaleTests.RunAsync(TestDatabase.IsPostgres, ConnectionString, "demo", "--scale", "small", "--seed", "11");
        await using var scope = await DemoScaleTests.ScopeAsync(ConnectionString);
        Checksum = await scope.Checksum.TotalAsync();
    }

    public Task DisposeAsync()
    {
        TestDatabase.Drop(ConnectionString);
        return Task.CompletedTask;
    }
}

/// <summary>"demo --scale": a deterministic generated city that the app can use.</summary>
public sealed class DemoScaleTests(SmallCityFixture city) : IClassFixture<SmallCityFixture>
{
    [Fact]
    public void Generation_prints_progress_and_a_summary_per_table()
    {
        Assert.True(city.Generated.ExitCode == 0, city.Generated.Error + city.Generated.Output);
        Assert.Contains("trips done in", city.Generated.Output);
        Assert.Matches(@"Trip\s+2,000\s+[\d.]+\s+[\d,]+", city.Generated.Output);
        Assert.Contains("visits done in", city.Generated.Output);
        Assert.Contains("conferences done in", city.Generated.Output);
        Assert.Matches(@"Visit\s+400\s+[\d.]+\s+[\d,]+", city.Generated.Output);
        Assert.DoesNotContain("Not generated yet", city.Generated.Output);
    }

    [Fact]
    public async Task Small_city_has_the_shape_of_the_city()
    {
        await using var scope = await ScopeAsync(city.ConnectionString);
        var db = scope.Db;
        Assert.Equal(1, await db.Set<Tenant>().CountAsync(t => t.Kind == TenantKind.Authority));
        Assert.Equal(12, await db.Set<Tenant>().CountAsync(t => t.Kind == TenantKind.Institution));
        Assert.Equal(2000, await db.Set<Trip>().CountAsync());
        var states = await db.Set<Trip>().GroupBy(t => t.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        // Most trips are approved; drafts, rejections and withdrawals exist.
        Assert.True(states[TripState.Approved] > 1400, string.Join(", ", states));
        Assert.True(states[TripState.Draft] > 0 && states[TripState.Rejected] > 0 && states[TripState.Withdrawn] > 0);
        // Every submitted trip has its case, with the decisions that approved it.
        var submitted = await db.Set<Trip>().CountAsync(t => t.State != TripState.Draft);
        Assert.Equal(submitted, await db.Set<Trip>().CountAsync(t => t.CaseId != null && t.Number != null));
        var approvedCase = await db.Set<WorkflowCase>().Where(c => c.CaseType == CaseTypes.Trip && c.State == CaseState.Approved).Select(c => c.Id).FirstAsync();
        Assert.True(await db.Set<WorkflowEntry>().CountAsync(e => e.CaseId == approvedCase && e.Action == WorkflowAction.Approve) >= 3);
        // Destinations: the United States and Japan lead; Hong Kong is frequent; the pandemic years are quiet.
        var countries = await db.Set<TripDestination>().GroupBy(d => d.CountryCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        Assert.True(countries["US"] > countries.GetValueOrDefault("FR") && countries["JP"] > countries.GetValueOrDefault("IT"));
        var y2021 = await db.Set<Trip>().CountAsync(t => t.DepartureDate >= new DateOnly(2021, 1, 1) && t.DepartureDate < new DateOnly(2022, 1, 1));
        var y2019 = await db.Set<Trip>().CountAsync(t => t.DepartureDate >= new DateOnly(2019, 1, 1) && t.DepartureDate < new DateOnly(2020, 1, 1));
        Assert.True(y2021 * 5 < y2019, $"2021: {y2021}, 2019: {y2019}");
        Assert.True(await db.Set<CustodyEntry>().CountAsync(c => c.Action == CustodyAction.CheckedOut) > 500);
        Assert.True(await db.Set<TripReport>().CountAsync(r => r.State == ReportState.Approved) > 1000);
        Assert.True(await db.Set<Agreement>().CountAsync(a => a.State == AgreementState.Active) > 5);
        Assert.True(await db.Set<AgreementQuota>().AnyAsync());
    }

    [Fact]
    public async Task Small_city_has_visits_and_conferences_with_their_cases_letters_and_closures()
    {
        await using var scope = await ScopeAsync(city.ConnectionString);
        var db = scope.Db;
        Assert.Equal(400, await db.Set<Visit>().CountAsync());
        var states = await db.Set<Visit>().GroupBy(v => v.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        // Past visits are mostly closed; visits ahead wait at the chain's steps.
        Assert.True(states[VisitState.Closed] > 250, string.Join(", ", states));
        Assert.True(states.GetValueOrDefault(VisitState.InReview) > 0 && states.GetValueOrDefault(VisitState.Draft) > 0);
        Assert.Equal(0, await db.Set<Visit>().CountAsync(v => v.State == VisitState.Closed && (v.ClosedUtc == null || v.ActualArrivalDate == null)));
        Assert.Equal(0, await db.Set<Visit>().CountAsync(v => v.State == VisitState.InReview && v.ArrivalDate <= ScaleOptions.DefaultAsOf));
        // Every submitted visit has its case on the visit chain; in-review ones stand at a step.
        Assert.Equal(await db.Set<Visit>().CountAsync(v => v.State != VisitState.Draft),
            await db.Set<Visit>().CountAsync(v => v.CaseId != null && v.Number != null));
        var waiting = await db.Set<WorkflowCase>().CountAsync(c => c.CaseType == CaseTypes.Visit && c.State == CaseState.InProgress);
        Assert.Equal(states[VisitState.InReview], waiting);
        Assert.True(await db.Set<VisitMember>().CountAsync() > 400);
        Assert.True(await db.Set<VisitAgendaAttendee>().AnyAsync() && await db.Set<VisitBudgetLine>().AnyAsync());
        // Invitation letters only for approved visits, each with its entry in the document register.
        var letters = await db.Set<VisitLetter>().CountAsync();
        Assert.True(letters > 200, $"{letters} letters");
        Assert.Equal(letters, await db.Set<IssuedDocument>().CountAsync(d => d.Kind == DocumentKinds.InvitationLetter));
        Assert.Equal(0, await db.Set<VisitLetter>().Join(db.Set<Visit>(), l => l.VisitId, v => v.Id, (l, v) => v.State)
            .CountAsync(s => s != VisitState.Approved && s != VisitState.Closed));
        // Visitors come from where the trips go.
        var leaders = await db.Set<VisitMember>().Where(m => m.IsLeader).GroupBy(m => m.Nationality)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        Assert.True(leaders["US"] > leaders.GetValueOrDefault("FR") && leaders["JP"] > leaders.GetValueOrDefault("IT"), string.Join(", ", leaders));

        Assert.Equal(10, await db.Set<Conference>().CountAsync());
        Assert.True(await db.Set<ConferencePlan>().CountAsync() > 100);
        Assert.True(await db.Set<ConferencePlanItem>().CountAsync() > await db.Set<ConferencePlan>().CountAsync());
        Assert.True(await db.Set<ConferenceCountry>().AnyAsync(c => !c.Actual));
        Assert.Equal(await db.Set<Conference>().CountAsync(c => c.State != ConferenceState.Draft),
            await db.Set<WorkflowCase>().CountAsync(c => c.CaseType == CaseTypes.Conference));
        // Summaries only after the conference, with the actual participants by country.
        Assert.True(await db.Set<Conference>().AnyAsync(c => c.SummarySubmittedUtc != null));
        Assert.Equal(0, await db.Set<Conference>().CountAsync(c => c.SummarySubmittedUtc != null && (c.EndDate >= ScaleOptions.DefaultAsOf || c.ActualParticipants == null)));
    }

    [Fact]
    public async Task Same_seed_gives_the_same_rows_on_either_database_and_another_seed_does_not()
    {
        var expected = city.Checksum;

        // The same seed again, always on SQLite: when the suite runs on PostgreSQL this compares the two databases.
        Directory.CreateDirectory(TestDatabase.Root);
        var again = new SqliteConnectionStringBuilder { DataSource = Path.Combine(TestDatabase.Root, $"scale-{Guid.NewGuid():N}.db"), Pooling = false }.ToString();
        var other = new SqliteConnectionStringBuilder { DataSource = Path.Combine(TestDatabase.Root, $"scale-{Guid.NewGuid():N}.db"), Pooling = false }.ToString();
        try
        {
            Assert.Equal(0, (await RunAsync(false, again, "demo", "--scale", "small", "--seed", "11")).ExitCode);
            await using (var scope = await ScopeAsync(again, postgres: false))
            {
                Assert.Equal(expected, await scope.Checksum.TotalAsync());
            }
            Assert.Equal(0, (await RunAsync(false, other, "demo", "--scale", "small", "--seed", "12")).ExitCode);
            await using (var scope = await ScopeAsync(other, postgres: false))
            {
                var tables = await scope.Checksum.TablesAsync();
                Assert.NotEqual(expected, await scope.Checksum.TotalAsync());
                Assert.StartsWith("2000:", tables["Trip"]);
                Assert.StartsWith("400:", tables["Visit"]);
                Assert.StartsWith("10:", tables["Conference"]);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { again, other }.Select(cs => new SqliteConnectionStringBuilder(cs).DataSource))
            {
                foreach (var file in new[] { f, f + "-wal", f + "-shm" })
                {
                    File.Delete(file);
                }
            }
        }
    }

    [Fact]
    public async Task Every_generated_document_is_where_its_custody_ledger_says()
    {
        await using var scope = await ScopeAsync(city.ConnectionString);
        var db = scope.Db;
        var documents = await db.Set<TravelDocument>().AsNoTracking().Select(d => new { d.Id, d.Status, d.TripId }).ToListAsync();
        var ledgers = (await db.Set<CustodyEntry>().AsNoTracking().Select(e => new { e.DocumentId, e.Action, e.TripId, e.AtUtc, e.Id }).ToListAsync())
            .GroupBy(e => e.DocumentId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList());
        var failures = new List<string>();
        var checkedOut = 0;
        foreach (var doc in documents)
        {
            var ledger = ledgers[doc.Id];
            // A document goes with one trip at a time: every check-out is followed by the return
            // from that trip, except the last line of a document still out.
            for (var i = 0; i < ledger.Count; i++)
            {
                if (ledger[i].Action == CustodyAction.CheckedOut && i + 1 < ledger.Count
                    && !(ledger[i + 1].Action == CustodyAction.Returned && ledger[i + 1].TripId == ledger[i].TripId))
                {
                    failures.Add($"{doc.Id}: out for trip {ledger[i].TripId}, then {ledger[i + 1].Action} for trip {ledger[i + 1].TripId}");
                }
            }
            var last = ledger[^1];
            var fits = doc.Status switch
            {
                TravelDocumentStatus.CheckedOut => last.Action == CustodyAction.CheckedOut && last.TripId == doc.TripId,
                TravelDocumentStatus.InCustody => last.Action is CustodyAction.Registered or CustodyAction.Returned && doc.TripId is null,
                _ => true,
            };
            if (!fits)
            {
                failures.Add($"{doc.Id}: {doc.Status} (trip {doc.TripId}) but the ledger ends with {last.Action} (trip {last.TripId})");
            }
            checkedOut += doc.Status == TravelDocumentStatus.CheckedOut ? 1 : 0;
        }
        Assert.True(failures.Count == 0, $"{failures.Count} documents out of step with their ledgers:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(checkedOut > 0, "some documents are out with trips under way");
    }

    [Fact]
    public async Task Home_page_partner_figures_agree_with_the_statistics_page_in_every_institution()
    {
        await using var scope = await ScopeAsync(city.ConnectionString);
        var institutions = await scope.Db.Set<Tenant>().AsNoTracking().Where(t => t.Kind == TenantKind.Institution)
            .Select(t => new { t.Id, t.Code }).ToListAsync();
        Assert.Equal(12, institutions.Count);
        var agreements = 0;
        foreach (var institution in institutions)
        {
            await using var tenant = scope.AsTenant(institution.Id, TenantKind.Institution);
            var db = tenant.ServiceProvider.GetRequiredService<Waishi.Web.Platform.Data.AppDbContext>();
            var figures = await PartnerStatistics.FiguresAsync(db);
            var full = await PartnerStatistics.ForTenantAsync(db, new StatsFilter());
            Assert.Equal((full.Partners, full.Countries, full.Agreements), (figures.Partners, figures.Countries, figures.Agreements));
            Assert.True(figures.Partners > 0, $"{institution.Code} has partners");
            agreements += figures.Agreements;
        }
        Assert.True(agreements > 0, "some agreements in force are counted");
    }

    [Fact]
    public async Task Audit_log_of_the_generated_rows_verifies()
    {
        var result = await RunAsync(TestDatabase.IsPostgres, city.ConnectionString, "audit", "verify");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Audit log intact", result.Output);
    }

    [Fact]
    public async Task Demo_users_open_the_generated_trips_cases_partners_and_agreements()
    {
        var (tripId, caseId, agreementId, number, visitId) = await Task.Run(async () =>
        {
            await using var scope = await ScopeAsync(city.ConnectionString);
            var cqu = await scope.Db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync();
            var trip = await scope.Db.Set<Trip>().Where(t => t.TenantId == cqu && t.State == TripState.Approved)
                .OrderByDescending(t => t.DepartureDate).FirstAsync();
            var agreement = await scope.Db.Set<Agreement>().Where(a => a.TenantId == cqu && a.State == AgreementState.Active).Select(a => a.Id).FirstAsync();
            var visit = await scope.Db.Set<Visit>().Where(v => v.TenantId == cqu && v.State == VisitState.Closed)
                .OrderByDescending(v => v.ArrivalDate).Select(v => v.Id).FirstAsync();
            return (trip.Id, trip.CaseId!.Value, agreement, trip.Number!, visit);
        });

        await using var app = AppFactory.OnDatabase(city.ConnectionString);
        var officer = await app.SignInAsync("cqu.officer-exit");
        foreach (var url in new[] { "/Trips", $"/Trips/Details/{tripId}", $"/Workflow/Case/{caseId}", "/Workflow/Awaiting" })
        {
            var response = await officer.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        Assert.Contains(number, await officer.GetStringAsync($"/Trips/Details/{tripId}"));

        var global = await app.SignInAsync("cqu.officer-global");
        foreach (var url in new[] { "/Partners", "/Agreements", $"/Agreements/Details/{agreementId}", "/Visits", $"/Visits/Details/{visitId}",
            $"/Visits/Letters/Visit/{visitId}", "/Conferences", "/Conferences/Plans", "/Workflow/Awaiting" })
        {
            var response = await global.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        // A member of staff signs in with the account named by their staff number.
        var staff = await app.SignInAsync("cqu00042");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Trips")).StatusCode);
    }

    [Fact]
    public async Task Demo_command_refuses_an_unknown_scale_and_a_database_with_tenants()
    {
        var unknown = await RunAsync(TestDatabase.IsPostgres, city.ConnectionString, "demo", "--scale", "huge");
        Assert.Equal(2, unknown.ExitCode);
        var again = await RunAsync(TestDatabase.IsPostgres, city.ConnectionString, "demo", "--scale", "small");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already has tenants", again.Error);
    }

    [Fact]
    public void Password_hash_is_deterministic_and_verifies()
    {
        var hash = OrganisationGenerator.HashPassword("waishi-demo-2026", 210_000, 3);
        Assert.Equal(hash, OrganisationGenerator.HashPassword("waishi-demo-2026", 210_000, 3));
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<AppUser>();
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success, hasher.VerifyHashedPassword(null!, hash, "waishi-demo-2026"));
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(null!, hash, "wrong-password-1"));
    }

    public sealed class Scope(AsyncServiceScope scope, WebApplication app) : IAsyncDisposable
    {
        public Waishi.Web.Platform.Data.AppDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<Waishi.Web.Platform.Data.AppDbContext>();
        public ScaleChecksum Checksum { get; } = scope.ServiceProvider.GetRequiredService<ScaleChecksum>();
        public IDisposable System { get; } = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();

        /// <summary>A further scope that sees one tenant's rows, as a request of its users does.</summary>
        public AsyncServiceScope AsTenant(Guid tenantId, TenantKind kind)
        {
            var inner = app.Services.CreateAsyncScope();
            inner.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId, kind);
            return inner;
        }

        public async ValueTask DisposeAsync()
        {
            System.Dispose();
            await scope.DisposeAsync();
            await app.DisposeAsync();
        }
    }

    private static WebApplication Build(bool postgres, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = connectionString,
            ["Demo:SeedOnEmpty"] = "false",
            ["Jobs:Enabled"] = "false",
            ["Notifications:DispatcherEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddWaishi();
        var app = builder.Build();
        app.UseWaishi();
        return app;
    }

    public static async Task<Scope> ScopeAsync(string connectionString, bool? postgres = null)
    {
        var app = Build(postgres ?? TestDatabase.IsPostgres, connectionString);
        await Task.CompletedTask;
        return new Scope(app.Services.CreateAsyncScope(), app);
    }

    /// <summary>Runs a verb as <see cref="CliRunner"/> does, on the database given (not only the suite's).</summary>
    public static async Task<CliResult> RunAsync(bool postgres, string connectionString, params string[] args)
    {
        await using var app = Build(postgres, connectionString);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(app, args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
