using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Platform.Ewp;
using Waishi.Web.Platform.Jobs;
using static Waishi.Tests.Features.Agreements.LifecycleData;

namespace Waishi.Tests.Features.Agreements;

/// <summary>The daily lifecycle job: expiring and expired on the right day, auto-renewal, reminders
/// once per due point, and the dormant flag.</summary>
public sealed class AgreementLifecycleTests
{
    [Fact]
    public async Task An_active_agreement_turns_expiring_on_the_policys_day_before_expiry_and_not_the_day_before()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var expiry = Today.AddDays(400);
        var agreement = await AgreementAsync(app, tenant, [partner], expiry);

        await RunAsync(app, expiry.AddDays(-181));
        Assert.Equal(AgreementState.Active, (await ReloadAsync(app, agreement.Id)).State);

        await RunAsync(app, expiry.AddDays(-180));
        Assert.Equal(AgreementState.Expiring, (await ReloadAsync(app, agreement.Id)).State);
    }

    [Fact]
    public async Task An_agreement_is_in_force_on_its_expiry_day_and_expired_the_day_after()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var expiry = Today.AddDays(10);
        var agreement = await AgreementAsync(app, tenant, [partner], expiry);

        await RunAsync(app, expiry);
        Assert.Equal(AgreementState.Expiring, (await ReloadAsync(app, agreement.Id)).State);

        await RunAsync(app, expiry.AddDays(1));
        await RunAsync(app, expiry.AddDays(1));
        var after = await ReloadAsync(app, agreement.Id);
        Assert.Equal(AgreementState.Expired, after.State);
        Assert.Equal(expiry, after.ExpiresOn);
        Assert.Single(await MessagesAsync(app, agreement.Id), m => m.Subject.Contains("Agreement expired", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, 12)]
    [InlineData(24, 24)]
    public async Task An_auto_renewing_agreement_moves_its_expiry_on_and_stays_active_with_a_notice(int? renewalMonths, int expectedMonths)
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var expiry = Today.AddDays(10);
        var agreement = await AgreementAsync(app, tenant, [partner], expiry, a =>
        {
            a.AutoRenew = true;
            a.RenewalMonths = renewalMonths;
        });

        await RunAsync(app, expiry);
        Assert.Equal(AgreementState.Expiring, (await ReloadAsync(app, agreement.Id)).State);
        await RunAsync(app, expiry.AddDays(1));
        await RunAsync(app, expiry.AddDays(1));

        var renewed = await ReloadAsync(app, agreement.Id);
        Assert.Equal(AgreementState.Active, renewed.State);
        Assert.Equal(expiry.AddMonths(expectedMonths), renewed.ExpiresOn);
        var notice = Assert.Single(await MessagesAsync(app, agreement.Id), m => m.Subject.Contains("renewed automatically", StringComparison.Ordinal));
        Assert.Contains(renewed.ExpiresOn!.Value.ToString("yyyy-MM-dd"), notice.Body, StringComparison.Ordinal);
        Assert.Contains("自动续期", notice.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_go_to_the_responsible_officer_once_at_180_90_and_30_days()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var officer = await UserIdAsync(app, "cqu.officer-hmt");
        var expiry = Today.AddDays(400);
        var agreement = await AgreementAsync(app, tenant, [partner], expiry, a => a.OfficerUserId = officer);

        async Task<int> CountAfterAsync(int daysLeft)
        {
            await RunAsync(app, expiry.AddDays(-daysLeft));
            await RunAsync(app, expiry.AddDays(-daysLeft));
            return (await MessagesAsync(app, agreement.Id)).Count;
        }

        Assert.Equal(0, await CountAfterAsync(181));
        Assert.Equal(1, await CountAfterAsync(180));
        Assert.Equal(1, await CountAfterAsync(179));
        Assert.Equal(1, await CountAfterAsync(91));
        Assert.Equal(2, await CountAfterAsync(90));
        Assert.Equal(2, await CountAfterAsync(31));
        Assert.Equal(3, await CountAfterAsync(30));
        Assert.Equal(3, await CountAfterAsync(1));

        var messages = await MessagesAsync(app, agreement.Id);
        Assert.All(messages, m => Assert.Equal(officer, m.RecipientUserId));
        Assert.All(messages, m => Assert.Equal($"/Agreements/Details/{agreement.Id}", m.Link));
        Assert.Contains(messages, m => m.Subject.Contains("Agreement expires in 90 days", StringComparison.Ordinal)
            && m.Subject.Contains("协议将于 90 天后到期", StringComparison.Ordinal) && m.Body.Contains(expiry.ToString("yyyy-MM-dd"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missed_run_catches_up_with_the_nearest_point_only()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var expiry = Today.AddDays(400);
        var agreement = await AgreementAsync(app, tenant, [partner], expiry);
        var globalOfficer = await UserIdAsync(app, "cqu.officer-global");

        await RunAsync(app, expiry.AddDays(-25));
        await RunAsync(app, expiry.AddDays(-24));

        // No responsible officer: the global relations officers hear of it.
        var message = Assert.Single(await MessagesAsync(app, agreement.Id));
        Assert.Equal(globalOfficer, message.RecipientUserId);
        Assert.EndsWith(":30:" + globalOfficer.ToString("N"), message.DeduplicationKey, StringComparison.Ordinal);
        Assert.Contains("in 25 days", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_reaches_the_officer_by_e_mail_and_in_the_inbox()
    {
        await using var smtp = new SmtpListener();
        await using var app = await AppFactory.CreateAsync(Platform.Notifications.OutboxScenario.Dispatching(smtp));
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var officer = await Platform.Notifications.OutboxScenario.UserAsync(app, "cqu.officer-hmt");
        var expiry = Today.AddDays(400);
        var agreement = await AgreementAsync(app, tenant, [partner], expiry, a => a.OfficerUserId = officer.Id);

        await RunAsync(app, expiry.AddDays(-90));

        var ids = (await MessagesAsync(app, agreement.Id)).Select(m => m.Id).ToList();
        Assert.Single(ids);
        var sent = Assert.Single(await Platform.Notifications.OutboxScenario.UntilAsync(app, ids, m => m.All(x => x.CompletedUtc != null), "reminder sent"));
        Assert.NotNull(sent.EmailSentUtc);
        Assert.NotNull(sent.InboxDeliveredUtc);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal([officer.Email!], mail.Recipients);
        Assert.Contains("Agreement expires in 90 days", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_tenant_follows_its_own_policy()
    {
        await using var app = await AppFactory.CreateAsync();
        var a = await TenantAsync(app, CrossTenant.TenantA);
        var b = await TenantAsync(app, CrossTenant.TenantB);
        await SetPolicyAsync(app, b, p =>
        {
            p.ExpiringDays = 30;
            p.ReminderDays = "15";
        });
        var expiry = Today.AddDays(100);
        var inA = await AgreementAsync(app, a, [await PartnerAsync(app, a)], expiry);
        var inB = await AgreementAsync(app, b, [await PartnerAsync(app, b)], expiry);

        await RunAsync(app, Today);

        Assert.Equal(AgreementState.Expiring, (await ReloadAsync(app, inA.Id)).State);
        Assert.Single(await MessagesAsync(app, inA.Id));
        Assert.Equal(AgreementState.Active, (await ReloadAsync(app, inB.Id)).State);
        Assert.Empty(await MessagesAsync(app, inB.Id));
    }

    [Fact]
    public async Task An_agreement_without_mobility_for_two_years_is_dormant_until_a_mobility_is_recorded()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var old = await AgreementAsync(app, tenant, [partner], Today.AddYears(3), x => x.EffectiveOn = Today.AddYears(-3));
        var young = await AgreementAsync(app, tenant, [partner], Today.AddYears(3), x => x.EffectiveOn = Today.AddYears(-1));
        var signedOnly = await AgreementAsync(app, tenant, [partner], Today.AddYears(3), x =>
        {
            x.EffectiveOn = null;
            x.SignedOn = Today.AddYears(-3);
        });
        // A mobility long ago does not keep the agreement awake.
        await MobilityAsync(app, old, partner, MobilityDirection.Outgoing, MobilityKind.StudentStudies, Today.Year - 3,
            startOn: Today.AddYears(-3).AddDays(10), recordedUtc: DateTime.UtcNow);

        await RunAsync(app, Today);
        await RunAsync(app, Today);
        Assert.True((await ReloadAsync(app, old.Id)).Dormant);
        Assert.False((await ReloadAsync(app, young.Id)).Dormant);
        Assert.True((await ReloadAsync(app, signedOnly.Id)).Dormant);

        await MobilityAsync(app, old, partner, MobilityDirection.Incoming, MobilityKind.StaffTeacher, Today.Year, startOn: Today.AddMonths(-2));
        await MobilityAsync(app, signedOnly, partner, MobilityDirection.Incoming, MobilityKind.StaffTeacher, Today.Year);
        await RunAsync(app, Today);
        Assert.False((await ReloadAsync(app, old.Id)).Dormant);
        Assert.False((await ReloadAsync(app, signedOnly.Id)).Dormant);
    }

    [Fact]
    public async Task The_lifecycle_changes_are_audited()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var expiry = Today.AddDays(10);
        var agreement = await AgreementAsync(app, tenant, [await PartnerAsync(app, tenant)], expiry);

        await RunAsync(app, expiry.AddDays(1));

        var entries = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<Waishi.Web.Platform.Auditing.AuditEntry>().Where(e => e.EntityId == agreement.Id.ToString() || e.EntityId == agreement.Id.ToString("N"))));
        Assert.Contains(entries, e => e.Action == Waishi.Web.Platform.Auditing.AuditAction.Update
            && e.After!.Contains("Expired", StringComparison.Ordinal) && e.UserName == "system");
    }

    [Fact]
    public async Task The_lifecycle_job_runs_daily()
    {
        await using var app = await AppFactory.CreateAsync();
        var job = Assert.Single(app.Services.GetRequiredService<JobScheduler>().Jobs, j => j.Name == "agreement-lifecycle");
        Assert.Equal(JobSchedule.DailyAt(new TimeOnly(7, 0)), job.Schedule);
    }
}
