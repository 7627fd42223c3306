namespace Waishi.Web.Platform.Jobs;

/// <summary>A job the scheduler runs on its schedule. Register it with
/// <c>services.AddSingleton&lt;IRecurringJob, MyJob&gt;()</c>; it gets a fresh scope for each run.</summary>
public interface IRecurringJob
{
    /// <summary>Unique, stable name (the job's lease row), at most 100 characters.</summary>
    string Name { get; }

    JobSchedule Schedule { get; }

    Task RunAsync(JobRun run, CancellationToken ct);
}

/// <summary>One run of a job: the due point it stands for and the services of its scope (the
/// tenant context is in system scope, as jobs span tenants).</summary>
public sealed record JobRun(string Name, DateTime DueUtc, IServiceProvider Services);
