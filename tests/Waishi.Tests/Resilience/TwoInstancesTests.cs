using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Features.Agreements;
using Waishi.Tests.Platform.Notifications;
using Waishi.Tests.Support;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Tenancy;
using Xunit.Abstractions;

namespace Waishi.Tests.Resilience;

/// <summary>
/// Two real instances (Kestrel on two loopback ports) on one database and one key directory, with
/// nginx in front as a deployment would have it: a sign-in on one instance holds on the other, a
/// form issued by one is accepted by the other, a file uploaded through one is served by the other,
/// round robin needs no stickiness, and with both schedulers running each job due point runs once.
/// On SQLite both instances share one database file (one machine); on PostgreSQL, one database.
/// Skipped only when nginx is not installed (scripts/test.sh installs it).
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    private const string Officer = "cqu.officer-global";

    [Fact]
    public async Task A_user_signs_in_on_one_instance_and_carries_on_on_the_other_behind_nginx()
    {
        if (NginxProxy.Executable is null)
        {
            output.WriteLine("Skipped: nginx is not installed (apt-get install nginx; scripts/test.sh installs it).");
            return;
        }
        var database = await AppFactory.NewDemoDatabaseAsync();
        var keys = Directory.CreateTempSubdirectory("waishi-keys-").FullName;
        var clock = new MovableClock();
        var runs = new ConcurrentQueue<(string Instance, DateTime Due)>();
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:TickInterval"] = "00:00:00.050",
        };
        InstanceHost? a = null, b = null;
        try
        {
            a = InstanceHost.Start(database, keys, settings, s => Instance(s, "A", clock, runs));
            b = InstanceHost.Start(database, keys, settings, s => Instance(s, "B", clock, runs));
            using var nginx = await NginxProxy.StartAsync(a.Authority, b.Authority);

            // One cookie jar for both: cookies belong to the host, whatever the port.
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

            var signIn = await client.PostFormAsync($"{nginx.PinnedToA}/Account/SignIn", $"{nginx.PinnedToA}/Account/SignIn",
                new() { ["Form.UserName"] = Officer, ["Form.Password"] = AppFactory.Password });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

            // The cookie issued by A is a signed-in session on B.
            var onB = await client.GetAsync($"{nginx.PinnedToB}/Agreements");
            Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
            Assert.Contains("/Account/SignOut", await onB.Content.ReadAsStringAsync());

            // A form rendered by A (its antiforgery token) is posted to B, with a file.
            var agreement = await AgreementAsync(a);
            var token = await client.AntiforgeryTokenAsync($"{nginx.PinnedToA}/Agreements/Details/{agreement}");
            var pdf = AgreementData.Pdf.Concat("% uploaded through B\n"u8.ToArray()).ToArray();
            using (var form = new MultipartFormDataContent())
            {
                form.Add(new StringContent("Other"), "Kind");
                form.Add(new StringContent(token), "__RequestVerificationToken");
                var file = new ByteArrayContent(pdf);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(file, "Document", "minutes.pdf");
                var upload = await client.PostAsync($"{nginx.PinnedToB}/Agreements/Details/{agreement}?handler=Upload", form);
                Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
            }

            // Uploaded through B, listed and downloaded through A.
            var page = await client.GetStringAsync($"{nginx.PinnedToA}/Agreements/Details/{agreement}");
            var link = Regex.Match(page, @"href=""(/Agreements/Details/[^""]*handler=Document&amp;documentId=[0-9a-f-]+)""");
            Assert.True(link.Success, "the uploaded document is listed on A");
            Assert.Equal(pdf, await client.GetByteArrayAsync(nginx.PinnedToA + WebUtility.HtmlDecode(link.Groups[1].Value)));

            // Round robin without stickiness: every signed-in request succeeds, and both instances answer.
            for (var i = 0; i < 20; i++)
            {
                var response = await client.GetAsync($"{nginx.BalancedUrl}/Agreements/Details/{agreement}?round={i}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            var answered = nginx.AccessLog.Where(l => l.Contains("?round=")).Select(l => l.Split(' ')[^1]).ToHashSet();
            Assert.Equal(new HashSet<string> { a.Authority, b.Authority }, answered);

            // Both schedulers tick every 50 ms; the probe job is due every minute of the shared clock.
            await Eventually.TrueAsync(() => runs.Count >= 1, "the first due point of the probe job");
            for (var step = 1; step <= 5; step++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                var due = ProbeJob.Every.LatestDue(clock.GetUtcNow().UtcDateTime, TimeZoneInfo.Utc);
                await Eventually.TrueAsync(() => runs.Any(r => r.Due == due), $"the probe job at {due:o}");
            }
            // Time for a second run of the same due point, if one were to happen.
            await Task.Delay(500);
            var duplicates = runs.GroupBy(r => r.Due).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.Empty(duplicates);
            Assert.True(runs.Select(r => r.Due).Distinct().Count() >= 6);
            var lease = await a.WithDbAsync(db => db.Set<JobLease>().AsNoTracking().SingleAsync(j => j.Name == ProbeJob.JobName));
            Assert.Equal(runs.Count, lease.Runs);
            output.WriteLine($"probe job: {runs.Count} due points, run by A {runs.Count(r => r.Instance == "A")} times and by B {runs.Count(r => r.Instance == "B")} times");
        }
        finally
        {
            if (b is not null)
            {
                await b.DisposeAsync();
            }
            if (a is not null)
            {
                await a.DisposeAsync();
            }
            TestDatabase.Drop(database);
            Directory.Delete(keys, recursive: true);
        }
    }

    [Fact]
    public async Task Behind_a_proxy_the_sign_in_limit_counts_each_client_not_the_proxy()
    {
        var database = await AppFactory.NewDemoDatabaseAsync();
        var keys = Directory.CreateTempSubdirectory("waishi-keys-").FullName;
        try
        {
            await using var app = InstanceHost.Start(database, keys, new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "2" });
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            async Task<HttpStatusCode> AttemptAsync(string forwardedFor)
            {
                var token = await client.AntiforgeryTokenAsync("/Account/SignIn");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["Form.UserName"] = "nobody.at.all", ["Form.Password"] = "wrong", ["__RequestVerificationToken"] = token,
                    }),
                };
                // What nginx on the same machine sends on behalf of its client.
                request.Headers.Add("X-Forwarded-For", forwardedFor);
                return (await client.SendAsync(request)).StatusCode;
            }

            Assert.NotEqual(HttpStatusCode.TooManyRequests, await AttemptAsync("203.0.113.5"));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await AttemptAsync("203.0.113.5"));
            Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync("203.0.113.5"));
            // Another client behind the same proxy still gets its own attempts.
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await AttemptAsync("203.0.113.6"));
        }
        finally
        {
            TestDatabase.Drop(database);
            Directory.Delete(keys, recursive: true);
        }
    }

    private static void Instance(IServiceCollection services, string name, TimeProvider clock, ConcurrentQueue<(string, DateTime)> runs)
    {
        services.AddSingleton(clock);
        services.AddSingleton<IRecurringJob>(new ProbeJob(name, runs));
    }

    /// <summary>A draft agreement of Chongqing University with a partner in the officer's region.</summary>
    private static Task<Guid> AgreementAsync(InstanceHost app) => app.WithDbAsync(async db =>
    {
        var tenantId = await db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync();
        var partner = new Partner
        {
            TenantId = tenantId, NameEn = "University of Leeds", CountryCode = "GB", Type = PartnerType.University,
            Region = Partner.RegionOf("GB"), CreatedUtc = DateTime.UtcNow,
        };
        partner.Index();
        db.Add(partner);
        await db.SaveChangesAsync();
        return await AgreementData.AddAsync(db, new AgreementBuilder(tenantId, partner.Id));
    });

    /// <summary>Records which instance ran which due point.</summary>
    private sealed class ProbeJob(string instance, ConcurrentQueue<(string, DateTime)> runs) : IRecurringJob
    {
        public const string JobName = "two-instances-probe";
        public static readonly JobSchedule Every = JobSchedule.Every(TimeSpan.FromMinutes(1));

        public string Name => JobName;
        public JobSchedule Schedule => Every;

        public async Task RunAsync(JobRun run, CancellationToken ct)
        {
            runs.Enqueue((instance, run.DueUtc));
            // Long enough for the other scheduler to tick while this run holds the due point.
            await Task.Delay(100, ct);
        }
    }

    /// <summary>The real time plus an offset that the test moves forward, shared by both instances.</summary>
    private sealed class MovableClock : TimeProvider
    {
        private long _offsetTicks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
    }
}
