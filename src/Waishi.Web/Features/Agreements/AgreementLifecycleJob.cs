using Microsoft.Extensions.Options;
using Waishi.Web.Platform.Jobs;

namespace Waishi.Web.Features.Agreements;

/// <summary>Daily at 07:00 (before the office opens): moves agreements through the dated part of
/// their lifecycle and sends the expiry reminders, for every tenant (see <see cref="AgreementLifecycle"/>).</summary>
public sealed class AgreementLifecycleJob(IOptions<JobOptions> options, ILogger<AgreementLifecycleJob> log) : IRecurringJob
{
    public string Name => "agreement-lifecycle";

    public JobSchedule Schedule => JobSchedule.DailyAt(new TimeOnly(7, 0));

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(run.DueUtc, options.Value.Zone()));
        var result = await run.Services.GetRequiredService<AgreementLifecycle>().RunAsync(today, ct);
        log.LogInformation("Agreements on {Today}: {Result}", today, result);
    }
}
